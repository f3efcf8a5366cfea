import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { coalesce, type Send } from '../../../shared/engine/callShapes';
import type { ItemReader } from '../../../shared/engine/reader';
import type { ItemResult, PreparedItem } from '../../../shared/router';
import { collection, intInRange, int64Id, textField } from '../../../shared/schemas';
import type { VolcengineApi } from '../../transport/request';
import type { OperationDoc } from '../../../shared/engine/defineOperation';
import { resolveAppId, volcengineOperation } from './common';
import { appIdField, batchSizeOption } from './fields';
import { failedInfosByUser, idString } from './im';

/**
 * The user-registry actions (volcengine-rtc.md §4.7, QueryOnlineStatus §4.8): one user per input
 * item, consecutive items of the same app share a call up to the vendor's maximum, a user never
 * appears twice in one call (so every per-user answer names exactly one item).
 */

export interface UserItemPlan {
	appId: number;
	userId: bigint;
	batchSize: number;
}

/** The User ID field; `exact` gives the whole description instead of the coalescing note. */
export function userIdField(description: string, exact = false): INodeProperties {
	const text = exact ? description : `${description} (a numeric ID; give long IDs as text so they stay exact). One user per input item: items are combined into calls.`;
	return textField('User ID', 'userId', text, { required: true, placeholder: '10001' });
}

/** App ID, User ID, the operation's own fields, then Options with Batch Size (≤ `max`) and any more options. */
export function userProperties(what: string, max: number, fields: INodeProperties[] = [], options: INodeProperties[] = []): INodeProperties[] {
	return [
		appIdField,
		userIdField(what),
		...fields,
		collection([batchSizeOption(max, 'Users (input items)'), ...options]),
	];
}

export async function readUserItem(r: ItemReader, max: number): Promise<UserItemPlan> {
	const appId = await resolveAppId(r);
	const userId = r.param('userId', int64Id, 'User ID');
	const batchSize = r.option('options', 'batchSize', intInRange(1, max), 'Batch Size', max);
	return { appId, userId, batchSize };
}

/** Coalesces user items: same app (and same `sameCall`), one user once per call. */
export const userCalls = <P extends UserItemPlan>(
	run: (call: Array<PreparedItem<P>>, send: Send<VolcengineApi>, ctx: IExecuteFunctions) => Promise<Array<ItemResult | Error>>,
	sameCall?: (plan: P) => string,
) => coalesce<P, VolcengineApi>({ max: (p) => p.batchSize, sameCallKey: (p) => `${p.appId}|${sameCall?.(p) ?? ''}`, entityKey: (p) => p.userId, run });

/**
 * A user operation of one user per item and no fields of its own (Get, Get Online Status,
 * Unregister): App ID, User ID and Batch Size (≤ `max`), read by `readUserItem`, coalesced by
 * `userCalls`; `run` answers per item of one call.
 */
export function userOperation(o: {
	operation: string;
	option: { name: string; description: string; action: string };
	what: string;
	max: number;
	run: (call: Array<PreparedItem<UserItemPlan>>, send: Send<VolcengineApi>, ctx: IExecuteFunctions) => Promise<Array<ItemResult | Error>>;
	doc?: OperationDoc;
}) {
	return volcengineOperation<UserItemPlan>({
		resource: 'user',
		operation: o.operation,
		option: o.option,
		properties: userProperties(o.what, o.max),
		read: async (r) => await readUserItem(r, o.max),
		shape: userCalls(o.run),
		...(o.doc ? { doc: o.doc } : {}),
	});
}

/** Per-user answers of a registry write: a user in FailedInfos fails on its own item (code, message). */
export function perUserResults<P extends UserItemPlan>(
	call: Array<PreparedItem<P>>,
	answer: { result: IDataObject; requestId?: string },
	ok: string,
	extra: (plan: P) => IDataObject = () => ({}),
): IDataObject[] {
	const failures = failedInfosByUser(answer.result);
	return call.map(({ plan }) => {
		const f = failures.get(String(plan.userId));
		return { userId: String(plan.userId), status: f ? 'failed' : ok, ...extra(plan), ...f, requestId: answer.requestId ?? null, batchSize: call.length };
	});
}

/** One user of BatchGetUser (§4.7), ids as strings, unknown fields kept. */
export function userJson(u: IDataObject): IDataObject {
	const out: IDataObject = {
		userId: idString(u.UserId),
		nickName: (u.NickName as string) ?? '',
		portrait: (u.Portrait as string) ?? '',
		tags: Array.isArray(u.Tags) ? (u.Tags as string[]) : [],
		ext: (u.Ext as IDataObject) ?? {},
	};
	if (u.IsRobot !== undefined) out.isRobot = u.IsRobot as boolean;
	if (u.CreateTime !== undefined) out.createTime = u.CreateTime as number;
	if (u.ModifyTime !== undefined) out.modifyTime = u.ModifyTime as number;
	const known = new Set(['UserId', 'NickName', 'Portrait', 'Tags', 'Ext', 'IsRobot', 'CreateTime', 'ModifyTime', 'AppId']);
	for (const [k, v] of Object.entries(u)) if (!known.has(k)) out[k] = v as IDataObject[string];
	return out;
}
