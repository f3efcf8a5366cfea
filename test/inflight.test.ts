/* eslint-disable */
// The latency-adaptive in-flight gate (nodes/shared/inflight.ts): unit tests on an injected clock
// with the real RateLimiter as the source of the paced rate, then through the real engine against
// the sandbox (a slow vendor gets more than the old fixed 8 calls in flight; an explicit
// Concurrent Requests = N is exactly N; messages to one conversation keep their order).
import { volcWorkflow } from '../harness/fixtures';
import { volcengineEngine } from '../harness/registry';
import { startSandbox, type RtcSandbox } from '../sandbox/server';
import { INFLIGHT_CAP, INFLIGHT_FLOOR, InflightGate, limiterRate } from '../nodes/shared/inflight';
import { RateLimiter } from '../nodes/shared/limiter';
import { chunksUnderWay, FANOUT_RECEIVERS_UNDER_WAY } from '../nodes/shared/fanout';

const tick = () => new Promise((r) => setImmediate(r));

/** One call through gate and limiter taking `ms` on the clock. */
async function call(gate: InflightGate, lim: RateLimiter, clock: { now: number }, key: string, rule: { perSecond: number }, ms: number, throttled = false) {
	const slot = await gate.enter(key, rule.perSecond);
	const booking = await lim.acquire(key, rule);
	slot.sent();
	clock.now += ms;
	booking.settle(throttled);
	slot.answered();
	slot.release();
}

describe('in-flight gate (injected clock)', () => {
	let clock: { now: number };
	let lim: RateLimiter;
	let gate: InflightGate;
	beforeEach(() => {
		clock = { now: 0 };
		lim = new RateLimiter(() => clock.now, () => tick() as Promise<void>);
		gate = new InflightGate(limiterRate(lim), () => clock.now);
	});

	/** Before the key's first answer the rule's rate (per 1 s) is the fallback: its 1,025 ms window, plus one. */
	const window = (perSecond: number) => Math.round(perSecond * 1.025) + 1;
	/** After it, the limiter's paced rate is the window's limit per 1,025 ms: the limit, plus one. */
	const pacedWindow = (perSecond: number) => perSecond + 1;

	test('starts at one window of the quota plus one (floor 2, cap 256)', () => {
		// the limiter's window with its slack (1,025 ms) of the quota, plus the one call the limiter
		// keeps back for a floor sample when more than a window is waiting
		expect(gate.limit('k', 50)).toBe(window(50));
		expect(gate.limit('push', 0.5)).toBe(INFLIGHT_FLOOR);
		expect(gate.limit('tencent', 200)).toBe(window(200));
		expect(gate.limit('huge', 1000)).toBe(INFLIGHT_CAP);
	});

	test('never below one window: a sliding-window quota lets a whole window go at once', async () => {
		await call(gate, lim, clock, 'k', { perSecond: 50 }, 20);
		expect(gate.ewmaMs('k')).toBe(20);
		expect(gate.limit('k', 50)).toBe(pacedWindow(50));
		// a call longer than the window: paced rate × round trip × 1.25 (50 per 1,025 ms × 2 s × 1.25 = 121.95 → 122)
		await call(gate, lim, clock, 'slow', { perSecond: 50 }, 2000);
		expect(gate.limit('slow', 50)).toBe(Math.ceil((50 / 1.025) * 2 * 1.25));
	});

	test('above one window it grows with latency and shrinks when it drops (EWMA)', async () => {
		await call(gate, lim, clock, 'k', { perSecond: 50 }, 1500);
		const low = gate.limit('k', 50);
		expect(low).toBeGreaterThan(pacedWindow(50));
		for (let i = 0; i < 20; i++) await call(gate, lim, clock, 'k', { perSecond: 50 }, 4000);
		const high = gate.limit('k', 50);
		expect(high).toBeGreaterThan(low * 2);
		for (let i = 0; i < 30; i++) await call(gate, lim, clock, 'k', { perSecond: 50 }, 100);
		expect(gate.limit('k', 50)).toBe(pacedWindow(50));
	});

	test('floor 2 and cap 256', async () => {
		await call(gate, lim, clock, 'rare', { perSecond: 0.2 }, 1);
		expect(gate.limit('rare', 0.2)).toBe(INFLIGHT_FLOOR);
		await call(gate, lim, clock, 'slow', { perSecond: 200 }, 5000);
		expect(gate.limit('slow', 200)).toBe(INFLIGHT_CAP);
	});

	test('a throttle answer (the limiter cuts this process’s share) lowers the calls in flight', async () => {
		await call(gate, lim, clock, 'k', { perSecond: 50 }, 500);
		const before = gate.limit('k', 50);
		clock.now += 2000;
		await call(gate, lim, clock, 'k', { perSecond: 50 }, 500, true);
		expect(lim.shareOf('k').share).toBeCloseTo(0.7);
		expect(gate.limit('k', 50)).toBeLessThan(before);
		expect(gate.limit('k', 50)).toBeLessThanOrEqual(Math.ceil(before * 0.7) + 1);
	});

	test('holds callers beyond the limit, first come first served, and lets them go as slots free', async () => {
		await call(gate, lim, clock, 'k', { perSecond: 1 }, 1); // one window of 1/s + 1 = 2
		const a = await gate.enter('k', 1);
		const b = await gate.enter('k', 1);
		const order: string[] = [];
		const c = gate.enter('k', 1).then((s) => (order.push('c'), s));
		const d = gate.enter('k', 1).then((s) => (order.push('d'), s));
		await tick();
		expect(order).toEqual([]);
		expect(gate.inFlight('k')).toBe(2);
		a.release();
		a.release(); // twice is once
		await tick();
		expect(order).toEqual(['c']);
		b.release();
		await tick();
		expect(order).toEqual(['c', 'd']);
		(await c).release();
		(await d).release();
		expect(gate.inFlight('k')).toBe(0);
	});
});

describe('adaptive concurrency through the engine', () => {
	let sb: RtcSandbox;
	beforeAll(async () => {
		sb = await startSandbox();
	});
	afterAll(() => sb.close());
	beforeEach(() => sb.reset());

	const send = (delivery: Record<string, unknown>) => ({
		resource: 'message',
		operation: 'sendToUsers',
		sender: '10001',
		content: '={{ $json.t }}',
		msgType: 10001,
		receivers: '={{ $json.to }}',
		delivery,
	});

	test('a 300 ms vendor gets more than 8 calls in flight by default, exactly N with Concurrent Requests = N; order per conversation holds', async () => {
		sb.configure({ latencyMs: 300 });
		const items = Array.from({ length: 60 }, (_, i) => ({ to: String(20001 + i), t: `m${i}` }));
		const { run } = await volcengineEngine(sb.url).run(volcWorkflow(send({}), { items }));
		expect(run.data.resultData.error).toBeUndefined();
		expect(sb.state.volcengine.requests.filter((r) => r.action === 'BatchSendMessage')).toHaveLength(60);
		expect(sb.stats.maxInFlight).toBeGreaterThan(8);

		sb.reset();
		sb.configure({ latencyMs: 300 });
		const { run: fixed } = await volcengineEngine(sb.url).run(volcWorkflow(send({ concurrency: 5 }), { items: items.slice(0, 30) }));
		expect(fixed.data.resultData.error).toBeUndefined();
		expect(sb.stats.maxInFlight).toBe(5);

		// Three conversations, default settings: each keeps its input order.
		sb.reset();
		sb.configure({ latencyMs: 50 });
		const convo = Array.from({ length: 30 }, (_, i) => ({ to: String(30001 + (i % 3)), t: `c${i}` }));
		const { run: ordered } = await volcengineEngine(sb.url).run(volcWorkflow(send({}), { items: convo }));
		expect(ordered.data.resultData.error).toBeUndefined();
		expect(sb.stats.maxInFlight).toBeGreaterThan(1);
		for (const to of ['30001', '30002', '30003']) {
			const got = sb.state.volcengine.messages.filter((m) => m.receiver === BigInt(to)).map((m) => m.content);
			expect(got).toEqual(convo.filter((m) => m.to === to).map((m) => m.t));
		}
	}, 60000);

	test('a fan-out keeps at most 8,000 receivers under way with automatic concurrency (memory), every receiver delivered', async () => {
		expect(chunksUnderWay(INFLIGHT_CAP, true, 500)).toBe(FANOUT_RECEIVERS_UNDER_WAY / 500);
		expect(chunksUnderWay(INFLIGHT_CAP, true, 1)).toBe(INFLIGHT_CAP);
		expect(chunksUnderWay(INFLIGHT_CAP, true, 100000)).toBe(INFLIGHT_FLOOR);
		expect(chunksUnderWay(5, false, 500)).toBe(5); // Concurrent Requests = N is exactly N
		// Pacing lifted (the only case the budget binds), a slow vendor: 60 calls of 500.
		sb.configure({ latencyMs: 100, enforceLimits: false });
		const to = Array.from({ length: 30000 }, (_, i) => String(100001 + i));
		const { run } = await volcengineEngine(sb.url).run(volcWorkflow(send({ requestsPerSecond: 100000, messagesPerMinute: 100000000 }), { items: [{ to, t: 'hello' }] }));
		expect(run.data.resultData.error).toBeUndefined();
		expect(sb.state.volcengine.requests.filter((r) => r.action === 'BatchSendMessage')).toHaveLength(60);
		expect(sb.stats.maxInFlight).toBeGreaterThan(8);
		expect(sb.stats.maxInFlight).toBeLessThanOrEqual(FANOUT_RECEIVERS_UNDER_WAY / 500);
		expect(new Set(sb.state.volcengine.messages.map((m) => String(m.receiver))).size).toBe(30000);
	}, 60000);
});
