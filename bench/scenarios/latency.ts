/* eslint-disable */
// A far-away vendor: every call pays a round trip of 250 ms (an n8n in Europe calling
// rtc.volcengineapi.com or console.tim.qq.com) plus, because n8n's request helper opens a new
// connection per call, the TCP and TLS handshakes on every call (sandbox connectionSetupMs). 5,000
// single sends (Volcengine BatchSendMessage, one receiver each) and 10,000 tag items (both
// vendors) through the node with its default Delivery settings, at the documented rates
// (limitScale 1: compressing the windows would multiply the calls in flight the quota needs, which
// is what this scenario measures). The same at 20 ms.
import { writeFileSync } from 'node:fs';
import { startWorker } from '../lib/fork';
import type { EngineResult, Vendor } from '../lib/protocol';
import { n, r, s, windowMinimumMs, type Row, type ScenarioOutcome } from '../lib/report';
import { callStats } from '../lib/sandbox';
import { delivery, itemPerUser, tencentAccount, tencentTagParameters, volcId, volcSendParameters, volcTagParameters } from '../lib/workflow';
import { SANDBOX_VOLCENGINE } from '../../sandbox/demo-credentials';
import { limiterKey, QUOTA, resetSandbox, type BenchContext } from './context';

export const LATENCY_RTTS_MS = [250, 20];
/** Handshake round trips a new connection costs before its request: TCP (1) + TLS 1.3 (1). */
export const SETUP_ROUND_TRIPS = 2;
export const LATENCY_SENDS = 5_000;
export const LATENCY_TAG_ITEMS = 10_000;
/** A run still going after this many times its minimum (≥ 30 s) is stopped: its efficiency is < 1 / this. */
export const LATENCY_GUARD = 1.5;
const TARGET = 0.9;

interface Job {
	id: string;
	title: string;
	vendor: Vendor;
	api: string;
	calls: number;
	perSecond: number;
	parameters: ReturnType<typeof volcSendParameters>;
	itemsCode: string;
	seed?: (ctx: BenchContext) => void;
}

const jobs = (): Job[] => [
	{
		id: 'sends',
		title: `${n(LATENCY_SENDS)} single sends (Volcengine BatchSendMessage, 1 receiver each)`,
		vendor: 'volcengine',
		api: 'BatchSendMessage',
		calls: LATENCY_SENDS,
		perSecond: QUOTA.volcengine.requestsPerSecond,
		parameters: volcSendParameters({}, delivery(1)),
		itemsCode: itemPerUser('volcengine', LATENCY_SENDS, 'to'),
	},
	{
		id: 'tags-volcengine',
		title: `${n(LATENCY_TAG_ITEMS)} tag items (Volcengine BatchUpdateUserTags, 50 per call)`,
		vendor: 'volcengine',
		api: 'BatchUpdateUserTags',
		calls: Math.ceil(LATENCY_TAG_ITEMS / 50),
		perSecond: QUOTA.volcengineTags.requestsPerSecond,
		parameters: volcTagParameters(delivery(1)),
		itemsCode: itemPerUser('volcengine', LATENCY_TAG_ITEMS, 'user'),
		seed: (ctx) => ctx.sb.seedVolcengineUsers(SANDBOX_VOLCENGINE.appId, Array.from({ length: LATENCY_TAG_ITEMS }, (_, k) => ({ userId: volcId(k) }))),
	},
	{
		id: 'tags-tencent',
		title: `${n(LATENCY_TAG_ITEMS)} tag items (Tencent im_add_tag, 100 per call)`,
		vendor: 'tencent',
		api: 'all_member_push/im_add_tag',
		calls: Math.ceil(LATENCY_TAG_ITEMS / 100),
		perSecond: QUOTA.tencentTags.requestsPerSecond,
		parameters: tencentTagParameters(delivery(1)),
		itemsCode: itemPerUser('tencent', LATENCY_TAG_ITEMS, 'user'),
		seed: (ctx) => ctx.sb.seedTencentAccounts(Array.from({ length: LATENCY_TAG_ITEMS }, (_, k) => tencentAccount(k))),
	},
];

/**
 * The quota minimum with a connection per call: the window bound of the call quota, plus one whole
 * call (handshakes + round trip) for the last one; as many calls in flight as the quota allows.
 */
export function latencyMinimumMs(calls: number, perSecond: number, rttMs: number, setupMs: number): number {
	return windowMinimumMs(calls, perSecond, 1000, 1) + setupMs + rttMs;
}

async function runJob(ctx: BenchContext, job: Job, rttMs: number) {
	const setupMs = SETUP_ROUND_TRIPS * rttMs;
	resetSandbox(ctx, { enforceLimits: true, limitScale: 1, latencyMs: rttMs });
	ctx.sb.configure({ connectionSetupMs: setupMs });
	job.seed?.(ctx);
	const minMs = latencyMinimumMs(job.calls, job.perSecond, rttMs, setupMs);
	const guardMs = Math.max(LATENCY_GUARD * minMs, 30_000);
	const w = startWorker({ kind: 'engine', url: ctx.sb.url, vendor: job.vendor, parameters: job.parameters, itemsCode: job.itemsCode, timeScale: 1, limiterKey: limiterKey(job.vendor, job.api) });
	await w.ready;
	const goAt = Date.now();
	w.go();
	let timer: NodeJS.Timeout | undefined;
	const stopped = new Promise<'stopped'>((resolve) => {
		timer = setTimeout(() => resolve('stopped'), guardMs);
	});
	const outcome = await Promise.race([w.result.then((x) => x as EngineResult), stopped]);
	clearTimeout(timer);
	const stoppedAt = Date.now();
	if (outcome === 'stopped') w.child.kill('SIGKILL');
	const calls = callStats(ctx.sb, job.vendor, job.api);
	const log = job.vendor === 'volcengine' ? ctx.sb.state.volcengine.requests.filter((q) => q.action === job.api && !q.code) : ctx.sb.state.tencent.requests.filter((q) => q.path === job.api && q.code === 0);
	const lastAt = log.length ? log[log.length - 1].at : NaN;
	// BENCH_LATENCY_DUMP=file: every arrival of the API (ms from the first, code) for a closer look
	if (process.env.BENCH_LATENCY_DUMP) {
		const all = job.vendor === 'volcengine' ? ctx.sb.state.volcengine.requests.filter((q) => q.action === job.api).map((q) => [q.at, q.code ?? '']) : ctx.sb.state.tencent.requests.filter((q) => q.path === job.api).map((q) => [q.at, q.code]);
		writeFileSync(`${process.env.BENCH_LATENCY_DUMP}.${job.id}@${rttMs}`, all.map(([at, code]) => `${Number(at) - calls.firstAt} ${code}`).join('\n'));
	}
	const result = outcome === 'stopped' ? undefined : outcome;
	const startedAt = result ? result.nodeStartedAt : goAt;
	const prepareMs = calls.firstAt - startedAt;
	// A stopped run: its pace so far (arrivals of the accepted calls), carried to the last call.
	const projectedMs = result ? result.nodeMs : prepareMs + ((lastAt - calls.firstAt) * (job.calls - 1)) / Math.max(1, calls.accepted - 1) + setupMs + rttMs;
	const measuredMs = result ? result.nodeMs : stoppedAt - goAt;
	const efficiency = minMs / projectedMs;
	const throttled = ctx.sb.stats.throttled;
	return { job, rttMs, setupMs, minMs, guardMs, result, stopped: !result, measuredMs, projectedMs, efficiency, prepareMs, calls, throttled, maxInFlight: ctx.sb.stats.maxInFlight };
}

/** BENCH_LATENCY_RTTS=250 / BENCH_LATENCY_JOBS=sends,tags-tencent: a part of the scenario (helper runs). */
const pick = <T>(all: T[], env: string | undefined, id: (x: T) => string) => (env ? all.filter((x) => env.split(',').includes(id(x))) : all);

export async function latencyScenario(ctx: BenchContext): Promise<ScenarioOutcome> {
	const t0 = Date.now();
	const runs: Array<Awaited<ReturnType<typeof runJob>>> = [];
	for (const rttMs of pick(LATENCY_RTTS_MS, process.env.BENCH_LATENCY_RTTS, String)) {
		for (const job of pick(jobs(), process.env.BENCH_LATENCY_JOBS, (j) => j.id)) {
			ctx.log(`Latency ${rttMs} ms (+ ${SETUP_ROUND_TRIPS * rttMs} ms per new connection): ${job.title} …`);
			const x = await runJob(ctx, job, rttMs);
			runs.push(x);
			ctx.log(
				`  ${x.stopped ? `stopped after ${s(x.measuredMs)} with ${n(x.calls.accepted)} of ${n(job.calls)} calls, projected ${s(x.projectedMs)}` : s(x.measuredMs)} (minimum ${s(x.minMs)}, efficiency ${r(x.efficiency)}), ${x.throttled} throttle answers, at most ${x.maxInFlight} in flight`,
			);
		}
	}
	const rows: Row[] = runs.map((x) => ({
		scenario: `Latency ${x.rttMs} ms + ${x.setupMs} ms connection setup: ${x.job.title}, default settings`,
		measured: x.stopped
			? `stopped after ${s(x.measuredMs)} with ${n(x.calls.accepted)} of ${n(x.job.calls)} calls done; at that pace ${s(x.projectedMs)}; ≤ ${x.maxInFlight} in flight`
			: `${s(x.measuredMs)} (${s(x.prepareMs)} before the first call); ${n(x.calls.accepted)} calls, ≤ ${x.maxInFlight} in flight, ${x.throttled} throttled`,
		minimum: s(x.minMs),
		ratio: r(x.efficiency),
		target: `≥ ${TARGET}`,
		pass: !x.stopped && x.efficiency >= TARGET && x.calls.accepted === x.job.calls && (x.result?.errorItems ?? 1) === 0,
	}));
	const worst = runs.find((x) => x.rttMs === 250 && x.job.id === 'sends');
	return {
		id: 'latency',
		title: 'Far-away vendor: round trip + connection setup per call',
		config: { enforceLimits: true, limitScale: 1, rttsMs: LATENCY_RTTS_MS, connectionSetupMs: `${SETUP_ROUND_TRIPS} × RTT per new connection`, delivery: 'node defaults', guard: `stopped after max(${LATENCY_GUARD} × minimum, 30 s)` },
		rows,
		data: Object.fromEntries(
			runs.map((x) => [
				`${x.job.id}@${x.rttMs}ms`,
				{
					rttMs: x.rttMs,
					connectionSetupMs: x.setupMs,
					calls: x.job.calls,
					callsAccepted: x.calls.accepted,
					requestsSent: x.calls.requests,
					minimumMs: x.minMs,
					stopped: x.stopped,
					guardMs: x.guardMs,
					measuredMs: x.measuredMs,
					projectedMs: x.projectedMs,
					efficiency: x.efficiency,
					prepareMs: x.prepareMs,
					throttleAnswersFromSandbox: x.throttled,
					maxInFlightAtSandbox: x.maxInFlight,
					errorItems: x.result?.errorItems,
					errorCodes: x.result?.errorCodes,
					callsPerSecond: (x.calls.accepted * 1000) / Math.max(1, x.calls.spanMs),
				},
			]),
		),
		notes: worst
			? [
					`With a connection per call, each call holds a slot for ${s(worst.setupMs + worst.rttMs)} at 250 ms (handshakes ${s(worst.setupMs)} + round trip). Keeping ${QUOTA.volcengine.requestsPerSecond} calls/s going needs ${QUOTA.volcengine.requestsPerSecond} × ${s(worst.setupMs + worst.rttMs)} ≈ ${Math.ceil((QUOTA.volcengine.requestsPerSecond * (worst.setupMs + worst.rttMs)) / 1000)} calls in flight (Little's law); the sandbox saw at most ${worst.maxInFlight}, i.e. ≈ ${r((worst.calls.accepted * 1000) / Math.max(1, worst.calls.spanMs), 1)} calls/s.`,
				]
			: [],
		seconds: (Date.now() - t0) / 1000,
	};
}
