/* eslint-disable */
// Sandbox code (not shipped): Tencent Chat relationships — friends, friend lists, blocklist
// (sns/*, tencentcloud.com/document/product/1047/34902–34914, 34950, 34926, 40123; request and
// answer fields: dobyte/tencent-im sns/types.go, doocs/qcloud-im-server-sdk-java model/*/Friend*,
// BlackList*, Group{Add,Delete,Get}*). The state lives here, per sandbox state object.
// Error codes: the relationship family 30xxx/31xxx of the vendor's error-code list (1047/34348) —
// 30001 bad request, 30003 account not found, 30515 the friend is in this user's blocklist,
// 30516 the friend allows no requests, 30525 this user is in the friend's blocklist, 30539 waiting
// for the friend to accept, 31704 not friends. sandbox: which code answers which case is our reading.
import { stringArray, stringField, TimError } from './fields';
import { profileFields } from './profile';
import { route, type TimRoute } from './route';
import type { TencentState, TimCtx } from './state';

export interface SandboxFriend {
	addSource: string;
	remark?: string;
	groups: string[];
	addWording?: string;
	addTime: number;
	remarkTime?: number;
	custom: Map<string, string>;
}

export interface SnsState {
	friends: Map<string, Map<string, SandboxFriend>>;
	lists: Map<string, string[]>;
	blocked: Map<string, Map<string, number>>;
	seq: number;
}

const states = new WeakMap<TencentState, SnsState>();
export function snsState(st: TencentState): SnsState {
	let s = states.get(st);
	if (!s) states.set(st, (s = { friends: new Map(), lists: new Map(), blocked: new Map(), seq: 1 }));
	return s;
}

/** sandbox: friend_get pages are 100 friends (the live page says up to 500) so paging shows with few friends. */
export const FRIEND_PAGE = 100;

const mapOf = <V>(m: Map<string, Map<string, V>>, k: string) => {
	let v = m.get(k);
	if (!v) m.set(k, (v = new Map()));
	return v;
};

function owner(ctx: TimCtx, body: Record<string, unknown>): string {
	const a = stringField(body, 'From_Account', 30001, true);
	if (!ctx.st.accounts.has(a)) throw new TimError(30003, `${a} is not an imported account`);
	return a;
}

function targets(body: Record<string, unknown>, max: number): string[] {
	const list = stringArray(body.To_Account, 'To_Account', 30001);
	if (!list.length) throw new TimError(30001, 'To_Account must not be empty');
	if (list.length > max) throw new TimError(30001, `At most ${max} To_Account per call`);
	return list;
}

function items(body: Record<string, unknown>, key: string): Array<Record<string, any>> {
	const v = body[key];
	if (!Array.isArray(v) || !v.length) throw new TimError(30001, `${key} must be a non-empty array`);
	for (const e of v) if (typeof e?.To_Account !== 'string') throw new TimError(30001, `${key}[].To_Account is required`);
	return v;
}

const result = (to: string, code = 0, info = '') => ({ To_Account: to, ResultCode: code, ResultInfo: info });
const isBlocked = (sns: SnsState, a: string, b: string) => sns.blocked.get(a)?.has(b) === true;
const isFriend = (sns: SnsState, a: string, b: string) => sns.friends.get(a)?.has(b) === true;

function newFriend(ctx: TimCtx, e: Record<string, any>, groups: string[]): SandboxFriend {
	if (typeof e.AddSource !== 'string' || !/^AddSource_Type_\w{1,8}$/.test(e.AddSource))
		throw new TimError(30001, 'AddSource must be AddSource_Type_ and 1 to 8 letters');
	return {
		addSource: e.AddSource,
		remark: e.Remark,
		groups,
		addWording: e.AddWording,
		addTime: e.AddTime ?? ctx.nowSec,
		remarkTime: e.RemarkTime,
		custom: new Map(),
	};
}

function friend_add(ctx: TimCtx, body: Record<string, unknown>) {
	const me = owner(ctx, body);
	const sns = snsState(ctx.st);
	const both = body.AddType === undefined || body.AddType === 'Add_Type_Both';
	if (!both && body.AddType !== 'Add_Type_Single') throw new TimError(30001, 'AddType must be Add_Type_Both or Add_Type_Single');
	const force = Number(body.ForceAddFlags ?? 0) === 1;
	return {
		ResultItem: items(body, 'AddFriendItem').map((e) => {
			const to = e.To_Account as string;
			if (!ctx.st.accounts.has(to)) return result(to, 30003, `${to} is not an imported account`);
			if (isBlocked(sns, me, to)) return result(to, 30515, `${to} is in the blocklist of ${me}`);
			if (isBlocked(sns, to, me)) return result(to, 30525, `${me} is in the blocklist of ${to}`);
			const allow = profileFields(ctx.st, to).get('Tag_Profile_IM_AllowType') ?? 'AllowType_Type_NeedConfirm';
			if (!force && allow === 'AllowType_Type_DenyAny') return result(to, 30516, `${to} accepts no friend requests`);
			if (!force && allow === 'AllowType_Type_NeedConfirm') return result(to, 30539, `Waiting for ${to} to accept`);
			const f = newFriend(ctx, e, typeof e.GroupName === 'string' ? [e.GroupName] : []);
			mapOf(sns.friends, me).set(to, f);
			if (both && !isFriend(sns, to, me)) mapOf(sns.friends, to).set(me, { ...f, remark: undefined, groups: [], addWording: undefined, custom: new Map() });
			return result(to);
		}),
	};
}

function friend_import(ctx: TimCtx, body: Record<string, unknown>) {
	const me = owner(ctx, body);
	const sns = snsState(ctx.st);
	const fail: string[] = [];
	const out = items(body, 'AddFriendItem').map((e) => {
		const to = e.To_Account as string;
		if (!ctx.st.accounts.has(to)) {
			fail.push(to);
			return result(to, 30003, `${to} is not an imported account`);
		}
		const f = newFriend(ctx, e, Array.isArray(e.GroupName) ? e.GroupName : []);
		for (const c of e.CustomItem ?? []) f.custom.set(c.Tag, c.Value);
		mapOf(sns.friends, me).set(to, f);
		return result(to);
	});
	return fail.length ? { ResultItem: out, Fail_Account: fail } : { ResultItem: out };
}

function friend_update(ctx: TimCtx, body: Record<string, unknown>) {
	const me = owner(ctx, body);
	const sns = snsState(ctx.st);
	return {
		ResultItem: items(body, 'UpdateItem').map((e) => {
			const to = e.To_Account as string;
			const f = sns.friends.get(me)?.get(to);
			if (!f) return result(to, 31704, `${to} is not a friend of ${me}`);
			if (!Array.isArray(e.SnsItem) || !e.SnsItem.length) throw new TimError(30001, 'SnsItem must be a non-empty array');
			for (const s of e.SnsItem) {
				if (s.Tag === 'Tag_SNS_IM_Remark') {
					f.remark = s.Value;
					f.remarkTime = ctx.nowSec;
				} else if (s.Tag === 'Tag_SNS_IM_Group') f.groups = s.Value;
				else if (/^Tag_SNS_Custom_\w{1,8}$/.test(s.Tag)) f.custom.set(s.Tag, s.Value);
				else throw new TimError(30001, `${s.Tag} cannot be updated`);
			}
			return result(to);
		}),
	};
}

function deleteType(body: Record<string, unknown>): boolean {
	if (body.DeleteType === undefined || body.DeleteType === 'Delete_Type_Both') return true;
	if (body.DeleteType === 'Delete_Type_Single') return false;
	throw new TimError(30001, 'DeleteType must be Delete_Type_Both or Delete_Type_Single');
}

function friend_delete(ctx: TimCtx, body: Record<string, unknown>) {
	const me = owner(ctx, body);
	const sns = snsState(ctx.st);
	const both = deleteType(body);
	return {
		ResultItem: targets(body, 1000).map((to) => {
			if (!isFriend(sns, me, to) && !(both && isFriend(sns, to, me))) return result(to, 31704, `${to} is not a friend of ${me}`);
			sns.friends.get(me)?.delete(to);
			if (both) sns.friends.get(to)?.delete(me);
			return result(to);
		}),
	};
}

function friend_delete_all(ctx: TimCtx, body: Record<string, unknown>) {
	const me = owner(ctx, body);
	const sns = snsState(ctx.st);
	const both = deleteType(body);
	for (const to of sns.friends.get(me)?.keys() ?? []) if (both) sns.friends.get(to)?.delete(me);
	sns.friends.delete(me);
	return {};
}

function relation(a: boolean, b: boolean, single: boolean, prefix: string, none: string) {
	if (single) return `${prefix}_${a ? 'AWithB' : none}`;
	return `${prefix}_${a && b ? 'BothWay' : a ? 'AWithB' : b ? 'BWithA' : none}`;
}

function friend_check(ctx: TimCtx, body: Record<string, unknown>) {
	const me = owner(ctx, body);
	const sns = snsState(ctx.st);
	if (body.CheckType !== 'CheckResult_Type_Both' && body.CheckType !== 'CheckResult_Type_Single') throw new TimError(30001, 'CheckType is required');
	const single = body.CheckType === 'CheckResult_Type_Single';
	return {
		InfoItem: targets(body, 1000).map((to) => ({
			...result(to),
			Relation: relation(isFriend(sns, me, to), isFriend(sns, to, me), single, 'CheckResult_Type', 'NoRelation'),
		})),
	};
}

/** The [{ Tag, Value }] of one friend for the tags asked for (profile tags from the friend's profile). */
function friendTags(ctx: TimCtx, to: string, f: SandboxFriend, tags: string[]) {
	const sns: Record<string, unknown> = {
		Tag_SNS_IM_AddSource: f.addSource,
		Tag_SNS_IM_Remark: f.remark,
		Tag_SNS_IM_Group: f.groups,
		Tag_SNS_IM_AddWording: f.addWording,
		Tag_SNS_IM_AddTime: f.addTime,
		Tag_SNS_IM_RemarkTime: f.remarkTime,
	};
	const profile = profileFields(ctx.st, to);
	return tags
		.map((t) => ({ Tag: t, Value: t in sns ? sns[t] : t.startsWith('Tag_SNS_Custom_') ? f.custom.get(t) : profile.get(t) }))
		.filter((e) => e.Value !== undefined);
}

function friend_get_list(ctx: TimCtx, body: Record<string, unknown>) {
	const me = owner(ctx, body);
	const tags = stringArray(body.TagList, 'TagList', 30001);
	if (!tags.length) throw new TimError(30001, 'TagList must not be empty');
	const mine = snsState(ctx.st).friends.get(me);
	return {
		InfoItem: targets(body, 100).map((to) => {
			const f = mine?.get(to);
			return f ? { ...result(to), SnsProfileItem: friendTags(ctx, to, f, tags) } : result(to, 31704, `${to} is not a friend of ${me}`);
		}),
	};
}

function friend_get(ctx: TimCtx, body: Record<string, unknown>) {
	const me = owner(ctx, body);
	const start = Number(body.StartIndex);
	if (!Number.isInteger(start) || start < 0) throw new TimError(30001, 'StartIndex is required');
	const all = [...(snsState(ctx.st).friends.get(me) ?? new Map<string, SandboxFriend>())];
	const page = all.slice(start, start + FRIEND_PAGE);
	const done = start + FRIEND_PAGE >= all.length;
	const tags = ['Tag_SNS_IM_AddSource', 'Tag_SNS_IM_Remark', 'Tag_SNS_IM_Group', 'Tag_SNS_IM_AddTime'];
	return {
		UserDataItem: page.map(([to, f]) => ({ To_Account: to, ValueItem: friendTags(ctx, to, f, [...tags, ...f.custom.keys()]) })),
		StandardSequence: 1,
		CustomSequence: 1,
		FriendNum: all.length,
		CompleteFlag: done ? 1 : 0,
		NextStartIndex: done ? 0 : start + FRIEND_PAGE,
	};
}

export const snsRoutes: TimRoute[] = [
	route('sns/friend_add', 'openim', 200, friend_add),
	route('sns/friend_import', 'openim', 200, friend_import),
	route('sns/friend_update', 'openim', 200, friend_update),
	route('sns/friend_delete', 'openim', 200, friend_delete),
	route('sns/friend_delete_all', 'openim', 200, friend_delete_all),
	route('sns/friend_check', 'openim', 200, friend_check),
	route('sns/friend_get_list', 'openim', 200, friend_get_list),
	route('sns/friend_get', 'openim', 200, friend_get),
];

export { owner as snsOwner, targets as snsTargets, relation as snsRelation, result as snsResult, mapOf as snsMapOf };
