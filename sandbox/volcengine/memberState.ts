// Sandbox code (not shipped): what the Volcengine emulator keeps about conversation members beyond
// their role (conversation.members in state.ts): profile, join time, marks, the live-group mute/ban
// lists and the allow list. Kept beside the conversation (a WeakMap), so state.ts stays as it is and
// a re-seeded conversation starts clean.
import type { Body } from '../routes';
import { appField, int64Array, int64Field, VolcError } from './fields';
import type { VolcCtx, VolcengineConversation } from './state';

export interface MemberDetail {
	nickName?: string;
	level?: number;
	ext?: Record<string, string>;
	readIndex?: bigint;
	/** s; 0 = not muted (BatchModifyConversationParticipant BlockTime) */
	blockTime?: bigint;
	avatarUrl?: string;
	marks: Set<string>;
	/** s */
	createTime: number;
	operator: bigint;
}

export interface Restricted {
	/** s */
	createTime: number;
	/** s */
	until: number;
}

export interface MemberDetails {
	members: Map<bigint, MemberDetail>;
	/** BlockAction 0 (muted), 1 (banned): user → since / until. */
	restricted: [Map<bigint, Restricted>, Map<bigint, Restricted>];
	/** The allow list (whitelist) of a muted live group: user → since, by whom. */
	allowed: Map<bigint, { createTime: number; operator: bigint }>;
}

const DETAILS = new WeakMap<VolcengineConversation, MemberDetails>();

export function detailsOf(conv: VolcengineConversation): MemberDetails {
	let d = DETAILS.get(conv);
	if (!d) DETAILS.set(conv, (d = { members: new Map(), restricted: [new Map(), new Map()], allowed: new Map() }));
	return d;
}

/** A member's detail; seeded members get one on first use (joined at `now`, operator the owner). */
export function memberDetail(ctx: VolcCtx, conv: VolcengineConversation, userId: bigint): MemberDetail {
	const d = detailsOf(conv);
	let m = d.members.get(userId);
	if (!m) d.members.set(userId, (m = { marks: new Set(), createTime: seconds(ctx), operator: conv.owner }));
	return m;
}

export const seconds = (ctx: VolcCtx): number => Math.floor(ctx.now / 1000);

/** The conversation named by AppId + ConversationShortId (InvalidParameter when there is none). */
export function conversationIn(ctx: VolcCtx, body: Body): VolcengineConversation {
	const appId = appField(ctx, body);
	const shortId = int64Field(body, 'ConversationShortId')!;
	const conv = ctx.st.conversations.get(appId)?.get(shortId);
	if (!conv) throw new VolcError('InvalidParameter', `conversation ${shortId} does not exist`);
	return conv;
}

/** "目前仅直播群支持此接口" (doc pages 6348/788462, 1051343, 1051345, 1162951, …). */
export function liveGroupIn(ctx: VolcCtx, body: Body, api: string): VolcengineConversation {
	const conv = conversationIn(ctx, body);
	if (conv.type !== 100) throw new VolcError('InvalidParameter', `${api} only supports live groups; conversation ${conv.shortId} has type ${conv.type}`);
	return conv;
}

/**
 * A list of user ids of at most `max`. Where Volcengine documents no per-call maximum, the
 * sandbox takes 200 (a group holds at most 200 members, FAQ 6348/914736) — a stand-in, not the vendor's.
 */
export function userIds(body: Body, name: string, max = 200): bigint[] {
	const ids = int64Array(body, name);
	if (ids.length === 0) throw new VolcError('InvalidParameter', `${name} is empty`);
	if (ids.length > max) throw new VolcError('InvalidParameter.UserCountOverLimit', `${name} has ${ids.length} users; the limit is ${max}`);
	return ids;
}

/** Cursor and Limit of a page, Limit from 1 to `max`. */
export function pageOf(body: Body, max: number): { cursor: bigint; limit: number } {
	const cursor = int64Field(body, 'Cursor')!;
	const limit = Number(int64Field(body, 'Limit')!);
	if (limit < 1 || limit > max) throw new VolcError('InvalidParameter', `Limit must be in [1, ${max}]`);
	if (cursor < 0n) throw new VolcError('InvalidParameter', 'Cursor must not be negative');
	return { cursor, limit };
}

/** The profile fields of a member entry (Participants items), as the vendor names them. */
export function profileJson(m: MemberDetail): Record<string, unknown> {
	return { NickName: m.nickName ?? '', AvatarUrl: m.avatarUrl ?? '', Ext: m.ext ?? {}, Marks: [...m.marks] };
}
