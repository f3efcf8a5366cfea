import type { IExecuteFunctions, INode, INodeProperties } from 'n8n-workflow';
import { NodeApiError, sleep } from 'n8n-workflow';
import type { ZodType, ZodTypeDef } from 'zod';
import { networkError, parseField, redactSecrets } from './errors';
import { INFLIGHT_CAP, inflightGate, type Slot } from './inflight';
import { rateLimiter, type RateRule } from './limiter';
import { isFixedParameter, nodeOf, nodeParameter } from './params';
import { intInRange, numberInRange } from './schemas/scalars';

/**
 * The one place that decides what happens to a failed request (both vendors):
 *
 * - not processed for certain (connection refused, DNS, throttle answers, the vendor's explicit
 *   retryable codes): retried with exponential back-off and full jitter, within a number of
 *   attempts and a time budget (counted from the first send, not from the wait for the rate
 *   limiter); a throttle answer also pauses the shared rate limiter. A throttled request that
 *   carries receivers (a per-minute receiver quota, possibly shared with other n8n processes) waits
 *   its turn without using up attempts, until the key got nothing through for the time budget;
 * - credential expired (Tencent 70001): the caller refreshes it once and the request is repeated;
 * - ambiguous (timed out after sending, connection reset before an answer): repeated only when the
 *   request is idempotent or de-duplicated by the vendor — or when the user explicitly allows it —
 *   otherwise reported as "delivery unknown";
 * - anything else: the item fails with the vendor's code and message.
 *
 * n8n's node-level "Retry On Fail" is not used: it re-runs every item of the node.
 */

export interface DeliveryOptions {
	maxAttempts: number;
	maxRetryMs: number;
	timeoutMs: number;
	retryAmbiguous: boolean;
	/** Tasks the pool runs side by side; automatic: the gate's cap, and the gate decides (inflight.ts). */
	concurrency: number;
	/** Concurrent Requests = 0 (the default): calls in flight per limiter key follow quota × latency. */
	adaptive?: boolean;
	requestsPerSecond?: number;
	messagesPerMinute?: number;
	/** What an item that was not fully delivered (partial, failed, unknown, dropped) becomes. */
	onPartial: 'summary' | 'fail';
	/** Processes sharing the quota (n8n queue-mode workers on one credential); absent = 1, adaptive. */
	sharedBy?: number;
}

export const DELIVERY_DEFAULTS: DeliveryOptions = {
	maxAttempts: 6,
	maxRetryMs: 180000,
	timeoutMs: 30000,
	retryAmbiguous: false,
	/** 0 = automatic (inflight.ts); a number = that many, fixed. */
	concurrency: 0,
	onPartial: 'summary',
};

/** The "Delivery" collection shown on every operation of both nodes. */
export const deliveryProperty: INodeProperties = {
	displayName: 'Delivery',
	name: 'delivery',
	type: 'collection',
	placeholder: 'Add Delivery Option',
	default: {},
	description: 'Pacing, concurrency, retries and timeouts. The defaults follow the vendor’s documented limits.',
	options: [
		{
			displayName: 'Concurrent Requests',
			name: 'concurrency',
			type: 'number',
			default: 0,
			typeOptions: { minValue: 0, maxValue: 64, numberPrecision: 0 },
			description:
				'Requests kept in flight at once (still within the rate limits). 0 = automatic: as many as the quota needs at the observed round trip (2 to 256 per API, fewer after throttling). Messages to the same conversation keep their order.',
		},
		{
			displayName: 'Max Attempts',
			name: 'maxAttempts',
			type: 'number',
			default: 6,
			typeOptions: { minValue: 1, maxValue: 20, numberPrecision: 0 },
			description:
				'Attempts per request for failures that were certainly not processed (throttling, refused connections, retryable vendor codes). Throttled sends to many receivers wait for the per-minute receiver quota without using up attempts.',
		},
		{
			displayName: 'Max Retry Time (Seconds)',
			name: 'maxRetrySeconds',
			type: 'number',
			default: 180,
			typeOptions: { minValue: 0, maxValue: 3600 },
			description:
				'Give up retrying a request after this long (throttled sends to many receivers: after this long without any send of this process getting through). Three windows of the per-minute receiver quota: enough for several n8n workers sharing it.',
		},
		{
			displayName: 'Messages per Minute',
			name: 'messagesPerMinute',
			type: 'number',
			default: 0,
			typeOptions: { minValue: 0, maxValue: 100000000, numberPrecision: 0 },
			description: 'Override the receiver quota of batch sends (vendor default 12,000). 0 = the documented default.',
		},
		{
			displayName: 'On Partial Delivery',
			name: 'onPartial',
			type: 'options',
			default: 'summary',
			options: [
				{
					name: 'Output Summary',
					value: 'summary',
					description: 'The item goes on with its status (partial, failed, unknown, dropped), counts and receiver lists',
				},
				{
					name: 'Fail the Item',
					value: 'fail',
					description:
						'An item not delivered to every receiver becomes an error (it stops the workflow, or goes to the error output / continues as an error item); the error keeps the summary',
				},
			],
			description: 'What happens to an item that did not reach every receiver',
		},
		{
			displayName: 'Processes Sharing This Quota',
			name: 'processesSharingQuota',
			type: 'number',
			default: 1,
			typeOptions: { minValue: 1, maxValue: 64, numberPrecision: 0 },
			description:
				'How many n8n processes (queue-mode workers, webhook processors, main) send with this credential at the same time. 1 = find out from the vendor’s throttle answers and share fairly. N = each process keeps to 1/N of the quota: no throttling, but a process alone still uses only 1/N.',
		},
		{
			displayName: 'Requests per Second',
			name: 'requestsPerSecond',
			type: 'number',
			default: 0,
			typeOptions: { minValue: 0, maxValue: 100000 },
			description: 'Override the documented request rate of this API (your edition may allow more, or you may want less). 0 = the documented default.',
		},
		{
			displayName: 'Retry Ambiguous Failures (May Duplicate)',
			name: 'retryAmbiguous',
			type: 'boolean',
			default: false,
			description:
				'Whether to resend a request that timed out or lost its connection after it was sent, also for APIs the vendor does not de-duplicate. Off: such receivers are reported as "delivery unknown".',
		},
		{
			displayName: 'Timeout (Seconds)',
			name: 'timeoutSeconds',
			type: 'number',
			default: 30,
			typeOptions: { minValue: 1, maxValue: 300 },
			description: 'Per-request timeout. A request that times out after it was sent is an ambiguous failure.',
		},
	],
};



/** The rate rule for an API: its documented quota, with the node's Delivery overrides applied. */
export function quotaRule(quota: RateRule, options: DeliveryOptions): RateRule {
	return {
		perSecond: options.requestsPerSecond ?? quota.perSecond,
		unitsPerMinute: quota.unitsPerMinute ? (options.messagesPerMinute ?? quota.unitsPerMinute) : undefined,
		sharedBy: options.sharedBy,
	};
}

/**
 * Delivery options are read once per item and execution (the router primes them before anything is
 * sent) and then served from here to the transports and fan-outs, which ask for them on every call.
 */
const deliveryCache = new WeakMap<IExecuteFunctions, { perItem: Map<number, DeliveryOptions>; fixed?: DeliveryOptions }>();

export function readDeliveryOptions(ctx: IExecuteFunctions, itemIndex: number): DeliveryOptions {
	let cache = deliveryCache.get(ctx);
	if (!cache) deliveryCache.set(ctx, (cache = { perItem: new Map() }));
	if (cache.fixed) return cache.fixed;
	let options = cache.perItem.get(itemIndex);
	if (!options) {
		options = parseDeliveryOptions(ctx, itemIndex);
		// No expression in the collection: the same options for every item, parsed once (read-only).
		if (isFixedParameter(ctx, 'delivery', {})) cache.fixed = options;
		else cache.perItem.set(itemIndex, options);
	}
	return options;
}

function parseDeliveryOptions(ctx: IExecuteFunctions, itemIndex: number): DeliveryOptions {
	const raw = (nodeParameter(ctx, 'delivery', itemIndex, {}) ?? {}) as Record<string, unknown>;
	// Unset (or emptied) options take their defaults; a value outside the field's bounds is refused
	// with the field and the item named, like any other parameter, never clamped.
	const read = (key: string, label: string, schema: ZodType<number, ZodTypeDef, unknown>, dflt: number): number =>
		raw[key] === undefined || raw[key] === null || raw[key] === '' ? dflt : parseField(nodeOf(ctx), schema, raw[key], label, itemIndex);
	const rps = read('requestsPerSecond', 'Requests per Second', numberInRange(0, 100000), 0);
	const mpm = read('messagesPerMinute', 'Messages per Minute', intInRange(0, 100000000), 0);
	const shared = read('processesSharingQuota', 'Processes Sharing This Quota', intInRange(1, 64), 1);
	return {
		maxAttempts: read('maxAttempts', 'Max Attempts', intInRange(1, 20), DELIVERY_DEFAULTS.maxAttempts),
		maxRetryMs: read('maxRetrySeconds', 'Max Retry Time (Seconds)', numberInRange(0, 3600), DELIVERY_DEFAULTS.maxRetryMs / 1000) * 1000,
		timeoutMs: read('timeoutSeconds', 'Timeout (Seconds)', numberInRange(1, 300), DELIVERY_DEFAULTS.timeoutMs / 1000) * 1000,
		retryAmbiguous: raw.retryAmbiguous === true,
		...concurrencyOf(read('concurrency', 'Concurrent Requests', intInRange(0, 64), DELIVERY_DEFAULTS.concurrency)),
		requestsPerSecond: rps > 0 ? rps : undefined,
		messagesPerMinute: mpm > 0 ? mpm : undefined,
		onPartial: raw.onPartial === 'fail' ? 'fail' : 'summary',
		sharedBy: shared > 1 ? shared : undefined,
	};
}

/** 0 = automatic: the pool may run up to the gate's cap and the gate per limiter key decides. */
const concurrencyOf = (n: number): Pick<DeliveryOptions, 'concurrency' | 'adaptive'> =>
	n === 0 ? { concurrency: INFLIGHT_CAP, adaptive: true } : { concurrency: n, adaptive: false };

/** The vendor's answer to one attempt, classified by the vendor adapter. */
export type Answer<T> =
	| { kind: 'ok'; value: T }
	/** Throttled: not processed; pause the key and retry. */
	| { kind: 'throttle'; error: NodeApiError }
	/** Not processed (explicit retryable vendor code): retry. */
	| { kind: 'retry'; error: NodeApiError }
	/** Credential expired: refresh once, then retry. */
	| { kind: 'refresh'; error: NodeApiError }
	/** Maybe processed. */
	| { kind: 'ambiguous'; error: NodeApiError }
	| { kind: 'fail'; error: NodeApiError };

/** A request whose outcome is unknown (maybe delivered) and that was not repeated. */
export class DeliveryUnknownError extends NodeApiError {}

export interface DeliveryRequest<T> {
	node: INode;
	vendor: string;
	/** What is sent, for messages ("BatchSendMessage"). */
	api: string;
	limiterKey: string;
	rule: RateRule;
	/** Receivers carried, for per-minute quotas. */
	units?: number;
	/** Safe to repeat after an ambiguous failure (reads, idempotent writes, vendor de-duplication). */
	idempotent: boolean;
	options: DeliveryOptions;
	itemIndex?: number;
	/** One attempt. Exceptions are network failures and are classified here. */
	attempt: (timeoutMs: number) => Promise<Answer<T>>;
	/** Called once on a 'refresh' answer (e.g. drop a cached UserSig). */
	refresh?: () => Promise<void>;
}

const NOT_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH', 'EADDRNOTAVAIL']);
const AMBIGUOUS = new Set(['ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ECONNABORTED', 'ESOCKETTIMEDOUT', 'ERR_SOCKET_CONNECTION_TIMEOUT']);

function codeOf(error: unknown): string | undefined {
	const e = error as { code?: unknown; cause?: { code?: unknown; cause?: { code?: unknown } }; context?: { vendorCode?: unknown } };
	for (const c of [e?.cause?.code, e?.code, e?.cause?.cause?.code, e?.context?.vendorCode]) {
		if (typeof c === 'string' && /^E[A-Z_]+$/.test(c)) return c;
	}
	const msg = String((error as Error)?.message ?? '');
	if (/timeout of \d+ms exceeded|timed out/i.test(msg)) return 'ETIMEDOUT';
	if (/socket hang up|ECONNRESET/i.test(msg)) return 'ECONNRESET';
	if (/ECONNREFUSED|refused the connection/i.test(msg)) return 'ECONNREFUSED';
	return undefined;
}

/** Exponential back-off with full jitter, base 200 ms, cap 10 s. */
export const backoffMs = (attempt: number): number => Math.random() * Math.min(10000, 200 * 2 ** (attempt - 1));

/**
 * Pause of the key after the k-th throttle answer of one request: 250 ms doubling, cap 8 s; for a
 * receiver quota (a window of a minute, `quotaWindowMs`) cap 1 % of the window. Our windows are kept
 * 2 % longer than the vendor's (limiter.ts `slack`), so a process that is over its share sees its own
 * window open a little after the vendor's: a throttled process that probes more often than that gap
 * gets the receivers the vendor frees first. That is how the processes that were not throttled learn
 * about it (they get throttled in turn and cut their share), and why nobody starves.
 */
export const throttlePauseMs = (throttles: number, quotaWindowMs = 0): number =>
	Math.min(250 * 2 ** Math.min(throttles - 1, 5), quotaWindowMs >= 10000 ? Math.max(100, quotaWindowMs * 0.01) : Infinity);

export async function deliver<T>(req: DeliveryRequest<T>): Promise<T> {
	if (!req.options.adaptive) return deliverAttempts(req);
	// One slot per request, held across its retries (a retry is still this request in flight).
	const slot = await inflightGate.enter(req.limiterKey, req.rule.perSecond / Math.max(1, req.rule.sharedBy ?? 1));
	try {
		return await deliverAttempts(req, slot);
	} finally {
		slot.release();
	}
}

async function deliverAttempts<T>(req: DeliveryRequest<T>, slot?: Slot): Promise<T> {
	const { options } = req;
	let refreshed = false;
	let throttles = 0;
	let firstSent = 0;
	for (let attempt = 1; ; attempt++) {
		const booking = await rateLimiter.acquire(req.limiterKey, req.rule, req.units ?? 0, throttles > 0);
		firstSent ||= rateLimiter.now();
		slot?.sent();
		let answer: Answer<T>;
		try {
			answer = await req.attempt(options.timeoutMs);
		} catch (error) {
			const code = codeOf(error);
			const wrapped = networkError(req.node, req.vendor, error, req.itemIndex);
			if (code && NOT_SENT.has(code)) answer = { kind: 'retry', error: wrapped };
			else if (code && AMBIGUOUS.has(code)) answer = { kind: 'ambiguous', error: wrapped };
			else answer = { kind: 'fail', error: wrapped };
		}
		booking.settle(answer.kind === 'throttle');
		slot?.answered();
		if (answer.kind === 'ok') return answer.value;
		// Retry time counts from the first send: waiting for the rate limiter before it is not retrying.
		const budgetLeft = attempt < options.maxAttempts && rateLimiter.now() - firstSent < options.maxRetryMs;
		switch (answer.kind) {
			case 'refresh':
				if (!refreshed && req.refresh) {
					refreshed = true;
					await req.refresh();
					attempt--; // a refresh is not a retry
					continue;
				}
				throw answer.error;
			case 'throttle': {
				throttles++;
				rateLimiter.throttled(req.limiterKey, throttlePauseMs(throttles, req.units ? rateLimiter.windowMs(req.limiterKey) : 0));
				if (req.units) {
					// A per-minute receiver quota refills every minute; shared with other processes it can
					// stay full for several. Not processed, so the request waits its turn without using up
					// attempts, and gives up only after the stall budget in which the vendor took nothing
					// of this key from this process.
					attempt--;
					if (rateLimiter.stalledMs(req.limiterKey) < options.maxRetryMs) continue;
					throw answer.error;
				}
				if (budgetLeft) continue;
				throw answer.error;
			}
			case 'retry':
				if (budgetLeft) {
					await sleep(backoffMs(attempt));
					continue;
				}
				throw answer.error;
			case 'ambiguous':
				if ((req.idempotent || options.retryAmbiguous) && budgetLeft) {
					await sleep(backoffMs(attempt));
					continue;
				}
				throw unknownDelivery(req, answer.error);
			default:
				throw answer.error;
		}
	}
}

function unknownDelivery<T>(req: DeliveryRequest<T>, cause: NodeApiError): DeliveryUnknownError {
	const why = redactSecrets(cause.message);
	const err = new DeliveryUnknownError(
		req.node,
		{ message: why, code: 'DELIVERY_UNKNOWN' },
		{
			message: `Delivery unknown: ${req.api} got no answer after it was sent (${why.replace(/^Could not complete the request to [^:]+: /, '')})`,
			description: req.idempotent
				? 'The request was repeated until the retry budget ran out.'
				: `${req.vendor} does not de-duplicate ${req.api}, so it was not sent again: the receivers may or may not have it. Check before re-running, or switch on "Retry Ambiguous Failures (May Duplicate)".`,
			itemIndex: req.itemIndex,
		},
	);
	err.context.vendorCode = 'DELIVERY_UNKNOWN';
	err.context.deliveryUnknown = true;
	return err;
}
