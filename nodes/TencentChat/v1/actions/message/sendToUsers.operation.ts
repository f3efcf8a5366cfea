import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';
import { errorFor, Fate, fanOutStatus, fateName, receiversWith } from '../../../../shared/fanout';
import { chunks } from '../../../../shared/batching';
import { fanOut, type FanOutOutcome, type Send } from '../../../../shared/engine/callShapes';
import { countFields, receiverLists, receiverRow, sharedVocabulary, statusOf } from '../../../../shared/engine/outcomes';
import { intInRange, collection, textField, numberField, booleanField, outputOption } from '../../../../shared/schemas';
import { tencentApi, type TencentApi } from '../../../transport/request';
import { shownSender, tencentOperation } from '../../helpers/common';
import { fromAccountField, optionalUserId, userIdList } from '../../helpers/fields';
import { messageFields, messageOptionsFields } from '../../descriptions/message.description';
import { readMessage } from '../../helpers/readMessage';
import { conversation, joinLane, laneKey, type Lane } from '../../helpers/order';
import { c2cOptions, readC2cFields } from './common';
import { tencentReason } from '../../../transport/errorReasons';

/**
 * batchsendmsg — tencent-chat.md §4.2: ≤ 500 receivers per call, any number per item. Accounts
 * listed in ErrorList are reported per account; every chunk keeps the item's MsgRandom/MsgSeq.
 *
 * batchsendmsg lists in ErrorList only receivers it tried and failed; an account that was never
 * imported gets no entry (tencent-chat.md corrections; the CN page 269/1612 describes ErrorList as
 * the receivers whose send failed and says nothing of unknown accounts) — it would look delivered.
 * "Check Accounts First" asks account_check (≤ 100 per call, 269/1611) before sending and reports
 * unknown accounts as failed (70107) without sending to them, or imports them first.
 */

/** account_check and multiaccount_import take at most 100 accounts per call (tencent-chat.md §5.2–5.3). */
const MAX_CHECK_PER_CALL = 100;
const NOT_IMPORTED = 70107;
const NOT_IMPORTED_REASON = 'Not an imported account (account_check: NotImported); nothing was sent to it. Import the account first.';

export const MAX_ACCOUNTS_PER_CALL = 500;

const properties: INodeProperties[] = [
	fromAccountField,
	textField(
		'Receiver User IDs',
		'toAccounts',
		'Any number of user IDs, separated by commas or new lines, or an array from an expression. Sent in calls of up to 500.',
		{ required: true, typeOptions: { rows: 3 }, placeholder: 'user_1, user_2, user_3' },
	),
	...messageFields,
	collection([
		numberField('Batch Size', 'batchSize', MAX_ACCOUNTS_PER_CALL, 1, MAX_ACCOUNTS_PER_CALL, 'Receivers per call, at most 500'),
		...c2cOptions,
		booleanField(
			'Check Accounts First',
			'checkAccounts',
			false,
			'Whether to check the receivers with account_check (100 per call) before sending. batchsendmsg does not report accounts that were never imported, so without the check they look delivered; with it they are reported as failed and not sent to.',
		),
		booleanField(
			'Import Unknown Accounts',
			'importUnknown',
			false,
			'Whether to import (multiaccount_import) the accounts the check did not find, then send to them too',
			{ displayOptions: { show: { checkAccounts: [true] } } },
		),
		booleanField(
			'Online Users Only',
			'onlineOnly',
			false,
			'Whether to deliver only to receivers online now, without storing the message, counting it as unread or keeping history (OnlineOnlyFlag 1; Message Lifetime is then not sent)',
		),
		outputOption('Totals, message keys and failed accounts', 'Status of each receiver'),
		booleanField(
			'Include Message IDs',
			'includeMessageIds',
			true,
			'Whether the summary lists the message ID (MsgKey, for Recall) of every receiver. Switch off for very large sends to keep the output small.',
			{ displayOptions: { show: { '@version': [{ _cnd: { gte: 1.1 } }] } } },
		),
		booleanField('Remove Duplicate Receivers', 'dedupe', true, 'Whether a receiver listed twice gets the message once'),
	]),
	...messageOptionsFields('batch'),
];


interface BatchSendPlan {
	base: Record<string, unknown>;
	accounts: string[];
	duplicatesRemoved: number;
	batchSize: number;
	output: 'summary' | 'perReceiver';
	checkAccounts: boolean;
	importUnknown: boolean;
	/** Shared with every other item of the run that reaches one of the same conversations. */
	lane?: Lane;
	/** Check Accounts First, once it ran: the accounts that do not exist, and those imported. */
	check?: { unknown: Set<string>; imported: string[] };
	/** Node version 1.1: the shared output vocabulary (README → Outputs); version 1 keeps 0.1.0's names. */
	shared: boolean;
	includeMessageIds: boolean;
	/** Who the output says sent it (1.1: the app admin when no sender is given). */
	shownFrom?: string | null;
}

/** account_check (then multiaccount_import, if asked) of the item's receivers: the accounts that do not exist afterwards. */
async function checkAccounts(plan: BatchSendPlan, send: Send<TencentApi>): Promise<BatchSendPlan> {
	if (!plan.checkAccounts) return plan;
	const unknown = new Set<string>();
	for (const part of chunks([...new Set(plan.accounts)], MAX_CHECK_PER_CALL)) {
		const { result } = await send(tencentApi('im_open_login_svc/account_check', true), { CheckItem: part.map((UserID) => ({ UserID })) });
		const status = new Map<string, string>();
		for (const r of (result.ResultItem ?? []) as IDataObject[]) status.set(String(r.UserID), String(r.AccountStatus ?? ''));
		// Anything but a confirmed "Imported" is treated as unknown: never reported delivered without proof.
		for (const a of part) if (status.get(a) !== 'Imported') unknown.add(a);
	}
	const imported: string[] = [];
	if (plan.importUnknown && unknown.size) {
		for (const part of chunks([...unknown], MAX_CHECK_PER_CALL)) {
			// Importing an existing account again is harmless, so the call is idempotent.
			const { result } = await send(tencentApi('im_open_login_svc/multiaccount_import', true), { Accounts: part });
			const failed = new Set(((result.FailAccounts ?? []) as unknown[]).map(String));
			for (const a of part) {
				if (failed.has(a)) continue;
				unknown.delete(a);
				imported.push(a);
			}
		}
	}
	return { ...plan, check: { unknown, imported } };
}

const NONE = new Set<string>();

export const sendToUsers = tencentOperation<BatchSendPlan>({
	resource: 'message',
	operation: 'sendToUsers',
	option: { name: 'Send to Users', description: 'Send one message to any number of users, in calls of 500 (batchsendmsg)', action: 'Send a message to many users' },
	doc: { api: '`openim/batchsendmsg`', limits: 'Any number of accounts in calls of ≤ 500; `ErrorList` per account in the output. 12,000 messages/min. Items whose receivers overlap never overtake each other. *Online Users Only* sends `OnlineOnlyFlag: 1` ([269/1612](https://cloud.tencent.com/document/product/269/1612)). *Check Accounts First* (`account_check`, ≤ 100/call): never-imported accounts, which batchsendmsg does not report, are **failed (70107)** and not sent to; *Import Unknown Accounts* imports them first.' },
	properties,
	read(r) {
		const from = r.param('fromAccount', optionalUserId, 'Sender User ID', '');
		const all = r.param<string[]>('toAccounts', userIdList, 'Receiver User IDs');
		const msg = readMessage(r.ctx, r.itemIndex, 'batch');
		const batchSize = r.option('options', 'batchSize', intInRange(1, MAX_ACCOUNTS_PER_CALL), 'Batch Size', MAX_ACCOUNTS_PER_CALL);
		const output = r.option('options', 'output', z.enum(['summary', 'perReceiver']), 'Output', 'summary');
		const dedupe = r.option('options', 'dedupe', z.boolean(), 'Remove Duplicate Receivers', true);
		const onlineOnly = r.option('options', 'onlineOnly', z.boolean(), 'Online Users Only', false);
		const checkAccounts = r.option('options', 'checkAccounts', z.boolean(), 'Check Accounts First', false);
		const importUnknown = checkAccounts && r.option('options', 'importUnknown', z.boolean(), 'Import Unknown Accounts', false);
		const accounts = dedupe ? [...new Set(all)] : all;
		const base: Record<string, unknown> = {};
		if (from) base.From_Account = from;
		Object.assign(base, readC2cFields(r), msg);
		if (onlineOnly) {
			// The CN page (cloud.tencent.com/document/product/269/1612, 2026) says online-only is
			// OnlineOnlyFlag 1; the English page (tencentcloud.com 1047/34920) still says MsgLifeTime 0.
			// We follow the CN page and then leave MsgLifeTime out rather than send a lifetime that
			// contradicts the flag.
			base.OnlineOnlyFlag = 1;
			delete base.MsgLifeTime;
		}
		// Lanes only matter when there is another item to overtake.
		const lane = r.ctx.getInputData().length > 1 ? joinLane(r.ctx, accounts.map((a) => conversation(from, a))) : undefined;
		const shared = sharedVocabulary(r.ctx);
		const includeMessageIds = shared && r.option('options', 'includeMessageIds', z.boolean(), 'Include Message IDs', true);
		return { base, accounts, duplicatesRemoved: all.length - accounts.length, batchSize, output, checkAccounts, importUnknown, lane, shared, includeMessageIds };
	},
	// Items to the same receivers (from the same sender) go out one after the other, in input order.
	orderKey: (plan) => (plan.lane ? laneKey(plan.lane) : undefined),
	shape: fanOut({
		before: async (plan, send, ctx) => await checkAccounts({ ...plan, shownFrom: await shownSender(ctx, plan.base.From_Account as string | undefined) }, send),
		list: (plan) => plan.accounts,
		max: (plan) => plan.batchSize,
		keepIds: (plan) => plan.shared && (plan.includeMessageIds || plan.output === 'perReceiver'),
		async send(plan, chunk, _n, send) {
			// Accounts the check did not find are not sent to; they are reported as failed (70107).
			const unknown = plan.check?.unknown ?? NONE;
			const notImported = chunk.filter((a) => unknown.has(a)).map((a): [string, number] => [a, NOT_IMPORTED]);
			const to = notImported.length ? chunk.filter((a) => !unknown.has(a)) : chunk;
			if (to.length === 0) return { failed: notImported };
			// Idempotent: every chunk repeats the item's MsgSeq/MsgRandom, so Tencent drops a repeat (§3.4).
			const { result, requestId } = await send(tencentApi('openim/batchsendmsg', true), { ...plan.base, To_Account: to }, { units: to.length });
			const failed = ((result.ErrorList ?? []) as IDataObject[]).map((e): [string, number] => [String(e.To_Account), Number(e.ErrorCode)]);
			const key = result.MsgKey as string | undefined;
			// Every receiver's message of a call has the call's MsgKey (Recall takes it with the receiver).
			let ids: Array<[string, string]> | undefined;
			if (plan.shared && key !== undefined && (plan.includeMessageIds || plan.output === 'perReceiver')) {
				const refused = new Set(failed.map(([a]) => a));
				ids = to.filter((a) => !refused.has(a)).map((a): [string, string] => [a, key]);
			}
			return { failed: [...notImported, ...failed], key, ids, requestId };
		},
		output(plan, r) {
			if (plan.shared) return sharedOutput(plan, r);
			// Node version 1: the field names of 0.1.0.
			const unknown = plan.check?.unknown ?? NONE;
			const common = { msgRandom: plan.base.MsgRandom as number, msgSeq: plan.base.MsgSeq as number };
			if (plan.output === 'perReceiver' && !r.fails) {
				return plan.accounts.map((account, k) => {
					const fate = fateName(r.fates[k]);
					const json: IDataObject = { receiver: account, status: fate, ...common };
					if (fate === 'delivered') json.msgKey = r.keys[r.chunkOf(k)] ?? null;
					if (r.failedCodes.has(account)) {
						json.errorCode = r.failedCodes.get(account) as number;
						json.reason = tencentReason(json.errorCode);
					}
					if (fate === 'failed' && unknown.has(account)) json.reason = NOT_IMPORTED_REASON;
					const error = errorFor(r, k);
					if (error && fate !== 'delivered') json.error = error;
					return json;
				});
			}
			const summary: IDataObject = {
				status: fanOutStatus(r),
				from: (plan.base.From_Account as string) ?? null,
				receiverCount: r.count,
				deliveredCount: r.counts.delivered,
				failedCount: r.counts.failed,
				unknownCount: r.counts.unknown,
				notSentCount: r.counts.notSent,
				duplicatesRemoved: plan.duplicatesRemoved,
				calls: r.calls,
				msgKeys: r.keys.filter((k): k is string => typeof k === 'string'),
				failedAccounts: [...r.failedCodes].map(([account, errorCode]) => ({ account, errorCode, reason: tencentReason(errorCode) })),
				...common,
				requestIds: r.requestIds,
			};
			if (plan.base.OnlineOnlyFlag === 1) summary.onlineOnly = true;
			if (plan.check) {
				summary.notImportedAccounts = plan.accounts.filter((a) => unknown.has(a));
				summary.importedAccounts = plan.check.imported;
				if (unknown.size) summary.notImportedReason = NOT_IMPORTED_REASON;
			}
			if (r.chunkErrors.size) {
				summary.rejectedAccounts = receiversWith(r, plan.accounts, (a) => a, Fate.Failed).filter((a) => !r.failedCodes.has(a));
				summary.unknownAccounts = receiversWith(r, plan.accounts, (a) => a, Fate.Unknown);
				summary.notSentAccounts = receiversWith(r, plan.accounts, (a) => a, Fate.NotSent);
				summary.errors = [...r.chunkErrors.values()];
			}
			// Nothing delivered and a call did not go through: the item fails, and its error keeps this summary.
			return summary;
		},
	}),
});

/** Node version 1.1: the same receivers in the shared vocabulary (README → Outputs). */
function sharedOutput(plan: BatchSendPlan, r: FanOutOutcome<string>): IDataObject | IDataObject[] {
	const notImported = plan.check?.unknown ?? NONE;
	const reasonOf = (code: string | number, account: string) => (notImported.has(account) ? NOT_IMPORTED_REASON : tencentReason(code));
	const common = { msgRandom: plan.base.MsgRandom as number, msgSeq: plan.base.MsgSeq as number };
	if (plan.output === 'perReceiver' && !r.fails) {
		return plan.accounts.map((_, k) => {
			const row = receiverRow(r, k, reasonOf);
			if (row.status === 'delivered') row.messageId = r.ids?.get(row.receiver as string) ?? null;
			return Object.assign(row, common);
		});
	}
	const summary: IDataObject = {
		status: statusOf(r),
		from: plan.shownFrom ?? null,
		receiverCount: r.count,
		...countFields(r),
		duplicatesRemoved: plan.duplicatesRemoved,
		calls: r.calls,
	};
	if (plan.includeMessageIds) summary.messageIds = Object.fromEntries(r.ids ?? []);
	Object.assign(summary, receiverLists(r, reasonOf), common, { requestIds: r.requestIds });
	if (plan.base.OnlineOnlyFlag === 1) summary.onlineOnly = true;
	if (plan.check) {
		summary.notImportedAccounts = plan.accounts.filter((a) => notImported.has(a));
		summary.importedAccounts = plan.check.imported;
	}
	if (r.chunkErrors.size) summary.errors = [...r.chunkErrors.values()];
	return summary;
}
