// Sandbox code (not shipped): Volcengine friends — AddFriend, DeleteFriend, UpdateFriend, IsFriend,
// ListFriend (volcengine/volc-sdk-golang service/im/model.go). A friendship is kept on both sides
// (the vendor's docs do not say; a sandbox assumption). QPS: the default 50 (none documented).
import type { Body } from '../routes';
import { int64Array, int64Field, objectEntry, stringField, stringMap, VolcError } from './fields';
import { entries, forcedFailure, listOf, owner, pageOf, relationsOf, upTo10, type FailedInfo, type FriendEntry } from './relations';
import { action, type VolcRoute } from './route';
import type { VolcCtx } from './state';

function friendsOf(ctx: VolcCtx, appId: number, inbox: number, user: bigint) {
	return listOf(relationsOf(ctx.st).friends, appId, inbox, user);
}

function AddFriend(ctx: VolcCtx, body: Body) {
	const { appId, userId, inbox } = owner(ctx, body);
	const ids = upTo10(int64Array(body, 'FriendUserIds'), 'FriendUserIds');
	const ext = stringMap(body, 'Ext') ?? {};
	const failed: FailedInfo[] = [];
	for (const id of ids) {
		const f = forcedFailure(ctx, id, 'friend') ?? (id === userId ? { UserId: id, Code: 'InvalidParameter', Message: 'a user cannot be their own friend' } : undefined);
		if (f) {
			failed.push(f);
			continue;
		}
		for (const [a, b] of [[userId, id], [id, userId]]) {
			const list = friendsOf(ctx, appId, inbox, a);
			if (!list.has(b)) list.set(b, { alias: '', ext: a === userId ? { ...ext } : {}, applyTime: ctx.now, createTime: ctx.now, modifyTime: ctx.now });
		}
	}
	return { FailedInfos: failed };
}

function DeleteFriend(ctx: VolcCtx, body: Body) {
	const { appId, userId, inbox } = owner(ctx, body);
	const failed: FailedInfo[] = [];
	for (const id of upTo10(int64Array(body, 'DeleteUserIds'), 'DeleteUserIds')) {
		const f = forcedFailure(ctx, id, 'friend');
		if (f) failed.push(f);
		else {
			friendsOf(ctx, appId, inbox, userId).delete(id);
			friendsOf(ctx, appId, inbox, id).delete(userId);
		}
	}
	return { FailedInfos: failed };
}

function UpdateFriend(ctx: VolcCtx, body: Body) {
	const { appId, userId, inbox } = owner(ctx, body);
	const list = friendsOf(ctx, appId, inbox, userId);
	const failed: FailedInfo[] = [];
	entries(body, 'FriendInfos').forEach((raw, i) => {
		const e = objectEntry(raw, `FriendInfos[${i}]`);
		const id = int64Field(e, 'FriendUserId')!;
		const alias = stringField(e, 'Alias', false);
		const ext = stringMap(e, 'Ext');
		// model.go: "Ext与Alias为非必填字段，但是至少需要填一个，否则服务端会报错"
		if (alias === undefined && ext === undefined) throw new VolcError('InvalidParameter', `FriendInfos[${i}] needs Alias or Ext`);
		const friend: FriendEntry | undefined = list.get(id);
		const f = forcedFailure(ctx, id, 'friend') ?? (friend ? undefined : { UserId: id, Code: 'InvalidParameter', Message: `user ${id} is not a friend of ${userId}` });
		if (f) return void failed.push(f);
		if (alias !== undefined) friend!.alias = alias;
		if (ext !== undefined) friend!.ext = ext;
		friend!.modifyTime = ctx.now;
	});
	return { FailedInfos: failed };
}

function IsFriend(ctx: VolcCtx, body: Body) {
	const { appId, userId, inbox } = owner(ctx, body);
	const list = friendsOf(ctx, appId, inbox, userId);
	return { Infos: upTo10(int64Array(body, 'FriendUserIds'), 'FriendUserIds').map((id) => ({ FriendUserId: id, IsFriend: list.has(id) })) };
}

function ListFriend(ctx: VolcCtx, body: Body) {
	const { appId, userId, inbox } = owner(ctx, body);
	const { page, ...rest } = pageOf([...friendsOf(ctx, appId, inbox, userId)], body, false);
	return {
		FriendInfos: page.map(([id, f]) => ({ FriendUserId: id, Alias: f.alias, Ext: f.ext, ApplyTime: f.applyTime, CreateTime: f.createTime, ModifyTime: f.modifyTime })),
		...rest,
	};
}

export const friendRoutes: VolcRoute[] = [
	action('AddFriend', 50, AddFriend, { size: ['FriendUserIds'] }),
	action('DeleteFriend', 50, DeleteFriend, { size: ['DeleteUserIds'] }),
	action('UpdateFriend', 50, UpdateFriend, { size: ['FriendInfos'] }),
	action('IsFriend', 50, IsFriend, { size: ['FriendUserIds'] }),
	action('ListFriend', 50, ListFriend),
];
