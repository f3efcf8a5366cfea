import { createHash, timingSafeEqual } from 'node:crypto';
import type { IDataObject } from 'n8n-workflow';
import { parseJson, stringifyJson } from './json';

/**
 * Shared pieces of callback (webhook) verification for the trigger nodes: digests, a
 * constant-time compare of hex digests, the replay window and de-duplication (an in-process claim
 * plus a bounded "seen ids" store kept in workflow static data). Pure functions, every clock value
 * passed in, except the claims table (CallbackClaims), the one piece of process state.
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

/** A de-duplication slot for one identifying value (`id:<EventId>`, `sig:<signature>`); long values are hashed. */
export function dedupSlot(kind: string, value: string): string {
	return `${kind}:${value.length > 128 ? sha256Hex(value) : value}`;
}

/** The slots of a static-data store still within the ttl, oldest first. */
function liveSlots(store: IDataObject, key: string, nowMs: number, ttlMs: number): Array<[string, number]> {
	const current = store[key] && typeof store[key] === 'object' ? (store[key] as IDataObject) : {};
	const live: Array<[string, number]> = [];
	for (const [slot, at] of Object.entries(current)) if (typeof at === 'number' && nowMs - at <= ttlMs) live.push([slot, at]);
	return live;
}

/**
 * Writes the store as the newest `maxEntries` of `entries` (a slot listed twice keeps its newest
 * time). The map is replaced (not mutated in place) so n8n notices the change and saves it.
 */
function writeSlots(store: IDataObject, key: string, entries: Array<[string, number]>, maxEntries: number): void {
	const newest = new Map<string, number>();
	for (const [slot, at] of entries) {
		const before = newest.get(slot);
		if (before === undefined || at > before) newest.set(slot, at);
	}
	const sorted = [...newest].sort((a, b) => a[1] - b[1]); // stable: equal times keep their order
	const next: IDataObject = {};
	for (const [slot, at] of sorted.slice(Math.max(0, sorted.length - maxEntries))) next[slot] = at;
	store[key] = next;
}

/**
 * De-duplication in workflow static data alone: returns true the first time `id` is seen within
 * the ttl and records it; false for a repeat. Expired ids and ids beyond `maxEntries` are dropped.
 * Static data only sees deliveries that came after the previous one was saved: the triggers use
 * claimCallback(), which adds the in-process claim below.
 */
export function firstSighting(store: IDataObject, id: string, nowMs: number, opts: SeenIdsOptions): boolean {
	const key = opts.key ?? 'seenIds';
	const slot = dedupSlot('id', id);
	const live = liveSlots(store, key, nowMs, opts.ttlMs);
	if (live.some(([s]) => s === slot)) return false;
	writeSlots(store, key, [...live.filter(([s]) => s !== slot), [slot, nowMs]], opts.maxEntries);
	return true;
}

/**
 * Callbacks claimed by this process, per trigger (scope), each remembered for the de-duplication
 * window. This is the only state the package keeps in memory for triggers.
 *
 * Why it exists: n8n hands a webhook node no atomic check-and-set. The workflow static data is
 * loaded from the database with the workflow for every request and saved (whole, last writer wins)
 * only after the node answered (n8n 2.41.1 packages/cli/src/webhooks/live-webhooks.ts
 * executeWebhook → WorkflowStaticDataService.saveStaticData), so two deliveries arriving together
 * both read a store that has neither of them. n8n-core's DataDeduplicationService
 * (checkProcessedAndRecord, behind the Remove Duplicates node) is offered only to execute and
 * supply-data contexts, not to IWebhookFunctions (n8n-workflow 2.41.0 interfaces.d.ts), and is a
 * findOne followed by an update without a lock (packages/cli/src/deduplication/deduplication-helper.ts
 * checkProcessedAndRecord), so it would race the same way. A JavaScript process runs one request's
 * synchronous code at a time: a check-and-set with no `await` in between is atomic within the
 * process, which is what claimCallback() does with this table.
 */
export class CallbackClaims {
	private readonly scopes = new Map<string, { ttlMs: number; claims: Map<string, number> }>();
	private lastSweepMs = 0;

	/** Drops expired claims of a scope (and the scope when it is empty); returns its live claims. */
	private live(scope: string, nowMs: number, ttlMs: number): Map<string, number> | undefined {
		const entry = this.scopes.get(scope);
		if (!entry) return undefined;
		for (const [slot, at] of entry.claims) if (nowMs - at > ttlMs) entry.claims.delete(slot);
		if (entry.claims.size === 0) {
			this.scopes.delete(scope);
			return undefined;
		}
		return entry.claims;
	}

	/** At most once a minute, forgets expired claims of every scope (triggers that stopped receiving). */
	private sweep(nowMs: number): void {
		if (nowMs - this.lastSweepMs < 60_000) return;
		this.lastSweepMs = nowMs;
		for (const [scope, entry] of [...this.scopes]) this.live(scope, nowMs, entry.ttlMs);
	}

	/** Whether any of `slots` is claimed in `scope` within the ttl. */
	has(scope: string, slots: readonly string[], nowMs: number, ttlMs: number): boolean {
		const claims = this.live(scope, nowMs, ttlMs);
		return claims !== undefined && slots.some((s) => claims.has(s));
	}

	/** Claims `slots` (at most `maxEntries` per scope, the oldest go first) and returns the scope's live claims. */
	add(scope: string, slots: readonly string[], nowMs: number, ttlMs: number, maxEntries: number): Array<[string, number]> {
		this.sweep(nowMs);
		let claims = this.live(scope, nowMs, ttlMs);
		if (!claims) this.scopes.set(scope, { ttlMs, claims: (claims = new Map()) });
		else this.scopes.get(scope)!.ttlMs = ttlMs;
		for (const s of slots) {
			claims.delete(s); // re-insert: Map order is claim order
			claims.set(s, nowMs);
		}
		for (const s of claims.keys()) {
			if (claims.size <= maxEntries) break;
			claims.delete(s);
		}
		return [...claims];
	}

	/** Live claims of a scope (tests and diagnostics). */
	count(scope: string, nowMs: number, ttlMs: number): number {
		return this.live(scope, nowMs, ttlMs)?.size ?? 0;
	}

	/** Scopes with at least one claim (tests and diagnostics; expired ones go at the next sweep). */
	get scopeCount(): number {
		return this.scopes.size;
	}
}

/** The claims of this process, shared by every trigger node loaded from this package copy. */
export const processClaims = new CallbackClaims();

interface ScopeContext {
	getWorkflow(): { id?: string | null };
	getNode(): { id?: string; name: string };
	getMode(): string;
}

/**
 * One trigger's de-duplication scope: workflow, node and mode, so a delivery to the editor's test
 * URL (mode "manual", test static data) never uses up the production one (mode "webhook").
 */
export function callbackScope(ctx: ScopeContext): string {
	const node = ctx.getNode();
	return [String(ctx.getWorkflow().id ?? ''), node.id || node.name, ctx.getMode()].join('\u0000');
}

export interface ClaimInput extends SeenIdsOptions {
	/** The node's workflow static data (getWorkflowStaticData('node')). */
	store: IDataObject;
	/** callbackScope() of the trigger. */
	scope: string;
	/** dedupSlot()s identifying the callback: a repeat of any one of them is a duplicate. */
	slots: string[];
	nowMs: number;
}

/** `seen`: where the earlier delivery was found (this process's claims, or the saved static data). */
export type Sighting = { duplicate: false } | { duplicate: true; seen: 'process' | 'staticData' };

/**
 * Check-and-record of one verified callback, synchronous from start to end (no `await`: that is
 * what makes it atomic within the process). A duplicate when any slot was claimed in this process
 * within the ttl, or is in the static data (saved by an earlier delivery, possibly in another
 * process or before a restart). Otherwise the slots are claimed in the process and written to the
 * static data together with every live claim of the scope, so that whichever concurrent request's
 * copy of the static data n8n saves last still holds the callbacks this process has seen. Call it
 * last, after everything that can fail: a claim is never given back.
 */
export function claimCallback(input: ClaimInput, claims: CallbackClaims = processClaims): Sighting {
	const key = input.key ?? 'seenIds';
	if (claims.has(input.scope, input.slots, input.nowMs, input.ttlMs)) return { duplicate: true, seen: 'process' };
	const stored = liveSlots(input.store, key, input.nowMs, input.ttlMs);
	if (stored.some(([s]) => input.slots.includes(s))) return { duplicate: true, seen: 'staticData' };
	const claimed = claims.add(input.scope, input.slots, input.nowMs, input.ttlMs, input.maxEntries);
	writeSlots(input.store, key, [...stored, ...claimed], input.maxEntries);
	return { duplicate: false };
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
