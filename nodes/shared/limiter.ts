import { sleep } from 'n8n-workflow';

/**
 * Client-side pacing to the vendors' quotas. One limiter per (credential, API) key lives for the
 * whole n8n process, so every item of an execution and every concurrent execution in the process
 * share it. Quotas are sliding windows — the model the sandbox enforces — of requests per second
 * and, where the vendor counts receivers, units per minute. A throttle answer from the vendor pauses
 * the key for a while (several n8n workers on one quota, or a quota lower than documented, then
 * slow down together instead of hammering the API).
 *
 * A request is booked when it is let through (so concurrent callers see it) and re-dated to the
 * moment its answer came back (`Booking.settle()`): the vendor counted it on arrival, somewhere in
 * between, so an entry dated at the answer never leaves the window before the vendor's does, however
 * long the request took to go out (first request of a process, GC pause, busy event loop).
 *
 * A throttled request stays booked: it stands for traffic we cannot see (other processes on the
 * same quota, a quota lower than documented). `sinceProgress` tells the delivery layer whether the
 * vendor is still taking requests of the key, i.e. whether a throttled request is waiting its turn.
 */

/** A request let through by `acquire`; `settle()` it when its answer (or failure) came back. */
export interface Booking {
	/** `throttled`: the vendor refused it as over the limit (not processed). */
	settle(throttled?: boolean): void;
}

interface Entry {
	t: number;
	n: number;
}

export interface RateRule {
	/** Requests per second (may be below 1: 0.5 = one request every 2 s). */
	perSecond: number;
	/** Units (receivers) per minute; absent = not counted. */
	unitsPerMinute?: number;
}

class Window {
	private readonly entries: Entry[] = [];
	private head = 0;
	private used = 0;

	constructor(
		public limit: number,
		public windowMs: number,
	) {}

	/** Entries leave in booking order: one re-dated later holds back those behind it (late, never early). */
	private purge(now: number) {
		while (this.head < this.entries.length && this.entries[this.head].t <= now - this.windowMs) {
			this.used -= this.entries[this.head].n;
			this.head++;
		}
		if (this.head > 4096 && this.head * 2 > this.entries.length) {
			this.entries.splice(0, this.head);
			this.head = 0;
		}
	}

	/** Milliseconds until `n` more units fit (0 = now). A request larger than the limit fits an empty window. */
	waitFor(n: number, now: number): number {
		this.purge(now);
		if (this.used + n <= this.limit || this.used === 0) return 0;
		let freed = 0;
		let latest = -Infinity;
		for (let k = this.head; k < this.entries.length; k++) {
			freed += this.entries[k].n;
			latest = Math.max(latest, this.entries[k].t);
			if (this.used - freed + n <= this.limit || this.used - freed === 0) return latest + this.windowMs - now + 1;
		}
		return this.windowMs;
	}

	take(n: number, now: number): Entry {
		const entry = { t: now, n };
		this.entries.push(entry);
		this.used += n;
		return entry;
	}
}

interface Bucket {
	requests: Window;
	units?: Window;
	/** When the vendor last took a request of this key (any answer but a throttle). */
	lastProgress: number;
	pausedUntil: number;
	throttles: number;
}

/**
 * Our clock and the vendor's are not the same, and requests reach it a little later than we stamp
 * them: windows are kept 2 % + 5 ms longer than documented, so jitter does not turn into throttles.
 */
const slack = (windowMs: number) => Math.ceil(windowMs * 1.02) + 5;

function requestWindow(perSecond: number): [number, number] {
	if (perSecond >= 1) return [Math.floor(perSecond), slack(1000)];
	return [1, slack(Math.ceil(1000 / Math.max(perSecond, 0.001)))];
}

export class RateLimiter {
	private readonly buckets = new Map<string, Bucket>();

	constructor(
		private readonly clock: () => number = () => Date.now(),
		private readonly pause: (ms: number) => Promise<void> = sleep,
	) {}

	private bucket(key: string, rule: RateRule): Bucket {
		const [limit, windowMs] = requestWindow(rule.perSecond);
		let b = this.buckets.get(key);
		if (!b) {
			b = { requests: new Window(limit, windowMs), lastProgress: -Infinity, pausedUntil: 0, throttles: 0 };
			this.buckets.set(key, b);
		}
		// A node may lower or raise the rule: the window keeps its history and takes the new bounds.
		b.requests.limit = limit;
		b.requests.windowMs = windowMs;
		if (rule.unitsPerMinute) {
			if (!b.units) b.units = new Window(rule.unitsPerMinute, slack(60000));
			b.units.limit = rule.unitsPerMinute;
		}
		return b;
	}

	/** Waits until one request carrying `units` receivers may be sent under `rule`, and books it. */
	async acquire(key: string, rule: RateRule, units = 0): Promise<Booking> {
		const b = this.bucket(key, rule);
		for (;;) {
			const now = this.clock();
			const wait = Math.max(
				b.pausedUntil - now,
				b.requests.waitFor(1, now),
				b.units && units > 0 ? b.units.waitFor(units, now) : 0,
			);
			if (wait <= 0) {
				const request = b.requests.take(1, now);
				const unit = b.units && units > 0 ? b.units.take(units, now) : undefined;
				return { settle: (throttled = false) => this.settle(b, request, unit, throttled) };
			}
			await this.pause(Math.min(wait, 60000));
		}
	}

	/** Re-dates the booking to now (the answer); a request the vendor took is progress on the key. */
	private settle(b: Bucket, request: Entry, unit: Entry | undefined, throttled: boolean): void {
		const at = this.clock();
		request.t = Math.max(request.t, at);
		if (unit) unit.t = Math.max(unit.t, at);
		if (!throttled) b.lastProgress = at;
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
	}

	/** How many throttle answers a key has seen in this process. */
	throttleCount(key: string): number {
		return this.buckets.get(key)?.throttles ?? 0;
	}

	/** The limiter's clock (ms), for retry budgets measured on the same time line as the windows. */
	now(): number {
		return this.clock();
	}

	/** Milliseconds since the vendor last took a request of this key (Infinity: never). */
	sinceProgress(key: string): number {
		return this.clock() - (this.buckets.get(key)?.lastProgress ?? -Infinity);
	}

	reset(): void {
		this.buckets.clear();
	}
}

/** The process-wide limiter shared by all executions. */
export const rateLimiter = new RateLimiter();
