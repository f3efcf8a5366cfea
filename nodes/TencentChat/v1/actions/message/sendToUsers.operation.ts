import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { z } from 'zod';
import { errorFor, Fate, fanOut, fanOutFails, fanOutStatus, fateName, receiversWith, settleFanOut } from '../../../../shared/fanout';
import { readOption, readParam } from '../../../../shared/params';
import { intInRange } from '../../../../shared/schemas';
import { tencentApiRequest } from '../../../transport/request';
import { fromAccountField, optionalUserId, userIdList } from '../../helpers/fields';
import { messageFields, messageOptions, readMessage } from '../../helpers/message';
import { c2cOptions, messageBodyFields, readC2cFields } from './common';

/**
 * batchsendmsg — tencent-chat.md §4.2: ≤ 500 receivers per call, any number per item. Accounts
 * listed in ErrorList are reported per account; every chunk keeps the item's MsgRandom/MsgSeq.
 */

export const MAX_ACCOUNTS_PER_CALL = 500;

const properties: INodeProperties[] = [
	fromAccountField,
	{
		displayName: 'Receiver User IDs',
		name: 'toAccounts',
		type: 'string',
		default: '',
		required: true,
		typeOptions: { rows: 3 },
		placeholder: 'user_1, user_2, user_3',
		description: 'Any number of user IDs, separated by commas or new lines, or an array from an expression. Sent in calls of up to 500.',
	},
	...messageFields,
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
				default: MAX_ACCOUNTS_PER_CALL,
				typeOptions: { minValue: 1, maxValue: MAX_ACCOUNTS_PER_CALL, numberPrecision: 0 },
				description: 'Receivers per call, at most 500',
			},
			...c2cOptions,
			{
				displayName: 'Output',
				name: 'output',
				type: 'options',
				default: 'summary',
				options: [
					{ name: 'One Item per Input Item', value: 'summary', description: 'Totals, message keys and failed accounts' },
					{ name: 'One Item per Receiver', value: 'perReceiver', description: 'Status of each receiver' },
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
	{
		displayName: 'Message Options',
		name: 'messageOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: messageOptions('batch'),
	},
];

export const description = updateDisplayOptions({ show: { resource: ['message'], operation: ['sendToUsers'] } }, properties);

export interface BatchSendPlan {
	base: Record<string, unknown>;
	accounts: string[];
	duplicatesRemoved: number;
	batchSize: number;
	output: 'summary' | 'perReceiver';
}

export async function prepare(this: IExecuteFunctions, i: number): Promise<BatchSendPlan> {
	const from = readParam(this, 'fromAccount', i, optionalUserId, 'Sender User ID', '');
	const all = readParam<string[]>(this, 'toAccounts', i, userIdList, 'Receiver User IDs');
	const msg = readMessage(this, i, 'batch');
	const batchSize = readOption(this, 'options', 'batchSize', i, intInRange(1, MAX_ACCOUNTS_PER_CALL), 'Batch Size', MAX_ACCOUNTS_PER_CALL);
	const output = readOption(this, 'options', 'output', i, z.enum(['summary', 'perReceiver']), 'Output', 'summary');
	const dedupe = readOption(this, 'options', 'dedupe', i, z.boolean(), 'Remove Duplicate Receivers', true);
	const accounts = dedupe ? [...new Set(all)] : all;
	const base: Record<string, unknown> = {};
	if (from) base.From_Account = from;
	Object.assign(base, readC2cFields(this, i), messageBodyFields(msg));
	return { base, accounts, duplicatesRemoved: all.length - accounts.length, batchSize, output };
}

export async function executeItem(this: IExecuteFunctions, plan: BatchSendPlan, i: number): Promise<IDataObject | IDataObject[]> {
	const r = await fanOut(
		this,
		i,
		plan.accounts,
		plan.batchSize,
		(a) => a,
		async (chunk) => {
			// Idempotent: every chunk repeats the item's MsgSeq/MsgRandom, so Tencent drops a repeat (§3.4).
			const res = await tencentApiRequest.call(this, 'openim/batchsendmsg', { ...plan.base, To_Account: chunk }, { itemIndex: i, units: chunk.length, idempotent: true });
			const failed = ((res.ErrorList ?? []) as IDataObject[]).map((e): [string, number] => [String(e.To_Account), Number(e.ErrorCode)]);
			return { failed, key: res.MsgKey as string | undefined, requestId: res.RequestId as string | undefined };
		},
		false,
	);
	const common = { msgRandom: plan.base.MsgRandom as number, msgSeq: plan.base.MsgSeq as number };
	if (plan.output === 'perReceiver' && !fanOutFails(r)) {
		return plan.accounts.map((account, k) => {
			const fate = fateName(r.fates[k]);
			const json: IDataObject = { receiver: account, status: fate, ...common };
			if (fate === 'delivered') json.msgKey = r.keys[r.chunkOf(k)] ?? null;
			if (r.failedCodes.has(account)) json.errorCode = r.failedCodes.get(account) as number;
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
		failedAccounts: [...r.failedCodes].map(([account, errorCode]) => ({ account, errorCode })),
		...common,
		requestIds: r.requestIds,
	};
	if (r.chunkErrors.size) {
		summary.rejectedAccounts = receiversWith(r, plan.accounts, (a) => a, Fate.Failed).filter((a) => !r.failedCodes.has(a));
		summary.unknownAccounts = receiversWith(r, plan.accounts, (a) => a, Fate.Unknown);
		summary.notSentAccounts = receiversWith(r, plan.accounts, (a) => a, Fate.NotSent);
		summary.errors = [...r.chunkErrors.values()];
	}
	// Nothing delivered and a call did not go through: the item fails, and its error keeps this summary.
	return settleFanOut(this, i, r, summary);
}
