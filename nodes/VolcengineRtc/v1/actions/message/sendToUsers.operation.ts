import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { z } from 'zod';
import { errorFor, Fate, fanOut, fanOutFails, fanOutStatus, fateName, receiversWith, settleFanOut } from '../../../../shared/fanout';
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
				displayName: 'Include Message IDs',
				name: 'includeMessageIds',
				type: 'boolean',
				default: true,
				description: 'Whether the summary lists the message ID of every receiver. Switch off for very large sends to keep the output small.',
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
	includeMessageIds: boolean;
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
	const includeMessageIds = readOption(this, 'options', 'includeMessageIds', i, z.boolean(), 'Include Message IDs', true);

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
	return { base, receivers, duplicatesRemoved: receiversAll.length - receivers.length, batchSize, output, includeMessageIds };
}

export async function executeItem(this: IExecuteFunctions, plan: SendToUsersPlan, i: number): Promise<IDataObject | IDataObject[]> {
	const r = await fanOut(
		this,
		i,
		plan.receivers,
		plan.batchSize,
		String,
		async (chunk) => {
			// Field order as in §4.3: AppId, Sender, Receiver, then the rest.
			const body = { AppId: plan.base.AppId, Sender: plan.base.Sender, Receiver: chunk, ...plan.base };
			// Not idempotent: Volcengine does not de-duplicate BatchSendMessage (§3.3).
			const { result, requestId } = await volcengineApiRequest.call(this, 'BatchSendMessage', body, { itemIndex: i, units: chunk.length });
			const ids = Object.entries((result.UserMessageId ?? {}) as Record<string, unknown>).map(([k, v]): [string, string] => [k, String(v)]);
			const failed = ((result.FailedReceiver ?? []) as unknown[]).map((x): [string, string] => [String(x), 'FailedReceiver']);
			// A receiver named in neither UserMessageId nor FailedReceiver was not confirmed: its delivery
			// is unknown, not "delivered". The Go SDK's BatchSendMessageResResult has UserMessageId only
			// (volcengine/volc-sdk-golang service/im/model.go), the doc page (6348/1263587) adds
			// FailedReceiver, so an answer may name a failed receiver nowhere.
			const named = new Set<string>([...ids.map(([k]) => k), ...failed.map(([k]) => k)]);
			const unconfirmed = chunk.map(String).filter((r) => !named.has(r));
			return { ids, failed, unconfirmed, requestId };
		},
		plan.includeMessageIds || plan.output === 'perReceiver',
	);
	if (plan.output === 'perReceiver' && !fanOutFails(r)) {
		return plan.receivers.map((receiver, k) => {
			const id = String(receiver);
			const fate = fateName(r.fates[k]);
			const json: IDataObject = { receiver: id, status: fate, messageId: fate === 'delivered' ? (r.ids?.get(id) ?? null) : null };
			const error = errorFor(r, k);
			if (error && fate !== 'delivered') json.error = error;
			else if (fate === 'unknown') json.reason = 'The answer named this receiver in neither UserMessageId nor FailedReceiver';
			return json;
		});
	}
	const summary: IDataObject = {
		status: fanOutStatus(r),
		appId: plan.base.AppId as number,
		sender: String(plan.base.Sender),
		receiverCount: r.count,
		deliveredCount: r.counts.delivered,
		failedCount: r.counts.failed,
		unknownCount: r.counts.unknown,
		notSentCount: r.counts.notSent,
		duplicatesRemoved: plan.duplicatesRemoved,
		calls: r.calls,
		failedReceivers: [...r.failedCodes.keys()],
		requestIds: r.requestIds,
	};
	if (plan.includeMessageIds) summary.messageIds = Object.fromEntries(r.ids ?? []);
	if (r.counts.unknown > 0) summary.unknownReceivers = receiversWith(r, plan.receivers, String, Fate.Unknown);
	if (r.chunkErrors.size) {
		summary.rejectedReceivers = receiversWith(r, plan.receivers, String, Fate.Failed).filter((x) => !r.failedCodes.has(x));
		summary.unknownReceivers = receiversWith(r, plan.receivers, String, Fate.Unknown);
		summary.notSentReceivers = receiversWith(r, plan.receivers, String, Fate.NotSent);
		summary.errors = [...r.chunkErrors.values()];
	}
	// Nothing delivered and a call did not go through: the item fails, and its error keeps this summary.
	return settleFanOut(this, i, r, summary);
}
