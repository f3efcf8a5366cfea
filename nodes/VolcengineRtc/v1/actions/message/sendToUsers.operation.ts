import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { z } from 'zod';
import { errorItemJson, toNodeError } from '../../../../shared/errors';
import { readOption, readParam } from '../../../../shared/params';
import { intInRange, int64Id, keyValueMap, listInput, text } from '../../../../shared/schemas';
import { volcengineApiRequest } from '../../../transport/request';
import { resolveAppId } from '../../helpers/common';
import { appIdField, contentField, extOption, inboxTypeOption, msgTypeField, senderField } from '../../helpers/fields';

/** BatchSendMessage — volcengine-rtc.md §4.3: ≤ 500 receivers per call, any number per item. */

export const MAX_RECEIVERS_PER_CALL = 500;

const properties: INodeProperties[] = [
	appIdField,
	senderField,
	{
		displayName: 'Receiver User IDs',
		name: 'receivers',
		type: 'string',
		default: '',
		required: true,
		typeOptions: { rows: 3 },
		placeholder: '20001, 20002, 20003',
		description:
			'Any number of user IDs, separated by commas or new lines, or an array from an expression. Sent in calls of up to 500.',
	},
	{
		displayName: 'Sender Is a Normal User',
		name: 'isNormalUser',
		type: 'boolean',
		default: false,
		description: 'Whether the sender is a normal user (IsNormalUser). Off: the sender is a robot account.',
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
			{
				displayName: 'Batch Size',
				name: 'batchSize',
				type: 'number',
				default: MAX_RECEIVERS_PER_CALL,
				typeOptions: { minValue: 1, maxValue: MAX_RECEIVERS_PER_CALL, numberPrecision: 0 },
				description: 'Receivers per call, at most 500',
			},
			extOption,
			inboxTypeOption,
			{
				displayName: 'Output',
				name: 'output',
				type: 'options',
				default: 'summary',
				options: [
					{
						name: 'One Item per Input Item',
						value: 'summary',
						description: 'Totals, message ID per receiver and failed receivers',
					},
					{ name: 'One Item per Receiver', value: 'perReceiver', description: 'Status and message ID of each receiver' },
				],
			},
			{
				displayName: 'Remove Duplicate Receivers',
				name: 'dedupe',
				type: 'boolean',
				default: true,
				description: 'Whether a receiver listed twice gets the message once',
			},
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['message'], operation: ['sendToUsers'] } },
	properties,
);

const receiversSchema = listInput.pipe(
	z.array(int64Id).min(1, 'needs at least one receiver'),
);

export interface SendToUsersPlan {
	base: Record<string, unknown>;
	receivers: bigint[];
	duplicatesRemoved: number;
	batchSize: number;
	output: 'summary' | 'perReceiver';
}

export async function prepare(this: IExecuteFunctions, i: number): Promise<SendToUsersPlan> {
	const appId = await resolveAppId(this, i);
	const sender = readParam(this, 'sender', i, int64Id, 'Sender User ID');
	const receiversAll: bigint[] = readParam(this, 'receivers', i, receiversSchema, 'Receiver User IDs');
	const isNormalUser = readParam(this, 'isNormalUser', i, z.boolean({ invalid_type_error: 'must be true or false' }), 'Sender Is a Normal User', false);
	const msgType = readParam(this, 'msgType', i, intInRange(0, 2147483647), 'Message Type');
	const content = readParam(this, 'content', i, text(), 'Content');
	const inboxType = readOption(this, 'options', 'inboxType', i, intInRange(0, 2147483647), 'Inbox Type', 0);
	const ext = readOption(this, 'options', 'ext', i, keyValueMap(), 'Extra Fields (Ext)', {});
	const batchSize = readOption(this, 'options', 'batchSize', i, intInRange(1, MAX_RECEIVERS_PER_CALL), 'Batch Size', MAX_RECEIVERS_PER_CALL);
	const output = readOption(this, 'options', 'output', i, z.enum(['summary', 'perReceiver']), 'Output', 'summary');
	const dedupe = readOption(this, 'options', 'dedupe', i, z.boolean(), 'Remove Duplicate Receivers', true);

	let receivers = receiversAll;
	if (dedupe) {
		const seen = new Set<bigint>();
		receivers = receiversAll.filter((r) => (seen.has(r) ? false : (seen.add(r), true)));
	}
	const base: Record<string, unknown> = {
		AppId: appId,
		Sender: sender,
		InboxType: inboxType,
		MsgType: msgType,
		Content: content,
		IsNormalUser: isNormalUser,
	};
	if (Object.keys(ext).length) base.Ext = ext;
	return { base, receivers, duplicatesRemoved: receiversAll.length - receivers.length, batchSize, output };
}

interface ChunkFailure {
	from: number;
	error: IDataObject;
}

export async function executeItem(this: IExecuteFunctions, plan: SendToUsersPlan, i: number): Promise<IDataObject | IDataObject[]> {
	const messageIds = new Map<string, string>();
	const failed = new Set<string>();
	const requestIds: string[] = [];
	let calls = 0;
	let failure: ChunkFailure | undefined;
	let firstError: unknown;

	for (let from = 0; from < plan.receivers.length; from += plan.batchSize) {
		const chunk = plan.receivers.slice(from, from + plan.batchSize);
		// Field order as in §4.3: AppId, Sender, Receiver, then the rest.
		const body = { AppId: plan.base.AppId, Sender: plan.base.Sender, Receiver: chunk, ...plan.base };
		try {
			calls++;
			const { result, requestId } = await volcengineApiRequest.call(this, 'BatchSendMessage', body, { itemIndex: i });
			if (requestId) requestIds.push(requestId);
			const ids = (result.UserMessageId ?? {}) as Record<string, unknown>;
			for (const [receiver, id] of Object.entries(ids)) messageIds.set(receiver, String(id));
			for (const r of (result.FailedReceiver ?? []) as unknown[]) failed.add(String(r));
		} catch (error) {
			firstError = error;
			failure = { from, error: errorItemJson(toNodeError(this.getNode(), error, i)) };
			break;
		}
	}

	const delivered = plan.receivers.length - failed.size - (failure ? plan.receivers.length - failure.from : 0);
	if (failure && delivered === 0 && failed.size === 0) throw firstError;

	const notSent = failure ? plan.receivers.slice(failure.from).map(String) : [];
	if (plan.output === 'perReceiver') {
		const notSentSet = new Set(notSent);
		return plan.receivers.map((r) => {
			const id = String(r);
			if (notSentSet.has(id)) return { receiver: id, status: 'notSent', messageId: null, error: failure!.error };
			if (failed.has(id)) return { receiver: id, status: 'failed', messageId: null };
			return { receiver: id, status: 'delivered', messageId: messageIds.get(id) ?? null };
		});
	}
	const summary: IDataObject = {
		status: failure || failed.size ? 'partial' : 'sent',
		appId: plan.base.AppId as number,
		sender: String(plan.base.Sender),
		receiverCount: plan.receivers.length,
		deliveredCount: delivered,
		failedCount: failed.size,
		notSentCount: notSent.length,
		duplicatesRemoved: plan.duplicatesRemoved,
		calls,
		messageIds: Object.fromEntries(messageIds),
		failedReceivers: [...failed],
		requestIds,
	};
	if (failure) {
		summary.notSentReceivers = notSent;
		summary.error = failure.error;
	}
	return summary;
}
