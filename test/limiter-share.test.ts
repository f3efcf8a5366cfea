/* eslint-disable */
// Several processes, each with its own RateLimiter, against one vendor quota (a sliding window of
// receivers per minute and requests per second, as the vendors document it and sandbox/limits.ts
// enforces it), on a simulated clock: the processes know of each other only through throttle
// answers. Each process sends its receivers in batches with a number of requests in flight and
// the throttle handling of nodes/shared/delivery.ts (pause the key, wait its turn without using
// attempts, give up after the stall budget).
import { RateLimiter, SHARE_FLOOR } from '../nodes/shared/limiter';
import { DELIVERY_DEFAULTS, throttlePauseMs } from '../nodes/shared/delivery';

class SimClock {
	now = 0;
	private timers: Array<{ t: number; seq: number; fire: () => void }> = [];
	private seq = 0;
	sleep = (ms: number) =>
		new Promise<void>((resolve) => {
			this.timers.push({ t: this.now + Math.max(0, ms), seq: this.seq++, fire: resolve });
		});
	/** Runs until `done` settles: drains the microtasks, then jumps to the next timer. */
	async run(done: Promise<unknown>, maxMs: number): Promise<void> {
		let finished = false;
		void done.then(() => (finished = true));
		for (;;) {
			await new Promise((r) => setImmediate(r));
			if (finished) return;
			if (this.timers.length === 0) throw new Error('deadlock: nothing scheduled');
			this.timers.sort((a, b) => a.t - b.t || a.seq - b.seq);
			const next = this.timers.shift()!;
			this.now = Math.max(this.now, next.t);
			if (this.now > maxMs) throw new Error(`simulation ran past ${maxMs} ms`);
			next.fire();
		}
	}
}

/** The vendor: sliding windows, as sandbox/limits.ts WindowQuota (refused requests take nothing). */
class Window {
	private events: Array<{ t: number; n: number }> = [];
	used = 0;
	constructor(
		readonly limit: number,
		readonly windowMs: number,
	) {}
	take(n: number, now: number): boolean {
		while (this.events.length && this.events[0].t <= now - this.windowMs) this.used -= this.events.shift()!.n;
		if (this.used + n > this.limit) return false;
		this.events.push({ t: now, n });
		this.used += n;
		return true;
	}
}

const Q = 12000; // receivers per minute
const W = 60000;
const QPS = 50;
const BATCH = 500;
const RTT = 20;
const rule = { perSecond: QPS, unitsPerMinute: Q };
const KEY = 'volcengine|AK|BatchSendMessage';

interface ProcessSpec {
	receivers: number;
	/** Requests in flight (Concurrent Requests × executions in the process). */
	concurrency?: number;
	startMs?: number;
	sharedBy?: number;
	budgetMs?: number;
}

interface SimResult {
	totalMs: number;
	minimumMs: number;
	efficiency: number;
	throttles: number;
	lost: number;
	perProcess: Array<{ delivered: number; lost: number; endMs: number; share: number; cuts: number; maxGapMs: number }>;
	/** Receivers accepted per process in each quota window after the first, while all were active. */
	accepted: number[][];
}

export async function simulate(specs: ProcessSpec[]): Promise<SimResult> {
	const clock = new SimClock();
	const units = new Window(Q, W);
	const requests = new Window(QPS, 1000);
	let throttles = 0;
	const acceptedAt: Array<Array<{ t: number; n: number }>> = specs.map(() => []);
	const runProcess = async (spec: ProcessSpec, p: number) => {
		const lim = new RateLimiter(() => clock.now, clock.sleep);
		const r = { ...rule, sharedBy: spec.sharedBy };
		if (spec.startMs) await clock.sleep(spec.startMs);
		let next = 0;
		let delivered = 0;
		let lost = 0;
		const send = async (n: number): Promise<boolean> => {
			let firstSent = 0;
			let throttled = 0;
			for (;;) {
				const booking = await lim.acquire(KEY, r, n, throttled > 0);
				firstSent ||= clock.now;
				await clock.sleep(RTT / 2);
				const ok = requests.take(1, clock.now) && units.take(n, clock.now);
				await clock.sleep(RTT / 2);
				booking.settle(!ok);
				if (ok) {
					acceptedAt[p].push({ t: clock.now, n });
					return true;
				}
				throttles++;
				throttled++;
				lim.throttled(KEY, throttlePauseMs(throttled, lim.windowMs(KEY)));
				if (lim.stalledMs(KEY) >= (spec.budgetMs ?? DELIVERY_DEFAULTS.maxRetryMs)) return false;
			}
		};
		const lane = async () => {
			while (next < spec.receivers) {
				const n = Math.min(BATCH, spec.receivers - next);
				next += n;
				if (await send(n)) delivered += n;
				else lost += n;
			}
		};
		const startedAt = clock.now;
		await Promise.all(Array.from({ length: spec.concurrency ?? 8 }, lane));
		// the longest this process went without the vendor taking one of its requests
		let maxGapMs = 0;
		let last = startedAt;
		for (const e of acceptedAt[p]) {
			maxGapMs = Math.max(maxGapMs, e.t - last);
			last = e.t;
		}
		return { delivered, lost, endMs: clock.now, maxGapMs, ...lim.shareOf(KEY) };
	};
	const all = Promise.all(specs.map(runProcess));
	await clock.run(all, 3600_000);
	const perProcess = await all;
	const total = specs.reduce((a, s) => a + s.receivers, 0);
	const start = Math.min(...specs.map((s) => s.startMs ?? 0));
	const totalMs = Math.max(...perProcess.map((x) => x.endMs)) - start;
	const minimumMs = Math.max(0, Math.ceil(total / Q - 1)) * W + RTT;
	const allActiveUntil = Math.min(...perProcess.map((x) => x.endMs));
	const accepted: number[][] = [];
	for (let w = 1; (w + 1) * W <= allActiveUntil; w++) {
		accepted.push(acceptedAt.map((list) => list.filter((e) => e.t >= w * W && e.t < (w + 1) * W).reduce((a, e) => a + e.n, 0)));
	}
	return {
		totalMs,
		minimumMs,
		efficiency: minimumMs / totalMs,
		throttles,
		lost: perProcess.reduce((a, x) => a + x.lost, 0),
		perProcess,
		accepted,
	};
}

const show = (name: string, r: SimResult) => {
	if (process.env.SIM_VERBOSE)
		console.log(
			`${name}: ${(r.totalMs / 1000).toFixed(1)} s (min ${(r.minimumMs / 1000).toFixed(1)}), eff ${r.efficiency.toFixed(3)}, throttles ${r.throttles}, lost ${r.lost}\n` +
				r.perProcess.map((p, i) => `  p${i}: ${p.delivered} delivered, ${p.lost} lost, end ${(p.endMs / 1000).toFixed(1)} s, share ${p.share.toFixed(3)}, cuts ${p.cuts}`).join('\n') +
				`\n  accepted per window: ${r.accepted.map((w) => w.join('/')).join('  ')}`,
		);
};

const maxGap = (r: SimResult) => Math.max(...r.perProcess.map((p) => p.maxGapMs));

describe('one quota shared by processes that only see throttle answers', () => {
	test('one process alone: the whole quota, no throttles', async () => {
		const r = await simulate([{ receivers: 100_000 }]);
		show('1 process', r);
		expect(r.lost).toBe(0);
		expect(r.throttles).toBe(0);
		expect(r.efficiency).toBeGreaterThan(0.95);
		expect(r.perProcess[0].share).toBe(1);
	});

	test('four processes of 25,000 each: nobody starves, every window is shared, the quota stays full', async () => {
		const r = await simulate([0, 1, 2, 3].map(() => ({ receivers: 25_000 })));
		show('4 × 25,000', r);
		expect(r.lost).toBe(0);
		expect(r.efficiency).toBeGreaterThan(0.9);
		// every process gets receivers through in every window while all four send
		expect(r.accepted.length).toBeGreaterThan(3);
		for (const w of r.accepted) for (const got of w) expect(got).toBeGreaterThan(0);
		for (const w of r.accepted) expect(w.reduce((a, x) => a + x, 0)).toBeGreaterThanOrEqual(0.9 * Q);
		expect(maxGap(r)).toBeLessThan(1.5 * W);
		// the shares were cut from the whole quota (each process started alone)
		for (const p of r.perProcess) expect(p.cuts).toBeGreaterThan(0);
	});

	test('8 executions over 4 workers, 3/2/2/1 per worker: the quota moves to those still sending', async () => {
		const r = await simulate([3, 2, 2, 1].map((k) => ({ receivers: k * 12_500, concurrency: 8 * k })));
		show('3/2/2/1 × 12,500', r);
		expect(r.lost).toBe(0);
		expect(r.efficiency).toBeGreaterThan(0.9);
		expect(maxGap(r)).toBeLessThan(DELIVERY_DEFAULTS.maxRetryMs);
	});

	test('eight processes: no process goes without a send for the default Max Retry Time', async () => {
		const r = await simulate(Array.from({ length: 8 }, () => ({ receivers: 12_500 })));
		show('8 × 12,500', r);
		expect(r.lost).toBe(0);
		expect(r.efficiency).toBeGreaterThan(0.9);
		expect(maxGap(r)).toBeLessThan(DELIVERY_DEFAULTS.maxRetryMs - 30_000);
	});

	test('two processes, one starting half a window late: both finish, the late one is not starved', async () => {
		const r = await simulate([{ receivers: 50_000 }, { receivers: 50_000, startMs: 30_000 }]);
		show('2, late start', r);
		expect(r.lost).toBe(0);
		expect(r.efficiency).toBeGreaterThan(0.9);
		expect(maxGap(r)).toBeLessThan(1.5 * W);
	});

	test('"Processes Sharing This Quota" = 4: a quarter each from the start, no throttles at all', async () => {
		const r = await simulate([0, 1, 2, 3].map(() => ({ receivers: 25_000, sharedBy: 4 })));
		show('4 × 25,000, sharedBy 4', r);
		expect(r.lost).toBe(0);
		expect(r.throttles).toBe(0);
		expect(r.efficiency).toBeGreaterThan(0.95);
		for (const p of r.perProcess) expect(p.share).toBe(0.25);
	});

	test('"Processes Sharing This Quota" = 4 on a process alone: it keeps to a quarter (deterministic, not adaptive)', async () => {
		const r = await simulate([{ receivers: 12_000, sharedBy: 4 }]);
		expect(r.throttles).toBe(0);
		expect(r.totalMs).toBeGreaterThanOrEqual(3 * W);
		expect(r.perProcess[0].share).toBe(0.25);
	});
});

describe('share floor and stall budget', () => {
	test('a process that keeps losing keeps its floor share, and cuts are spaced', async () => {
		const clock = new SimClock();
		const lim = new RateLimiter(() => clock.now, clock.sleep);
		const losing = (async () => {
			for (let k = 0; k < 60; k++) {
				(await lim.acquire('k', rule, 500, k > 0)).settle(true);
				await clock.sleep(5_000);
			}
		})();
		await clock.run(losing, 3600_000);
		const { share, cuts } = lim.shareOf('k');
		expect(share).toBe(SHARE_FLOOR);
		// 300 s of throttles: at most one cut per half window
		expect(cuts).toBeLessThanOrEqual(11);
		expect(lim.stalledMs('k')).toBeGreaterThanOrEqual(295_000);
		// it still gets a request through: one send of 500 fits its floor window (750 receivers)
		const next = lim.acquire('k', rule, 500).then((b) => b.settle());
		await clock.run(next, 3600_000);
		expect(lim.stalledMs('k')).toBe(0);
	});

	test('a vendor that never takes a request again: every process gives up after Max Retry Time, not one budget per request', async () => {
		const clock = new SimClock();
		const lim = new RateLimiter(() => clock.now, clock.sleep);
		const budget = DELIVERY_DEFAULTS.maxRetryMs;
		let gaveUp = 0;
		const send = async () => {
			let throttled = 0;
			for (;;) {
				const booking = await lim.acquire(KEY, rule, 500, throttled > 0);
				await clock.sleep(RTT);
				booking.settle(true); // always throttled
				throttled++;
				lim.throttled(KEY, throttlePauseMs(throttled, lim.windowMs(KEY)));
				if (lim.stalledMs(KEY) >= budget) return gaveUp++;
			}
		};
		// 40 chunks, 8 in flight, the quota full forever; as nodes/shared/fanout.ts, the chunks after
		// the first that gave up are not sent
		let next = 0;
		let notSent = 0;
		const lane = async () => {
			while (next++ < 40) {
				if (gaveUp) notSent++;
				else await send();
			}
		};
		const all = Promise.all(Array.from({ length: 8 }, lane));
		await clock.run(all, 3600_000);
		expect(gaveUp).toBe(8); // the eight in flight, together: one stall clock for the key
		expect(notSent).toBe(32);
		expect(clock.now).toBeGreaterThanOrEqual(budget);
		expect(clock.now).toBeLessThan(budget + 10_000);
	});
});
