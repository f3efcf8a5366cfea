import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { z } from 'zod';
import { chunks } from '../../../../shared/batching';
import { errorItemJson, toNodeError } from '../../../../shared/errors';
import { outcomeStatus, settleFanOut, stoppedSend } from '../../../../shared/fanout';
import { readOption, readParam } from '../../../../shared/params';
import { intInRange, int64Id, keyValueMap, text } from '../../../../shared/schemas';
import { volcengineApiRequest } from '../../../transport/request';
import { resolveAppId } from '../../helpers/common';
import {
	appIdField,
	batchSizeOption,
	clientMsgIdOption,
	contentField,
	extOption,
	msgTypeField,
	priorityOption,
	senderField,
} from '../../helpers/fields';
import { clientMsgIdInput, int64List, optionalInt, uniqueIds } from '../../helpers/im';

/**
 * BatchSendGroupMessage — volcengine-rtc.md §4.5: the same message into up to 20 conversations of
 * one type per call (QPS 5, paced by the transport). Any number of conversations per item: they
 * are sent in calls of ≤ 20. Each call has its own ClientMsgId, fixed before the first attempt:
 * the item's key for the first call, `<key>-<n>` for call n+1.
 */

export const MAX_CONVERSATIONS_PER_CALL = 20;

const properties: INodeProperties[] = [
	appIdField,
	senderField,
	{
		displayName: 'Conversation Type',
		name: 'conversationType',
		type: 'options',
		default: 2,
		description: 'Type of every conversation in the list (ConversationType); one call only takes conversations of one type',
		options: [
			{ name: 'Group Chat', value: 2, description: 'Group conversations (type 2)' },
			{ name: 'Live Group', value: 100, description: 'Live-group conversations (type 100)' },
		],
	},
	{
		displayName: 'Conversation IDs',
		name: 'conversationShortIds',
		type: 'string',
		default: '',
		required: true,
		typeOptions: { rows: 3 },
		placeholder: '7205759403792793601, 7205759403792793602',
		description:
			'Any number of ConversationShortIds, separated by commas or new lines, or an array from an expression. Sent in calls of up to 20.',
	},
	msgTypeField,
	contentField,
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			batchSizeOption(MAX_CONVERSATIONS_PER_CALL, 'Conversations'),
			clientMsgIdOption,
			extOption,
			priorityOption,
			{
				displayName: 'Remove Duplicate Conversations',
				name: 'dedupe',
				type: 'boolean',
				default: true,
				description: 'Whether a conversation listed twice gets the message once',
			},
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['message'], operation: ['sendToGroups'] } },
	properties,
);

export interface SendToGroupsPlan {
	base: Record<string, unknown>;
	conversations: bigint[];
	duplicatesRemoved: number;
	batchSize: number;
	clientMsgId: string;
}

export async function prepare(this: IExecuteFunctions, i: number): Promise<SendToGroupsPlan> {
	const appId = await resolveAppId(this, i);
	const sender = readParam(this, 'sender', i, int64Id, 'Sender User ID');
	const conversationType = readParam(this, 'conversationType', i, intInRange(1, 2147483647), 'Conversation Type');
	const all: bigint[] = readParam(this, 'conversationShortIds', i, int64List('conversation'), 'Conversation IDs');
	const msgType = readParam(this, 'msgType', i, intInRange(0, 2147483647), 'Message Type');
	const content = readParam(this, 'content', i, text(), 'Content');
	const batchSize = readOption(this, 'options', 'batchSize', i, intInRange(1, MAX_CONVERSATIONS_PER_CALL), 'Batch Size', MAX_CONVERSATIONS_PER_CALL);
	const clientMsgId = readOption(this, 'options', 'clientMsgId', i, clientMsgIdInput, 'Client Message ID', '');
	const ext = readOption(this, 'options', 'ext', i, keyValueMap(), 'Extra Fields (Ext)', {});
	const priority = readOption(this, 'options', 'priority', i, optionalInt(0, 2), 'Priority', '');
	const dedupe = readOption(this, 'options', 'dedupe', i, z.boolean(), 'Remove Duplicate Conversations', true);

	const conversations = dedupe ? uniqueIds(all) : all;
	const base: Record<string, unknown> = { AppId: appId, Sender: sender, ConversationType: conversationType, MsgType: msgType, Content: content };
	if (Object.keys(ext).length) base.Ext = ext;
	if (priority !== undefined) base.Priority = priority;
	return { base, conversations, duplicatesRemoved: all.length - conversations.length, batchSize, clientMsgId };
}

/**
 * Items of one app go out one after the other, in input order: an item reaches up to 20
 * conversations per call and items may share any of them, so one lane per app is the only lane
 * that keeps every conversation's order when an earlier item is retried. BatchSendGroupMessage is
 * limited to 5 requests per second (§4.5), so the lane costs little throughput.
 */
export function orderKey(plan: SendToGroupsPlan): string {
	return `${String(plan.base.AppId)}|BatchSendGroupMessage`;
}

export async function executeItem(this: IExecuteFunctions, plan: SendToGroupsPlan, i: number): Promise<IDataObject> {
	const requestIds: string[] = [];
	const clientMsgIds: string[] = [];
	const results: IDataObject[] = [];
	let sent = 0;
	let failure: { from: number; error: IDataObject } | undefined;
	let firstError: unknown;

	const calls = chunks(plan.conversations, plan.batchSize);
	for (let n = 0; n < calls.length; n++) {
		const clientMsgId = n === 0 ? plan.clientMsgId : `${plan.clientMsgId}-${n}`;
		const { AppId, Sender, ConversationType, ...rest } = plan.base;
		const body = { AppId, Sender, ConversationType, ConversationShortIds: calls[n], ...rest, ClientMsgId: clientMsgId };
		try {
			// De-duplicated by ClientMsgId (§3.3): repeating after an ambiguous failure is safe.
			const { result, requestId } = await volcengineApiRequest.call(this, 'BatchSendGroupMessage', body, { itemIndex: i, idempotent: true });
			if (requestId) requestIds.push(requestId);
			clientMsgIds.push(clientMsgId);
			results.push(result);
			sent += calls[n].length;
		} catch (error) {
			firstError = error;
			failure = { from: n * plan.batchSize, error: errorItemJson(toNodeError(this.getNode(), error, i)) };
			break;
		}
	}
	const stop = stoppedSend(plan.conversations.length, failure?.from, plan.batchSize, firstError);

	const summary: IDataObject = {
		status: outcomeStatus(stop.counts),
		appId: plan.base.AppId as number,
		sender: String(plan.base.Sender),
		conversationType: plan.base.ConversationType as number,
		conversationCount: plan.conversations.length,
		sentCount: sent,
		unknownCount: stop.counts.unknown,
		notSentCount: stop.counts.notSent,
		duplicatesRemoved: plan.duplicatesRemoved,
		calls: results.length + (failure ? 1 : 0),
		clientMsgIds,
		requestIds,
		// §4.5: the result shape is unconfirmed; each call's Result is passed on as received (int64 as strings).
		results,
	};
	if (failure) {
		// A call whose answer was lost may have been processed: its conversations are unknown, not "not sent".
		summary.unknownConversations = plan.conversations.slice(failure.from, stop.unknownUpTo).map(String);
		summary.notSentConversations = plan.conversations.slice(stop.unknownUpTo).map(String);
		summary.error = failure.error;
	}
	// Nothing answered: the item fails, and its error keeps this summary.
	return settleFanOut(this, i, stop, summary, 'conversations');
}
