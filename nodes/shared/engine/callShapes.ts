import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError, sleep } from 'n8n-workflow';
import { planBatches } from '../batching';
import { DeliveryUnknownError } from '../delivery';
import { errorItemJson, toNodeError } from '../errors';
import { Fate, fanOut as fanOutConcurrent, fanOutFails, settleFanOut, type ChunkAnswer, type FanOutResult } from '../fanout';
import { runPool, safeConcurrency } from '../pool';
import type { ItemResult, PreparedItem } from '../router';
import { executionContext } from './context';
import type { ApiRef, CallOptions, VendorAdapter, VendorResult } from './vendorRequest';
import { vendorRequest } from './vendorRequest';

/** One vendor call from inside a call shape; the item index and the adapter are already bound. */
export type Send<A extends ApiRef> = (api: A, body: Record<string, unknown>, options?: CallOptions) => Promise<VendorResult>;

/**
 * How an operation's items become vendor calls. The engine owns the loops: concurrency (Delivery →
 * Concurrent Requests), stopping at the first failure without continue-on-fail, mapping a
 * whole-call failure to each of its items, and accounting for every receiver.
 */
export type CallShape<P, A extends ApiRef> =
	/** Each item on its own (single, fanOut, paginate): several items in flight, `orderKey` lanes kept. */
	| { kind: 'item'; run(plan: P, send: Send<A>, itemIndex: number, ctx: IExecuteFunctions): Promise<ItemResult> }
	/** All valid items at once (coalesce): answers per item. */
	| { kind: 'batch'; batch(ctx: IExecuteFunctions, adapter: VendorAdapter<A>, items: Array<PreparedItem<P>>): Promise<Map<number, ItemResult | Error>> };

export function sendFor<A extends ApiRef>(ctx: IExecuteFunctions, adapter: VendorAdapter<A>, itemIndex: number): Send<A> {
	return async (api, body, options = {}) => await vendorRequest(ctx, adapter, api, body, { itemIndex, ...options });
}

// ---- single: one item → one call ------------------------------------------------------------

/** Back-off before an `again` resend: the vendor's rate window is about one second. */
const againBackoffMs = (n: number): number => Math.min(10000, 500 * 2 ** (n - 1)) + Math.random() * 250;

/**
 * A pre-step of an item-shaped operation (single, fanOut): runs after every item was read and before
 * the item's calls; may ask another API (`send`) or read the credential; returns the plan to send.
 */
export type Before<P, A extends ApiRef> = (plan: P, send: Send<A>, ctx: IExecuteFunctions, itemIndex: number) => Promise<P>;

export function single<P, A extends ApiRef>(o: {
	api: A | ((plan: P) => A);
	before?: Before<P, A>;
	body: (plan: P) => Record<string, unknown>;
	/** Per-call options, e.g. a `pace` quota for one entity on top of the API's. */
	options?: (plan: P) => CallOptions;
	/**
	 * The vendor answered OK but did not do it (Tencent MsgDropReason): true sends the same body again
	 * after a back-off, within Delivery → Max Attempts and Max Retry Time.
	 */
	again?: (plan: P, answer: VendorResult) => boolean;
	/** `attempts`: how many times the body was sent (more than 1 only with `again`). */
	output: (plan: P, answer: VendorResult, attempts: number) => ItemResult;
}): CallShape<P, A> {
	return {
		kind: 'item',
		async run(first, send, itemIndex, ctx) {
			const plan = o.before ? await o.before(first, send, ctx, itemIndex) : first;
			const api = typeof o.api === 'function' ? o.api(plan) : o.api;
			const body = o.body(plan);
			const options = o.options?.(plan);
			const started = Date.now();
			for (let attempt = 1; ; attempt++) {
				const answer = await send(api, body, options);
				if (!o.again?.(plan, answer)) return o.output(plan, answer, attempt);
				const { maxAttempts, maxRetryMs } = executionContext(ctx).delivery(itemIndex);
				if (attempt >= maxAttempts || Date.now() - started >= maxRetryMs) return o.output(plan, answer, attempt);
				await sleep(againBackoffMs(attempt));
			}
		},
	};
}

// ---- coalesce: many items → few calls -------------------------------------------------------

/**
 * Consecutive items with the same `sameCallKey` share a call, up to `max` (of the call's first
 * item), and an entity (`entityKey`, a user) is never twice in one call, so every per-entity answer
 * names exactly one item. Calls run side by side when no entity is in two of them, else one at a
 * time (two updates of one user keep their order). `run` answers per item of the call, in order;
 * a call that throws fails each of its items.
 */
export function coalesce<P, A extends ApiRef>(o: {
	max: (plan: P) => number;
	sameCallKey: (plan: P) => string;
	entityKey?: (plan: P) => unknown;
	/**
	 * When no entity is in two items, their order cannot change any entity's state: items with the
	 * same `sameCallKey` are first brought together (stable, by first appearance), so 120 users with 4
	 * tag sets take 4 calls, not 120. When an entity repeats, input order is kept as it is.
	 */
	regroup?: boolean;
	/** Whether the next item still fits into the call (e.g. the byte limit of a merged message body). */
	fits?: (call: P[], next: P) => boolean;
	/** One call at a time, in input order (sends whose order matters). */
	ordered?: boolean;
	/** `callIndex`: the call's position in the run's plan (0-based). */
	run: (call: Array<PreparedItem<P>>, send: Send<A>, ctx: IExecuteFunctions, callIndex: number) => Promise<Array<ItemResult | Error>>;
}): CallShape<P, A> {
	return {
		kind: 'batch',
		async batch(ctx, adapter, items) {
			const run = executionContext(ctx);
			const out = new Map<number, ItemResult | Error>();
			let ordered = items;
			if (o.regroup && o.entityKey && new Set(items.map((x) => o.entityKey!(x.plan))).size === items.length) {
				const groups = new Map<string, Array<PreparedItem<P>>>();
				for (const item of items) {
					const k = o.sameCallKey(item.plan);
					const g = groups.get(k);
					if (g) g.push(item);
					else groups.set(k, [item]);
				}
				ordered = [...groups.values()].flat();
			}
			const calls = planBatches(ordered, {
				max: (head) => o.max(head.plan),
				compatible: (a, b) => o.sameCallKey(a.plan) === o.sameCallKey(b.plan),
				key: o.entityKey ? (item) => o.entityKey!(item.plan) : undefined,
				fits: o.fits ? (current, next) => o.fits!(current.map((x) => x.plan), next.plan) : undefined,
			});
			const concurrency = o.ordered
				? 1
				: o.entityKey
				? safeConcurrency(calls, (call) => call.map((x) => o.entityKey!(x.plan)), run.delivery(items[0].itemIndex).concurrency)
				: run.delivery(items[0].itemIndex).concurrency;
			let stopped = false;
			await runPool(calls, concurrency, async (call, callIndex) => {
				if (stopped) return;
				try {
					const results = await o.run(call, sendFor(ctx, adapter, call[0].itemIndex), ctx, callIndex);
					call.forEach(({ itemIndex }, k) => out.set(itemIndex, results[k]));
				} catch (error) {
					// Without continue-on-fail no further call starts; the router throws the earliest error.
					if (!run.continueOnFail) stopped = true;
					const e = toNodeError(ctx.getNode(), error, call[0].itemIndex);
					for (const { itemIndex } of call) out.set(itemIndex, e);
				}
			});
			return out;
		},
	};
}

// ---- fanOut: one item → many calls ----------------------------------------------------------

/** The accounting of one item's fan-out (nodes/shared/fanout.ts), plus each answered call's value. */
export interface FanOutOutcome<E> extends FanOutResult {
	entries: E[];
	/** `value` of each answered call, in call order when `ordered`. */
	values: unknown[];
	/** Index of the first entry of the call that stopped an ordered fan-out. */
	stoppedAt?: number;
	/** Nothing delivered and a call did not go through: the item fails, its error keeps the summary. */
	fails?: boolean;
}

export interface FanOutAnswer extends ChunkAnswer {
	value?: unknown;
}

/**
 * One item's list (`list`) sent in calls of at most `max`. `ordered`: one call after the other,
 * stopping at the first call that did not go through (its entries are unknown when its answer was
 * lost, not sent when it was refused; later calls are not sent) — for sends whose order matters or
 * whose vendor pacing is low. Otherwise several calls are in flight (Delivery →
 * Concurrent Requests) and a call whose answer was lost does not stop the others. Every entry ends
 * delivered, failed, unknown or not sent. When nothing went out and a call did not go through, the
 * item fails with that call's error; otherwise `output` maps the outcome.
 */
export function fanOut<P, E, A extends ApiRef>(o: {
	list: (plan: P) => E[];
	max: (plan: P) => number;
	ordered?: boolean;
	idOf?: (entry: E) => string;
	keepIds?: (plan: P) => boolean;
	/** A pre-step before the first call (Tencent: check the receivers' accounts); its plan is the one sent. */
	before?: Before<P, A>;
	send: (plan: P, chunk: E[], n: number, send: Send<A>) => Promise<FanOutAnswer>;
	/** The item's result; when `outcome.fails` it must be the summary (it goes into the item's error). */
	output: (plan: P, outcome: FanOutOutcome<E>, itemIndex: number) => ItemResult;
	/** Words of the error's tally: "0 of 30 <noun> <done>: …" (default "receivers", "delivered"). */
	noun?: string;
	done?: string;
}): CallShape<P, A> {
	const idOf = o.idOf ?? String;
	return {
		kind: 'item',
		async run(first, send, itemIndex, ctx) {
			const plan = o.before ? await o.before(first, send, ctx, itemIndex) : first;
			const entries = o.list(plan);
			const max = o.max(plan);
			const values: unknown[] = [];
			let n = 0;
			let r: FanOutOutcome<E>;
			if (o.ordered) {
				r = await orderedFanOut(ctx, itemIndex, entries, max, idOf, async (chunk, c) => await o.send(plan, chunk, c, send), values, o.keepIds?.(plan) ?? false);
			} else {
				const res = await fanOutConcurrent(
					ctx,
					itemIndex,
					entries,
					max,
					idOf,
					async (chunk) => {
						const answer = await o.send(plan, chunk, n++, send);
						if (answer.value !== undefined) values.push(answer.value);
						return answer;
					},
					o.keepIds?.(plan) ?? false,
				);
				r = { ...res, entries, values };
			}
			r.fails = fanOutFails(r);
			return settleFanOut(ctx, itemIndex, r, o.output(plan, r, itemIndex) as IDataObject, o.noun, o.done);
		},
	};
}

async function orderedFanOut<E>(
	ctx: IExecuteFunctions,
	itemIndex: number,
	entries: E[],
	max: number,
	idOf: (e: E) => string,
	send: (chunk: E[], n: number) => Promise<FanOutAnswer>,
	values: unknown[],
	keepIds: boolean,
): Promise<FanOutOutcome<E>> {
	const count = entries.length;
	const fates = new Uint8Array(count).fill(Fate.NotSent);
	const chunkCount = Math.ceil(count / max);
	const r: FanOutOutcome<E> = {
		count,
		fates,
		calls: 0,
		requestIds: [],
		keys: new Array(chunkCount),
		chunkOf: (k) => Math.floor(k / max),
		failedCodes: new Map(),
		chunkErrors: new Map(),
		counts: { delivered: 0, failed: 0, unknown: 0, notSent: count },
		ids: keepIds ? new Map() : undefined,
		entries,
		values,
	};
	for (let c = 0; c < chunkCount; c++) {
		const from = c * max;
		const chunk = entries.slice(from, from + max);
		r.calls++;
		try {
			const answer = await send(chunk, c);
			fates.fill(Fate.Delivered, from, from + chunk.length);
			if (answer.requestId) r.requestIds.push(answer.requestId);
			r.keys[c] = answer.key;
			if (answer.value !== undefined) values.push(answer.value);
			if (r.ids && answer.ids) for (const [id, v] of answer.ids) r.ids.set(id, v);
			const index = new Map(chunk.map((e, k) => [idOf(e), from + k]));
			for (const [id, code] of answer.failed) {
				const at = index.get(id);
				if (at === undefined) continue;
				fates[at] = Fate.Failed;
				r.failedCodes.set(id, code);
			}
			for (const id of answer.unconfirmed ?? []) {
				const at = index.get(id);
				if (at !== undefined && fates[at] === Fate.Delivered) fates[at] = Fate.Unknown;
			}
		} catch (error) {
			r.chunkErrors.set(c, errorItemJson(toNodeError(ctx.getNode(), error, itemIndex)));
			// A lost answer may have been processed: unknown. A refused call was not: its entries are not sent.
			if (error instanceof DeliveryUnknownError) fates.fill(Fate.Unknown, from, from + chunk.length);
			r.firstError = error;
			r.stoppedAt = from;
			break;
		}
	}
	r.counts = { delivered: 0, failed: 0, unknown: 0, notSent: 0 };
	for (const f of fates) {
		if (f === Fate.Delivered) r.counts.delivered++;
		else if (f === Fate.Failed) r.counts.failed++;
		else if (f === Fate.Unknown) r.counts.unknown++;
		else r.counts.notSent++;
	}
	return r;
}

// ---- paginate: one item → pages --------------------------------------------------------------

/**
 * Pages from `start` following the answer's next cursor while it says there is more, until
 * `limit` (undefined: Return All). A cursor that does not move (or comes back), or that `page`
 * cannot read (`next` undefined; `nextText` is what came), stops the item with an error instead of
 * reading the same page forever. A cursor may be any value that `String` tells apart: a bigint
 * (written back as a bare JSON number with every digit, nodes/shared/json.ts) or a text.
 */
export function paginate<P, C, A extends ApiRef>(o: {
	api: A;
	start: (plan: P) => C;
	limit: (plan: P) => number | undefined;
	pageSize: (plan: P) => number;
	body: (plan: P, cursor: C, want: number) => Record<string, unknown>;
	/** One answer: its entries, whether there is more, and the next cursor (undefined: not a cursor). */
	page: (result: IDataObject) => { entries: IDataObject[]; hasMore: boolean; next: C | undefined; nextText: string };
	/** One output item; `page` is the answer it came in and `n` its number (1-based). */
	map: (entry: IDataObject, page: { result: IDataObject; n: number }) => IDataObject;
	noun: string;
	vendor: string;
}): CallShape<P, A> {
	return {
		kind: 'item',
		async run(plan, send, itemIndex, ctx) {
			const out: IDataObject[] = [];
			const limit = o.limit(plan);
			const pageSize = o.pageSize(plan);
			let cursor = o.start(plan);
			const seen = new Set<string>();
			for (let n = 1; ; n++) {
				const want = limit === undefined ? pageSize : Math.min(pageSize, limit - out.length);
				const { result } = await send(o.api, o.body(plan, cursor, want));
				const page = o.page(result);
				for (const m of page.entries) {
					if (limit !== undefined && out.length >= limit) break;
					out.push(o.map(m, { result, n }));
				}
				if (!page.hasMore || (limit !== undefined && out.length >= limit)) break;
				if (page.next === undefined || String(page.next) === String(cursor) || seen.has(String(page.next))) {
					throw new NodeOperationError(ctx.getNode(), `${o.vendor} said there are more pages but returned a cursor that does not advance or cannot be read (${page.nextText.slice(0, 40) || 'none'})`, {
						itemIndex,
						description: `Stopped after ${out.length} ${o.noun} to avoid reading the same page again.`,
					});
				}
				seen.add(String(page.next));
				cursor = page.next;
			}
			return out;
		},
	};
}
