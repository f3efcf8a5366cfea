// Sandbox code (not shipped): Tencent Chat groups — create, destroy, list, add and delete members,
// online member count (tencent-chat.md §6.1–§6.6). Group messages are in messages.ts.
import { bytes, groupOf, isObj, isOnline, stringArray, stringField, TimError, UINT32_MAX } from './fields';
import { route, type TimRoute } from './route';
import { TENCENT_GROUP_TYPES, type TencentGroup, type TencentGroupType, type TencentState, type TimCtx } from './state';

function newGroupId(st: TencentState): string {
	let id: string;
	do id = `@TGS#${(0x2a000000 + st.counters.nextGroupId++).toString(36).toUpperCase()}`;
	while (st.groups.has(id));
	return id;
}

const APPLY_JOIN_OPTIONS = ['FreeAccess', 'NeedPermission', 'DisableApply'];

function optionalText(body: Record<string, unknown>, name: string, maxBytes: number): string | undefined {
	const v = stringField(body, name, 10004, false);
	if (v !== undefined && bytes(v) > maxBytes) throw new TimError(10004, `${name} is longer than ${maxBytes} bytes`);
	return v;
}

function create_group(ctx: TimCtx, body: Record<string, unknown>) {
	const { st } = ctx;
	const type = body.Type;
	if (typeof type !== 'string' || !TENCENT_GROUP_TYPES.includes(type as TencentGroupType)) {
		throw new TimError(10004, `Type must be one of ${TENCENT_GROUP_TYPES.join(', ')}`);
	}
	const name = stringField(body, 'Name', 10004, true);
	if (bytes(name) > 30) throw new TimError(10004, 'Name is longer than 30 bytes');
	let groupId = stringField(body, 'GroupId', 10004, false);
	if (groupId !== undefined && groupId !== '') {
		// §6.1: printable ASCII, ≤ 48 bytes, not @TGS#. sandbox: a Community may use the @TGS#_ prefix (unconfirmed).
		const communityPrefix = type === 'Community' && groupId.startsWith('@TGS#_');
		if (!/^[\x21-\x7e]+$/.test(groupId) || bytes(groupId) > 48 || (groupId.startsWith('@TGS#') && !communityPrefix)) {
			throw new TimError(10004, 'GroupId must be printable ASCII, ≤ 48 bytes, not starting with @TGS#');
		}
		if (st.groups.has(groupId)) {
			const taken = st.groups.get(groupId)!;
			const owner = typeof body.Owner_Account === 'string' ? body.Owner_Account : undefined;
			throw owner !== undefined && taken.owner === owner
				? new TimError(10025, `GroupId ${groupId} is already used, and you are its owner`)
				: new TimError(10021, `GroupId ${groupId} is already used`);
		}
	} else groupId = newGroupId(st);
	const introduction = optionalText(body, 'Introduction', 240);
	const notification = optionalText(body, 'Notification', 300);
	const faceUrl = optionalText(body, 'FaceUrl', 100);
	const apply = stringField(body, 'ApplyJoinOption', 10004, false);
	if (apply !== undefined && !APPLY_JOIN_OPTIONS.includes(apply)) throw new TimError(10004, `ApplyJoinOption must be one of ${APPLY_JOIN_OPTIONS.join(', ')}`);
	const max = body.MaxMemberCount;
	if (max !== undefined && (typeof max !== 'number' || !Number.isInteger(max) || max < 1 || max > UINT32_MAX)) {
		throw new TimError(10004, 'MaxMemberCount must be a positive integer');
	}
	const topic = body.SupportTopic;
	if (topic !== undefined && topic !== 0 && topic !== 1) throw new TimError(10004, 'SupportTopic must be 0 or 1');
	if (topic === 1 && type !== 'Community') throw new TimError(10004, 'SupportTopic is for Community groups only (§6.1)');
	const owner = stringField(body, 'Owner_Account', 10004, false);
	if (owner && !st.accounts.has(owner)) throw new TimError(10004, `Owner_Account ${owner} is not an imported account`);
	const members = new Set<string>();
	const admins = new Set<string>();
	if (owner) members.add(owner);
	if (body.MemberList !== undefined) {
		if (type === 'AVChatRoom') throw new TimError(10007, 'MemberList is not allowed for AVChatRoom (§6.1)');
		if (!Array.isArray(body.MemberList)) throw new TimError(10004, 'MemberList must be an array');
		if (body.MemberList.length > 500) throw new TimError(10004, 'MemberList has more than 500 members');
		body.MemberList.forEach((m: unknown, i: number) => {
			if (!isObj(m) || typeof m.Member_Account !== 'string') throw new TimError(10004, `MemberList[${i}].Member_Account must be a string`);
			if (!st.accounts.has(m.Member_Account)) throw new TimError(10004, `MemberList[${i}]: ${m.Member_Account} is not an imported account`);
			if (m.Role !== undefined && m.Role !== 'Admin') throw new TimError(10004, `MemberList[${i}].Role must be "Admin"`);
			members.add(m.Member_Account);
			if (m.Role === 'Admin') admins.add(m.Member_Account);
		});
	}
	if (typeof max === 'number' && members.size > max) throw new TimError(10038, `More members (${members.size}) than MaxMemberCount (${max})`);
	st.groups.set(groupId, {
		groupId, type: type as TencentGroupType, name, owner: owner || undefined, members, messages: [], nextSeq: 1, notifications: [],
		seq: ++st.counters.groupSeq, introduction, notification, faceUrl, applyJoinOption: apply, maxMemberCount: max as number | undefined,
		supportTopic: topic === 1, admins, pending: new Set(),
	});
	return { GroupId: groupId };
}

// ---- group administration (§6.2–§6.6) -----------------------------------------------------------

function destroy_group(ctx: TimCtx, body: Record<string, unknown>) {
	const g = groupOf(ctx, body);
	ctx.st.groups.delete(g.groupId);
	ctx.sb.emit('tencent.group', { command: 'group_open_http_svc/destroy_group', sdkAppId: ctx.sdkAppId, groupId: g.groupId, groupType: g.type });
	return {};
}

const LIST_GROUP_TYPES = ['Public', 'Private', 'ChatRoom', 'AVChatRoom', 'BChatRoom', 'Community'];

/** Groups in creation order; groups that predate the cursor field get one now. */
function groupsInOrder(st: TencentState): TencentGroup[] {
	const all = [...st.groups.values()];
	for (const g of all) if (g.seq === undefined) g.seq = ++st.counters.groupSeq;
	return all.sort((a, b) => a.seq! - b.seq!);
}

/**
 * §6.3: Limit ≤ 10,000 (default 10,000), Next 0 on the first call; the answer's Next is 0 when done.
 * `Next` is a uint64 (cloud.tencent.com/document/product/269/1614; doocs/qcloud-im-server-sdk-java
 * reads it as a Long). sandbox: cursors are `groupListCursorBase` + the group's creation sequence,
 * written as exact bare JSON numbers; a Next this server never issued (e.g. one rounded through a
 * double) is refused with 10004, so a client that loses digits fails loudly.
 */
function get_appid_group_list(ctx: TimCtx, body: Record<string, unknown>) {
	const limit = body.Limit ?? 10000;
	if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1 || limit > 10000) throw new TimError(10004, 'Limit must be an integer in [1, 10000]');
	const rawNext = body.Next ?? 0;
	if (!((typeof rawNext === 'number' && Number.isSafeInteger(rawNext)) || typeof rawNext === 'bigint') || BigInt(rawNext) < 0n || BigInt(rawNext) >= 1n << 64n) {
		throw new TimError(10004, 'Next must be a uint64');
	}
	const base = BigInt(ctx.sb.config.tencent.groupListCursorBase ?? '0');
	const given = BigInt(rawNext);
	const after = given === 0n ? 0n : given - base;
	if (given !== 0n && (after < 1n || after > BigInt(ctx.st.counters.groupSeq))) throw new TimError(10004, `Next ${given} is not a cursor this server issued`);
	const next = Number(after);
	const type = stringField(body, 'GroupType', 10004, false);
	if (type !== undefined && !LIST_GROUP_TYPES.includes(type)) throw new TimError(10004, `GroupType must be one of ${LIST_GROUP_TYPES.join(', ')}`);
	const all = groupsInOrder(ctx.st).filter((g) => type === undefined || g.type === type);
	const rest = all.filter((g) => g.seq! > next);
	const page = rest.slice(0, limit);
	const cursor = rest.length > page.length ? base + BigInt(page[page.length - 1].seq!) : 0n;
	return {
		TotalCount: all.length,
		GroupIdList: page.map((g) => ({ GroupId: g.groupId })),
		// A bigint is written with its exact digits (a safe value stays a plain number).
		Next: cursor <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(cursor) : cursor,
	};
}

function silenceField(body: Record<string, unknown>) {
	const v = body.Silence;
	if (v !== undefined && v !== 0 && v !== 1) throw new TimError(10004, 'Silence must be 0 or 1');
}

/** §6.4: Result 0 failed, 1 added, 2 already a member, 3 waiting for the invitee's confirmation. */
function add_group_member(ctx: TimCtx, body: Record<string, unknown>) {
	const { st, sb } = ctx;
	const g = groupOf(ctx, body);
	if (g.type === 'AVChatRoom') throw new TimError(10007, 'AVChatRoom members join through the client SDK; add_group_member is not allowed (§6.4)');
	silenceField(body);
	const list = body.MemberList;
	if (!Array.isArray(list) || list.length === 0) throw new TimError(10004, 'MemberList must be a non-empty array');
	const max = sb.config.tencent.addGroupMemberMax ?? 300;
	if (list.length > max) throw new TimError(10005, `MemberList has ${list.length} members; the limit is ${max} per request`);
	const ids = list.map((m, i) => {
		if (!isObj(m) || typeof m.Member_Account !== 'string') throw new TimError(10004, `MemberList[${i}].Member_Account must be a string`);
		return m.Member_Account as string;
	});
	const joining = new Set(ids.filter((a) => st.accounts.has(a) && !g.members.has(a)));
	if (g.maxMemberCount !== undefined && !g.inviteNeedsConfirmation && g.members.size + joining.size > g.maxMemberCount) {
		throw new TimError(10014, `Group ${g.groupId} is full (MaxMemberCount ${g.maxMemberCount})`);
	}
	const added: string[] = [];
	const result = ids.map((a) => {
		if (!st.accounts.has(a)) return { Member_Account: a, Result: 0 };
		if (g.members.has(a)) return { Member_Account: a, Result: 2 };
		if (g.inviteNeedsConfirmation) {
			(g.pending ??= new Set()).add(a);
			return { Member_Account: a, Result: 3 };
		}
		g.members.add(a);
		added.push(a);
		return { Member_Account: a, Result: 1 };
	});
	if (added.length) sb.emit('tencent.group', { command: 'group_open_http_svc/add_group_member', sdkAppId: ctx.sdkAppId, groupId: g.groupId, members: added, silence: body.Silence === 1 });
	return { MemberList: result };
}

/** §6.5: ≤ 100 per call; a non-member is "deleted" successfully; not for AVChatRoom (10004). */
function delete_group_member(ctx: TimCtx, body: Record<string, unknown>) {
	const g = groupOf(ctx, body);
	if (g.type === 'AVChatRoom') throw new TimError(10004, 'AVChatRoom members cannot be deleted; mute or ban them instead (§6.5)');
	silenceField(body);
	if (body.Reason !== undefined) stringField(body, 'Reason', 10004, false);
	const raw = body.MemberToDel_Account;
	if (!Array.isArray(raw) || raw.length === 0) throw new TimError(10004, 'MemberToDel_Account must be a non-empty array');
	if (raw.length > 100) throw new TimError(10005, `MemberToDel_Account has ${raw.length} accounts; the limit is 100`);
	const ids = stringArray(raw, 'MemberToDel_Account', 10004);
	const removed = ids.filter((a) => g.members.delete(a));
	for (const a of ids) {
		g.admins?.delete(a);
		g.pending?.delete(a);
	}
	if (removed.length) ctx.sb.emit('tencent.group', { command: 'group_open_http_svc/delete_group_member', sdkAppId: ctx.sdkAppId, groupId: g.groupId, members: removed });
	return {};
}

/**
 * §6.6: members with a persistent connection. sandbox: any group type except Community (which has
 * its own million_group API → 10007); counted at once (the vendor refreshes every 10 s).
 */
function get_online_member_num(ctx: TimCtx, body: Record<string, unknown>) {
	const g = groupOf(ctx, body);
	if (g.type === 'Community') throw new TimError(10007, 'Community groups use million_group_open_http_svc/get_online_member_num');
	return { OnlineMemberNum: [...g.members].filter((a) => isOnline(ctx.st, a)).length };
}

export const groupRoutes: TimRoute[] = [
	route('group_open_http_svc/create_group', 'group', 200, create_group),
	route('group_open_http_svc/destroy_group', 'group', 200, destroy_group),
	// 1 call/s (cloud.tencent.com/document/product/269/1614, tencentcloud.com 1047/34960).
	route('group_open_http_svc/get_appid_group_list', 'group', 1, get_appid_group_list),
	route('group_open_http_svc/add_group_member', 'group', 200, add_group_member),
	route('group_open_http_svc/delete_group_member', 'group', 200, delete_group_member),
	route('group_open_http_svc/get_online_member_num', 'group', 200, get_online_member_num),
];
