/* eslint-disable */
// Node overhead: 5,000 single sends (one receiver per item, one BatchSendMessage each) through the
// node and n8n's engine, against a raw keep-alive undici client making the same signed calls. The
// sandbox does not throttle; the node's pacing is lifted with the Delivery knob, both keep 8 in flight.
import { runWorker } from '../lib/fork';
import type { ClientResult, EngineResult } from '../lib/protocol';
import { n, r, s, type ScenarioOutcome } from '../lib/report';
import { deliveries } from '../lib/sandbox';
import { delivery, itemPerUser, VOLC_FIRST_ID, volcSendParameters } from '../lib/workflow';
import { limiterKey, resetSandbox, type BenchContext } from './context';

export const SENDS = 5000;
const CONCURRENCY = 8;

async function pair(ctx: BenchContext, latencyMs: number) {
	resetSandbox(ctx, { enforceLimits: false, limitScale: 1, latencyMs });
	const raw = await runWorker<ClientResult>({ kind: 'raw', url: ctx.sb.url, count: SENDS, concurrency: CONCURRENCY, firstReceiver: String(VOLC_FIRST_ID) });
	const rawDelivered = deliveries(ctx.sb, 'volcengine').receivers;
	resetSandbox(ctx, { enforceLimits: false, limitScale: 1, latencyMs });
	const node = await runWorker<EngineResult>({
		kind: 'engine',
		url: ctx.sb.url,
		vendor: 'volcengine',
		parameters: volcSendParameters({}, delivery(1, { concurrency: CONCURRENCY, requestsPerSecond: 100000 })),
		itemsCode: itemPerUser('volcengine', SENDS, 'to'),
		timeScale: 1,
		limiterKey: limiterKey('volcengine', 'BatchSendMessage'),
	});
	const nodeDelivered = deliveries(ctx.sb, 'volcengine').receivers;
	return { raw, node, rawDelivered, nodeDelivered, ratio: node.nodeMs / raw.wallMs };
}

export async function overheadScenario(ctx: BenchContext): Promise<ScenarioOutcome> {
	const t0 = Date.now();
	ctx.log(`Node overhead: ${n(SENDS)} single sends, node vs raw undici client, sandbox unthrottled …`);
	const fast = await pair(ctx, 0);
	ctx.log(`  no latency: node ${s(fast.node.nodeMs)} vs raw ${s(fast.raw.wallMs)} (×${r(fast.ratio)})`);
	const real = await pair(ctx, 20);
	ctx.log(`  20 ms latency: node ${s(real.node.nodeMs)} vs raw ${s(real.raw.wallMs)} (×${r(real.ratio)})`);
	const ok = (p: typeof fast) => p.rawDelivered === SENDS && p.nodeDelivered === SENDS && p.node.errorItems === 0 && p.raw.ok === SENDS;
	const perCallUs = (p: typeof fast) => ((p.node.nodeMs - p.raw.wallMs) * 1000) / SENDS;
	return {
		id: 'overhead',
		title: `Node overhead, ${n(SENDS)} single sends`,
		config: { enforceLimits: false, concurrency: CONCURRENCY, sends: SENDS, nodeDelivery: { requestsPerSecond: 100000 } },
		rows: [
			{
				scenario: `Node overhead: ${n(SENDS)} single sends vs raw keep-alive undici (no latency)`,
				measured: `node ${s(fast.node.nodeMs)} vs raw ${s(fast.raw.wallMs)} (+${perCallUs(fast).toFixed(0)} µs per call)`,
				minimum: s(fast.raw.wallMs),
				ratio: `${r(fast.ratio)}×`,
				target: '≤ 2×',
				pass: fast.ratio <= 2 && ok(fast),
			},
			{
				scenario: `Node overhead: ${n(SENDS)} single sends vs raw keep-alive undici (20 ms latency)`,
				measured: `node ${s(real.node.nodeMs)} vs raw ${s(real.raw.wallMs)}`,
				minimum: s(real.raw.wallMs),
				ratio: `${r(real.ratio)}×`,
				target: '≤ 2×',
				pass: real.ratio <= 2 && ok(real),
			},
		],
		data: {
			noLatency: { nodeMs: fast.node.nodeMs, rawMs: fast.raw.wallMs, ratio: fast.ratio, perCallOverheadUs: perCallUs(fast), nodeDelivered: fast.nodeDelivered, rawDelivered: fast.rawDelivered, nodeErrors: fast.node.errorCodes, rawErrors: fast.raw.otherErrors, nodeRssMB: fast.node.maxRssMB, rawRssMB: fast.raw.maxRssMB },
			latency20: { nodeMs: real.node.nodeMs, rawMs: real.raw.wallMs, ratio: real.ratio, nodeDelivered: real.nodeDelivered, rawDelivered: real.rawDelivered },
		},
		seconds: (Date.now() - t0) / 1000,
	};
}
