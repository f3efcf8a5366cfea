/* eslint-disable */
// Node overhead: 5,000 single sends (one receiver per item, one BatchSendMessage each) through the
// node and n8n's engine, against a raw keep-alive undici client making the same signed calls. The
// sandbox does not throttle; the node's pacing is lifted with the Delivery knob, both keep 8 in flight.
import { runWorker } from '../lib/fork';
import type { ClientResult, EngineResult } from '../lib/protocol';
import { n, r, s, type ScenarioOutcome } from '../lib/report';
import type { Server } from 'node:http';
import { callStats, deliveries } from '../lib/sandbox';
import { delivery, itemPerUser, VOLC_FIRST_ID, volcSendParameters } from '../lib/workflow';
import { limiterKey, READING_TARGET_US, resetSandbox, type BenchContext } from './context';

export const SENDS = 5000;
const CONCURRENCY = 8;

/** TCP connections the sandbox accepted while `run` ran. */
async function countConnections<T>(ctx: BenchContext, run: () => Promise<T>): Promise<[T, number]> {
	const server = (ctx.sb as unknown as { server?: Server }).server;
	let connections = 0;
	const onConnection = () => connections++;
	server?.on('connection', onConnection);
	try {
		return [await run(), connections];
	} finally {
		server?.off('connection', onConnection);
	}
}

async function pair(ctx: BenchContext, latencyMs: number) {
	resetSandbox(ctx, { enforceLimits: false, limitScale: 1, latencyMs });
	const [raw, rawConnections] = await countConnections(ctx, () =>
		runWorker<ClientResult>({ kind: 'raw', url: ctx.sb.url, count: SENDS, concurrency: CONCURRENCY, firstReceiver: String(VOLC_FIRST_ID) }),
	);
	const rawDelivered = deliveries(ctx.sb, 'volcengine').receivers;
	resetSandbox(ctx, { enforceLimits: false, limitScale: 1, latencyMs });
	const [node, nodeConnections] = await countConnections(ctx, () =>
		runWorker<EngineResult>({
			kind: 'engine',
			url: ctx.sb.url,
			vendor: 'volcengine',
			parameters: volcSendParameters({}, delivery(1, { concurrency: CONCURRENCY, requestsPerSecond: 100000 })),
			itemsCode: itemPerUser('volcengine', SENDS, 'to'),
			timeScale: 1,
			limiterKey: limiterKey('volcengine', 'BatchSendMessage'),
		}),
	);
	const nodeDelivered = deliveries(ctx.sb, 'volcengine').receivers;
	const prepareMs = callStats(ctx.sb, 'volcengine', 'BatchSendMessage').firstAt - node.nodeStartedAt;
	return { raw, node, rawDelivered, nodeDelivered, ratio: node.nodeMs / raw.wallMs, rawConnections, nodeConnections, prepareMs };
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
				// Issue 15 (point 5): kept for context, not judged. With no latency the ratio is n8n's request
				// helper (a new TCP connection and HTTP agent per call) against a keep-alive client, which
				// the package cannot change (HTTP only through httpRequestWithAuthentication). What the
				// package controls is judged in the anchor rows (its own CPU per call, node vs HTTP Request
				// node in the same n8n). A send that lost anything still fails the row.
				target: '— (n8n’s helper: see the anchor rows)',
				pass: ok(fast) ? null : false,
			},
			{
				scenario: `Node overhead: ${n(SENDS)} single sends vs raw keep-alive undici (20 ms latency)`,
				measured: `node ${s(real.node.nodeMs)} vs raw ${s(real.raw.wallMs)}`,
				minimum: s(real.raw.wallMs),
				ratio: `${r(real.ratio)}×`,
				target: '≤ 2×',
				pass: real.ratio <= 2 && ok(real),
			},
			{
				scenario: `Reading: ${n(SENDS)} single sends, per item (node start → first call, no latency)`,
				measured: `${((fast.prepareMs * 1000) / SENDS).toFixed(0)} µs (${s(fast.prepareMs)} for ${n(SENDS)} items)`,
				minimum: '—',
				ratio: '—',
				target: `≤ ${READING_TARGET_US} µs`,
				pass: (fast.prepareMs * 1000) / SENDS <= READING_TARGET_US,
			},
		],
		data: {
			noLatency: { nodeMs: fast.node.nodeMs, rawMs: fast.raw.wallMs, ratio: fast.ratio, perCallOverheadUs: perCallUs(fast), nodePrepareMs: fast.prepareMs, nodeConnections: fast.nodeConnections, rawConnections: fast.rawConnections, nodeDelivered: fast.nodeDelivered, rawDelivered: fast.rawDelivered, nodeErrors: fast.node.errorCodes, rawErrors: fast.raw.otherErrors, nodeRssMB: fast.node.maxRssMB, rawRssMB: fast.raw.maxRssMB },
			latency20: { nodeMs: real.node.nodeMs, rawMs: real.raw.wallMs, ratio: real.ratio, nodePrepareMs: real.prepareMs, nodeConnections: real.nodeConnections, rawConnections: real.rawConnections, nodeDelivered: real.nodeDelivered, rawDelivered: real.rawDelivered },
		},
		notes: [
			`n8n's request helper opened ${n(fast.nodeConnections)} TCP connections for ${n(SENDS)} calls (a new HTTP agent per request, so no keep-alive), the raw client ${fast.rawConnections}. Before its first call the node spent ${s(fast.prepareMs)} reading and validating the ${n(SENDS)} items (≈ ${((fast.prepareMs * 1000) / SENDS).toFixed(0)} µs per item; in a CPU profile most of it is n8n resolving each item's parameters and expressions). What the package controls is judged in a real n8n in the anchor scenario: its rows "package CPU per call" (signing + sending, CPU-profiled, target ≤ 100 µs) and "node vs HTTP Request node in the same n8n" (both through n8n's request helper, target ≤ 1.1×); the signers alone are in the Signing rows. With a 20 ms round trip the ratio is ${r(real.ratio)}×.`,
		],
		seconds: (Date.now() - t0) / 1000,
	};
}
