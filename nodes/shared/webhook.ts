import { createHash, timingSafeEqual } from 'node:crypto';
import type { IDataObject } from 'n8n-workflow';
import { parseJson, stringifyJson } from './json';

/**
 * Shared pieces of callback (webhook) verification for the trigger nodes: digests, a
 * constant-time compare of hex digests, the replay window and a bounded "seen ids" store kept in
 * workflow static data. Pure functions: every clock value is passed in.
 */

export function sha256Hex(data: string | Buffer): string {
	return createHash('sha256').update(data).digest('hex');
}

const HEX = /^[0-9a-fA-F]+$/;

/**
 * Compares a digest we computed with one we received, in constant time. Hex is compared
 * case-insensitively; anything that is not a hex string of the same length is unequal (the compare
 * still runs, so a wrong length takes as long as a wrong value).
 */
export function hexDigestEquals(expectedHex: string, received: unknown): boolean {
	const expected = Buffer.from(expectedHex.toLowerCase(), 'utf8');
	const text = typeof received === 'string' ? received.trim().toLowerCase() : '';
	const got = Buffer.from(text, 'utf8');
	if (got.length !== expected.length || !HEX.test(text)) {
		timingSafeEqual(expected, expected);
		return false;
	}
	return timingSafeEqual(expected, got);
}

/** Whether an event stamped `eventMs` is at most `maxSkewSeconds` away from `nowMs`, in either direction. */
export function withinReplayWindow(eventMs: number, nowMs: number, maxSkewSeconds: number): boolean {
	return Number.isFinite(eventMs) && Math.abs(nowMs - eventMs) <= maxSkewSeconds * 1000;
}

/** Unix seconds given as a decimal string (Tencent `RequestTime`), or undefined when malformed. */
export function parseUnixSeconds(value: unknown): number | undefined {
	if (typeof value !== 'string' || !/^\d{1,12}$/.test(value)) return undefined;
	return Number(value) * 1000;
}

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?([Zz]|[+-]\d{2}:\d{2})$/;

/**
 * Milliseconds of an RFC 3339 timestamp such as `2024-01-15T08:30:00.000000000Z` (Volcengine
 * `EventTime` carries nanoseconds, which `Date.parse` does not promise to read). Undefined when
 * malformed.
 */
export function parseRfc3339(value: unknown): number | undefined {
	if (typeof value !== 'string') return undefined;
	const m = RFC3339.exec(value.trim());
	if (!m) return undefined;
	const [, y, mo, d, h, mi, s, frac, zone] = m;
	const ms = frac ? Number(frac.padEnd(3, '0').slice(0, 3)) : 0;
	let t = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), ms);
	if (zone !== 'Z' && zone !== 'z') {
		const sign = zone[0] === '-' ? -1 : 1;
		t -= sign * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6))) * 60000;
	}
	return Number.isFinite(t) ? t : undefined;
}

/** Unix time in milliseconds (number or numeric string, as Tencent's `EventTime`), or undefined. */
export function parseUnixMillis(value: unknown): number | undefined {
	const n = typeof value === 'number' ? value : typeof value === 'string' && /^\d{1,15}$/.test(value.trim()) ? Number(value.trim()) : NaN;
	return Number.isFinite(n) && n > 0 ? n : undefined;
}

export interface SeenIdsOptions {
	/** How long an id is remembered. */
	ttlMs: number;
	/** At most this many ids are kept; the oldest go first. */
	maxEntries: number;
	/** Static-data key holding the ids. */
	key?: string;
}

/**
 * De-duplication in workflow static data: returns true the first time `id` is seen within the ttl
 * and records it; false for a repeat. Expired ids and ids beyond `maxEntries` are dropped. The map
 * is replaced (not mutated in place) so n8n notices the change and saves it.
 */
export function firstSighting(store: IDataObject, id: string, nowMs: number, opts: SeenIdsOptions): boolean {
	const key = opts.key ?? 'seenIds';
	const current = (store[key] && typeof store[key] === 'object' ? store[key] : {}) as IDataObject;
	const slot = `id:${id.length > 128 ? sha256Hex(id) : id}`;
	const seenAt = current[slot];
	if (typeof seenAt === 'number' && nowMs - seenAt <= opts.ttlMs) return false;
	const kept = Object.entries(current).filter(([k, at]) => k !== slot && typeof at === 'number' && nowMs - at <= opts.ttlMs);
	const next: IDataObject = {};
	for (const [k, at] of kept.slice(Math.max(0, kept.length - (opts.maxEntries - 1)))) next[k] = at;
	next[slot] = nowMs;
	store[key] = next;
	return true;
}

/**
 * Neither vendor has an API that registers a callback URL: the user pastes it into the console.
 * The webhook lifecycle therefore only keeps local state, the URL n8n serves for this node.
 */
interface LifecycleContext {
	getWorkflowStaticData(type: string): IDataObject;
	getNodeWebhookUrl(name: 'default'): string | undefined;
}

/** checkExists: true when this node's current URL was already recorded. */
export function manualCallbackRecorded(ctx: LifecycleContext): boolean {
	const url = ctx.getNodeWebhookUrl('default');
	return url !== undefined && ctx.getWorkflowStaticData('node').callbackUrl === url;
}

/** create: records the URL the user must paste into the vendor console. */
export function recordManualCallback(ctx: LifecycleContext, nowMs: number): boolean {
	const data = ctx.getWorkflowStaticData('node');
	data.callbackUrl = ctx.getNodeWebhookUrl('default') ?? null;
	data.recordedAt = new Date(nowMs).toISOString();
	return true;
}

/** delete: forgets the URL (the console entry must be removed by hand). De-duplication state is kept. */
export function forgetManualCallback(ctx: LifecycleContext): boolean {
	const data = ctx.getWorkflowStaticData('node');
	delete data.callbackUrl;
	delete data.recordedAt;
	return true;
}

export type CallbackBody = { ok: true; text: string; json: IDataObject } | { ok: false; reason: string };

/**
 * The callback body as sent: the raw bytes when n8n kept them (`rawBody`), else the parsed body
 * written back as JSON. Parsed with the int64-safe parser, so big ids stay exact and string values
 * are exactly what the sender signed. Only JSON objects are accepted.
 */
export function readCallbackBody(rawBody: unknown, parsedBody: unknown): CallbackBody {
	const text = Buffer.isBuffer(rawBody) && rawBody.length > 0 ? rawBody.toString('utf8') : stringifyJson(parsedBody ?? {});
	let value: unknown;
	try {
		value = parseJson(text);
	} catch (error) {
		return { ok: false, reason: `the body is not JSON (${(error as Error).message})` };
	}
	if (!value || typeof value !== 'object' || Array.isArray(value)) return { ok: false, reason: 'the body is not a JSON object' };
	return { ok: true, text, json: value as IDataObject };
}
