import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';
import { fanOut, type FanOutOutcome } from '../../../../shared/engine/callShapes';
import { countFields, entriesWith, errorFor, Fate, fateName, receiverLists, receiverRow, sharedVocabulary, statusOf } from '../../../../shared/engine/outcomes';
import { collection, intInRange, int64Id, keyValueMap, booleanField, outputOption } from '../../../../shared/schemas';
import { imApi } from '../../../transport/request';
import { resolveAppId, volcengineOperation } from '../../helpers/common';
import { appIdField, batchSizeOption, dedupeOption, extOption, inboxTypeOption, listField, messageFields, readMessageFields, senderField } from '../../helpers/fields';
import { int64List, uniqueIds } from '../../helpers/im';

/** BatchSendMessage — volcengine-rtc.md §4.3: ≤ 500 receivers per call, any number per item. */

export const MAX_RECEIVERS_PER_CALL = 500;
// Not idempotent: Volcengine does not de-duplicate BatchSendMessage (§3.3).
const api = imApi('BatchSendMessage');
// Built once (not per item): see nodes/shared/params.ts.
const trueOrFalse = z.boolean({ invalid_type_error: 'must be true or false' });
const flag = z.boolean();
const outputSchema = z.enum(['summary', 'perReceiver']);
const extSchema = keyValueMap();

interface Plan {
	base: Record<string, unknown>;
	receivers: bigint[];
	duplicatesRemoved: number;
	batchSize: number;
	output: 'summary' | 'perReceiver';
	includeMessageIds: boolean;
	/** Node version 1.1: the shared output vocabulary (README → Outputs); version 1 keeps 0.1.0's names. */
	shared: boolean;
}

const UNCONFIRMED = 'The answer named this receiver in neither UserMessageId nor FailedReceiver';
/** BatchSendMessage names failed receivers without a code or a reason (6348/1263587). */
const reasonOf = (code: string | number): string =>
	code === 'FailedReceiver' ? 'Volcengine listed this receiver in FailedReceiver (the answer gives no reason)' : String(code);

export const sendToUsers = volcengineOperation<Plan>({
	resource: 'message',
	operation: 'sendToUsers',
	option: {
		name: 'Send to Users',
		description: 'Send a one-to-one message from one sender to any number of users (BatchSendMessage)',
		action: 'Send a message to users',
	},
	doc: { api: '`BatchSendMessage`', limits: 'Any number of receivers (list, comma/newline string, or an array from an expression) in calls of ≤ 500, several in flight; duplicates removed by default. Output: totals, message id per receiver (as strings; switch off for huge sends), failed / unknown / not-sent receivers — or one item per receiver. A receiver the answer names in neither `UserMessageId` nor `FailedReceiver` is **unknown**, never counted delivered (the Go and Java SDKs model `UserMessageId` only). Paced to 50 QPS and 12,000 messages/min ([6348/1263587](https://www.volcengine.com/docs/6348/1263587)).' },
	properties: [
		appIdField,
		senderField,
		listField({
			displayName: 'Receiver User IDs',
			name: 'receivers',
			placeholder: '20001, 20002, 20003',
			description: 'Any number of user IDs, separated by commas or new lines, or an array from an expression. Sent in calls of up to 500.',
		}),
		booleanField('Sender Is a Normal User', 'isNormalUser', false, 'Whether the sender is a normal user (IsNormalUser). Off: the sender is a robot account.'),
		...messageFields,
		collection([
			batchSizeOption(MAX_RECEIVERS_PER_CALL, 'Receivers'),
			extOption,
			inboxTypeOption,
			outputOption('Totals, message ID per receiver and failed receivers', 'Status and message ID of each receiver'),
			booleanField(
				'Include Message IDs',
				'includeMessageIds',
				true,
				'Whether the summary lists the message ID of every receiver. Switch off for very large sends to keep the output small.',
			),
			dedupeOption('Receivers', 'receiver'),
		]),
	],
	async read(r) {
		const AppId = await resolveAppId(r);
		const Sender = r.param('sender', int64Id, 'Sender User ID');
		const all: bigint[] = r.param('receivers', int64List('receiver'), 'Receiver User IDs');
		const IsNormalUser = r.param('isNormalUser', trueOrFalse, 'Sender Is a Normal User', false);
		const { MsgType, Content } = readMessageFields(r);
		const InboxType = r.option('options', 'inboxType', intInRange(0, 2147483647), 'Inbox Type', 0);
		const ext = r.option('options', 'ext', extSchema, 'Extra Fields (Ext)', {});
		const batchSize = r.option('options', 'batchSize', intInRange(1, MAX_RECEIVERS_PER_CALL), 'Batch Size', MAX_RECEIVERS_PER_CALL);
		const output = r.option('options', 'output', outputSchema, 'Output', 'summary');
		const dedupe = r.option('options', 'dedupe', flag, 'Remove Duplicate Receivers', true);
		const includeMessageIds = r.option('options', 'includeMessageIds', flag, 'Include Message IDs', true);
		const receivers = dedupe ? uniqueIds(all) : all;
		const base: Record<string, unknown> = { AppId, Sender, InboxType, MsgType, Content, IsNormalUser };
		if (Object.keys(ext).length) base.Ext = ext;
		return { base, receivers, duplicatesRemoved: all.length - receivers.length, batchSize, output, includeMessageIds, shared: sharedVocabulary(r.ctx) };
	},
	shape: fanOut({
		list: (plan) => plan.receivers,
		max: (plan) => plan.batchSize,
		keepIds: (plan) => plan.includeMessageIds || plan.output === 'perReceiver',
		async send(plan, chunk, _n, send) {
			// Field order as in §4.3: AppId, Sender, Receiver, then the rest.
			const body = { AppId: plan.base.AppId, Sender: plan.base.Sender, Receiver: chunk, ...plan.base };
			const { result, requestId } = await send(api, body, { units: chunk.length });
			const messageIds = (result.UserMessageId ?? {}) as Record<string, unknown>;
			const failed = ((result.FailedReceiver ?? []) as unknown[]).map((x): [string, string] => [String(x), 'FailedReceiver']);
			// A receiver named in neither UserMessageId nor FailedReceiver was not confirmed: its delivery
			// is unknown, not "delivered". The Go SDK's BatchSendMessageResResult has UserMessageId only
			// (volcengine/volc-sdk-golang service/im/model.go), the doc page (6348/1263587) adds
			// FailedReceiver, so an answer may name a failed receiver nowhere.
			const failedSet = failed.length ? new Set(failed.map(([k]) => k)) : undefined;
			const unconfirmed: string[] = [];
			for (const receiver of chunk) {
				const k = String(receiver);
				if (!Object.prototype.hasOwnProperty.call(messageIds, k) && !failedSet?.has(k)) unconfirmed.push(k);
			}
			// The message ids are copied only when they are kept (Include Message IDs, or one item per receiver).
			const keep = plan.includeMessageIds || plan.output === 'perReceiver';
			const ids = keep ? Object.entries(messageIds).map(([k, v]): [string, string] => [k, String(v)]) : undefined;
			return { ids, failed, unconfirmed, requestId };
		},
		output(plan, r) {
			if (plan.shared) return sharedOutput(plan, r);
			// Node version 1: the field names of 0.1.0.
			if (plan.output === 'perReceiver' && !r.fails) {
				return plan.receivers.map((receiver, k) => {
					const id = String(receiver);
					const fate = fateName(r.fates[k]);
					const json: IDataObject = { receiver: id, status: fate, messageId: fate === 'delivered' ? (r.ids?.get(id) ?? null) : null };
					const error = errorFor(r, k);
					if (error && fate !== 'delivered') json.error = error;
					else if (fate === 'unknown') json.reason = UNCONFIRMED;
					return json;
				});
			}
			const summary: IDataObject = {
				status: statusOf(r),
				appId: plan.base.AppId as number,
				sender: String(plan.base.Sender),
				receiverCount: r.count,
				...countFields(r),
				duplicatesRemoved: plan.duplicatesRemoved,
				calls: r.calls,
				failedReceivers: [...r.failedCodes.keys()],
				requestIds: r.requestIds,
			};
			if (plan.includeMessageIds) summary.messageIds = Object.fromEntries(r.ids ?? []);
			if (r.counts.unknown > 0) summary.unknownReceivers = entriesWith(r, Fate.Unknown);
			if (r.chunkErrors.size) {
				summary.rejectedReceivers = entriesWith(r, Fate.Failed).filter((x) => !r.failedCodes.has(x));
				summary.unknownReceivers = entriesWith(r, Fate.Unknown);
				summary.notSentReceivers = entriesWith(r, Fate.NotSent);
				summary.errors = [...r.chunkErrors.values()];
			}
			return summary;
		},
	}),
});

/** Node version 1.1: the same receivers in the shared vocabulary (README → Outputs). */
function sharedOutput(plan: Plan, r: FanOutOutcome<bigint>) {
	if (plan.output === 'perReceiver' && !r.fails) {
		return plan.receivers.map((_, k) => {
			const row = receiverRow(r, k, reasonOf);
			if (row.status === 'delivered') row.messageId = r.ids?.get(row.receiver as string) ?? null;
			else if (row.status === 'unknown' && !r.chunkErrors.has(r.chunkOf(k))) row.reason = UNCONFIRMED;
			return row;
		});
	}
	const summary: IDataObject = {
		status: statusOf(r),
		appId: plan.base.AppId as number,
		from: String(plan.base.Sender),
		receiverCount: r.count,
		...countFields(r),
		duplicatesRemoved: plan.duplicatesRemoved,
		calls: r.calls,
	};
	if (plan.includeMessageIds) summary.messageIds = Object.fromEntries(r.ids ?? []);
	Object.assign(summary, receiverLists(r, reasonOf), { requestIds: r.requestIds });
	if (r.chunkErrors.size) summary.errors = [...r.chunkErrors.values()];
	return summary;
}
