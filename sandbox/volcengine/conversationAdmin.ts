// Sandbox code (not shipped): Volcengine conversation administration — create, dissolve, modify,
// read and list conversations, member settings, marks, read positions and read receipts. Bodies
// and results as volcengine/volc-sdk-golang service/im/model.go declares them (CreateConversationBody,
// GetUserConversationsBody, GetConversationSettingResResultConversationSettingInfo, …); QPS from the
// doc pages 6348/337013 (CreateConversation 50), /337049 (GetUserConversations 100), /337118
// (BatchGetConversations 100), /1223552 (GetMessagesReadReceipt 100); others the default 50.
//
// What the seed conversations (conversations.ts) do not hold — name, Ext, settings, marks, read
// positions — lives beside them here, keyed by the conversation object, so a reset drops it too.
import type { Body } from '../routes';
import { appField, boolField, int64Array, int64Field, intField, objectEntry, stringField, stringMap, VolcError } from './fields';
import { action, type VolcRoute } from './route';
import { newMessageId, type VolcCtx, type VolcengineConversation, type VolcengineState } from './state';

interface MemberSettings {
	isMute: boolean;
	stickTopTime: bigint;
	favoriteTime: bigint;
	ext: Record<string, string>;
}

interface ConversationMeta {
	inboxType: number;
	profile: { Name?: string; AvatarUrl?: string; Description?: string; Notice?: string; Ext?: Record<string, string> };
	creator: bigint;
	otherUserId?: bigint;
	/** seconds */
	createTime: number;
	modifyTime: number;
	marks: Set<string>;
	settings: Map<bigint, MemberSettings>;
	readIndex: Map<bigint, bigint>;
}

const metas = new WeakMap<VolcengineConversation, ConversationMeta>();
/** IdempotentId (or, one-to-one without one, the two user ids) → conversation, per state. */
const idempotent = new WeakMap<VolcengineState, Map<string, VolcengineConversation>>();

export function metaOf(conv: VolcengineConversation): ConversationMeta {
	let m = metas.get(conv);
	if (!m) metas.set(conv, (m = { inboxType: 0, profile: {}, creator: conv.owner, createTime: 0, modifyTime: 0, marks: new Set(), settings: new Map(), readIndex: new Map() }));
	return m;
}

function conversation(ctx: VolcCtx, body: Body, from: Body = body): VolcengineConversation {
	const appId = appField(ctx, body);
	const id = int64Field(from, 'ConversationShortId')!;
	const conv = ctx.st.conversations.get(appId)?.get(id);
	if (!conv) throw new VolcError('InvalidParameter', `conversation ${id} does not exist`);
	return conv;
}

function member(conv: VolcengineConversation, body: Body, name = 'ParticipantUserId'): bigint {
	const id = int64Field(body, name)!;
	if (id <= 0n) throw new VolcError('InvalidParameter', `${name} must be greater than 0`);
	if (!conv.members.has(id)) throw new VolcError('InvalidParameter', `${name} ${id} is not a member of conversation ${conv.shortId}`);
	return id;
}

const conversationIdOf = (conv: VolcengineConversation) => `0:${conv.type}:${conv.shortId}`;

export function conversationInfo(conv: VolcengineConversation, withCount: boolean): Record<string, unknown> {
	const m = metaOf(conv);
	const out: Record<string, unknown> = {
		AppId: conv.appId,
		ConversationShortId: conv.shortId,
		ConversationId: conversationIdOf(conv),
		ConversationType: conv.type,
		InboxType: m.inboxType,
		...m.profile,
		OwnerUserId: conv.owner,
		CreatorUserId: m.creator,
		CreateTime: m.createTime,
		ModifyTime: m.modifyTime,
		Status: 0,
	};
	if (m.otherUserId !== undefined) out.OtherUserId = m.otherUserId;
	if (withCount) out.MemberCount = conv.members.size;
	return out;
}

function profileOf(core: Body): ConversationMeta['profile'] {
	const p: ConversationMeta['profile'] = {};
	for (const k of ['Name', 'AvatarUrl', 'Description', 'Notice'] as const) {
		const v = stringField(core, k, false);
		if (v !== undefined) p[k] = v;
	}
	const ext = stringMap(core, 'Ext');
	if (ext) p.Ext = ext;
	return p;
}

function CreateConversation(ctx: VolcCtx, body: Body) {
	const appId = appField(ctx, body);
	const owner = int64Field(body, 'OwnerUserId')!;
	const core = objectEntry(body.ConversationCoreInfo, 'ConversationCoreInfo');
	const type = intField(core, 'ConversationType', true);
	if (![1, 2, 100].includes(type)) throw new VolcError('InvalidParameter', 'ConversationType must be 1, 2 or 100');
	const other = int64Field(body, 'OtherUserId', type === 1);
	if (type === 1 && other === owner) throw new VolcError('InvalidParameter', 'OtherUserId must differ from OwnerUserId');
	const idem = stringField(body, 'IdempotentId', false);
	const inboxType = intField(body, 'InboxType', false);
	const profile = profileOf(core);
	// 6348/337013: a one-to-one chat without IdempotentId is keyed by the two user ids.
	const key = idem ? `${appId}|${inboxType}|id:${idem}` : type === 1 ? `${appId}|${inboxType}|pair:${[owner, other!].sort((a, b) => (a < b ? -1 : 1)).join(':')}` : undefined;
	let index = idempotent.get(ctx.st);
	if (!index) idempotent.set(ctx.st, (index = new Map()));
	const existing = key ? index.get(key) : undefined;
	if (existing && ctx.st.conversations.get(appId)?.get(existing.shortId) === existing) {
		return { ConversationShortId: existing.shortId, ConversationId: conversationIdOf(existing), Exist: true, ConversationInfo: conversationInfo(existing, true) };
	}
	const conv: VolcengineConversation = { appId, shortId: newMessageId(ctx.st), type, owner, members: new Map([[owner, 1]]), messages: [], nextIndex: 1n };
	if (other !== undefined && type === 1) conv.members.set(other, 0);
	const now = Math.floor(ctx.now / 1000);
	metas.set(conv, { inboxType, profile, creator: owner, otherUserId: type === 1 ? other : undefined, createTime: now, modifyTime: now, marks: new Set(), settings: new Map(), readIndex: new Map() });
	let byApp = ctx.st.conversations.get(appId);
	if (!byApp) ctx.st.conversations.set(appId, (byApp = new Map()));
	byApp.set(conv.shortId, conv);
	if (key) index.set(key, conv);
	return { ConversationShortId: conv.shortId, ConversationId: conversationIdOf(conv), Exist: false, ConversationInfo: conversationInfo(conv, true) };
}

function DestroyConversation(ctx: VolcCtx, body: Body) {
	const conv = conversation(ctx, body);
	const owner = int64Field(body, 'OwnerUserId')!;
	if (owner !== conv.owner) throw new VolcError('AccessDenied', `user ${owner} is not the owner of conversation ${conv.shortId}`);
	ctx.st.conversations.get(conv.appId)!.delete(conv.shortId);
	return {};
}

function ModifyConversation(ctx: VolcCtx, body: Body) {
	const core = objectEntry(body.ConversationCoreInfo, 'ConversationCoreInfo');
	const conv = conversation(ctx, body, core);
	const m = metaOf(conv);
	Object.assign(m.profile, profileOf(core));
	const owner = int64Field(core, 'OwnerUserId', false);
	if (owner !== undefined) {
		if (!conv.members.has(owner)) throw new VolcError('InvalidParameter', `OwnerUserId ${owner} is not a member of conversation ${conv.shortId}`);
		conv.members.set(conv.owner, 0);
		conv.members.set(owner, 1);
		conv.owner = owner;
	}
	m.modifyTime = Math.floor(ctx.now / 1000);
	return {};
}

function BatchGetConversations(ctx: VolcCtx, body: Body) {
	const appId = appField(ctx, body);
	const ids = int64Array(body, 'ConversationShortId');
	if (ids.length === 0) throw new VolcError('InvalidParameter', 'ConversationShortId is empty');
	const withCount = boolField(body, 'SkipMemberCount') === false; // default true
	const byApp = ctx.st.conversations.get(appId);
	const found = ids.map((id) => byApp?.get(id)).filter((c): c is VolcengineConversation => c !== undefined);
	return { ConversationCoreInfos: found.map((c) => conversationInfo(c, withCount)) };
}

const lastActivity = (c: VolcengineConversation) => c.messages.reduce((t, m) => Math.max(t, m.createTime), metaOf(c).createTime * 1000);

function GetUserConversations(ctx: VolcCtx, body: Body) {
	const appId = appField(ctx, body);
	const user = int64Field(body, 'ParticipantUserId')!;
	const cursor = int64Field(body, 'Cursor')!;
	const limit = Number(int64Field(body, 'Limit')!);
	if (limit < 1 || limit > 20) throw new VolcError('InvalidParameter', 'Limit must be in [1, 20]'); // "最大值为 20"
	if (cursor < 0n) throw new VolcError('InvalidParameter', 'Cursor must not be negative');
	const dataType = intField(body, 'DataType', false);
	const inboxType = intField(body, 'InboxType', false);
	const withCount = boolField(body, 'SkipMemberCount') !== true;
	let list = [...(ctx.st.conversations.get(appId)?.values() ?? [])].filter((c) => c.members.has(user) && metaOf(c).inboxType === inboxType);
	const byCreate = (a: VolcengineConversation, b: VolcengineConversation) => metaOf(a).createTime - metaOf(b).createTime || (a.shortId < b.shortId ? -1 : 1);
	if (dataType === 2) list = list.filter((c) => c.type === 100 && metaOf(c).creator === user).sort((a, b) => byCreate(b, a));
	else if (dataType === 1) list.sort(byCreate);
	else list.sort((a, b) => lastActivity(b) - lastActivity(a) || byCreate(a, b));
	const page = list.slice(Number(cursor), Number(cursor) + limit);
	const next = cursor + BigInt(page.length);
	return { ConversationInfos: page.map((c) => conversationInfo(c, withCount)), HasMore: next < BigInt(list.length), NextCursor: next };
}

function GetConversationUserCount(ctx: VolcCtx, body: Body) {
	return { Count: conversation(ctx, body).members.size };
}

function settingsOf(conv: VolcengineConversation, user: bigint): MemberSettings {
	const all = metaOf(conv).settings;
	let s = all.get(user);
	if (!s) all.set(user, (s = { isMute: false, stickTopTime: 0n, favoriteTime: 0n, ext: {} }));
	return s;
}

function GetConversationSetting(ctx: VolcCtx, body: Body) {
	const conv = conversation(ctx, body);
	const user = member(conv, body);
	const s = settingsOf(conv, user);
	const m = metaOf(conv);
	return {
		ConversationSettingInfo: {
			AppId: conv.appId,
			ConversationShortId: conv.shortId,
			ConversationId: conversationIdOf(conv),
			ConversationType: conv.type,
			InboxType: m.inboxType,
			ParticipantUserId: user,
			ReadIndex: boolField(body, 'NoReadIndex') === true ? 0n : (m.readIndex.get(user) ?? 0n),
			StickTopTime: s.stickTopTime,
			IsStickTop: s.stickTopTime > 0n,
			IsMute: s.isMute,
			IsSetFavorite: s.favoriteTime > 0n,
			SetFavoriteTime: s.favoriteTime,
			Ext: s.ext,
		},
	};
}

function ModifyConversationSetting(ctx: VolcCtx, body: Body) {
	const info = objectEntry(body.ConversationSettingInfo, 'ConversationSettingInfo');
	const conv = conversation(ctx, body, info);
	const s = settingsOf(conv, member(conv, info));
	// model.go: IsMute "默认值为 false" — a body without it unmutes.
	s.isMute = boolField(info, 'IsMute') ?? false;
	if (boolField(info, 'IsStickTop') === true) s.stickTopTime = int64Field(info, 'StickTopTime', false) ?? 0n;
	if (boolField(info, 'IsSetFavorite') === true) s.favoriteTime = int64Field(info, 'SetFavoriteTime', false) ?? 0n;
	const ext = stringMap(info, 'Ext');
	if (ext) s.ext = ext;
	return {};
}

function MarkConversation(ctx: VolcCtx, body: Body) {
	const conv = conversation(ctx, body);
	const raw = body.MarkTypes;
	if (!Array.isArray(raw) || raw.length === 0 || raw.some((t) => typeof t !== 'string' || t === '')) throw new VolcError('InvalidParameter', 'MarkTypes must be a non-empty list of strings');
	const markAction = intField(body, 'MarkAction', false, 1);
	if (markAction !== 1 && markAction !== 2) throw new VolcError('InvalidParameter', 'MarkAction must be 1 or 2');
	int64Field(body, 'Operator', false);
	const marks = metaOf(conv).marks;
	for (const t of raw as string[]) {
		if (markAction === 1) marks.add(t);
		else marks.delete(t);
	}
	return {};
}

function GetConversationMarks(ctx: VolcCtx, body: Body) {
	return { MarkTypes: [...metaOf(conversation(ctx, body)).marks] };
}

function GetMessagesReadReceipt(ctx: VolcCtx, body: Body) {
	const conv = conversation(ctx, body);
	if (conv.type === 100) throw new VolcError('InvalidParameter', 'read receipts are only kept for one-to-one and group chats'); // 6348/1223552
	const ids = int64Array(body, 'MessageIds');
	if (ids.length === 0) throw new VolcError('InvalidParameter', 'MessageIds is empty');
	const read = metaOf(conv).readIndex;
	const receipts = ids.flatMap((id) => {
		const m = conv.messages.find((x) => x.messageId === id && x.deleteType === undefined);
		if (!m) return [];
		const others = [...conv.members.keys()].filter((u) => u !== m.sender);
		const readers = others.filter((u) => (read.get(u) ?? 0n) >= m.index);
		const unread = others.filter((u) => !readers.includes(u));
		return [{ ConversationShortId: conv.shortId, MessageId: id, ReadUserIds: readers, UnReadUserIds: unread, ReceiverIsRead: conv.type === 1 && unread.length === 0 }];
	});
	return { ReadReceipt: receipts };
}

function GetParticipantReadIndex(ctx: VolcCtx, body: Body) {
	const conv = conversation(ctx, body);
	// "若没有返回某个成员的 ReadIndex，则表示该成员的 ReadIndex 为 0": members at 0 are left out.
	return { ReadIndexes: [...metaOf(conv).readIndex].filter(([u, i]) => i > 0n && conv.members.has(u)).map(([u, i]) => ({ ParticipantUserId: u, ReadIndex: i })) };
}

function ModifyParticipantReadIndex(ctx: VolcCtx, body: Body) {
	const conv = conversation(ctx, body);
	const user = member(conv, body);
	const index = int64Field(body, 'ReadIndex')!;
	const read = metaOf(conv).readIndex;
	const current = read.get(user) ?? 0n;
	if (index <= current) throw new VolcError('InvalidParameter', `ReadIndex ${index} must be greater than the current ReadIndex ${current}`);
	read.set(user, index);
	return {};
}

export const conversationAdminRoutes: VolcRoute[] = [
	action('CreateConversation', 50, CreateConversation),
	action('DestroyConversation', 50, DestroyConversation),
	action('ModifyConversation', 50, ModifyConversation),
	action('BatchGetConversations', 100, BatchGetConversations, { size: ['ConversationShortId'] }),
	action('GetUserConversations', 100, GetUserConversations),
	action('GetConversationUserCount', 50, GetConversationUserCount),
	action('GetConversationSetting', 50, GetConversationSetting),
	action('ModifyConversationSetting', 50, ModifyConversationSetting),
	action('MarkConversation', 50, MarkConversation),
	action('GetConversationMarks', 50, GetConversationMarks),
	action('GetMessagesReadReceipt', 100, GetMessagesReadReceipt, { size: ['MessageIds'] }),
	action('GetParticipantReadIndex', 50, GetParticipantReadIndex),
	action('ModifyParticipantReadIndex', 50, ModifyParticipantReadIndex),
];
