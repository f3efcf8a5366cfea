import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { DeliveryUnknownError, readDeliveryOptions } from './delivery';
import { errorItemJson, toNodeError, withSummary } from './errors';
import { INFLIGHT_FLOOR } from './inflight';
import { runPool } from './pool';

/**
 * Sends one message to many receivers in chunks (both vendors' batch sends), several chunks in
 * flight, and accounts for every receiver: delivered, failed (the vendor said so), unknown (the
 * call may or may not have been processed and was not repeated), or not sent (skipped after a call
 * was rejected). Per-receiver state is one byte per receiver, so memory stays proportional to the
 * input even for a million receivers.
 *
 * Chunks under way (built, waiting for the in-flight gate and the limiter, or in flight) are at
 * most FANOUT_RECEIVERS_UNDER_WAY receivers' worth when the calls in flight are automatic
 * (Delivery → Concurrent Requests = 0): a chunk waiting its turn keeps its body and request alive
 * until it goes, long enough for V8 to promote them to the old generation, and the default heap
 * lets that garbage pile up. Measured, one item with 1,000,000 receivers (2,000 calls of 500,
 * pacing lifted, bench `memory`): 256 chunks under way peaked at 625–661 MB RSS, 16 at 349–449 MB
 * (n8n alone with that item: 327 MB), in no more time. 16 calls of 500 in flight carry 640,000
 * receivers a minute at 0.75 s per call, 53 times the documented receiver quotas (12,000 a minute,
 * transport/limits.ts); smaller chunks get more calls under way (up to the gate's cap).
 */
export const FANOUT_RECEIVERS_UNDER_WAY = 8_000;

/** How many chunks of `batchSize` one fan-out keeps under way. */
export function chunksUnderWay(concurrency: number, adaptive: boolean | undefined, batchSize: number): number {
	if (!adaptive) return concurrency;
	return Math.min(concurrency, Math.max(INFLIGHT_FLOOR, Math.floor(FANOUT_RECEIVERS_UNDER_WAY / Math.max(1, batchSize))));
}

export const enum Fate {
	Pending = 0,
	Delivered = 1,
	Failed = 2,
	Unknown = 3,
	NotSent = 4,
}

export interface ChunkAnswer {
	/** Receivers the vendor reported as failed, with its code. */
	failed: Array<[receiver: string, code: string | number]>;
	requestId?: string;
	/** Message id per receiver, when the vendor gives one. */
	ids?: Iterable<[receiver: string, id: string]>;
	/** One key for the whole call (Tencent MsgKey). */
	key?: string;
	/** Receivers of the call the answer neither confirmed nor reported as failed: delivery unknown. */
	unconfirmed?: string[];
}

export interface FanOutResult {
	count: number;
	fates: Uint8Array;
	calls: number;
	requestIds: string[];
	keys: Array<string | undefined>;
	chunkOf: (index: number) => number;
	ids?: Map<string, string>;
	failedCodes: Map<string, string | number>;
	/** The error of each chunk that did not go through. */
	chunkErrors: Map<number, IDataObject>;
	/** The rejection that stopped the fan-out, else the first "delivery unknown". */
	firstError?: unknown;
	counts: Record<'delivered' | 'failed' | 'unknown' | 'notSent', number>;
}

export async function fanOut<R>(
	ctx: IExecuteFunctions,
	itemIndex: number,
	receivers: R[],
	batchSize: number,
	idOf: (r: R) => string,
	send: (chunk: R[]) => Promise<ChunkAnswer>,
	keepIds: boolean,
): Promise<FanOutResult> {
	const count = receivers.length;
	const fates = new Uint8Array(count);
	const chunkCount = Math.ceil(count / batchSize);
	const keys: Array<string | undefined> = new Array(chunkCount);
	const requestIds: string[] = [];
	const ids = keepIds ? new Map<string, string>() : undefined;
	const failedCodes = new Map<string, string | number>();
	const chunkErrors = new Map<number, IDataObject>();
	const rawErrors = new Map<number, unknown>();
	const stop: { error?: unknown } = {};
	let calls = 0;
	const mark = (c: number, fate: Fate) => fates.fill(fate, c * batchSize, Math.min(count, (c + 1) * batchSize));

	const delivery = readDeliveryOptions(ctx, itemIndex);
	const concurrency = chunksUnderWay(delivery.concurrency, delivery.adaptive, batchSize);
	const sendChunk = async (c: number): Promise<void> => {
		if (stop.error) {
			mark(c, Fate.NotSent);
			return;
		}
		const chunk = receivers.slice(c * batchSize, (c + 1) * batchSize);
		calls++;
		try {
			const answer = await send(chunk);
			mark(c, Fate.Delivered);
			if (answer.requestId) requestIds.push(answer.requestId);
			keys[c] = answer.key;
			if (ids && answer.ids) for (const [r, id] of answer.ids) ids.set(r, id);
			if (answer.failed.length || answer.unconfirmed?.length) {
				const index = new Map<string, number>();
				chunk.forEach((r, k) => index.set(idOf(r), c * batchSize + k));
				for (const [r, code] of answer.failed) {
					const at = index.get(r);
					if (at === undefined) continue;
					fates[at] = Fate.Failed;
					failedCodes.set(r, code);
				}
				for (const r of answer.unconfirmed ?? []) {
					const at = index.get(r);
					if (at !== undefined && fates[at] === Fate.Delivered) fates[at] = Fate.Unknown;
				}
			}
		} catch (error) {
			chunkErrors.set(c, errorItemJson(toNodeError(ctx.getNode(), error, itemIndex)));
			rawErrors.set(c, error);
			if (error instanceof DeliveryUnknownError) {
				mark(c, Fate.Unknown);
			} else {
				mark(c, Fate.Failed);
				stop.error ??= error;
			}
		}
	};
	await runPool(Array.from({ length: chunkCount }, (_, c) => c), concurrency, sendChunk);
	const counts = { delivered: 0, failed: 0, unknown: 0, notSent: 0 };
	for (let k = 0; k < count; k++) {
		const f = fates[k];
		if (f === Fate.Delivered) counts.delivered++;
		else if (f === Fate.Failed) counts.failed++;
		else if (f === Fate.Unknown) counts.unknown++;
		else counts.notSent++;
	}
	const firstUnknown = rawErrors.size === 0 ? undefined : [...rawErrors.keys()].sort((a, b) => a - b)[0];
	return {
		count,
		fates,
		calls,
		requestIds,
		keys,
		chunkOf: (k) => Math.floor(k / batchSize),
		ids,
		failedCodes,
		chunkErrors,
		firstError: stop.error ?? (firstUnknown !== undefined ? rawErrors.get(firstUnknown) : undefined),
		counts,
	};
}

const FATE_NAMES: Record<number, string> = {
	[Fate.Delivered]: 'delivered',
	[Fate.Failed]: 'failed',
	[Fate.Unknown]: 'unknown',
	[Fate.NotSent]: 'notSent',
};

export const fateName = (f: number): string => FATE_NAMES[f] ?? 'notSent';

export type Tally = Record<'delivered' | 'failed' | 'unknown' | 'notSent', number>;

/**
 * The status word of an item that went to several receivers (both vendors, every fan-out):
 * `sent` all delivered; `failed` none delivered and none unknown (also when the vendor listed them
 * all as failed); `unknown` none confirmed but some may have it; `partial` otherwise.
 */
export function outcomeStatus(c: Tally): 'sent' | 'partial' | 'failed' | 'unknown' {
	const total = c.delivered + c.failed + c.unknown + c.notSent;
	if (c.delivered === total) return 'sent';
	if (c.delivered === 0) return c.unknown === 0 ? 'failed' : 'unknown';
	return 'partial';
}

/** Overall status of an item's fan-out. */
export function fanOutStatus(r: FanOutResult): string {
	return outcomeStatus(r.counts);
}

/** "0 of 30 receivers delivered: 10 unknown, 20 failed, 0 not sent" — for error messages. */
export function describeTally(c: Tally, noun = 'receivers', done = 'delivered'): string {
	const total = c.delivered + c.failed + c.unknown + c.notSent;
	return `${c.delivered} of ${total} ${noun} ${done}: ${c.unknown} unknown, ${c.failed} failed, ${c.notSent} not sent`;
}

/** Nothing was delivered and a call did not go through (refused, or its answer lost): the item fails. */
export const fanOutFails = (r: Pick<FanOutResult, 'counts' | 'firstError'>): boolean => r.counts.delivered === 0 && r.firstError !== undefined;

/**
 * The one rule for the end of every fan-out: when the item fails (see `fanOutFails`) its error
 * carries the summary, so the receivers whose call was lost are still listed as unknown (a blind
 * re-run could message them twice) next to the failed and not-sent ones, and the message gives the
 * counts. Otherwise the summary is the item's output.
 */
export function settleFanOut(
	ctx: IExecuteFunctions,
	itemIndex: number,
	r: Pick<FanOutResult, 'counts' | 'firstError'>,
	summary: IDataObject,
	noun?: string,
	done?: string,
): IDataObject {
	if (!fanOutFails(r)) return summary;
	throw withSummary(toNodeError(ctx.getNode(), r.firstError, itemIndex), summary, describeTally(r.counts, noun, done));
}

export interface StoppedSend {
	/** Answered calls count as delivered; see `stoppedSend`. */
	counts: Tally;
	/** Receivers [stoppedFrom, unknownUpTo) are unknown, [unknownUpTo, total) not sent. */
	unknownUpTo: number;
	firstError: unknown;
}

/**
 * Accounting of an ordered chunked send that goes one call after the other and stops at the first
 * call that did not go through (`stoppedFrom` = index of its first receiver, undefined when all went
 * through): the calls before it were answered; that call's receivers are unknown when its answer was
 * lost (DeliveryUnknownError: it may have been processed) and not sent when it was refused; the
 * rest were not sent.
 */
export function stoppedSend(total: number, stoppedFrom: number | undefined, batchSize: number, firstError: unknown): StoppedSend {
	if (stoppedFrom === undefined) return { counts: { delivered: total, failed: 0, unknown: 0, notSent: 0 }, unknownUpTo: total, firstError: undefined };
	const unknownUpTo = firstError instanceof DeliveryUnknownError ? Math.min(total, stoppedFrom + batchSize) : stoppedFrom;
	return {
		counts: { delivered: stoppedFrom, failed: 0, unknown: unknownUpTo - stoppedFrom, notSent: total - unknownUpTo },
		unknownUpTo,
		firstError,
	};
}

/** Receivers (ids) with a given fate, in input order. */
export function receiversWith<R>(r: FanOutResult, receivers: R[], idOf: (x: R) => string, fate: Fate): string[] {
	const out: string[] = [];
	for (let k = 0; k < r.count; k++) if (r.fates[k] === fate) out.push(idOf(receivers[k]));
	return out;
}

/** The error of the chunk that carried receiver `k`, if that chunk did not go through. */
export const errorFor = (r: FanOutResult, k: number): IDataObject | undefined => r.chunkErrors.get(r.chunkOf(k));
