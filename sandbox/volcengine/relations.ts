// Sandbox code (not shipped): what the friend and blocklist emulations share — one store per
// sandbox state (so a reset drops it), keyed by app, inbox and user, and the list-size rule of
// volcengine/volc-sdk-golang service/im/model.go ("一次最多 … 10 个").
import type { Body } from '../routes';
import { appField, arrayField, int64Field, intField, VolcError } from './fields';
import type { VolcCtx, VolcengineState } from './state';

export interface FriendEntry {
	alias: string;
	ext: Record<string, string>;
	/** ms */
	applyTime: number;
	createTime: number;
	modifyTime: number;
}

export interface BlockEntry {
	ext: Record<string, string>;
	createTime: number;
	modifyTime: number;
}

export interface Relations {
	/** `${appId}|${inbox}|${userId}` → friend id → entry, in the order they were added. */
	friends: Map<string, Map<bigint, FriendEntry>>;
	blocks: Map<string, Map<bigint, BlockEntry>>;
}

const stores = new WeakMap<VolcengineState, Relations>();

export function relationsOf(st: VolcengineState): Relations {
	let r = stores.get(st);
	if (!r) stores.set(st, (r = { friends: new Map(), blocks: new Map() }));
	return r;
}

/** The list of one user in one of the stores (created empty). */
export function listOf<T>(store: Map<string, Map<bigint, T>>, appId: number, inbox: number, userId: bigint): Map<bigint, T> {
	const key = `${appId}|${inbox}|${userId}`;
	let m = store.get(key);
	if (!m) store.set(key, (m = new Map()));
	return m;
}

/** AppId, UserId, InboxType (default 0) of a relation call. */
export function owner(ctx: VolcCtx, body: Body) {
	return { appId: appField(ctx, body), userId: int64Field(body, 'UserId')!, inbox: intField(body, 'InboxType', false) };
}

/** A list of 1 to 10 entries; InvalidParameter.UserCountOverLimit otherwise. */
export function upTo10<T>(list: T[], name: string): T[] {
	if (list.length === 0 || list.length > 10) throw new VolcError('InvalidParameter.UserCountOverLimit', `${name} has ${list.length} entries; it takes 1 to 10`);
	return list;
}

export const entries = (body: Body, name: string) => upTo10(arrayField(body, name), name);

export type FailedInfo = { UserId: bigint; Code: string; Message: string };

/** The configured failure hook (cfg.failUsers, as for RegisterUsers): the entry fails with InternalError.User. */
export function forcedFailure(ctx: VolcCtx, id: bigint, what: string): FailedInfo | undefined {
	return (ctx.cfg.failUsers ?? []).includes(id.toString()) ? { UserId: id, Code: 'InternalError.User', Message: `${what} ${id} failed` } : undefined;
}

/** One page of a list read: Cursor (offset), Limit 1 to 20; NextCursor -1 at the end ("为负时表示后续没有成员数据"). */
export function pageOf<T>(list: T[], body: Body, cursorRequired: boolean) {
	const cursor = int64Field(body, 'Cursor', cursorRequired) ?? 0n;
	const limit = Number(int64Field(body, 'Limit', cursorRequired) ?? 20n);
	if (limit < 1 || limit > 20) throw new VolcError('InvalidParameter', 'Limit must be in [1, 20]');
	if (cursor < 0n) throw new VolcError('InvalidParameter', 'Cursor must not be negative');
	const page = list.slice(Number(cursor), Number(cursor) + limit);
	const next = Number(cursor) + page.length;
	const hasMore = next < list.length;
	return { page, HasMore: hasMore, NextCursor: hasMore ? BigInt(next) : -1n, TotalCount: list.length };
}
