import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { planBatches } from '../../../shared/batching';
import { toNodeError } from '../../../shared/errors';
import type { ItemResult, PreparedItem } from '../../../shared/router';
import { idString } from './im';

/**
 * Coalescing for the user-registry actions (volcengine-rtc.md §4.7, QueryOnlineStatus §4.8): one
 * user per input item, consecutive items of the same app share a call up to the vendor's maximum,
 * a user never appears twice in one call (so every per-user answer names exactly one item), and a
 * whole-call failure becomes an error for each item of that call (continue-on-fail) or stops the node.
 */

export interface UserItemPlan {
	appId: number;
	userId: bigint;
	batchSize: number;
}

export function userIdField(description: string): INodeProperties {
	return {
		displayName: 'User ID',
		name: 'userId',
		type: 'string',
		default: '',
		required: true,
		placeholder: '10001',
		description: `${description} (int64; give large IDs as text so they stay exact). One user per input item: items are combined into calls.`,
	};
}

export async function runUserCalls<P extends UserItemPlan>(
	ctx: IExecuteFunctions,
	items: Array<PreparedItem<P>>,
	call: (items: Array<PreparedItem<P>>, out: Map<number, ItemResult | Error>) => Promise<void>,
): Promise<Map<number, ItemResult | Error>> {
	const out = new Map<number, ItemResult | Error>();
	const calls = planBatches(items, {
		max: (head) => head.plan.batchSize,
		compatible: (a, b) => a.plan.appId === b.plan.appId,
		key: (item) => item.plan.userId,
	});
	for (const group of calls) {
		try {
			await call(group, out);
		} catch (error) {
			if (!ctx.continueOnFail()) throw toNodeError(ctx.getNode(), error, group[0].itemIndex);
			for (const { itemIndex } of group) out.set(itemIndex, error as Error);
		}
	}
	return out;
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
