import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { coalesce, type CallShape } from '../../../shared/engine/callShapes';
import type { ItemReader } from '../../../shared/engine/reader';
import type { PreparedItem } from '../../../shared/router';
import { batchSizeOption as sharedBatchSize, collection, intInRange } from '../../../shared/schemas';
import type { TencentApi } from '../../transport/request';
import { userId } from './fields';
import { tencentReason } from '../../transport/errorReasons';

/**
 * The APIs that take a list of users (push attributes and tags, tencent-chat.md §4.10–4.11: up to
 * 100 users per call; accounts §5). Each input item is one user; consecutive items are coalesced
 * into calls of up to the batch size (nodes/shared/engine/callShapes.ts `coalesce`), a user never
 * twice in one call, and per-user answers (and ErrorList entries) go back to their item.
 */

export const MAX_USERS_PER_CALL = 100;

/** The one "User ID" field of the Tencent operations (`account`). */
export function accountField(description = 'One user per input item; many items are combined into calls of up to 100 users'): INodeProperties {
	return { displayName: 'User ID', name: 'account', type: 'string', default: '', required: true, placeholder: 'user_1001', description };
}

/** The "Batch Size" option of an API that takes up to `max` users per call. */
export const batchSizeOption = (max: number): INodeProperties => sharedBatchSize(max, 'Users');

export const batchSizeOptions = collection([batchSizeOption(MAX_USERS_PER_CALL)]);

export interface PerUserPlan<T = unknown> {
	account: string;
	value: T;
	batchSize: number;
}

export function readPerUser<T>(r: ItemReader, value: T, max = MAX_USERS_PER_CALL): PerUserPlan<T> {
	return {
		account: r.param('account', userId, 'User ID'),
		value,
		batchSize: r.option('options', 'batchSize', intInRange(1, max), 'Batch Size', max),
	};
}

/**
 * Items coalesced into calls of `api`: `body` builds one call from its users, `result` answers one
 * user from the call's answer. A user in the answer's ErrorList fails on its own item.
 * `sameCall`: items that differ in it do not share a call (a flag that applies to the whole call).
 */
export function perUserCalls<T>(
	api: TencentApi,
	body: (call: Array<PerUserPlan<T>>) => Record<string, unknown>,
	result: (plan: PerUserPlan<T>, res: IDataObject) => IDataObject,
	sameCall: (plan: PerUserPlan<T>) => string = () => '',
): CallShape<PerUserPlan<T>, TencentApi> {
	return coalesce({
		max: (plan) => plan.batchSize,
		sameCallKey: sameCall,
		entityKey: (plan) => plan.account,
		run: async (call: Array<PreparedItem<PerUserPlan<T>>>, send) => {
			const { result: res, requestId } = await send(
				api,
				body(call.map((c) => c.plan)),
			);
			const errors = new Map<string, number>();
			for (const e of (res.ErrorList ?? []) as IDataObject[]) errors.set(String(e.To_Account), Number(e.ErrorCode));
			return call.map(({ plan }) => {
				const code = errors.get(plan.account);
				const common = { usersInCall: call.length, requestId: requestId ?? null };
				return code === undefined ? { ...result(plan, res), ...common } : { account: plan.account, status: 'failed', errorCode: code, reason: tencentReason(code), ...common };
			});
		},
	});
}

/** The entry for `account` in a response array such as UserAttrs or UserTags. */
export function entryFor(res: IDataObject, key: string, account: string): IDataObject | undefined {
	return ((res[key] ?? []) as IDataObject[]).find((e) => String(e.To_Account) === account);
}

/** The body of the APIs that take only the users: `{ To_Account: [...] }`. */
export const accountsBody = (call: PerUserPlan[]): Record<string, unknown> => ({ To_Account: call.map((p) => p.account) });
