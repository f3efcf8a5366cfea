// Sandbox code (not shipped): Volcengine conversation members — add, remove, read, change, scan and
// "is this user a member" (Go SDK volc-sdk-golang service/im/model.go; doc pages 6348/336991–336996).
import type { Body } from '../routes';
import { arrayField, boolField, int64Field, intField, objectEntry, stringField, stringMap, VolcError } from './fields';
import { conversationIn, detailsOf, memberDetail, pageOf, profileJson, seconds, userIds, type MemberDetail } from './memberState';
import { action, type VolcRoute } from './route';
import type { VolcCtx, VolcengineConversation } from './state';

/** Ordinary groups hold at most 200 members (FAQ 6348/914736). */
const GROUP_CAP = 200;

function groupIn(ctx: VolcCtx, body: Body, api: string): VolcengineConversation {
	const conv = conversationIn(ctx, body);
	// "你无法为单聊添加会话成员" / "单聊无法调用此接口" (6348/336991, 336994, 336995)
	if (conv.type === 1) throw new VolcError('InvalidParameter', `${api} does not support one-to-one conversations`);
	return conv;
}

function participantInfos(body: Body): Array<Record<string, unknown>> {
	const list = arrayField(body, 'ParticipantInfos').map((x, i) => objectEntry(x, `ParticipantInfos[${i}]`));
	if (list.length === 0) throw new VolcError('InvalidParameter', 'ParticipantInfos is empty');
	if (list.length > GROUP_CAP) throw new VolcError('InvalidParameter.UserCountOverLimit', `ParticipantInfos has ${list.length} members; the limit is ${GROUP_CAP}`);
	return list;
}

/** Role 0/1/2; "值不合法时自动调整为默认值" (invalid values become 0). */
const roleOf = (info: Record<string, unknown>): number | undefined => {
	if (info.Role === undefined || info.Role === null) return undefined;
	const role = Number(int64Field(info, 'Role'));
	return role === 1 || role === 2 ? role : 0;
};

function applyProfile(m: MemberDetail, info: Record<string, unknown>): void {
	const nick = stringField(info, 'NickName', false);
	if (nick !== undefined) m.nickName = nick;
	if (info.Level !== undefined) m.level = intField(info, 'Level', false);
	const ext = stringMap(info, 'Ext');
	if (ext !== undefined) m.ext = ext;
}

function BatchAddConversationParticipant(ctx: VolcCtx, body: Body) {
	const conv = groupIn(ctx, body, 'BatchAddConversationParticipant');
	const operator = int64Field(body, 'Operator')!;
	boolField(body, 'Barrier');
	const failed: bigint[] = [];
	for (const info of participantInfos(body)) {
		const id = int64Field(info, 'ParticipantUserId')!;
		if (id <= 0n) throw new VolcError('InvalidParameter', 'ParticipantUserId must be greater than 0');
		const role = roleOf(info) ?? 0;
		// An owner must be the conversation's owner; a full group takes nobody new.
		if ((role === 1 && id !== conv.owner) || (!conv.members.has(id) && conv.type === 2 && conv.members.size >= GROUP_CAP)) {
			failed.push(id);
			continue;
		}
		conv.members.set(id, role);
		// "若待添加成员已在群聊中,调用此接口会覆盖原有数据"
		const m: MemberDetail = { marks: new Set(), createTime: seconds(ctx), operator };
		applyProfile(m, info);
		if (info.ReadIndex !== undefined) m.readIndex = int64Field(info, 'ReadIndex');
		detailsOf(conv).members.set(id, m);
	}
	return { FailedUserIds: failed };
}

function BatchDeleteConversationParticipant(ctx: VolcCtx, body: Body) {
	const conv = groupIn(ctx, body, 'BatchDeleteConversationParticipant');
	int64Field(body, 'Operator');
	// Whether Volcengine reports a non-member as failed is not documented; the sandbox does (so a test can see a failed user).
	const failed: bigint[] = [];
	for (const id of userIds(body, 'ParticipantUserIds')) {
		if (!conv.members.has(id) || id === conv.owner) failed.push(id);
		else {
			conv.members.delete(id);
			detailsOf(conv).members.delete(id);
		}
	}
	return { FailedUserIds: failed };
}

function participantJson(ctx: VolcCtx, conv: VolcengineConversation, id: bigint): Record<string, unknown> {
	const m = memberDetail(ctx, conv, id);
	const muted = detailsOf(conv).restricted[0].get(id);
	return {
		ConversationShortId: conv.shortId,
		ParticipantUserId: id,
		Operator: m.operator,
		Role: conv.members.get(id) ?? 0,
		BlockTime: m.blockTime ?? BigInt(muted?.until ?? 0),
		CreateTime: m.createTime,
		Level: m.level ?? 0,
		Status: 0,
		...profileJson(m),
	};
}

function BatchGetConversationParticipant(ctx: VolcCtx, body: Body) {
	const conv = conversationIn(ctx, body);
	const ids = userIds(body, 'ParticipantUserIds');
	return { Participants: ids.filter((id) => conv.members.has(id)).map((id) => participantJson(ctx, conv, id)) };
}

function BatchModifyConversationParticipant(ctx: VolcCtx, body: Body) {
	const conv = groupIn(ctx, body, 'BatchModifyConversationParticipant');
	int64Field(body, 'Operator');
	const failed: bigint[] = [];
	for (const info of participantInfos(body)) {
		const id = int64Field(info, 'ParticipantUserId')!;
		// "如果用户已经退群,无法对其进行修改"
		if (!conv.members.has(id)) {
			failed.push(id);
			continue;
		}
		const m = memberDetail(ctx, conv, id);
		applyProfile(m, info);
		if (info.BlockTime !== undefined) m.blockTime = int64Field(info, 'BlockTime');
		const role = roleOf(info);
		if (role !== undefined && id !== conv.owner) conv.members.set(id, role === 1 ? 0 : role);
	}
	return { FailedUserIds: failed };
}

function ScanConversationParticipantList(ctx: VolcCtx, body: Body) {
	const conv = conversationIn(ctx, body);
	const onlyIds = boolField(body, 'OnlyUserIds') === true;
	const online = boolField(body, 'ScanOnlineParticipant') === true;
	// "若只查询群成员的 UserId,单次最多可查询 50 人;若需查询群成员详细信息,单次最多可查询 20 人" (6348/336993)
	const { cursor, limit } = pageOf(body, onlyIds && !online ? 50 : 20);
	const mark = stringField(body, 'MarkType', false);
	let ids = [...conv.members.keys()];
	if (online) {
		// Live groups only; every live-group member counts as online here. Newest joiners first.
		ids = conv.type === 100 ? ids.reverse().filter((id) => mark === undefined || memberDetail(ctx, conv, id).marks.has(mark)) : [];
	} else {
		// On a live group only the owner and admins ("拉取群主管理员(直播群)").
		if (conv.type === 100) ids = ids.filter((id) => (conv.members.get(id) ?? 0) !== 0);
		if (boolField(body, 'Reverse') === true) ids.reverse();
	}
	const from = Number(cursor);
	const page = ids.slice(from, from + limit);
	const hasMore = from + limit < ids.length;
	return {
		Participants: page.map((id) => (onlyIds && !online ? { ConversationShortId: conv.shortId, ParticipantUserId: id } : participantJson(ctx, conv, id))),
		HasMore: hasMore,
		NextCursor: hasMore ? from + limit : -1,
	};
}

function IsUserInConversation(ctx: VolcCtx, body: Body) {
	const conv = conversationIn(ctx, body);
	return { IsUserInConversation: conv.members.has(int64Field(body, 'ParticipantUserId')!) };
}

export const participantRoutes: VolcRoute[] = [
	action('BatchAddConversationParticipant', 50, BatchAddConversationParticipant, { size: ['ParticipantInfos'] }),
	action('BatchDeleteConversationParticipant', 50, BatchDeleteConversationParticipant, { size: ['ParticipantUserIds'] }),
	action('BatchGetConversationParticipant', 100, BatchGetConversationParticipant, { size: ['ParticipantUserIds'] }),
	action('BatchModifyConversationParticipant', 50, BatchModifyConversationParticipant, { size: ['ParticipantInfos'] }),
	action('ScanConversationParticipantList', 100, ScanConversationParticipantList),
	action('IsUserInConversation', 100, IsUserInConversation),
];
