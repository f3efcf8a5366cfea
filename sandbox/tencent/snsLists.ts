// Sandbox code (not shipped): Tencent Chat friend lists (sns/group_add, group_delete, group_get:
// tencentcloud.com/document/product/1047/34950, 34926, 40123) and the blocklist (sns/black_list_*:
// 34911–34914). Fields: dobyte/tencent-im sns/types.go; doocs BlackListGetResult.java (the answer's
// "CurruentSequence", sic). State: sns.ts. sandbox: friend-list errors answer 30001 (bad request).
import { stringArray, TimError } from './fields';
import { route, type TimRoute } from './route';
import { snsMapOf, snsOwner, snsRelation, snsResult, snsState, snsTargets } from './sns';
import type { TimCtx } from './state';

function names(body: Record<string, unknown>): string[] {
	const list = stringArray(body.GroupName, 'GroupName', 30001);
	if (!list.length) throw new TimError(30001, 'GroupName must not be empty');
	if (list.some((n) => n === '' || Buffer.byteLength(n) > 30)) throw new TimError(30001, 'A friend list name is empty or longer than 30 bytes');
	return list;
}

function group_add(ctx: TimCtx, body: Record<string, unknown>) {
	const me = snsOwner(ctx, body);
	const sns = snsState(ctx.st);
	const add = names(body);
	const lists = sns.lists.get(me) ?? [];
	const dup = add.find((n) => lists.includes(n));
	if (dup) throw new TimError(30001, `Friend list ${dup} already exists`);
	sns.lists.set(me, [...lists, ...add]);
	sns.seq++;
	const out: Record<string, unknown> = { CurrentSequence: sns.seq };
	if (body.To_Account !== undefined) {
		const fail: string[] = [];
		out.ResultItem = snsTargets(body, 1000).map((to) => {
			const f = sns.friends.get(me)?.get(to);
			if (!f) {
				fail.push(to);
				return { ...snsResult(to, 31704, `${to} is not a friend of ${me}`) };
			}
			f.groups = [...new Set([...f.groups, ...add])];
			return snsResult(to);
		});
		if (fail.length) out.Fail_Account = fail;
	}
	return out;
}

function group_delete(ctx: TimCtx, body: Record<string, unknown>) {
	const me = snsOwner(ctx, body);
	const sns = snsState(ctx.st);
	const del = names(body);
	const lists = sns.lists.get(me) ?? [];
	const missing = del.find((n) => !lists.includes(n));
	if (missing) throw new TimError(30001, `Friend list ${missing} does not exist`);
	sns.lists.set(
		me,
		lists.filter((n) => !del.includes(n)),
	);
	for (const f of sns.friends.get(me)?.values() ?? []) f.groups = f.groups.filter((g) => !del.includes(g));
	sns.seq++;
	return { CurrentSequence: sns.seq };
}

function group_get(ctx: TimCtx, body: Record<string, unknown>) {
	const me = snsOwner(ctx, body);
	const sns = snsState(ctx.st);
	const want = body.GroupName === undefined ? undefined : names(body);
	const need = body.NeedFriend === 'Need_Friend_Type_Yes';
	const lists = (sns.lists.get(me) ?? []).filter((n) => !want || want.includes(n));
	const members = (n: string) => [...(sns.friends.get(me) ?? new Map()).entries()].filter(([, f]) => f.groups.includes(n)).map(([to]) => to);
	return {
		CurrentSequence: sns.seq,
		ResultItem: lists.map((n) => ({ GroupName: n, FriendNumber: members(n).length, ...(need || want ? { To_Account: members(n) } : {}) })),
	};
}

function black_list_add(ctx: TimCtx, body: Record<string, unknown>) {
	const me = snsOwner(ctx, body);
	const sns = snsState(ctx.st);
	return {
		ResultItem: snsTargets(body, 1000).map((to) => {
			if (!ctx.st.accounts.has(to)) return snsResult(to, 30003, `${to} is not an imported account`);
			snsMapOf(sns.blocked, me).set(to, ctx.nowSec);
			// Blocking removes the friendship both ways (the blocklist page, 34911).
			sns.friends.get(me)?.delete(to);
			sns.friends.get(to)?.delete(me);
			sns.seq++;
			return snsResult(to);
		}),
	};
}

function black_list_delete(ctx: TimCtx, body: Record<string, unknown>) {
	const me = snsOwner(ctx, body);
	const sns = snsState(ctx.st);
	return {
		ResultItem: snsTargets(body, 1000).map((to) => {
			// sandbox: removing a user who is not blocked succeeds (nothing to undo).
			sns.blocked.get(me)?.delete(to);
			sns.seq++;
			return snsResult(to);
		}),
	};
}

function black_list_get(ctx: TimCtx, body: Record<string, unknown>) {
	const me = snsOwner(ctx, body);
	const sns = snsState(ctx.st);
	const start = Number(body.StartIndex);
	const max = Number(body.MaxLimited);
	if (!Number.isInteger(start) || start < 0) throw new TimError(30001, 'StartIndex is required');
	if (!Number.isInteger(max) || max < 1) throw new TimError(30001, 'MaxLimited is required');
	if (body.LastSequence === undefined) throw new TimError(30001, 'LastSequence is required');
	const all = [...(sns.blocked.get(me) ?? new Map<string, number>())];
	const next = start + max < all.length ? start + max : 0;
	return {
		BlackListItem: all.slice(start, start + max).map(([to, at]) => ({ To_Account: to, AddBlackTimeStamp: at })),
		StartIndex: next,
		CurruentSequence: sns.seq,
	};
}

function black_list_check(ctx: TimCtx, body: Record<string, unknown>) {
	const me = snsOwner(ctx, body);
	const sns = snsState(ctx.st);
	if (body.CheckType !== 'BlackCheckResult_Type_Both' && body.CheckType !== 'BlackCheckResult_Type_Single') throw new TimError(30001, 'CheckType is required');
	const single = body.CheckType === 'BlackCheckResult_Type_Single';
	const blocked = (a: string, b: string) => sns.blocked.get(a)?.has(b) === true;
	return {
		BlackListCheckItem: snsTargets(body, 1000).map((to) => ({
			...snsResult(to),
			Relation: snsRelation(blocked(me, to), blocked(to, me), single, 'BlackCheckResult_Type', 'NO'),
		})),
	};
}

export const snsListRoutes: TimRoute[] = [
	route('sns/group_add', 'openim', 200, group_add),
	route('sns/group_delete', 'openim', 200, group_delete),
	route('sns/group_get', 'openim', 200, group_get),
	route('sns/black_list_add', 'openim', 200, black_list_add),
	route('sns/black_list_delete', 'openim', 200, black_list_delete),
	route('sns/black_list_get', 'openim', 200, black_list_get),
	route('sns/black_list_check', 'openim', 200, black_list_check),
];
