 
// The baseline: the same 100,000-receiver fan-out as one BatchSendMessage per receiver, unpaced and
// without retries (an HTTP Request node per item), against the same sandbox settings.
import { runWorker } from '../lib/fork';
import type { ClientResult } from '../lib/protocol';
import { n, pct, r, s, windowMinimumMs, type ScenarioOutcome } from '../lib/report';
import { callStats, deliveries } from '../lib/sandbox';
import { VOLC_FIRST_ID } from '../lib/workflow';
import { FANOUT_LATENCY_MS, FANOUT_RECEIVERS, FANOUT_SCALE } from './fanout';
import { QUOTA, resetSandbox, type BenchContext } from './context';

/** Requests in flight: n8n's HTTP Request node sends every item's request at once; 64 keeps the sockets bounded. */
export const NAIVE_CONCURRENCY = 64;

export async function naiveScenario(ctx: BenchContext): Promise<ScenarioOutcome> {
	const t0 = Date.now();
	const config = { enforceLimits: true, limitScale: FANOUT_SCALE, latencyMs: FANOUT_LATENCY_MS };
	resetSandbox(ctx, config);
	ctx.log(`Naive baseline: ${n(FANOUT_RECEIVERS)} single-receiver calls, ${NAIVE_CONCURRENCY} in flight, no pacing, no retries …`);
	const res = await runWorker<ClientResult>({ kind: 'naive', url: ctx.sb.url, count: FANOUT_RECEIVERS, concurrency: NAIVE_CONCURRENCY, firstReceiver: String(VOLC_FIRST_ID) });
	const calls = callStats(ctx.sb, 'volcengine', 'BatchSendMessage');
	const got = deliveries(ctx.sb, 'volcengine');
	const lost = FANOUT_RECEIVERS - got.receivers;
	// One receiver per call: the 50 calls/s quota binds (scaled), not the 12,000 receivers/min one.
	const q = QUOTA.volcengine;
	const minMs = Math.max(windowMinimumMs(FANOUT_RECEIVERS, q.requestsPerSecond, 1000, FANOUT_SCALE), windowMinimumMs(FANOUT_RECEIVERS, q.messagesPerMinute, 60000, FANOUT_SCALE));
	const title = `Naive baseline: ${n(FANOUT_RECEIVERS)} receivers, one call each, unpaced`;
	ctx.log(`  ${s(res.wallMs)}, ${n(res.calls)} calls, ${n(res.throttled)} throttled, ${n(got.receivers)} delivered, ${n(lost)} lost`);
	return {
		id: 'naive',
		title,
		config: { ...config, concurrency: NAIVE_CONCURRENCY, retries: 0 },
		rows: [
			{ scenario: `${title}: calls`, measured: n(res.calls), minimum: `${n(Math.ceil(FANOUT_RECEIVERS / 500))} (batched)`, ratio: `${r(res.calls / Math.ceil(FANOUT_RECEIVERS / 500), 0)}×`, target: '—', pass: null },
			{
				scenario: `${title}: throttle errors`,
				measured: `${n(res.throttled)} (${pct(res.throttled / res.calls)} of calls)`,
				minimum: '0',
				ratio: '—',
				target: '—',
				pass: null,
			},
			{
				scenario: `${title}: time and losses`,
				measured: `${s(res.wallMs)}; ${n(got.receivers)} delivered, ${n(lost)} lost (${pct(lost / FANOUT_RECEIVERS)})`,
				minimum: `${s(minMs)} to deliver all one by one`,
				ratio: `${r(got.receivers / FANOUT_RECEIVERS)} delivered`,
				target: '—',
				pass: null,
			},
		],
		data: {
			receivers: FANOUT_RECEIVERS,
			calls: res.calls,
			ok: res.ok,
			throttled: res.throttled,
			otherErrors: res.otherErrors,
			wallMs: res.wallMs,
			delivered: got.receivers,
			lost,
			throttleAnswersFromSandbox: ctx.sb.stats.throttled,
			sandboxRequests: calls.requests,
			minimumOneByOneMs: minMs,
		},
		seconds: (Date.now() - t0) / 1000,
	};
}
