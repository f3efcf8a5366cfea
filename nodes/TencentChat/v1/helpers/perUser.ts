import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { planBatches } from '../../../shared/batching';
import { readDeliveryOptions } from '../../../shared/delivery';
import { toNodeError } from '../../../shared/errors';
import { runPool, safeConcurrency } from '../../../shared/pool';
import { readOption, readParam } from '../../../shared/params';
import type { ItemResult, PreparedItem } from '../../../shared/router';
import { intInRange } from '../../../shared/schemas';
import { tencentApiRequest } from '../../transport/request';
import { userId } from './fields';

/**
 * The push attribute and tag APIs (tencent-chat.md §4.10–4.11) take up to 100 users per call.
 * Each input item is one user; consecutive items are coalesced into calls of up to the batch size,
 * a user never twice in one call, and per-user answers (and ErrorList entries) go back to their item.
 */

export const MAX_USERS_PER_CALL = 100;

export const accountField: INodeProperties = {
	displayName: 'User ID',
	name: 'account',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'user_1001',
	description: 'One user per input item; many items are combined into calls of up to 100 users',
};

/** The "Batch Size" option of an API that takes up to `max` users per call. */
export function batchSizeOption(max: number): INodeProperties {
	return {
		displayName: 'Batch Size',
		name: 'batchSize',
		type: 'number',
		default: max,
		typeOptions: { minValue: 1, maxValue: max, numberPrecision: 0 },
		description: `Users per call, at most ${max}`,
	};
}

export const batchSizeOptions: INodeProperties = {
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: [batchSizeOption(MAX_USERS_PER_CALL)],
};

export interface PerUserPlan<T = unknown> {
	account: string;
	value: T;
	batchSize: number;
}

export function readPerUser<T>(ctx: IExecuteFunctions, i: number, value: T, max = MAX_USERS_PER_CALL): PerUserPlan<T> {
	return {
		account: readParam(ctx, 'account', i, userId, 'User ID'),
		value,
		batchSize: readOption(ctx, 'options', 'batchSize', i, intInRange(1, max), 'Batch Size', max),
	};
}

export async function executePerUser<T>(
	ctx: IExecuteFunctions,
	items: Array<PreparedItem<PerUserPlan<T>>>,
	path: string,
	body: (call: Array<PerUserPlan<T>>) => Record<string, unknown>,
	result: (plan: PerUserPlan<T>, res: IDataObject) => IDataObject,
	opts: {
		compatible?: (first: PerUserPlan<T>, next: PerUserPlan<T>) => boolean;
		/** false for calls whose repeat would answer differently (account_delete: 70107 the second time). Default true. */
		idempotent?: boolean;
	} = {},
): Promise<Map<number, ItemResult | Error>> {
	const out = new Map<number, ItemResult | Error>();
	const compatible = opts.compatible;
	const calls = planBatches(items, {
		max: (head) => head.plan.batchSize,
		key: (item) => item.plan.account,
		compatible: compatible ? (head, next) => compatible(head.plan, next.plan) : undefined,
	});
	const concurrency = safeConcurrency(calls, (call) => call.map((x) => x.plan.account), readDeliveryOptions(ctx, 0).concurrency);
	const stop: { error?: unknown } = {};
	await runPool(calls, concurrency, async (call) => {
		if (stop.error) return;
		try {
			// Reads, and set/add/remove of attributes and tags, are idempotent.
			const res = await tencentApiRequest.call(ctx, path, body(call.map((c) => c.plan)), { itemIndex: call[0].itemIndex, idempotent: opts.idempotent ?? true });
			const errors = new Map<string, number>();
			for (const e of (res.ErrorList ?? []) as IDataObject[]) errors.set(String(e.To_Account), Number(e.ErrorCode));
			for (const { itemIndex, plan } of call) {
				const code = errors.get(plan.account);
				out.set(
					itemIndex,
					code === undefined
						? { ...result(plan, res), usersInCall: call.length, requestId: (res.RequestId as string) ?? null }
						: { account: plan.account, status: 'failed', errorCode: code, usersInCall: call.length, requestId: (res.RequestId as string) ?? null },
				);
			}
		} catch (error) {
			if (!ctx.continueOnFail()) stop.error ??= toNodeError(ctx.getNode(), error, call[0].itemIndex);
			for (const { itemIndex } of call) out.set(itemIndex, error as Error);
		}
	});
	if (stop.error) throw stop.error;
	return out;
}

/** The entry for `account` in a response array such as UserAttrs or UserTags. */
export function entryFor(res: IDataObject, key: string, account: string): IDataObject | undefined {
	return ((res[key] ?? []) as IDataObject[]).find((e) => String(e.To_Account) === account);
}
