import { rateLimiter, type RateLimiter } from './limiter';
import { slack } from './limiterWindow';

/**
 * Latency-adaptive concurrency (Delivery → Concurrent Requests = 0, the default): how many calls of
 * one limiter key may be in flight at once. Little's law: to keep a paced rate λ (requests/s) going
 * with calls that take W seconds each, λ × W calls must be in flight. A fixed 8 calls with 0.75 s
 * per call (250 ms round trip plus the TCP + TLS handshakes n8n's helper pays on every call) caps a
 * 50/s quota at ~10/s; on a 20 ms LAN the extra calls only queue inside the limiter, which still
 * decides when each goes.
 *
 * - W: an EWMA (α = 0.2) of the call duration, from the limiter letting the request go to its
 *   answer (the round trip only: time waiting for pacing is not part of it, else the limit would
 *   feed on itself).
 * - λ: the key's current paced rate from the limiter (quota × this process's share), so a throttle
 *   answer, which cuts the share, also lowers the calls in flight.
 * - limit = max(one window, ceil(λ × W × 1.25)) (25 % headroom for jitter), at least 2, at most 256.
 *   - One window: as many calls as the paced rate lets through in one window of the limiter (λ ×
 *     1,025 ms), plus one. The vendors' quotas are sliding windows, which let a whole window's worth
 *     go at once; fewer in flight than that spreads each window's calls over the round trip, and the
 *     spread carries over to every following window (each call waits for the one a window before
 *     it). Measured, 10,000 Volcengine tag items (200 calls at 50/s, 20 ms round trip): with λ × W
 *     alone (~7 in flight) the 4th window's 50 calls arrived over 644 ms, the node took 4.23 s for
 *     a 3.02 s minimum; with one window in flight over 30–130 ms, 3.66 s.
 *   - λ × W × 1.25 is the larger when calls take longer than the window (a far-away vendor: the
 *     limiter holds each request in its window until its answer, so more must be in flight).
 *   - The cap covers the largest quotas we pace (100–200 calls/s) at calls of about a second: a
 *     250 ms round trip plus its two handshake round trips (0.75 s) needs 100 × 0.75 × 1.25 = 94 in
 *     flight for Tencent im_add_tag, and the former cap of 64 held that quota at 0.64 of its
 *     minimum for 100 calls (64 went, the other 36 a whole call later).
 * - Before the key's first answer W is unknown: one window. The limiter holds a request in flight in
 *   its window until its answer, so no more than that go out before the first answer anyway; the
 *   one more is how the limiter sees that more than a window is waiting, the only case in which it
 *   keeps a slot of the first window for a call booked after the first answer (limiter.ts).
 *   Starting at a fixed 8 cost a far-away vendor most of its first window (8 calls in the first
 *   0.75 s instead of 50).
 *
 * The limiter's pacing still decides when each request goes out; the gate only makes sure enough
 * requests are waiting for it. First come, first served, like the limiter's own line.
 */
export const INFLIGHT_FLOOR = 2;
export const INFLIGHT_CAP = 256;
/**
 * "One window" in ms: the limiter's one-second window with its slack, so that the paced rate (limit
 * per 1,025 ms) gives back the window's limit: with 1,000 ms a 100/s quota started at 98 calls, and
 * the last 2 of 100 went a whole call later.
 */
export const INFLIGHT_WINDOW_MS = slack(1000);
export const INFLIGHT_HEADROOM = 1.25;
export const EWMA_ALPHA = 0.2;

interface Lane {
	/** EWMA of the call duration in ms; undefined before the first answer. */
	ewmaMs?: number;
	inFlight: number;
	waiters: Array<() => void>;
}

/** A slot held by one request; `release()` it when the request is done (answer, failure, give-up). */
export interface Slot {
	/** The limiter let the request go: the round trip starts now. */
	sent(): void;
	/** The answer (or failure) came back: one duration sample. */
	answered(): void;
	release(): void;
}

export class InflightGate {
	private readonly lanes = new Map<string, Lane>();

	constructor(
		/** The key's paced rate in requests per second (the limiter's quota × share). */
		private readonly rateOf: (key: string, fallback: number) => number,
		private readonly clock: () => number = () => Date.now(),
	) {}

	private lane(key: string): Lane {
		let lane = this.lanes.get(key);
		if (!lane) this.lanes.set(key, (lane = { inFlight: 0, waiters: [] }));
		return lane;
	}

	/** Calls allowed in flight on the key now. `fallbackRate`: the rule's rate before the limiter knows the key. */
	limit(key: string, fallbackRate: number): number {
		const lane = this.lane(key);
		const rate = this.rateOf(key, fallbackRate);
		const window = Math.round((rate * INFLIGHT_WINDOW_MS) / 1000) + 1;
		const need = lane.ewmaMs === undefined ? window : Math.max(window, Math.ceil(((rate * lane.ewmaMs) / 1000) * INFLIGHT_HEADROOM));
		return Math.min(INFLIGHT_CAP, Math.max(INFLIGHT_FLOOR, need));
	}

	inFlight(key: string): number {
		return this.lanes.get(key)?.inFlight ?? 0;
	}

	ewmaMs(key: string): number | undefined {
		return this.lanes.get(key)?.ewmaMs;
	}

	async enter(key: string, fallbackRate: number): Promise<Slot> {
		const lane = this.lane(key);
		if (lane.waiters.length === 0 && lane.inFlight < this.limit(key, fallbackRate)) lane.inFlight++;
		// The slot is handed over by wake(), which counts it in flight before waking us.
		else await new Promise<void>((resolve) => lane.waiters.push(resolve));
		let sentAt: number | undefined;
		let released = false;
		return {
			sent: () => {
				sentAt = this.clock();
			},
			answered: () => {
				if (sentAt === undefined) return;
				const ms = Math.max(0, this.clock() - sentAt);
				sentAt = undefined;
				lane.ewmaMs = lane.ewmaMs === undefined ? ms : lane.ewmaMs + EWMA_ALPHA * (ms - lane.ewmaMs);
			},
			release: () => {
				if (released) return;
				released = true;
				lane.inFlight--;
				this.wake(key, fallbackRate);
			},
		};
	}

	/** Lets as many waiters go as the (possibly grown) limit has room for. */
	private wake(key: string, fallbackRate: number): void {
		const lane = this.lane(key);
		let room = this.limit(key, fallbackRate) - lane.inFlight;
		while (room-- > 0 && lane.waiters.length > 0) {
			lane.inFlight++;
			lane.waiters.shift()!();
		}
	}

	reset(): void {
		this.lanes.clear();
	}
}

/** The paced rate of a key in the given limiter (quota × share), or the fallback if it has none yet. */
export const limiterRate =
	(limiter: RateLimiter) =>
	(key: string, fallback: number): number =>
		limiter.pacedRate(key) ?? fallback;

/** The process-wide gate, next to the process-wide limiter. */
export const inflightGate = new InflightGate(limiterRate(rateLimiter));
