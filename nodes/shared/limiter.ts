import { sleep } from 'n8n-workflow';

/**
 * Client-side pacing to the vendors' quotas. One limiter per (credential, API) key lives for the
 * whole n8n process, so every item of an execution and every concurrent execution in the process
 * share it. Quotas are sliding windows — the model the sandbox enforces — of requests per second
 * and, where the vendor counts receivers, units per minute. A throttle answer from the vendor pauses
 * the key for a while (several n8n workers on one quota, or a quota lower than documented, then
 * slow down together instead of hammering the API).
 */

export interface RateRule {
	/** Requests per second (may be below 1: 0.5 = one request every 2 s). */
	perSecond: number;
	/** Units (receivers) per minute; absent = not counted. */
	unitsPerMinute?: number;
}

class Window {
	private readonly times: number[] = [];
	private readonly units: number[] = [];
	private head = 0;
	private used = 0;

	constructor(
		public limit: number,
		public windowMs: number,
	) {}

	private purge(now: number) {
		while (this.head < this.times.length && this.times[this.head] <= now - this.windowMs) {
			this.used -= this.units[this.head];
			this.head++;
		}
		if (this.head > 4096 && this.head * 2 > this.times.length) {
			this.times.splice(0, this.head);
			this.units.splice(0, this.head);
			this.head = 0;
		}
	}

	/** Milliseconds until `n` more units fit (0 = now). A request larger than the limit fits an empty window. */
	waitFor(n: number, now: number): number {
		this.purge(now);
		if (this.used + n <= this.limit || this.used === 0) return 0;
		let freed = 0;
		for (let k = this.head; k < this.times.length; k++) {
			freed += this.units[k];
			if (this.used - freed + n <= this.limit || this.used - freed === 0) return this.times[k] + this.windowMs - now + 1;
		}
		return this.windowMs;
	}

	take(n: number, now: number) {
		this.times.push(now);
		this.units.push(n);
		this.used += n;
	}
}

interface Bucket {
	requests: Window;
	units?: Window;
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
			b = { requests: new Window(limit, windowMs), pausedUntil: 0, throttles: 0 };
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
	async acquire(key: string, rule: RateRule, units = 0): Promise<void> {
		const b = this.bucket(key, rule);
		for (;;) {
			const now = this.clock();
			const wait = Math.max(
				b.pausedUntil - now,
				b.requests.waitFor(1, now),
				b.units && units > 0 ? b.units.waitFor(units, now) : 0,
			);
			if (wait <= 0) {
				b.requests.take(1, now);
				if (b.units && units > 0) b.units.take(units, now);
				return;
			}
			await this.pause(Math.min(wait, 60000));
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
	}

	/** How many throttle answers a key has seen in this process. */
	throttleCount(key: string): number {
		return this.buckets.get(key)?.throttles ?? 0;
	}

	reset(): void {
		this.buckets.clear();
	}
}

/** The process-wide limiter shared by all executions. */
export const rateLimiter = new RateLimiter();
