// Sandbox code (not shipped): Volcengine live-group mute/ban lists and the allow list (whitelist)
// (Go SDK volc-sdk-golang service/im/model.go; doc pages 6348/788462–788464, 1051345–1051347).
import type { Body } from '../routes';
import { int64Field, intField, isInt, typeName, VolcError } from './fields';
import { detailsOf, liveGroupIn, memberDetail, pageOf, profileJson, seconds, userIds } from './memberState';
import { action, type VolcRoute } from './route';
import type { VolcCtx } from './state';

function blockAction(body: Body): 0 | 1 {
	const a = intField(body, 'BlockAction', false);
	if (a !== 0 && a !== 1) throw new VolcError('InvalidParameter', 'BlockAction must be 0 or 1');
	return a;
}

function BatchAddBlockParticipants(ctx: VolcCtx, body: Body) {
	const conv = liveGroupIn(ctx, body, 'BatchAddBlockParticipants');
	const list = detailsOf(conv).restricted[blockAction(body)];
	const infos = body.ParticipantBlockInfos;
	if (typeof infos !== 'object' || infos === null || Array.isArray(infos)) {
		throw new VolcError('InvalidParameter.Unmarshal', `json: cannot unmarshal ${typeName(infos)} into Go struct field ParticipantBlockInfos of type map[string]int64`);
	}
	const entries = Object.entries(infos);
	if (entries.length === 0) throw new VolcError('InvalidParameter', 'ParticipantBlockInfos is empty');
	if (entries.length > 200) throw new VolcError('InvalidParameter.UserCountOverLimit', `ParticipantBlockInfos has ${entries.length} users; the limit is 200`);
	const failed: bigint[] = [];
	for (const [key, duration] of entries) {
		// "key 为群成员 ID,类型:String,只能传userId"
		if (!/^\d{1,19}$/.test(key)) throw new VolcError('InvalidParameter', `ParticipantBlockInfos key "${key.slice(0, 40)}" is not a user id`);
		if (!isInt(duration)) throw new VolcError('InvalidParameter.Unmarshal', `json: cannot unmarshal ${typeName(duration)} into Go struct field ParticipantBlockInfos of type int64`);
		const id = BigInt(key);
		// The owner cannot be muted or banned in the sandbox.
		if (id === conv.owner || Number(duration) <= 0) failed.push(id);
		else list.set(id, { createTime: seconds(ctx), until: seconds(ctx) + Number(duration) });
	}
	return { FailedParticipantUserIds: failed };
}

function BatchDeleteBlockParticipants(ctx: VolcCtx, body: Body) {
	const conv = liveGroupIn(ctx, body, 'BatchDeleteBlockParticipants');
	const list = detailsOf(conv).restricted[blockAction(body)];
	for (const id of userIds(body, 'ParticipantUserIds')) list.delete(id);
	return { FailedParticipantUserIds: [] };
}

function BatchGetBlockParticipants(ctx: VolcCtx, body: Body) {
	const conv = liveGroupIn(ctx, body, 'BatchGetBlockParticipants');
	const list = detailsOf(conv).restricted[blockAction(body)];
	// "每批查询条数,最大值为 20"; "按照成员 UserId 从小到大进行排序" — the cursor is the next user id (the doc's NextCursor example is one).
	const { cursor, limit } = pageOf(body, 20);
	const now = seconds(ctx);
	const ids = [...list].filter(([, r]) => r.until > now).map(([id]) => id).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).filter((id) => id >= cursor);
	const page = ids.slice(0, limit);
	const next = ids[limit];
	return {
		Participants: page.map((id) => ({ ParticipantUserId: id, CreateTime: list.get(id)!.createTime, BlockTime: list.get(id)!.until, ...profileJson(memberDetail(ctx, conv, id)) })),
		HasMore: next !== undefined,
		NextCursor: next ?? 0,
	};
}

function allowList(api: string, adding: boolean) {
	return (ctx: VolcCtx, body: Body) => {
		const conv = liveGroupIn(ctx, body, api);
		const operator = int64Field(body, 'Operator')!;
		const allowed = detailsOf(conv).allowed;
		const failed: bigint[] = [];
		for (const id of userIds(body, 'ParticipantUserIds')) {
			// Adding a non-member fails in the sandbox (the doc's example answers a failed 997 without saying why).
			if (adding && !conv.members.has(id)) failed.push(id);
			else if (adding) allowed.set(id, { createTime: seconds(ctx), operator });
			else allowed.delete(id);
		}
		return { FailedUserIds: failed };
	};
}

function BatchGetWhitelistParticipant(ctx: VolcCtx, body: Body) {
	const conv = liveGroupIn(ctx, body, 'BatchGetWhitelistParticipant');
	const { cursor, limit } = pageOf(body, 20);
	const all = [...detailsOf(conv).allowed];
	const from = Number(cursor);
	const page = all.slice(from, from + limit);
	const hasMore = from + limit < all.length;
	return {
		Participants: page.map(([id, a]) => ({ ParticipantUserId: id, CreateTime: a.createTime, Operator: a.operator, ...profileJson(memberDetail(ctx, conv, id)) })),
		HasMore: hasMore,
		// "-1表示无更多数据"
		NextCursor: hasMore ? from + limit : -1,
	};
}

export const accessListRoutes: VolcRoute[] = [
	action('BatchAddBlockParticipants', 50, BatchAddBlockParticipants),
	action('BatchDeleteBlockParticipants', 50, BatchDeleteBlockParticipants, { size: ['ParticipantUserIds'] }),
	action('BatchGetBlockParticipants', 100, BatchGetBlockParticipants),
	action('BatchAddWhitelistParticipant', 50, allowList('BatchAddWhitelistParticipant', true), { size: ['ParticipantUserIds'] }),
	action('BatchRemoveWhitelistParticipant', 50, allowList('BatchRemoveWhitelistParticipant', false), { size: ['ParticipantUserIds'] }),
	action('BatchGetWhitelistParticipant', 100, BatchGetWhitelistParticipant),
];
