 
// One item with 1,000,000 receivers (from a Code node), message ids off, sandbox unthrottled and the
// node's pacing lifted: the peak RSS of a fresh engine process, with Node's default heap settings
// and, for context, with the old generation capped at 256 MB (NODE_OPTIONS=--max-old-space-size=256).
import { startWorker } from '../lib/fork';
import type { EngineResult } from '../lib/protocol';
import { n, r, s, type ScenarioOutcome } from '../lib/report';
import { callStats, deliveries } from '../lib/sandbox';
import { delivery, oneItemWithReceivers, volcSendParameters } from '../lib/workflow';
import { limiterKey, resetSandbox, type BenchContext } from './context';

export const MEMORY_RECEIVERS = 1_000_000;
const LIMIT_MB = 300;
const SANDBOX = { enforceLimits: false, limitScale: 1, latencyMs: 0 };

async function once(ctx: BenchContext, execArgv: string[], invalidLast = false, nodeDisabled = false) {
	resetSandbox(ctx, SANDBOX);
	const itemsCode = oneItemWithReceivers('volcengine', MEMORY_RECEIVERS).replace('return [{ json: { to } }];', invalidLast ? "to.push('not-an-id'); return [{ json: { to } }];" : 'return [{ json: { to } }];');
	const w = startWorker(
		{
			kind: 'engine',
			url: ctx.sb.url,
			vendor: 'volcengine',
			parameters: volcSendParameters({ batchSize: 500, includeMessageIds: false }, delivery(1, { requestsPerSecond: 100000, messagesPerMinute: 100000000 })),
			itemsCode,
			timeScale: 1,
			limiterKey: limiterKey('volcengine', 'BatchSendMessage'),
			measureBaseline: true,
			nodeDisabled,
		},
		['--expose-gc', ...execArgv],
	);
	await w.ready;
	resetSandbox(ctx, SANDBOX); // forget the warm-up send
	w.go();
	const res = (await w.result) as EngineResult;
	const calls = callStats(ctx.sb, 'volcengine', 'BatchSendMessage');
	const got = deliveries(ctx.sb, 'volcengine');
	ctx.sb.reset(); // drop the million stored messages
	return { res, calls, got };
}

export async function memoryScenario(ctx: BenchContext): Promise<ScenarioOutcome> {
	const t0 = Date.now();
	ctx.log(`Memory: one item with ${n(MEMORY_RECEIVERS)} receivers …`);
	const plain = await once(ctx, []);
	ctx.log(`  peak RSS ${r(plain.res.maxRssMB, 0)} MB (idle engine ${r(plain.res.baselineRssMB ?? NaN, 0)} MB), ${n(plain.calls.accepted)} calls, ${n(plain.got.receivers)} delivered in ${s(plain.res.nodeMs)}`);
	const capped = await once(ctx, ['--max-old-space-size=256']);
	ctx.log(`  with --max-old-space-size=256: peak RSS ${r(capped.res.maxRssMB, 0)} MB, ${n(capped.got.receivers)} delivered in ${s(capped.res.nodeMs)}`);
	const validation = await once(ctx, [], true);
	const floor = await once(ctx, [], false, true);
	ctx.log(`  n8n alone (the node disabled, the item passed through): peak RSS ${r(floor.res.maxRssMB, 0)} MB`);
	ctx.log(`  validation only (one invalid receiver at the end, nothing sent): peak RSS ${r(validation.res.maxRssMB, 0)} MB in ${s(validation.res.nodeMs)}`);
	const ok = (x: typeof plain) => x.got.receivers === MEMORY_RECEIVERS && x.res.errorItems === 0 && x.calls.accepted === MEMORY_RECEIVERS / 500;
	return {
		id: 'memory',
		title: `Memory, ${n(MEMORY_RECEIVERS)} receivers in one item`,
		config: { ...SANDBOX, includeMessageIds: false, batchSize: 500, process: 'fresh worker process per run' },
		rows: [
			{
				scenario: `Memory: one item with ${n(MEMORY_RECEIVERS)} receivers, peak RSS (Node defaults)`,
				measured: `${r(plain.res.maxRssMB, 0)} MB (idle engine ${r(plain.res.baselineRssMB ?? NaN, 0)} MB); ${n(plain.got.receivers)} delivered in ${n(plain.calls.accepted)} calls`,
				minimum: '—',
				ratio: `${r(plain.res.maxRssMB / LIMIT_MB)} of the limit`,
				target: `< ${LIMIT_MB} MB`,
				pass: plain.res.maxRssMB < LIMIT_MB && ok(plain),
			},
			{
				scenario: `Memory: reading and validating the ${n(MEMORY_RECEIVERS)} receivers only (the last one invalid, nothing sent)`,
				measured: `${r(validation.res.maxRssMB, 0)} MB in ${s(validation.res.nodeMs)}; ${n(validation.calls.requests)} calls`,
				minimum: '—',
				ratio: `${r(validation.res.maxRssMB / LIMIT_MB)} of the limit`,
				target: '—',
				pass: null,
			},
			{
				scenario: `Memory: n8n alone, the Code node's item with ${n(MEMORY_RECEIVERS)} receivers passed through the node disabled`,
				measured: `${r(floor.res.maxRssMB, 0)} MB; ${n(floor.calls.requests)} calls`,
				minimum: '—',
				ratio: `${r(floor.res.maxRssMB / LIMIT_MB)} of the limit`,
				target: '—',
				pass: null,
			},
			{
				scenario: `Memory: the same with NODE_OPTIONS=--max-old-space-size=256`,
				measured: `${r(capped.res.maxRssMB, 0)} MB; ${n(capped.got.receivers)} delivered`,
				minimum: '—',
				ratio: `${r(capped.res.maxRssMB / LIMIT_MB)} of the limit`,
				target: '—',
				pass: null,
			},
		],
		data: {
			receivers: MEMORY_RECEIVERS,
			defaults: { peakRssMB: plain.res.maxRssMB, idleEngineRssMB: plain.res.baselineRssMB, nodeMs: plain.res.nodeMs, calls: plain.calls.accepted, delivered: plain.got.receivers, errorItems: plain.res.errorItems },
			maxOldSpace256: { peakRssMB: capped.res.maxRssMB, idleEngineRssMB: capped.res.baselineRssMB, nodeMs: capped.res.nodeMs, calls: capped.calls.accepted, delivered: capped.got.receivers, errorItems: capped.res.errorItems },
			n8nAlone: { peakRssMB: floor.res.maxRssMB, requests: floor.calls.requests },
			validationOnly: { peakRssMB: validation.res.maxRssMB, nodeMs: validation.res.nodeMs, requests: validation.calls.requests, errorCodes: validation.res.errorCodes },
			heapAtEndMB: plain.res.heapAtEndMB,
			heapAfterGcMB: plain.res.heapAfterGcMB,
		},
		notes: [
			`The idle engine alone is ${r(plain.res.baselineRssMB ?? NaN, 0)} MB; n8n with the Code node's item of ${n(MEMORY_RECEIVERS)} receivers, the node disabled, peaks at ${r(floor.res.maxRssMB, 0)} MB: that is n8n's share, before the package reads anything. Reading and validating the list (one pass, nodes/shared/schemas/lists.ts: a bigint per entry, no per-entry parse state) peaks at ${r(validation.res.maxRssMB, 0)} MB before anything is sent. When the node finished, the heap held ${r(plain.res.heapAtEndMB ?? NaN, 0)} MB, ${r(plain.res.heapAfterGcMB ?? NaN, 0)} MB after a full GC: the rest was garbage V8 had not collected yet (per-call garbage: n8n's request helper, the vendor's answers with 500 message ids each, promoted to the old generation while the calls are in flight). With the old generation capped at 256 MB the peak is ${r(capped.res.maxRssMB, 0)} MB and the send takes ${s(capped.res.nodeMs)} (${s(plain.res.nodeMs)} uncapped).`,
		],
		seconds: (Date.now() - t0) / 1000,
	};
}
