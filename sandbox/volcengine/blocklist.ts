// Sandbox code (not shipped): Volcengine blocklists — AddBlackList, RemoveBlackList, UpdateBlackList,
// IsInBlackList, GetBlackList (volcengine/volc-sdk-golang service/im/model.go). GetBlackList reads
// newest first ("默认值为 0，即最后一个添加至黑名单的用户"); UpdateBlackList adds and overwrites Ext keys.
// QPS: the default 50 (none documented).
import type { Body } from '../routes';
import { int64Array, int64Field, objectEntry, stringMap, VolcError } from './fields';
import { entries, forcedFailure, listOf, owner, pageOf, relationsOf, upTo10, type BlockEntry, type FailedInfo } from './relations';
import { action, type VolcRoute } from './route';
import type { VolcCtx } from './state';

function blocksOf(ctx: VolcCtx, appId: number, inbox: number, user: bigint) {
	return listOf(relationsOf(ctx.st).blocks, appId, inbox, user);
}

/** Each BlackListInfos entry (1 to 10) of the user's list; `apply` answers a FailedInfo or applies it. */
function eachInfo(ctx: VolcCtx, body: Body, apply: (list: Map<bigint, BlockEntry>, id: bigint, ext: Record<string, string> | undefined, i: number) => FailedInfo | undefined) {
	const { appId, userId, inbox } = owner(ctx, body);
	const list = blocksOf(ctx, appId, inbox, userId);
	const failed: FailedInfo[] = [];
	entries(body, 'BlackListInfos').forEach((raw, i) => {
		const e = objectEntry(raw, `BlackListInfos[${i}]`);
		const id = int64Field(e, 'BlackListUserId')!;
		const f = forcedFailure(ctx, id, 'blocked user') ?? apply(list, id, stringMap(e, 'BlackListUserExt'), i);
		if (f) failed.push(f);
	});
	return { FailedInfos: failed };
}

function AddBlackList(ctx: VolcCtx, body: Body) {
	const userId = int64Field(body, 'UserId')!;
	return eachInfo(ctx, body, (list, id, ext) => {
		if (id === userId) return { UserId: id, Code: 'InvalidParameter', Message: 'a user cannot block themselves' };
		list.delete(id); // re-adding moves the entry to the newest place
		list.set(id, { ext: ext ?? {}, createTime: ctx.now, modifyTime: ctx.now });
		return undefined;
	});
}

function RemoveBlackList(ctx: VolcCtx, body: Body) {
	const { appId, userId, inbox } = owner(ctx, body);
	const list = blocksOf(ctx, appId, inbox, userId);
	for (const id of upTo10(int64Array(body, 'BlackListUserIds'), 'BlackListUserIds')) list.delete(id);
	return {};
}

function UpdateBlackList(ctx: VolcCtx, body: Body) {
	const userId = int64Field(body, 'UserId')!;
	return eachInfo(ctx, body, (list, id, ext, i) => {
		if (ext === undefined) throw new VolcError('InvalidParameter', `BlackListInfos[${i}].BlackListUserExt is required`);
		const entry = list.get(id);
		if (!entry) return { UserId: id, Code: 'InvalidParameter', Message: `user ${id} is not on the blocklist of ${userId}` };
		Object.assign(entry.ext, ext);
		entry.modifyTime = ctx.now;
		return undefined;
	});
}

function IsInBlackList(ctx: VolcCtx, body: Body) {
	const { appId, userId, inbox } = owner(ctx, body);
	const list = blocksOf(ctx, appId, inbox, userId);
	const out: Record<string, boolean> = {};
	for (const id of upTo10(int64Array(body, 'BlackListUserIds'), 'BlackListUserIds')) out[id.toString()] = list.has(id);
	return { IsInBlackListInfos: out };
}

function GetBlackList(ctx: VolcCtx, body: Body) {
	const { appId, userId, inbox } = owner(ctx, body);
	const friends = listOf(relationsOf(ctx.st).friends, appId, inbox, userId);
	const { page, ...rest } = pageOf([...blocksOf(ctx, appId, inbox, userId)].reverse(), body, true);
	return {
		BlackListInfos: page.map(([id, b]) => {
			const f = friends.get(id);
			return {
				BlackListUserId: id,
				BlackListUserExt: b.ext,
				CreateTime: b.createTime,
				ModifyTime: b.modifyTime,
				...(f ? { FriendUserInfo: { FriendUserId: id, Alias: f.alias, Ext: f.ext, ApplyTime: f.applyTime, CreateTime: f.createTime, ModifyTime: f.modifyTime } } : {}),
			};
		}),
		...rest,
	};
}

export const blocklistRoutes: VolcRoute[] = [
	action('AddBlackList', 50, AddBlackList, { size: ['BlackListInfos'] }),
	action('RemoveBlackList', 50, RemoveBlackList, { size: ['BlackListUserIds'] }),
	action('UpdateBlackList', 50, UpdateBlackList, { size: ['BlackListInfos'] }),
	action('IsInBlackList', 50, IsInBlackList, { size: ['BlackListUserIds'] }),
	action('GetBlackList', 50, GetBlackList),
];
