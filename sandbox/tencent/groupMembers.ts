// Sandbox code (not shipped): Tencent Chat member administration — member profiles, roles, mutes,
// bans and imports (tencentcloud.com 1047/34948, 34900, 34951, 34964, 50296, 50297, 50295, 34963,
// 34969; field names as in doocs/qcloud-im-server-sdk-java and dobyte/tencent-im).
import { groupOf, isObj, stringField, TimError, UINT32_MAX } from './fields';
import { accountList, customList, extraOf, memberInfo, readCustom, roleOf } from './groupExtra';
import { route, type TimRoute } from './route';
import type { TencentGroup, TimCtx } from './state';

function int(body: Record<string, unknown>, name: string, min: number, max: number, fallback?: number): number {
	const v = body[name] ?? fallback;
	if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) throw new TimError(10004, `${name} must be an integer in [${min}, ${max}]`);
	return v;
}

const until = (ctx: TimCtx, seconds: number) => (seconds === 0 ? 0 : seconds === UINT32_MAX ? UINT32_MAX : ctx.nowSec + seconds);

function onlyAv(g: TencentGroup, what: string) {
	if (g.type !== 'AVChatRoom') throw new TimError(10007, `${what} is for audio-video groups (AVChatRoom) only`);
}

function topicOf(g: TencentGroup, body: Record<string, unknown>): string | undefined {
	const t = stringField(body, 'TopicId', 10004, false);
	if (t !== undefined && !extraOf(g).topics.has(t)) throw new TimError(10010, `Topic ${t} does not exist`);
	return t;
}

/** Limit ≤ 6,000, Offset; Community groups page with the string Next ("" first, "" in the answer when done). */
function get_group_member_info(ctx: TimCtx, body: Record<string, unknown>) {
	const g = groupOf(ctx, body);
	const limit = int(body, 'Limit', 1, 6000, 6000);
	let from = 0;
	if (g.type === 'Community') {
		if (body.Offset !== undefined) throw new TimError(10004, 'Community groups page with Next, not Offset');
		const next = body.Next ?? '';
		if (typeof next !== 'string' || (next !== '' && !/^c\d+$/.test(next))) throw new TimError(10004, 'Next must be "" or a cursor this server issued');
		from = next === '' ? 0 : Number(next.slice(1));
	} else from = int(body, 'Offset', 0, Number.MAX_SAFE_INTEGER, 0);
	const roles = Array.isArray(body.MemberRoleFilter) ? (body.MemberRoleFilter as string[]) : undefined;
	const fields = Array.isArray(body.MemberInfoFilter) ? (body.MemberInfoFilter as string[]) : undefined;
	const all = [...g.members].filter((a) => !roles || roles.includes(roleOf(g, a)));
	const page = all.slice(from, from + limit).map((a) => {
		const m = memberInfo(ctx, g, a)!;
		const full: Record<string, unknown> = {
			Member_Account: a, Role: roleOf(g, a), JoinTime: m.joinTime, MsgSeq: 0, MsgFlag: m.msgFlag, LastSendMsgTime: 0,
			MuteUntil: m.muteUntil, NameCard: m.nameCard ?? '', AppMemberDefinedData: customList(m.custom),
		};
		return Object.fromEntries(Object.entries(full).filter(([k]) => !fields || k === 'Member_Account' || fields.includes(k)));
	});
	const out: Record<string, unknown> = { MemberNum: all.length, MemberList: page };
	if (g.type === 'Community') out.Next = from + page.length < all.length ? `c${from + page.length}` : '';
	return out;
}

function modify_group_member_info(ctx: TimCtx, body: Record<string, unknown>) {
	const g = groupOf(ctx, body);
	const account = stringField(body, 'Member_Account', 10004, true);
	const m = memberInfo(ctx, g, account);
	if (!m) throw new TimError(10007, `${account} is not a member of ${g.groupId}`);
	const role = stringField(body, 'Role', 10004, false);
	if (role !== undefined && role !== 'Admin' && role !== 'Member') throw new TimError(10004, 'Role must be Admin or Member');
	if (role !== undefined && g.owner === account) throw new TimError(10004, 'The owner\'s role cannot be changed (change the owner instead)');
	const flag = stringField(body, 'MsgFlag', 10004, false);
	if (flag !== undefined && !['AcceptAndNotify', 'AcceptNotNotify', 'Discard'].includes(flag)) throw new TimError(10004, 'MsgFlag must be AcceptAndNotify, AcceptNotNotify or Discard');
	const card = stringField(body, 'NameCard', 10004, false);
	if (card !== undefined && Buffer.byteLength(card) > 50) throw new TimError(10004, 'NameCard is longer than 50 bytes');
	const mute = body.MuteTime === undefined ? undefined : int(body, 'MuteTime', 0, UINT32_MAX);
	readCustom(body.AppMemberDefinedData, 'AppMemberDefinedData', m.custom);
	if (role === 'Admin') (g.admins ??= new Set()).add(account);
	if (role === 'Member') g.admins?.delete(account);
	if (flag !== undefined) m.msgFlag = flag;
	if (card !== undefined) m.nameCard = card;
	if (mute !== undefined) m.muteUntil = until(ctx, mute);
	return {};
}

/** Members_Account ≤ 500, MuteTime seconds (0 = unmute), optional TopicId. */
function forbid_send_msg(ctx: TimCtx, body: Record<string, unknown>) {
	const g = groupOf(ctx, body);
	const members = accountList(body.Members_Account, 'Members_Account', 500);
	const seconds = int(body, 'MuteTime', 0, UINT32_MAX);
	const topic = topicOf(g, body);
	for (const a of members) {
		const m = memberInfo(ctx, g, a);
		if (!m) continue; // sandbox: non-members are skipped, as delete_group_member does
		if (topic === undefined) m.muteUntil = until(ctx, seconds);
		else if (seconds === 0) extraOf(g).topicMutes.delete(`${topic}|${a}`);
		else extraOf(g).topicMutes.set(`${topic}|${a}`, until(ctx, seconds));
	}
	return {};
}

function get_group_muted_account(ctx: TimCtx, body: Record<string, unknown>) {
	const g = groupOf(ctx, body);
	const topic = topicOf(g, body);
	const list: Array<{ Member_Account: string; MutedUntil: number }> = [];
	for (const a of g.members) {
		const t = topic === undefined ? memberInfo(ctx, g, a)!.muteUntil : (extraOf(g).topicMutes.get(`${topic}|${a}`) ?? 0);
		if (t > ctx.nowSec) list.push({ Member_Account: a, MutedUntil: t });
	}
	return { MutedAccountList: list };
}

/** AVChatRoom only; ≤ 20 per call; Duration seconds; Description ≤ 1,000 bytes. Banned members leave the group. */
function ban_group_member(ctx: TimCtx, body: Record<string, unknown>) {
	const g = groupOf(ctx, body);
	onlyAv(g, 'ban_group_member');
	const members = accountList(body.Members_Account, 'Members_Account', 20);
	const seconds = int(body, 'Duration', 1, UINT32_MAX);
	const why = stringField(body, 'Description', 10004, false);
	if (why !== undefined && Buffer.byteLength(why) > 1000) throw new TimError(10004, 'Description is longer than 1000 bytes');
	for (const a of members) {
		extraOf(g).bans.set(a, ctx.nowSec + seconds);
		g.members.delete(a);
	}
	return {};
}

function unban_group_member(ctx: TimCtx, body: Record<string, unknown>) {
	const g = groupOf(ctx, body);
	onlyAv(g, 'unban_group_member');
	for (const a of accountList(body.Members_Account, 'Members_Account', 20)) extraOf(g).bans.delete(a);
	return {};
}

/** Limit ≤ 100, Offset; NextOffset 0 when done. */
function get_group_ban_member(ctx: TimCtx, body: Record<string, unknown>) {
	const g = groupOf(ctx, body);
	onlyAv(g, 'get_group_ban_member');
	const limit = int(body, 'Limit', 1, 100, 100);
	const offset = int(body, 'Offset', 0, Number.MAX_SAFE_INTEGER);
	const banned = [...extraOf(g).bans].filter(([, t]) => t > ctx.nowSec);
	const page = banned.slice(offset, offset + limit);
	return { BannedAccountList: page.map(([Member_Account, BannedUntil]) => ({ Member_Account, BannedUntil })), NextOffset: offset + page.length < banned.length ? offset + page.length : 0 };
}

function get_role_in_group(ctx: TimCtx, body: Record<string, unknown>) {
	const g = groupOf(ctx, body);
	return { UserIdList: accountList(body.User_Account, 'User_Account', 500).map((a) => ({ Member_Account: a, Role: roleOf(g, a) })) };
}

/** MemberList ≤ 300 of { Member_Account, Role, JoinTime, UnreadMsgNum }; Result 0 failed, 1 imported, 2 already a member. */
function import_group_member(ctx: TimCtx, body: Record<string, unknown>) {
	const g = groupOf(ctx, body);
	if (g.type === 'AVChatRoom') throw new TimError(10007, 'Audio-video groups (AVChatRoom) do not take imported members');
	const list = body.MemberList;
	if (!Array.isArray(list) || list.length === 0) throw new TimError(10004, 'MemberList must be a non-empty array');
	if (list.length > 300) throw new TimError(10004, `MemberList has ${list.length} members; the limit is 300`);
	return {
		MemberList: list.map((m: unknown, i) => {
			if (!isObj(m) || typeof m.Member_Account !== 'string') throw new TimError(10004, `MemberList[${i}].Member_Account must be a string`);
			const a = m.Member_Account;
			if (!ctx.st.accounts.has(a)) return { Member_Account: a, Result: 0 };
			if (g.members.has(a)) return { Member_Account: a, Result: 2 };
			g.members.add(a);
			const info = memberInfo(ctx, g, a)!;
			if (typeof m.JoinTime === 'number') info.joinTime = m.JoinTime;
			if (typeof m.UnreadMsgNum === 'number') info.unread = m.UnreadMsgNum;
			if (m.Role === 'Admin') (g.admins ??= new Set()).add(a);
			return { Member_Account: a, Result: 1 };
		}),
	};
}

export const groupMemberRoutes: TimRoute[] = [
	route('group_open_http_svc/get_group_member_info', 'group', 200, get_group_member_info),
	route('group_open_http_svc/modify_group_member_info', 'group', 200, modify_group_member_info),
	route('group_open_http_svc/forbid_send_msg', 'group', 200, forbid_send_msg),
	route('group_open_http_svc/get_group_muted_account', 'group', 200, get_group_muted_account),
	route('group_open_http_svc/ban_group_member', 'group', 200, ban_group_member),
	route('group_open_http_svc/unban_group_member', 'group', 200, unban_group_member),
	route('group_open_http_svc/get_group_ban_member', 'group', 200, get_group_ban_member),
	route('group_open_http_svc/get_role_in_group', 'group', 200, get_role_in_group),
	route('group_open_http_svc/import_group_member', 'group', 200, import_group_member),
];
