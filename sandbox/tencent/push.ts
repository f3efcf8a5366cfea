// Sandbox code (not shipped): Tencent Chat all-user push with its tag and attribute conditions
// (tencent-chat.md §4.8–§4.11), served on the legacy `all_member_push/im_*` paths and on the
// current Push service `timpush/*` paths (which of them an app answers: `pushApis`, gateway.ts).
import { randomUUID } from 'node:crypto';
import { bytes, fromAccount, isObj, msgBodyField, purge, PUSH_DEDUP_MS, PUSH_REQUEST_LIMIT, stringArray, throttle, TimError, uint32Field, withErrors, type ErrorList } from './fields';
import { route, type TimRoute } from './route';
import type { TencentPushCondition, TencentState, TimCtx } from './state';

function checkTag(t: string) {
	if (t === '') throw new TimError(90040, 'Empty tag');
	if (bytes(t) > 50) throw new TimError(90020, `Tag "${t}" is longer than 50 bytes`);
}

function tagList(v: unknown, name: string): string[] | undefined {
	if (v === undefined || v === null) return undefined;
	const list = stringArray(v, name, 90001);
	if (list.length > 10) throw new TimError(90032, `${name} has more than 10 tags`);
	list.forEach(checkTag);
	return list.length ? list : undefined;
}

function knownAttrNames(st: TencentState): Set<string> {
	return new Set(st.attrNames.values());
}

function attrMap(st: TencentState, v: unknown, name: string): Record<string, string> | undefined {
	if (v === undefined || v === null) return undefined;
	if (!isObj(v)) throw new TimError(90001, `${name} must be an object of attribute name → value`);
	const known = knownAttrNames(st);
	for (const [k, val] of Object.entries(v)) {
		if (!known.has(k)) throw new TimError(90033, `Attribute "${k}" is not configured (im_set_attr_name)`);
		if (typeof val !== 'string') throw new TimError(90001, `${name}.${k} must be a string`);
		if (bytes(val) > 50) throw new TimError(90033, `${name}.${k} is longer than 50 bytes`);
	}
	return Object.keys(v).length ? (v as Record<string, string>) : undefined;
}

function pushCondition(st: TencentState, v: unknown): TencentPushCondition | undefined {
	if (v === undefined || v === null) return undefined;
	if (!isObj(v)) throw new TimError(90001, 'Condition must be an object');
	const has = (k: string) => v[k] !== undefined && v[k] !== null;
	if ((has('TagsOr') || has('TagsAnd')) && (has('AttrsOr') || has('AttrsAnd'))) {
		throw new TimError(90039, 'Tag and attribute conditions cannot be combined');
	}
	const c: TencentPushCondition = {
		TagsOr: tagList(v.TagsOr, 'TagsOr'),
		TagsAnd: tagList(v.TagsAnd, 'TagsAnd'),
		AttrsOr: attrMap(st, v.AttrsOr, 'AttrsOr'),
		AttrsAnd: attrMap(st, v.AttrsAnd, 'AttrsAnd'),
	};
	if (c.TagsOr && c.TagsAnd) {
		const both = c.TagsOr.find((t) => c.TagsAnd!.includes(t));
		if (both !== undefined) throw new TimError(90022, `Tag "${both}" is in both TagsOr and TagsAnd`);
	}
	for (const k of Object.keys(c) as Array<keyof TencentPushCondition>) if (c[k] === undefined) delete c[k];
	return Object.keys(c).length ? c : undefined;
}

function matchesCondition(st: TencentState, account: string, c: TencentPushCondition | undefined): boolean {
	if (!c) return true;
	const tags = st.userTags.get(account) ?? new Set<string>();
	const attrs = st.userAttrs.get(account) ?? new Map<string, string>();
	if (c.TagsOr && !c.TagsOr.some((t) => tags.has(t))) return false;
	if (c.TagsAnd && !c.TagsAnd.every((t) => tags.has(t))) return false;
	if (c.AttrsOr && !Object.entries(c.AttrsOr).some(([k, v]) => attrs.get(k) === v)) return false;
	if (c.AttrsAnd && !Object.entries(c.AttrsAnd).every(([k, v]) => attrs.get(k) === v)) return false;
	return true;
}

function im_push(ctx: TimCtx, body: Record<string, unknown>) {
	const { st, sb } = ctx;
	if (ctx.rawSize > PUSH_REQUEST_LIMIT) throw new TimError(90056, 'The push request body is larger than 10 KB');
	const from = fromAccount(ctx, body, 90008);
	const msgRandom = uint32Field(body, 'MsgRandom', 90005, true);
	const msgBody = msgBodyField(body, 90007, 90002);
	const lifeRaw = body.MsgLifeTime;
	if (lifeRaw !== undefined && (typeof lifeRaw !== 'number' || !Number.isInteger(lifeRaw) || lifeRaw < 0 || lifeRaw > 604800)) {
		throw new TimError(90026, 'MsgLifeTime must be an integer in [0, 604800]');
	}
	if (body.OfflinePushInfo !== undefined && !isObj(body.OfflinePushInfo)) throw new TimError(90043, 'OfflinePushInfo must be an object');
	const condition = pushCondition(st, body.Condition);
	// §3.4: MsgRandom identifies the push task for 7 days — a repeat gets the same TaskId and is not
	// delivered again. sandbox: checked before the interval/daily limits, so an idempotent retry is not refused.
	const dup = st.dedup.push.get(msgRandom);
	if (dup && ctx.now - dup.at <= PUSH_DEDUP_MS) {
		st.counters.deduplicated++;
		return { TaskId: dup.taskId };
	}
	const day = new Date(ctx.now).toISOString().slice(0, 10);
	if (st.counters.pushDay !== day) {
		st.counters.pushDay = day;
		st.counters.pushesToday = 0;
	}
	const cap = sb.config.tencent.pushPerDay;
	if (cap > 0 && st.counters.pushesToday >= cap) throw new TimError(90047, `The daily push quota (${cap}) is used up`);
	// §1.4: the interval between pushes must be more than 1 s.
	throttle(ctx, 'push-interval', 1, 1000, 1, 90024, 'im_push: one push per second');
	st.counters.pushesToday++;
	const taskId = randomUUID().replace(/-/g, '');
	const recipients = [...st.accounts].filter((a) => a !== from && matchesCondition(st, a, condition));
	st.pushes.push({ taskId, msgRandom, from, msgBody, msgLifeTime: (lifeRaw as number | undefined) ?? 0, condition, recipients, at: ctx.now });
	purge(st.dedup.push, ctx.now, PUSH_DEDUP_MS);
	st.dedup.push.set(msgRandom, { taskId, at: ctx.now });
	sb.emit('tencent.message', { command: 'all_member_push/im_push', sdkAppId: ctx.sdkAppId, from, taskId, msgRandom, recipients, condition, msgBody });
	return { TaskId: taskId };
}

function im_set_attr_name(ctx: TimCtx, body: Record<string, unknown>) {
	const names = body.AttrNames;
	if (!isObj(names)) throw new TimError(90001, 'AttrNames must be an object of "0"–"9" → name');
	const next = new Map(ctx.st.attrNames);
	for (const [k, v] of Object.entries(names)) {
		if (!/^[0-9]$/.test(k)) throw new TimError(90033, `Attribute index "${k}" must be "0"–"9" (§4.9)`);
		if (typeof v !== 'string' || v === '' || bytes(v) > 50) throw new TimError(90033, `Attribute name for "${k}" must be a non-empty string ≤ 50 bytes`);
		next.set(k, v);
	}
	const values = [...next.values()];
	if (new Set(values).size !== values.length) throw new TimError(90033, 'Two attribute indexes have the same name');
	ctx.st.attrNames = new Map([...next].sort(([a], [b]) => a.localeCompare(b)));
	return {};
}

function im_get_attr_name(ctx: TimCtx) {
	return { AttrNames: Object.fromEntries(ctx.st.attrNames) };
}

/** Up to 100 users per request (§4.10, §4.11: 90018). */
function accountList(body: Record<string, unknown>, name = 'To_Account'): string[] {
	const v = body[name];
	if (!Array.isArray(v)) throw new TimError(90001, `${name} must be an array of UserIDs`);
	if (v.length > 100) throw new TimError(90018, `${name} has more than 100 accounts`);
	if (v.some((x) => typeof x !== 'string')) throw new TimError(60015, `${name} entries must be strings`);
	return v as string[];
}

function entryList(body: Record<string, unknown>, name: string, field: string): Array<{ account: string; value: unknown }> {
	const v = body[name];
	if (!Array.isArray(v)) throw new TimError(90001, `${name} must be an array`);
	if (v.length > 100) throw new TimError(90018, `${name} has more than 100 accounts`);
	return v.map((e, i) => {
		if (!isObj(e)) throw new TimError(90001, `${name}[${i}] must be an object`);
		if (typeof e.To_Account !== 'string') throw new TimError(60015, `${name}[${i}].To_Account must be a string`);
		if (e[field] === undefined || e[field] === null) throw new TimError(90001, `${name}[${i}].${field} is required`);
		return { account: e.To_Account, value: e[field] };
	});
}


/**
 * Applies `apply` to each entry whose account is imported, in order; the others are listed in
 * ErrorList with 70107 (see ErrorList). `apply` may return an ErrorCode for its user instead.
 */
function perAccount<E extends { account: string }>(ctx: TimCtx, entries: E[], apply: (e: E) => number | void, out: Record<string, unknown> = {}) {
	const errors: ErrorList = [];
	for (const e of entries) {
		const code = ctx.st.accounts.has(e.account) ? apply(e) : 70107;
		if (code) errors.push({ To_Account: e.account, ErrorCode: code });
	}
	return withErrors(out, errors);
}

const accounts = (body: Record<string, unknown>) => accountList(body).map((account) => ({ account }));

function im_get_attr(ctx: TimCtx, body: Record<string, unknown>) {
	const attrs: unknown[] = [];
	return perAccount(ctx, accounts(body), ({ account }) => void attrs.push({ To_Account: account, Attrs: Object.fromEntries(ctx.st.userAttrs.get(account) ?? []) }), { UserAttrs: attrs });
}

function im_set_attr(ctx: TimCtx, body: Record<string, unknown>) {
	const entries = entryList(body, 'UserAttrs', 'Attrs');
	const known = knownAttrNames(ctx.st);
	for (const e of entries) {
		if (!isObj(e.value)) throw new TimError(90001, 'Attrs must be an object of attribute name → value');
		for (const [k, v] of Object.entries(e.value)) {
			if (!known.has(k)) throw new TimError(90033, `Attribute "${k}" is not configured (im_set_attr_name)`);
			if (typeof v !== 'string') throw new TimError(90001, `Attrs.${k} must be a string`);
			if (bytes(v) > 50) throw new TimError(90033, `Attrs.${k} is longer than 50 bytes`);
		}
	}
	return perAccount(ctx, entries, (e) => {
		let m = ctx.st.userAttrs.get(e.account);
		if (!m) ctx.st.userAttrs.set(e.account, (m = new Map()));
		for (const [k, v] of Object.entries(e.value as Record<string, string>)) m.set(k, v);
	});
}

function im_remove_attr(ctx: TimCtx, body: Record<string, unknown>) {
	const entries = entryList(body, 'UserAttrs', 'Attrs');
	const known = knownAttrNames(ctx.st);
	for (const e of entries) {
		for (const k of stringArray(e.value, 'Attrs', 90001)) {
			if (!known.has(k)) throw new TimError(90033, `Attribute "${k}" is not configured (im_set_attr_name)`);
		}
	}
	return perAccount(ctx, entries, (e) => {
		const m = ctx.st.userAttrs.get(e.account);
		for (const k of e.value as string[]) m?.delete(k);
	});
}

function im_get_tag(ctx: TimCtx, body: Record<string, unknown>) {
	const tags: unknown[] = [];
	return perAccount(ctx, accounts(body), ({ account }) => void tags.push({ To_Account: account, Tags: [...(ctx.st.userTags.get(account) ?? [])] }), { UserTags: tags });
}

function tagEntries(body: Record<string, unknown>) {
	const entries = entryList(body, 'UserTags', 'Tags');
	return entries.map((e) => {
		const tags = stringArray(e.value, 'Tags', 90001);
		if (tags.length > 10) throw new TimError(90032, `More than 10 tags for ${e.account} in one request`);
		tags.forEach(checkTag);
		return { account: e.account, tags };
	});
}

function im_add_tag(ctx: TimCtx, body: Record<string, unknown>) {
	return perAccount(ctx, tagEntries(body), (e) => {
		const next = new Set([...(ctx.st.userTags.get(e.account) ?? []), ...e.tags]);
		// §4.11: ≤ 100 tags per user in total. sandbox: reported per user, nothing added for that user.
		if (next.size > 100) return 90032;
		ctx.st.userTags.set(e.account, next);
		return 0;
	});
}

function im_remove_tag(ctx: TimCtx, body: Record<string, unknown>) {
	return perAccount(ctx, tagEntries(body), (e) => {
		const cur = ctx.st.userTags.get(e.account);
		for (const t of e.tags) cur?.delete(t);
	});
}

function im_remove_all_tags(ctx: TimCtx, body: Record<string, unknown>) {
	return perAccount(ctx, accounts(body), ({ account }) => void ctx.st.userTags.delete(account));
}

export const pushRoutes: TimRoute[] = [
	route('all_member_push/im_push', 'push', 100, im_push),
	route('all_member_push/im_set_attr_name', 'push', 100, im_set_attr_name),
	route('all_member_push/im_get_attr_name', 'push', 100, im_get_attr_name),
	route('all_member_push/im_get_attr', 'push', 100, im_get_attr),
	route('all_member_push/im_set_attr', 'push', 100, im_set_attr),
	route('all_member_push/im_remove_attr', 'push', 100, im_remove_attr),
	route('all_member_push/im_get_tag', 'push', 100, im_get_tag),
	route('all_member_push/im_add_tag', 'push', 100, im_add_tag),
	route('all_member_push/im_remove_tag', 'push', 100, im_remove_tag),
	route('all_member_push/im_remove_all_tags', 'push', 100, im_remove_all_tags),
	// The current Push service paths (tencentcloud.com 1047/60561 push; trtc.io 60563 set_attr_name,
	// 60568 add_tag, 60570 clear_all_tags; the other names as in tencent-chat.md §4.8). sandbox: the
	// same behaviour and the same state (tags, attributes, the daily push count) as the legacy paths.
	route('timpush/push', 'push', 100, im_push),
	route('timpush/set_attr_name', 'push', 100, im_set_attr_name),
	route('timpush/get_attr_name', 'push', 100, im_get_attr_name),
	route('timpush/get_attr', 'push', 100, im_get_attr),
	route('timpush/set_attr', 'push', 100, im_set_attr),
	route('timpush/remove_attr', 'push', 100, im_remove_attr),
	route('timpush/get_tag', 'push', 100, im_get_tag),
	route('timpush/add_tag', 'push', 100, im_add_tag),
	route('timpush/remove_tag', 'push', 100, im_remove_tag),
	route('timpush/clear_all_tags', 'push', 100, im_remove_all_tags),
];
