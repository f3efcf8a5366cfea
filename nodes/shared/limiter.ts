import { sleep } from 'n8n-workflow';
import { requestWindow, slack, Window, type Entry } from './limiterWindow';

/**
 * Client-side pacing to the vendors' quotas. One limiter per (credential, API) key lives for the
 * whole n8n process, so every item of an execution and every concurrent execution in the process
 * share it. Quotas are sliding windows — the model the sandbox enforces — of requests per second
 * and, where the vendor counts receivers, units per minute. A throttle answer from the vendor pauses
 * the key for a while (several n8n workers on one quota, or a quota lower than documented, then
 * slow down together instead of hammering the API).
 *
 * A request is booked when it is let through (so concurrent callers see it), counts while it is in
 * flight, and from its answer (`Booking.settle()`) is dated at the answer minus the fastest call
 * seen on the key: the vendor counted it on arrival, somewhere in between, and a call slower than
 * the fastest is dated later by as much (why that is safe, and the margin: limiterWindow.ts).
 *
 * A throttled request leaves the receiver window (the vendor did not count it) and cuts this
 * process's share of the quota instead: the share stands for the traffic we cannot see (other
 * processes on the same quota, a quota lower than documented); see "Sharing one quota" below.
 * `stalledMs` tells the delivery layer how long the key has got nothing but throttle answers.
 */

/** A request let through by `acquire`; `settle()` it when its answer (or failure) came back. */
export interface Booking {
	/** `throttled`: the vendor refused it as over the limit (not processed). */
	settle(throttled?: boolean): void;
}

export interface RateRule {
	/** Requests per second (may be below 1: 0.5 = one request every 2 s). */
	perSecond: number;
	/** Units (receivers) per minute; absent = not counted. */
	unitsPerMinute?: number;
	/** Processes expected to share this quota (Delivery → Processes Sharing This Quota): start at 1/N of it. */
	sharedBy?: number;
}

interface Bucket {
	requests: Window;
	units?: Window;
	/** The documented (or overridden) bounds, before this process's share is applied. */
	rule: RateRule;
	/** This process's share of the quota, in (0, 1]: the AIMD state (see `RateLimiter`). */
	share: number;
	/** The share never goes below this: a throttled process keeps a share and makes progress. */
	floor: number;
	/** …nor above this: 1, or 1/N when told that N processes share the quota. */
	ceiling: number;
	/** When the share was last cut (a throttle answer), last grown, and last held a request back. */
	cutAt: number;
	/** Contended (cut within the last CONTENDED windows): sends are spread evenly, not before this. */
	nextAt: number;
	grownAt: number;
	limitedAt: number;
	/** When the vendor last took a request of this key (any answer but a throttle). */
	lastProgress: number;
	/** The fastest call on the key (booking to answer, ms) of those booked after its first answer… */
	fastestMs: number;
	/** …and the margin entries are dated by (limiterWindow.ts; Infinity: none, dated at the answer). */
	marginMs: number;
	/** The key's first answer (undefined: none yet), and the answers to calls booked after it. */
	firstAnswerAt?: number;
	samples: number;
	/** Requests held by the window, woken by the next answer (it may free room). */
	answerWakers: Array<() => void>;
	/** Since when the key gets only throttle answers (null: it is not stalled). */
	stalledSince: number | null;
	/** Requests waiting in acquire() and sent but not settled: none of either = the key is idle. */
	waiting: number;
	inFlight: number;
	/** New requests waiting their turn, first come first served, and those to wake when it moves. */
	line: object[];
	wakers: Array<() => void>;
	/** Last booking or answer on the key. */
	lastActivity: number;
	pausedUntil: number;
	/** After a throttle answer, until the vendor takes a request again: one probe per pause. */
	probeMs: number;
	throttles: number;
	cuts: number;
}

/**
 * Sharing one quota between processes that cannot talk to each other (n8n queue-mode workers, a
 * webhook processor and a main instance on one credential): additive increase, multiplicative
 * decrease of each process's share, per key, on top of the sliding windows.
 *
 * - A process paces itself to share × quota (requests per second and receivers per minute).
 *   It starts at 1 / `sharedBy` ("Processes Sharing This Quota", default 1 = the whole quota).
 * - Throttle answer (the vendor's window is full: other processes use the rest): share × 0.7, at
 *   most once per `CUT_SPACING` of the quota's window — a cut shows in the vendor's window only
 *   after a window, and one burst of throttles is one signal, not many.
 * - While the process has more to send than its share lets through, and no cut for half a window:
 *   share + 1/8 of the quota per window, continuously, up to the whole quota.
 * - Floor: 1/16 of the quota (never below one request per window: a request larger than the window
 *   still goes into an empty one), so a process that keeps losing still gets through every window.
 *
 * With N processes the shares converge to 1/N each (multiplicative decrease shrinks the larger
 * shares more, additive increase grows all alike: Chiu & Jain 1989), and their sum oscillates just
 * above the quota, so the vendor's window stays full while throttles stay few. A process alone on
 * its key grows back to the whole quota within 8 windows of having more to send than its share.
 */
export const SHARE_CUT = 0.7;
/** Additive increase per quota window: contended (cut within the last window), and calm. */
export const SHARE_GROWTH_PER_WINDOW = 1 / 8;
export const SHARE_GROWTH_CALM = 1;
export const SHARE_FLOOR = 1 / 16;
/** In quota windows: minimum time between two cuts; no growth for this long after a cut. */
export const CUT_SPACING = 0.5;
/** In quota windows: how long after a cut the key counts as contended (sends spread evenly). */
export const CONTENDED = 0.5;

export class RateLimiter {
	private readonly buckets = new Map<string, Bucket>();

	constructor(
		private readonly clock: () => number = () => Date.now(),
		private readonly pause: (ms: number) => Promise<void> = sleep,
	) {}

	/** The window that decides the share's pace: the receiver window if the key counts receivers. */
	private static quotaWindowMs(b: Bucket): number {
		return b.units ? b.units.windowMs : b.requests.windowMs;
	}

	private bucket(key: string, rule: RateRule): Bucket {
		let b = this.buckets.get(key);
		const now = this.clock();
		if (!b) {
			const sharedBy = Math.max(1, Math.floor(rule.sharedBy ?? 1));
			b = {
				requests: new Window(1, slack(1000)),
				rule,
				share: 1 / sharedBy,
				floor: Math.min(SHARE_FLOOR, 1 / sharedBy),
				ceiling: 1 / sharedBy,
				cutAt: -Infinity,
				nextAt: 0,
				grownAt: now,
				limitedAt: -Infinity,
				lastProgress: -Infinity,
				marginMs: Infinity,
				fastestMs: Infinity,
				samples: 0,
				answerWakers: [],
				stalledSince: null,
				waiting: 0,
				inFlight: 0,
				line: [],
				wakers: [],
				lastActivity: -Infinity,
				pausedUntil: 0,
				probeMs: 0,
				throttles: 0,
				cuts: 0,
			};
			this.buckets.set(key, b);
		} else if ((rule.sharedBy ?? 1) !== (b.rule.sharedBy ?? 1)) {
			// Another node on this key says how many processes share it: start over from that share.
			const sharedBy = Math.max(1, Math.floor(rule.sharedBy ?? 1));
			b.share = 1 / sharedBy;
			b.floor = Math.min(SHARE_FLOOR, 1 / sharedBy);
			b.ceiling = 1 / sharedBy;
		}
		b.rule = rule;
		// A node may lower or raise the rule: the window keeps its history and takes the new bounds.
		if (rule.unitsPerMinute && !b.units) b.units = new Window(rule.unitsPerMinute, slack(60000));
		this.grow(b, now);
		this.applyShare(b);
		return b;
	}

	/** Additive increase while this process's share holds it back and the vendor has not throttled lately. */
	private grow(b: Bucket, now: number): void {
		const windowMs = RateLimiter.quotaWindowMs(b);
		const from = Math.max(b.grownAt, b.cutAt + CUT_SPACING * windowMs);
		b.grownAt = now;
		if (b.share >= b.ceiling || now <= from || b.limitedAt < now - windowMs) return;
		// A key that saw no throttle for a window has nobody to share with (lately): take the quota
		// back quickly. Told how many processes share it: grow back to 1/N only (a fixed partition).
		const calm = now - b.cutAt >= CONTENDED * windowMs;
		const rate = calm ? SHARE_GROWTH_CALM : SHARE_GROWTH_PER_WINDOW;
		b.share = Math.min(b.ceiling, b.share + (rate * (now - from)) / windowMs);
	}

	/** Even spacing of sends at this process's share: the share of one window this send uses. */
	private spacingMs(b: Bucket, units: number): number {
		if (b.units && units > 0) return (units / b.units.limit) * b.units.windowMs;
		return b.requests.windowMs / b.requests.limit;
	}

	private applyShare(b: Bucket): void {
		const [limit, windowMs] = requestWindow(b.rule.perSecond * b.share);
		b.requests.limit = limit;
		b.requests.windowMs = windowMs;
		if (b.units && b.rule.unitsPerMinute) b.units.limit = Math.max(1, Math.floor(b.rule.unitsPerMinute * b.share));
	}

	/** Waits until one request carrying `units` receivers may be sent under `rule`, and books it. */
	async acquire(key: string, rule: RateRule, units = 0, retry = false): Promise<Booking> {
		const b = this.bucket(key, rule);
		// A key nobody used for a window since it stalled starts a new stall clock (an earlier run
		// gave up on it); requests that follow each other on a stalled key share one clock.
		if (b.waiting === 0 && b.inFlight === 0 && this.clock() - b.lastActivity > RateLimiter.quotaWindowMs(b)) b.stalledSince = null;
		b.waiting++;
		try {
			return await this.book(b, key, rule, units, retry);
		} finally {
			b.waiting--;
		}
	}

	/**
	 * First come, first served: new requests book in the order they asked (items to one
	 * conversation leave in input order), a retry of a throttled one goes past the line (it already
	 * had its turn, and probing is what gets a throttled process its share back).
	 */
	private async book(b: Bucket, key: string, rule: RateRule, units: number, retry: boolean): Promise<Booking> {
		const ticket = {};
		if (!retry) b.line.push(ticket);
		const leave = () => {
			const k = b.line.indexOf(ticket);
			if (k >= 0) b.line.splice(k, 1);
			if (k === 0) for (const wake of b.wakers.splice(0)) wake();
		};
		try {
			for (;;) {
				if (!retry && b.line[0] !== ticket) {
					await new Promise<void>((resolve) => b.wakers.push(resolve));
					continue;
				}
				const now = this.clock();
				const paused = b.pausedUntil - now;
				const contended = now - b.cutAt < CONTENDED * RateLimiter.quotaWindowMs(b);
				// No answer on the key yet: the first window keeps a slot for a call booked after it (a floor
				// sample), when more is waiting than the window holds (the in-flight gate lets one more in
				// before the first answer, inflight.ts). With no more than a window to send, the slot would
				// only hold the last call a whole call back: 100 Tencent tag calls at 100/s with 250 ms +
				// 500 ms of handshakes took 1.5 s of sending for a 0.75 s minimum.
				const first = b.firstAnswerAt === undefined && b.requests.limit > 1 && b.line.length + b.inFlight > b.requests.limit ? 1 : 0;
				const windowWait = Math.max(
					b.requests.waitFor(1 + first, now, b.marginMs),
					b.units && units > 0 ? b.units.waitFor(units, now, b.marginMs) : 0,
					contended && !retry ? b.nextAt - now : 0,
				);
				if (paused <= 0 && windowWait <= 0) {
					if (contended && !retry) b.nextAt = Math.max(b.nextAt, now) + this.spacingMs(b, units);
					// Still throttled: the others waiting on the key go after this one's answer, not with it.
					if (b.probeMs > 0) b.pausedUntil = now + b.probeMs;
					const request = b.requests.take(1, now);
					const unit = b.units && units > 0 ? b.units.take(units, now) : undefined;
					const bookedAt = now;
					b.inFlight++;
					b.lastActivity = now;
					let settled = false;
					return {
						settle: (throttled = false) => {
							if (settled) return;
							settled = true;
							b.inFlight--;
							this.settle(b, request, unit, bookedAt, throttled);
						},
					};
				}
				// Held back by our own share (not by a throttle pause): the process wants more than it has.
				if (windowWait > 0 && windowWait >= paused) b.limitedAt = now;
				const wait = this.pause(Math.min(Math.max(paused, windowWait), 60000));
				// Held by the window: an answer can free room sooner (a request in flight left it, or the
				// margin learnt a faster call), so the next one wakes us to look again.
				await (windowWait >= paused ? Promise.race([wait, new Promise<void>((resolve) => b.answerWakers.push(resolve))]) : wait);
				this.bucket(key, rule); // the share may have grown meanwhile
			}
		} finally {
			leave();
		}
	}

	/**
	 * Dates the booking from its answer (limiterWindow.ts); a request the vendor took is progress on
	 * the key. A throttled one was not counted in the vendor's receiver window: it leaves ours (the
	 * share cut stands for the traffic of the others from now on) and cuts the share.
	 */
	private settle(b: Bucket, request: Entry, unit: Entry | undefined, bookedAt: number, throttled: boolean): void {
		const at = this.clock();
		b.lastActivity = at;
		if (b.firstAnswerAt === undefined) b.firstAnswerAt = at;
		else if (bookedAt >= b.firstAnswerAt) {
			b.fastestMs = Math.min(b.fastestMs, Math.max(0, at - bookedAt));
			// Half of it until a window's worth of samples: the first ones went out with the first
			// burst's answers still being handled (measured: 420 ms for a 305 ms floor on a loaded machine).
			b.marginMs = ++b.samples >= b.requests.limit ? b.fastestMs : b.fastestMs / 2;
		}
		// The request itself counted against the vendor's request window, throttled or not.
		b.requests.close(request, at);
		for (const wake of b.answerWakers.splice(0)) wake();
		if (!throttled) {
			if (unit) b.units?.close(unit, at);
			b.lastProgress = at;
			b.probeMs = 0;
			b.stalledSince = null;
			return;
		}
		if (unit) b.units?.cancel(unit);
		b.stalledSince ??= at;
		const windowMs = RateLimiter.quotaWindowMs(b);
		if (at - b.cutAt >= CUT_SPACING * windowMs && bookedAt >= b.cutAt) {
			b.share = Math.max(b.floor, b.share * SHARE_CUT);
			b.cutAt = at;
			b.cuts++;
			this.applyShare(b);
		}
	}

	/**
	 * The vendor answered "too many requests": pause the key for `ms` (everyone waiting on it backs
	 * off together) and count it.
	 */
	throttled(key: string, ms: number): void {
		const b = this.buckets.get(key);
		if (!b) return;
		b.throttles++;
		b.pausedUntil = Math.max(b.pausedUntil, this.clock() + ms);
		b.probeMs = ms;
	}

	/** How many throttle answers a key has seen in this process. */
	throttleCount(key: string): number {
		return this.buckets.get(key)?.throttles ?? 0;
	}

	/** This process's current share of a key's quota (1 = all of it), and how often it was cut. */
	shareOf(key: string): { share: number; cuts: number } {
		const b = this.buckets.get(key);
		return { share: b?.share ?? 1, cuts: b?.cuts ?? 0 };
	}

	/**
	 * The rate (requests per second) this process paces the key to now: the quota × its share, as
	 * the request window applies it. Undefined for a key not used yet. The in-flight gate sizes
	 * calls in flight from it (inflight.ts), so a cut share also lowers them.
	 */
	pacedRate(key: string): number | undefined {
		const b = this.buckets.get(key);
		return b ? (b.requests.limit * 1000) / b.requests.windowMs : undefined;
	}

	/** The limiter's clock (ms), for retry budgets measured on the same time line as the windows. */
	now(): number {
		return this.clock();
	}

	/**
	 * Milliseconds the key has got only throttle answers in this process (0: the last answer was not
	 * a throttle). Counted across all requests waiting on the key, so a vendor that never takes a
	 * request again ends all of them after one budget, not one budget per request.
	 */
	stalledMs(key: string): number {
		const since = this.buckets.get(key)?.stalledSince;
		return since === null || since === undefined ? 0 : this.clock() - since;
	}

	/** Milliseconds since the vendor last took a request of this key (Infinity: never). */
	sinceProgress(key: string): number {
		return this.clock() - (this.buckets.get(key)?.lastProgress ?? -Infinity);
	}

	/** The quota window of a key (ms; the receiver window where receivers are counted). */
	windowMs(key: string): number | undefined {
		const b = this.buckets.get(key);
		return b ? RateLimiter.quotaWindowMs(b) : undefined;
	}

	reset(): void {
		this.buckets.clear();
	}
}

/** The process-wide limiter shared by all executions. */
export const rateLimiter = new RateLimiter();
