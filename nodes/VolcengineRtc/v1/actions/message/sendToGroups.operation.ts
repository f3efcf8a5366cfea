import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';
import { fanOut } from '../../../../shared/engine/callShapes';
import { countFields, entriesWith, Fate, receiverLists, sharedVocabulary, statusOf } from '../../../../shared/engine/outcomes';
import { collection, intInRange, int64Id, keyValueMap } from '../../../../shared/schemas';
import { imApi } from '../../../transport/request';
import { resolveAppId, volcengineOperation } from '../../helpers/common';
import {
	appIdField,
	batchSizeOption,
	clientMsgIdOption,
	dedupeOption,
	extOption,
	listField,
	messageFields,
	readMessageFields,
	priorityOption,
	senderField,
} from '../../helpers/fields';
import { clientMsgIdInput, int64List, optionalInt, uniqueIds } from '../../helpers/im';

/**
 * BatchSendGroupMessage — volcengine-rtc.md §4.5: the same message into up to 20 conversations of
 * one type per call (QPS 5, paced by the transport). Any number of conversations per item: they
 * are sent in calls of ≤ 20, one after the other. Each call has its own ClientMsgId, fixed before
 * the first attempt: the item's key for the first call, `<key>-<n>` for call n+1.
 */

export const MAX_CONVERSATIONS_PER_CALL = 20;
// De-duplicated by ClientMsgId (§3.3): repeating after an ambiguous failure is safe.
const api = imApi('BatchSendGroupMessage', true);

interface Plan {
	base: Record<string, unknown>;
	conversations: bigint[];
	duplicatesRemoved: number;
	batchSize: number;
	clientMsgId: string;
	/** Node version 1.1: the shared output vocabulary (README → Outputs). */
	shared: boolean;
}

export const sendToGroups = volcengineOperation<Plan>({
	resource: 'message',
	operation: 'sendToGroups',
	option: {
		name: 'Send to Groups',
		description: 'Send the same message into any number of group conversations (BatchSendGroupMessage)',
		action: 'Send a message to groups',
	},
	doc: { api: '`BatchSendGroupMessage`', limits: 'Any number of conversations, ≤ 20 per call; one ClientMsgId per call. Items of one app go out in input order (one lane: an item may reach 20 conversations). 5/s.' },
	properties: [
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
		listField({
			displayName: 'Conversation IDs',
			name: 'conversationShortIds',
			placeholder: '7205759403792793601, 7205759403792793602',
			description: 'Any number of ConversationShortIds, separated by commas or new lines, or an array from an expression. Sent in calls of up to 20.',
		}),
		...messageFields,
		collection([
			batchSizeOption(MAX_CONVERSATIONS_PER_CALL, 'Conversations'),
			clientMsgIdOption,
			extOption,
			priorityOption,
			dedupeOption('Conversations', 'conversation'),
		]),
	],
	async read(r) {
		const AppId = await resolveAppId(r);
		const Sender = r.param('sender', int64Id, 'Sender User ID');
		const ConversationType = r.param('conversationType', intInRange(1, 2147483647), 'Conversation Type');
		const all: bigint[] = r.param('conversationShortIds', int64List('conversation'), 'Conversation IDs');
		const { MsgType, Content } = readMessageFields(r);
		const batchSize = r.option('options', 'batchSize', intInRange(1, MAX_CONVERSATIONS_PER_CALL), 'Batch Size', MAX_CONVERSATIONS_PER_CALL);
		const clientMsgId = r.option('options', 'clientMsgId', clientMsgIdInput, 'Client Message ID', '');
		const ext = r.option('options', 'ext', keyValueMap(), 'Extra Fields (Ext)', {});
		const priority = r.option('options', 'priority', optionalInt(0, 2), 'Priority', '');
		const conversations = r.option('options', 'dedupe', z.boolean(), 'Remove Duplicate Conversations', true) ? uniqueIds(all) : all;
		const base: Record<string, unknown> = { AppId, Sender, ConversationType, MsgType, Content };
		if (Object.keys(ext).length) base.Ext = ext;
		if (priority !== undefined) base.Priority = priority;
		return { base, conversations, duplicatesRemoved: all.length - conversations.length, batchSize, clientMsgId, shared: sharedVocabulary(r.ctx) };
	},
	/**
	 * Items of one app go out one after the other, in input order: an item reaches up to 20
	 * conversations per call and items may share any of them, so one lane per app is the only lane
	 * that keeps every conversation's order when an earlier item is retried. BatchSendGroupMessage is
	 * limited to 5 requests per second (§4.5), so the lane costs little throughput.
	 */
	orderKey: (plan) => `${String(plan.base.AppId)}|BatchSendGroupMessage`,
	shape: fanOut({
		ordered: true,
		noun: 'conversations',
		list: (plan) => plan.conversations,
		max: (plan) => plan.batchSize,
		async send(plan, chunk, n, send) {
			const clientMsgId = n === 0 ? plan.clientMsgId : `${plan.clientMsgId}-${n}`;
			const { AppId, Sender, ConversationType, ...rest } = plan.base;
			const body = { AppId, Sender, ConversationType, ConversationShortIds: chunk, ...rest, ClientMsgId: clientMsgId };
			const { result, requestId } = await send(api, body);
			return { failed: [], requestId, value: { clientMsgId, result } };
		},
		output(plan, r) {
			const answered = r.values as Array<{ clientMsgId: string; result: IDataObject }>;
			if (plan.shared) {
				// The receivers are the conversations; a call refused as a whole names its code and message.
				return {
					status: statusOf(r),
					appId: plan.base.AppId as number,
					from: String(plan.base.Sender),
					conversationType: plan.base.ConversationType as number,
					receiverCount: r.count,
					...countFields(r),
					duplicatesRemoved: plan.duplicatesRemoved,
					calls: r.calls,
					clientMsgIds: answered.map((a) => a.clientMsgId),
					...receiverLists(r, String),
					requestIds: r.requestIds,
					results: answered.map((a) => a.result),
					...(r.chunkErrors.size ? { errors: [...r.chunkErrors.values()] } : {}),
				};
			}
			const summary: IDataObject = {
				status: statusOf(r),
				appId: plan.base.AppId as number,
				sender: String(plan.base.Sender),
				conversationType: plan.base.ConversationType as number,
				conversationCount: plan.conversations.length,
				sentCount: r.counts.delivered,
				unknownCount: r.counts.unknown,
				notSentCount: r.counts.notSent,
				duplicatesRemoved: plan.duplicatesRemoved,
				calls: r.calls,
				clientMsgIds: answered.map((a) => a.clientMsgId),
				requestIds: r.requestIds,
				// §4.5: the result shape is unconfirmed; each call's Result is passed on as received (int64 as strings).
				results: answered.map((a) => a.result),
			};
			if (r.stoppedAt !== undefined) {
				// A call whose answer was lost may have been processed: its conversations are unknown, not "not sent".
				summary.unknownConversations = entriesWith(r, Fate.Unknown);
				summary.notSentConversations = entriesWith(r, Fate.NotSent);
				summary.error = [...r.chunkErrors.values()][0];
			}
			return summary;
		},
	}),
});
