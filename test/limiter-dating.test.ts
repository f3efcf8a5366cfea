/* eslint-disable */
// When the limiter lets a request's slot go (nodes/shared/limiterWindow.ts): a request in flight
// counts until its answer; an answered one is dated at its answer minus the margin (the fastest
// call booked after the key's first answer; half of it until a window's worth of such calls).
// Simulated clock and a vendor that counts each call on arrival in a sliding window, as the
// sandbox does (sandbox/limits.ts): the calls take 0.75 s (a 250 ms round trip after 500 ms of
// handshakes), the first burst another 400 ms on our side before it leaves.
import { RateLimiter } from '../nodes/shared/limiter';

class Sim {
	now = 0;
	private timers: Array<{ t: number; seq: number; fire: () => void }> = [];
	private seq = 0;
	sleep = (ms: number) => new Promise<void>((resolve) => this.timers.push({ t: this.now + Math.max(0, ms), seq: this.seq++, fire: resolve }));
	async run(done: Promise<unknown>): Promise<void> {
		let finished = false;
		void done.then(() => (finished = true));
		for (;;) {
			for (let k = 0; k < 5; k++) await new Promise((r) => setImmediate(r));
			if (finished) return;
			this.timers.sort((a, b) => a.t - b.t || a.seq - b.seq);
			const next = this.timers.shift();
			if (!next) throw new Error('deadlock');
			this.now = Math.max(this.now, next.t);
			next.fire();
		}
	}
}

/** `calls` requests of 1 unit, `inFlight` at a time, against a vendor window of `perSecond` per 1,000 ms. */
async function send(calls: number, opts: { perSecond: number; outMs: (i: number) => number; backMs: number; inFlight: number }) {
	const sim = new Sim();
	const lim = new RateLimiter(() => sim.now, sim.sleep);
	const arrivals: number[] = [];
	let throttled = 0;
	let next = 0;
	const lane = async () => {
		while (next < calls) {
			const i = next++;
			const booking = await lim.acquire('k', { perSecond: opts.perSecond });
			await sim.sleep(opts.outMs(i));
			const t = sim.now;
			const ok = arrivals.filter((a) => a > t - 1000).length < opts.perSecond;
			if (ok) arrivals.push(t);
			else throttled++;
			await sim.sleep(opts.backMs);
			booking.settle(!ok);
		}
	};
	await sim.run(Promise.all(Array.from({ length: opts.inFlight }, lane)));
	return { throttled, lastArrival: arrivals[arrivals.length - 1], endMs: sim.now };
}

describe('dating requests at the vendor (limiterWindow.ts)', () => {
	test('250 ms round trip + 500 ms of handshakes: the whole quota, not 0.56 of it, and no throttle', async () => {
		// 1,000 calls at 50/s: the vendor's minimum is 19 windows after the first burst arrived (0.9 s)
		const r = await send(1000, { perSecond: 50, outMs: (i) => (i < 50 ? 900 : 500), backMs: 250, inFlight: 64 });
		expect(r.throttled).toBe(0);
		const minimum = 400 + 19 * 1000 + 750;
		expect(minimum / r.endMs).toBeGreaterThan(0.9); // dated at the answer: about 0.6
	});

	test('a call slower on the way out than the fastest is dated later by as much: no throttle', async () => {
		// every 7th call spends 300 ms more on our side before it leaves (GC pause, busy event loop)
		const r = await send(600, { perSecond: 50, outMs: (i) => 500 + (i % 7 === 0 ? 300 : 0), backMs: 250, inFlight: 64 });
		expect(r.throttled).toBe(0);
	});

	test('a request in flight stays in the window until its answer, however long it takes', async () => {
		// calls of 2.5 s against a 1 s window: at most 50 per call duration
		const r = await send(200, { perSecond: 50, outMs: () => 2000, backMs: 500, inFlight: 64 });
		expect(r.throttled).toBe(0);
		expect(r.endMs).toBeGreaterThanOrEqual(4 * 2500);
	});

	async function firstWindow(count: number) {
		const sim = new Sim();
		const lim = new RateLimiter(() => sim.now, sim.sleep);
		const booked: number[] = [];
		const calls = Array.from({ length: count }, async () => {
			const b = await lim.acquire('k', { perSecond: 10 });
			booked.push(sim.now);
			await sim.sleep(300);
			b.settle();
		});
		await sim.run(Promise.all(calls));
		return booked;
	}

	test('a key with no answer yet: its first window is dated at the answers, so the next window opens a window after them', async () => {
		const booked = await firstWindow(11);
		expect(booked.slice(0, 10)).toEqual(Array(10).fill(0));
		// the 10 calls answered at 300 ms count in the window until 300 + 1,000 ms (+ slack)
		expect(booked[10]).toBeGreaterThanOrEqual(1300);
		expect(booked[10]).toBeLessThan(1400);
	});

	test('no more than a window to send: the whole window goes at once (no call held back a round trip)', async () => {
		expect(await firstWindow(10)).toEqual(Array(10).fill(0));
	});
});
