// Sandbox code (not shipped): Tencent Chat group counters — get_group_counter, update_group_counter,
// delete_group_counter (tencentcloud.com 1047/53427–53429; doocs GroupCounterItem.java: Key, Value
// Long). Key ≤ 128 bytes, ≤ 20 counters per update; not for Community groups (menu §1.3).
import { bytes, groupOf, isObj, TimError } from './fields';
import { extraOf } from './groupExtra';
import { route, type TimRoute } from './route';
import type { TencentGroup, TimCtx } from './state';

const MIN = -(1n << 63n);
const MAX = (1n << 63n) - 1n;

function counterGroup(ctx: TimCtx, body: Record<string, unknown>): TencentGroup {
	const g = groupOf(ctx, body);
	if (g.type === 'Community') throw new TimError(10007, 'Group counters are not available for Community groups');
	return g;
}

function keys(v: unknown, required: boolean): string[] | undefined {
	if (v === undefined && !required) return undefined;
	if (!Array.isArray(v) || (required && v.length === 0) || v.some((k) => typeof k !== 'string' || k === '' || bytes(k) > 128)) throw new TimError(10004, 'GroupCounterKeys must be an array of keys of 1 to 128 bytes');
	return v as string[];
}

/** An exact int64 as the JSON writer takes it: a plain number when safe, else a bigint (bare digits). */
const wire = (n: bigint) => (n >= BigInt(Number.MIN_SAFE_INTEGER) && n <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(n) : n);
const listOf = (m: Map<string, bigint>, only?: string[]) => [...m].filter(([k]) => !only || only.includes(k)).map(([Key, Value]) => ({ Key, Value: wire(Value) }));

function get_group_counter(ctx: TimCtx, body: Record<string, unknown>) {
	const g = counterGroup(ctx, body);
	const only = keys(body.GroupCounterKeys, false);
	return { GroupCounter: listOf(extraOf(g, ctx.nowSec).counters, only && only.length ? only : undefined) };
}

function update_group_counter(ctx: TimCtx, body: Record<string, unknown>) {
	const g = counterGroup(ctx, body);
	const mode = body.Mode ?? 'Set';
	if (mode !== 'Set' && mode !== 'Increase' && mode !== 'Decrease') throw new TimError(10004, 'Mode must be Set, Increase or Decrease');
	const list = body.GroupCounter;
	if (!Array.isArray(list) || list.length === 0 || list.length > 20) throw new TimError(10004, 'GroupCounter must hold 1 to 20 counters');
	const counters = extraOf(g, ctx.nowSec).counters;
	const next = new Map(counters);
	for (const [i, c] of list.entries()) {
		if (!isObj(c) || typeof c.Key !== 'string' || c.Key === '' || bytes(c.Key) > 128) throw new TimError(10004, `GroupCounter[${i}].Key must be 1 to 128 bytes`);
		if (!(typeof c.Value === 'bigint' || (typeof c.Value === 'number' && Number.isSafeInteger(c.Value)))) throw new TimError(10004, `GroupCounter[${i}].Value must be an int64`);
		const v = BigInt(c.Value);
		const now = next.get(c.Key) ?? 0n;
		const value = mode === 'Set' ? v : mode === 'Increase' ? now + v : now - v;
		if (value < MIN || value > MAX) throw new TimError(10004, `GroupCounter[${i}] would leave the int64 range`);
		next.set(c.Key, value);
	}
	for (const [k, v] of next) counters.set(k, v);
	return { GroupCounter: listOf(counters, list.map((c) => c.Key as string)) };
}

function delete_group_counter(ctx: TimCtx, body: Record<string, unknown>) {
	const g = counterGroup(ctx, body);
	const counters = extraOf(g, ctx.nowSec).counters;
	const gone = keys(body.GroupCounterKeys, true)!;
	const before = listOf(counters, gone);
	for (const k of gone) counters.delete(k);
	return { GroupCounter: before };
}

export const counterRoutes: TimRoute[] = [
	route('group_open_http_svc/get_group_counter', 'group', 200, get_group_counter),
	route('group_open_http_svc/update_group_counter', 'group', 200, update_group_counter),
	route('group_open_http_svc/delete_group_counter', 'group', 200, delete_group_counter),
];
