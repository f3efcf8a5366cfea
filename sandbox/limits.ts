// Sandbox code (not shipped): a vendor emulator for the demo, the tests and the benchmarks.

/**
 * Sliding-window quota: at most `limit` units in any window of `windowMs`. `scale` speeds the
 * vendor's quota up (scale 10 = ten times the documented rate) so long scenarios finish quickly.
 */
export class WindowQuota {
	private readonly events: Array<{ t: number; n: number }> = [];
	private head = 0;
	private used = 0;

	constructor(
		readonly limit: number,
		readonly windowMs: number,
	) {}

	/** Takes `n` units if they fit; returns false (and takes nothing) otherwise. */
	take(n: number, now: number, scale: number): boolean {
		const windowMs = this.windowMs / Math.max(scale, 1e-9);
		while (this.head < this.events.length && this.events[this.head].t <= now - windowMs) {
			this.used -= this.events[this.head].n;
			this.head++;
		}
		if (this.head > 1024 && this.head * 2 > this.events.length) {
			this.events.splice(0, this.head);
			this.head = 0;
		}
		if (this.used + n > this.limit) return false;
		this.events.push({ t: now, n });
		this.used += n;
		return true;
	}
}

export class QuotaBook {
	private readonly quotas = new Map<string, WindowQuota>();

	take(key: string, limit: number, windowMs: number, n: number, now: number, scale: number): boolean {
		let q = this.quotas.get(key);
		if (!q || q.limit !== limit || q.windowMs !== windowMs) {
			q = new WindowQuota(limit, windowMs);
			this.quotas.set(key, q);
		}
		return q.take(n, now, scale);
	}

	clear() {
		this.quotas.clear();
	}
}
