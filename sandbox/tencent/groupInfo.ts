// Sandbox code (not shipped): Tencent Chat group profiles — get_group_info, modify_group_base_info,
// change_group_owner, get_joined_group_list, import_group (tencentcloud.com 1047/34961, 34962,
// 34966, 34925, 34967; field names as in doocs/qcloud-im-server-sdk-java and dobyte/tencent-im).
import { bytes, groupOf, isObj, stringField, TimError, UINT32_MAX } from './fields';
import { customList, extraOf, memberInfo, readCustom, roleOf } from './groupExtra';
import { route, type TimRoute } from './route';
import type { TencentGroup, TencentGroupType, TimCtx } from './state';

const APPLY = ['FreeAccess', 'NeedPermission', 'DisableApply'];

function textOf(body: Record<string, unknown>, name: string, max: number): string | undefined {
	const v = stringField(body, name, 10004, false);
	if (v !== undefined && bytes(v) > max) throw new TimError(10004, `${name} is longer than ${max} bytes`);
	return v;
}

function stringList(v: unknown, name: string): string[] | undefined {
	if (v === undefined) return undefined;
	if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) throw new TimError(10004, `${name} must be an array of strings`);
	return v as string[];
}

function memberJson(ctx: TimCtx, g: TencentGroup, account: string) {
	const m = memberInfo(ctx, g, account)!;
	return {
		Member_Account: account, Role: roleOf(g, account), JoinTime: m.joinTime, MsgSeq: 0, MsgFlag: m.msgFlag, LastSendMsgTime: 0,
		MuteUntil: m.muteUntil, NameCard: m.nameCard ?? '', AppMemberDefinedData: customList(m.custom),
	};
}

/** The profile of a group as get_group_info writes it (all fields, before the filter). */
export function groupJson(ctx: TimCtx, g: TencentGroup): Record<string, unknown> {
	const e = extraOf(g, ctx.nowSec);
	return {
		GroupId: g.groupId, Type: g.type, Name: g.name, Appid: ctx.sdkAppId, Introduction: g.introduction ?? '', Notification: g.notification ?? '',
		FaceUrl: g.faceUrl ?? '', Owner_Account: g.owner ?? '', CreateTime: e.createTime, LastInfoTime: e.createTime, LastMsgTime: 0, NextMsgSeq: g.nextSeq,
		MemberNum: g.members.size, MaxMemberNum: g.maxMemberCount ?? 2000, ApplyJoinOption: g.applyJoinOption ?? 'NeedPermission',
		MuteAllMember: e.muteAll ? 'On' : 'Off', AppDefinedData: customList(e.custom),
	};
}

/** GroupIdList ≤ 50; a missing group answers its own ErrorCode 10010 inside GroupInfo. */
function get_group_info(ctx: TimCtx, body: Record<string, unknown>) {
	const ids = stringList(body.GroupIdList, 'GroupIdList');
	if (!ids || ids.length === 0) throw new TimError(10004, 'GroupIdList must be a non-empty array');
	if (ids.length > 50) throw new TimError(10004, `GroupIdList has ${ids.length} groups; the limit is 50`);
	const f = isObj(body.ResponseFilter) ? body.ResponseFilter : {};
	const base = stringList(f.GroupBaseInfoFilter, 'GroupBaseInfoFilter');
	const member = stringList(f.MemberInfoFilter, 'MemberInfoFilter');
	const groupKeys = stringList(f.AppDefinedDataFilter_Group, 'AppDefinedDataFilter_Group');
	return {
		GroupInfo: ids.map((id) => {
			const g = ctx.st.groups.get(id);
			if (!g) return { GroupId: id, ErrorCode: 10010, ErrorInfo: 'this group does not exist' };
			const all = groupJson(ctx, g);
			const out: Record<string, unknown> = { GroupId: id, ErrorCode: 0 };
			for (const [k, v] of Object.entries(all)) if (!base || base.includes(k)) out[k] = v;
			if (groupKeys) out.AppDefinedData = customList(new Map([...extraOf(g).custom].filter(([k]) => groupKeys.includes(k))));
			if (member) {
				out.MemberList = [...g.members].map((a) => {
					const m = memberJson(ctx, g, a);
					return Object.fromEntries(Object.entries(m).filter(([k]) => k === 'Member_Account' || member.includes(k)));
				});
			}
			return out;
		}),
	};
}

function modify_group_base_info(ctx: TimCtx, body: Record<string, unknown>) {
	const g = groupOf(ctx, body);
	const e = extraOf(g, ctx.nowSec);
	const name = textOf(body, 'Name', 30);
	const intro = textOf(body, 'Introduction', 240);
	const notice = textOf(body, 'Notification', 300);
	const face = textOf(body, 'FaceUrl', 100);
	const apply = stringField(body, 'ApplyJoinOption', 10004, false);
	if (apply !== undefined && !APPLY.includes(apply)) throw new TimError(10004, `ApplyJoinOption must be one of ${APPLY.join(', ')}`);
	const mute = stringField(body, 'MuteAllMember', 10004, false);
	if (mute !== undefined && mute !== 'On' && mute !== 'Off') throw new TimError(10004, 'MuteAllMember must be On or Off');
	const max = body.MaxMemberNum;
	if (max !== undefined && (typeof max !== 'number' || !Number.isInteger(max) || max < 1 || max > UINT32_MAX)) throw new TimError(10004, 'MaxMemberNum must be a positive integer');
	if (typeof max === 'number' && max < g.members.size) throw new TimError(10004, `MaxMemberNum ${max} is below the member count ${g.members.size}`);
	readCustom(body.AppDefinedData, 'AppDefinedData', e.custom);
	if (name !== undefined) g.name = name;
	if (intro !== undefined) g.introduction = intro;
	if (notice !== undefined) g.notification = notice;
	if (face !== undefined) g.faceUrl = face;
	if (apply !== undefined) g.applyJoinOption = apply;
	if (mute !== undefined) e.muteAll = mute === 'On';
	if (typeof max === 'number') g.maxMemberCount = max;
	return {};
}

/** The new owner must be a member; AVChatRoom has no owner transfer (10007, sandbox reading of 1047/34966). */
function change_group_owner(ctx: TimCtx, body: Record<string, unknown>) {
	const g = groupOf(ctx, body);
	if (g.type === 'AVChatRoom') throw new TimError(10007, 'Audio-video groups (AVChatRoom) cannot change owner');
	const to = stringField(body, 'NewOwner_Account', 10004, true);
	if (!g.members.has(to)) throw new TimError(10007, `${to} is not a member of ${g.groupId}`);
	g.admins?.delete(to);
	g.owner = to;
	return {};
}

/** Limit ≤ 5,000 (menu §1.3), Offset; audio-video groups only with WithHugeGroups 1. */
function get_joined_group_list(ctx: TimCtx, body: Record<string, unknown>) {
	const user = stringField(body, 'Member_Account', 10004, true);
	if (!ctx.st.accounts.has(user)) throw new TimError(10019, `${user} is not an imported account`);
	const limit = body.Limit ?? 5000;
	const offset = body.Offset ?? 0;
	if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1 || limit > 5000) throw new TimError(10004, 'Limit must be an integer in [1, 5000]');
	if (typeof offset !== 'number' || !Number.isInteger(offset) || offset < 0) throw new TimError(10004, 'Offset must be a non-negative integer');
	const type = stringField(body, 'GroupType', 10004, false);
	const all = [...ctx.st.groups.values()].filter((g) => g.members.has(user) && (type === undefined || g.type === type) && (g.type !== 'AVChatRoom' || body.WithHugeGroups === 1));
	return { TotalCount: all.length, GroupIdList: all.slice(offset, offset + limit).map((g) => ({ GroupId: g.groupId, Name: g.name, Type: g.type })) };
}

function import_group(ctx: TimCtx, body: Record<string, unknown>) {
	const { st } = ctx;
	const type = stringField(body, 'Type', 10004, true);
	if (type === 'AVChatRoom') throw new TimError(10007, 'Audio-video groups (AVChatRoom) cannot be imported');
	if (!['Public', 'Private', 'ChatRoom', 'Community'].includes(type)) throw new TimError(10004, 'Type must be Public, Private, ChatRoom or Community');
	const name = textOf(body, 'Name', 30);
	if (!name) throw new TimError(10004, 'Name is required');
	let id = stringField(body, 'GroupId', 10004, false);
	if (id !== undefined && (!/^[\x21-\x7e]{1,48}$/.test(id) || id.startsWith('@TGS#'))) throw new TimError(10004, 'GroupId must be printable ASCII, ≤ 48 bytes, not @TGS#');
	if (id !== undefined && st.groups.has(id)) throw new TimError(10021, `GroupId ${id} is already used`);
	id ??= `@TGS#IMP${++st.counters.nextGroupId}`;
	const owner = stringField(body, 'Owner_Account', 10004, false);
	if (owner !== undefined && !st.accounts.has(owner)) throw new TimError(10019, `Owner_Account ${owner} is not an imported account`);
	const created = body.CreateTime;
	if (created !== undefined && (typeof created !== 'number' || !Number.isInteger(created) || created < 0 || created > UINT32_MAX)) throw new TimError(10004, 'CreateTime must be Unix seconds');
	if (body.SupportTopic === 1 && type !== 'Community') throw new TimError(10004, 'SupportTopic is for Community groups only');
	const g: TencentGroup = {
		groupId: id, type: type as TencentGroupType, name, owner, members: new Set(owner ? [owner] : []), messages: [], nextSeq: 1, notifications: [],
		seq: ++st.counters.groupSeq, introduction: textOf(body, 'Introduction', 240), notification: textOf(body, 'Notification', 300), faceUrl: textOf(body, 'FaceUrl', 100),
		applyJoinOption: stringField(body, 'ApplyJoinOption', 10004, false), maxMemberCount: body.MaxMemberCount as number | undefined, supportTopic: body.SupportTopic === 1, admins: new Set(), pending: new Set(),
	};
	const e = extraOf(g, ctx.nowSec);
	if (typeof created === 'number') e.createTime = created;
	readCustom(body.AppDefinedData, 'AppDefinedData', e.custom);
	st.groups.set(id, g);
	return { GroupId: id };
}

export const groupInfoRoutes: TimRoute[] = [
	route('group_open_http_svc/get_group_info', 'group', 200, get_group_info),
	route('group_open_http_svc/modify_group_base_info', 'group', 200, modify_group_base_info),
	route('group_open_http_svc/change_group_owner', 'group', 200, change_group_owner),
	route('group_open_http_svc/get_joined_group_list', 'group', 200, get_joined_group_list),
	route('group_open_http_svc/import_group', 'group', 200, import_group),
];
