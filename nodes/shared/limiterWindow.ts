/**
 * One sliding window of the rate limiter (limiter.ts): at most `limit` units in any `windowMs`,
 * the model the vendors document and the sandbox enforces (sandbox/limits.ts).
 *
 * **When is a request counted?** The vendor counts a call when it arrives at its gateway: after our
 * side let it go (signing, n8n's request helper), the connection set-up (n8n's helper opens a new
 * TCP + TLS connection per call: two round trips) and the outbound leg — and before it processes
 * it and the answer travels back. We see neither instant, only the booking `s` (the limiter let
 * the request go) and the answer `a`. Write a call's duration `a − s = O + R`: O from the booking
 * to the vendor's count, R from the count to our answer.
 *
 * - Dating every request at its answer (what this limiter did) is safe for any O, but holds each
 *   slot a whole call longer than the vendor does: at 250 ms round trip + 500 ms of handshakes a
 *   50/s quota sustains 50 / (1.025 s + 0.75 s) = 0.56 of itself.
 * - Dating at the booking is exact when O is the same for every call (the vendor's counts are our
 *   bookings shifted by a constant). What breaks it is a call whose O is longer than another's:
 *   two bookings a window apart can then arrive less than a window apart. The margin needed for a
 *   call is its O − O_min.
 * - We bound that margin with what we see. Write O = O₀ + o, R = R₀ + r: O₀ + R₀ the network's
 *   own round trip with the handshakes (the floor), o and r what our side adds (signing and n8n's
 *   helper before the call leaves, a GC pause, a busy event loop, the answer waiting its turn).
 *   The vendor counted call i at `a_i − R_i ≤ a_i − R₀`; a call j booked at `s_j` arrives at
 *   `s_j + O_j ≥ s_j + O₀`. So an entry dated `a_i − (O₀ + R₀)` that leaves the window `windowMs`
 *   after that date leaves it no earlier than the vendor's, whatever o and r were: the margin is
 *   the floor. We estimate the floor by `m`, the fastest call seen on the key; it exceeds the floor
 *   by that call's own o + r, which the window's slack (2 % + 5 ms, `slack`) covers for a call that
 *   went out on a quiet event loop.
 * - Not for the first burst of a key: its calls go out together, each waiting for the others' work
 *   (and, in a fresh process, for module and credential set-up): measured 350–490 ms between booking
 *   and arrival for 50 calls that then take 2 ms each. None of them is a floor sample, so `m` comes
 *   only from calls booked after the key's first answer (`limiter.ts`: until then its entries are
 *   dated at their answers, and, when more than a window is waiting, one slot of the first window
 *   waits for that first answer so such a
 *   sample arrives early). That sample goes out while the burst's answers are being handled
 *   (measured: 420 ms for a 305 ms floor on a loaded machine), so the margin is half of `m` until the
 *   key has a window's worth of such samples.
 * - A request still in flight may not have been counted yet: it never leaves the window before its
 *   answer (so with calls longer than the window the rate is at most `limit` per call duration).
 * - `m` only shrinks, and dates are computed with the current `m` (an earlier entry moves later when
 *   a faster call shows up: late, never early). What no client-side rule can see coming is the
 *   network itself getting faster between two calls; a throttle answer then is retried (delivery.ts).
 *
 * Answers that never reached the vendor (refused connections) are fast: they lower `m`, and with a
 * smaller margin an entry stays longer (toward dating at the answer, the safe side).
 */

/** A booking in a window: `t` its booking time, then its answer time. */
export interface Entry {
	t: number;
	n: number;
}

/**
 * Our clock and the vendor's are not the same, and requests reach it a little later than we stamp
 * them: windows are kept 2 % + 5 ms longer than documented, so jitter does not turn into throttles.
 */
export const slack = (windowMs: number) => Math.ceil(windowMs * 1.02) + 5;

/** `perSecond` × share as a sliding window: n requests per second, or 1 request per 1/(rate) s. */
export function requestWindow(perSecond: number): [number, number] {
	if (perSecond >= 1) return [Math.floor(perSecond), slack(1000)];
	return [1, slack(Math.ceil(1000 / Math.max(perSecond, 0.001)))];
}

export class Window {
	/** Requests in flight: they count until answered. */
	private readonly open = new Set<Entry>();
	/** Answered, in answer order: they leave in that order, each `holdMs` after its answer. */
	private readonly closed: Entry[] = [];
	private head = 0;
	private used = 0;

	constructor(
		public limit: number,
		public windowMs: number,
	) {}

	/** How long an answered entry stays after its answer, given the margin (Infinity: none yet, dated at the answer). */
	private holdMs(marginMs: number): number {
		return marginMs === Infinity ? this.windowMs : Math.max(0, this.windowMs - marginMs);
	}

	private purge(now: number, hold: number) {
		while (this.head < this.closed.length && this.closed[this.head].t + hold <= now) {
			this.used -= this.closed[this.head].n;
			this.closed[this.head].n = 0; // gone: a late cancel() must not free it twice
			this.head++;
		}
		if (this.head > 4096 && this.head * 2 > this.closed.length) {
			this.closed.splice(0, this.head);
			this.head = 0;
		}
	}

	/**
	 * Milliseconds until `n` more units fit (0 = now; Infinity = not before an answer comes back,
	 * the window holds only requests in flight). A request larger than the limit fits an empty window.
	 */
	waitFor(n: number, now: number, marginMs: number): number {
		const hold = this.holdMs(marginMs);
		this.purge(now, hold);
		if (this.used + n <= this.limit || this.used === 0) return 0;
		let freed = 0;
		for (let k = this.head; k < this.closed.length; k++) {
			freed += this.closed[k].n;
			if (this.used - freed + n <= this.limit || this.used - freed === 0) return this.closed[k].t + hold - now + 1;
		}
		return Infinity;
	}

	take(n: number, now: number): Entry {
		const entry = { t: now, n };
		this.open.add(entry);
		this.used += n;
		return entry;
	}

	/** The answer came back at `at` (the clock only moves forward: `closed` stays in answer order). */
	close(entry: Entry, at: number): void {
		if (!this.open.delete(entry)) return;
		entry.t = Math.max(entry.t, at);
		this.closed.push(entry);
	}

	/** A booking the vendor did not count (throttled): frees its units. */
	cancel(entry: Entry): void {
		this.open.delete(entry);
		this.used -= entry.n;
		entry.n = 0;
	}
}
