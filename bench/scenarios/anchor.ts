/* eslint-disable */
// The anchor: what a user builds today without this package, side by side with the node, in a real
// n8n 2.41.1 on Node 24 (the e2e runtime, scripts/n8n-env.ts), against the same sandbox with the
// same limits. The user's workflow is bench/fixtures/anchor-volcengine.json: a Code node that signs
// each item (Volcengine HMAC-SHA256, node:crypto allowed with NODE_FUNCTION_ALLOW_BUILTIN=crypto)
// and n8n's HTTP Request node sending BatchSendMessage with its Batching option at the documented
// 50 requests per second (50 items per batch, 1,000 ms between batches). 10,000 receivers, split
// as a user would: one per item, and 500 per item (BatchSendMessage's maximum).
//
// Then the overhead pair: the same 5,000 one-receiver calls, sandbox unthrottled and without
// latency, anchor without batching and the node with its pacing lifted, both CPU-profiled
// (--cpu-prof) to split the busy time of each node's run between this package, the HTTP Request
// node, and n8n with its libraries (bench/lib/cpuprofile.ts).
import { randomBytes } from 'node:crypto';
import type { IDataObject } from 'n8n-workflow';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
	ensureRuntime,
	freePort,
	importCredentials,
	importWorkflows,
	installPackage,
	n8nInstance,
	packPackage,
	parseRawOutput,
	runN8n,
	tail,
	workflowId,
	type N8nInstance,
} from '../../scripts/n8n-env';
import { sandboxCredentials } from '../../scripts/e2e';
import { SANDBOX_VOLCENGINE } from '../../sandbox/demo-credentials';
import { attributeDir, type Attribution } from '../lib/cpuprofile';
import { AUTOMATIC, n, pacedMinimumMs, r, s, type Row, type ScenarioOutcome } from '../lib/report';
import { callStats, deliveries } from '../lib/sandbox';
import { VOLC_FIRST_ID, volcSendParameters } from '../lib/workflow';
import { QUOTA, type BenchContext } from './context';

/**
 * RTC_BENCH_ANCHOR_RECEIVERS / RTC_BENCH_ANCHOR_CALLS: smaller runs for a quick check of the set-up;
 * RTC_BENCH_KEEP_PROFILES=<dir> keeps the CPU profiles of the overhead pair.
 */
export const ANCHOR_RECEIVERS = Number(process.env.RTC_BENCH_ANCHOR_RECEIVERS ?? 10_000);
export const ANCHOR_SPLITS = [1, 500];
/**
 * Compressed time (see FORMULAS): the sandbox's windows are 1 s / 2, the node's limiter runs twice
 * as fast (bench/lib/n8n-timewarp.ts) and the anchor's Batch Interval is the user's 1,000 ms / 2.
 * Kept at 2 (not 10 as in the fan-outs): at 50 × scale calls/s with 8 calls in flight and a 20 ms
 * round trip the node stays bound by the quota, as it is at the documented rate.
 */
export const ANCHOR_SCALE = 2;
export const ANCHOR_LATENCY_MS = 20;
/** What a user derives from "50 requests per second": 50 items per batch, 1,000 ms apart. */
export const USER_BATCHING = { batchSize: 50, batchInterval: 1000 };
export const OVERHEAD_CALLS = Number(process.env.RTC_BENCH_ANCHOR_CALLS ?? 5_000);

const FIXTURE = join(__dirname, '..', '..', '..', 'bench', 'fixtures', 'anchor-volcengine.json');
const CREDENTIAL = { volcengineRtcApi: { id: 'sandbox-volcengine', name: 'Volcengine RTC (sandbox)' } };

/** Items of `per` receivers each (`json.to`), `total` receivers, consecutive int64 ids above 2^53. */
const itemsCode = (total: number, per: number) =>
	`const out = []; for (let i = 0; i < ${Math.ceil(total / per)}; i++) { const to = []; for (let j = 0; j < ${per}; j++) to.push(String(${VOLC_FIRST_ID}n + BigInt(i * ${per} + j))); out.push({ json: { to } }); } return out;`;

/** The user's workflow with the sandbox's endpoint and keys in the Code node, the given items and batching. */
function anchorWorkflow(slug: string, url: string, code: string, batching: { batchSize: number; batchInterval: number } | undefined): any {
	const wf = JSON.parse(readFileSync(FIXTURE, 'utf8'));
	wf.id = workflowId(`bench-anchor-${slug}`);
	wf.name = `${wf.name} (${slug})`;
	const node = (name: string) => wf.nodes.find((x: any) => x.name === name);
	node('Items').parameters.jsCode = code;
	node('Sign').parameters.jsCode = String(node('Sign').parameters.jsCode)
		.replace("'YOUR_ACCESS_KEY_ID'", JSON.stringify(SANDBOX_VOLCENGINE.accessKeyId))
		.replace("'YOUR_SECRET_ACCESS_KEY'", JSON.stringify(SANDBOX_VOLCENGINE.secretAccessKey))
		.replace("'https://rtc.volcengineapi.com'", JSON.stringify(url))
		.replace("'cn-north-1'", JSON.stringify(SANDBOX_VOLCENGINE.region))
		.replace('const APP_ID = 123456;', `const APP_ID = ${SANDBOX_VOLCENGINE.appId};`);
	node('Send').parameters.options = batching ? { batching: { batch: batching } } : {};
	return wf;
}

/** The same job with the node: Start → Items → Send (Volcengine RTC, Send to Users). */
function oursWorkflow(slug: string, code: string, deliveryOptions: IDataObject): any {
	return {
		id: workflowId(`bench-ours-${slug}`),
		name: `Ours: Volcengine RTC node (${slug})`,
		nodes: [
			{ id: 'o-start', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
			{ id: 'o-items', name: 'Items', type: 'n8n-nodes-base.code', typeVersion: 2, position: [220, 0], parameters: { jsCode: code } },
			{
				id: 'o-send',
				name: 'Send',
				type: 'n8n-nodes-rtc-messaging.volcengineRtc',
				typeVersion: 1,
				position: [440, 0],
				parameters: volcSendParameters({}, deliveryOptions),
				credentials: CREDENTIAL,
				onError: 'continueRegularOutput',
			},
		],
		connections: {
			Start: { main: [[{ node: 'Items', type: 'main', index: 0 }]] },
			Items: { main: [[{ node: 'Send', type: 'main', index: 0 }]] },
		},
		settings: { executionOrder: 'v1' },
		active: false,
	};
}

interface Side {
	/** Node start of the first node of the job (Sign, or ours) to the end of the sending node. */
	ms: number;
	signMs?: number;
	sendMs: number;
	/** Start of the job's first node to the first call at the sandbox. */
	firstCallMs: number;
	calls: number;
	requests: number;
	throttled: number;
	delivered: number;
	duplicates: number;
	lost: number;
	errorItems: number;
	errorCodes: Record<string, number>;
	summary: { delivered: number; failed: number; unknown: number; notSent: number };
	status: string;
	error?: string;
	executeMs: number;
	cpu?: Attribution;
}

async function execute(ctx: BenchContext, inst: N8nInstance, wf: any, sandbox: { enforceLimits: boolean; limitScale: number; latencyMs: number }, receivers: number, profileDir?: string): Promise<Side> {
	ctx.sb.reset();
	ctx.sb.configure(sandbox);
	const env = { ...inst.env };
	if (profileDir) {
		rmSync(profileDir, { recursive: true, force: true });
		mkdirSync(profileDir, { recursive: true });
		env.NODE_OPTIONS = `${env.NODE_OPTIONS ?? ''} --cpu-prof --cpu-prof-dir=${profileDir}`.trim();
		env.RTC_BENCH_CPU_LOG = profileDir;
	}
	const res = await runN8n({ ...inst, env }, ['execute', `--id=${wf.id}`, '--rawOutput'], 900_000);
	let run: any;
	try {
		// `n8n execute` prints the run as pretty JSON (also when the run failed, followed by log lines).
		const m = /^\{\n[\s\S]*?\n\}$/m.exec(res.stdout);
		run = m ? JSON.parse(m[0]) : parseRawOutput(res.stdout);
	} catch (e) {
		if (process.env.RTC_BENCH_KEEP_OUTPUT) require('node:fs').writeFileSync(process.env.RTC_BENCH_KEEP_OUTPUT, res.stdout);
		throw new Error(`${wf.name}: n8n execute exited with ${res.status}; ${(e as Error).message}\n${tail(res.stdout + res.stderr, 30)}`);
	}
	const runData = run.data.resultData.runData;
	const send = runData.Send?.[0];
	const sign = runData.Sign?.[0];
	const first = sign ?? send;
	if (!send) throw new Error(`${wf.name}: the Send node did not run: ${run.data.resultData.error?.message ?? run.status}; ${JSON.stringify(run.data.resultData.error ?? {}).slice(0, 1500)}`);
	const calls = callStats(ctx.sb, 'volcengine', 'BatchSendMessage');
	const got = deliveries(ctx.sb, 'volcengine');
	const side: Side = {
		ms: send.startTime + send.executionTime - first.startTime,
		signMs: sign?.executionTime,
		sendMs: send.executionTime,
		firstCallMs: calls.firstAt - first.startTime,
		calls: calls.accepted,
		requests: calls.requests,
		throttled: ctx.sb.stats.throttled,
		delivered: got.receivers,
		duplicates: got.duplicates,
		lost: receivers - got.receivers,
		errorItems: 0,
		errorCodes: {},
		summary: { delivered: 0, failed: 0, unknown: 0, notSent: 0 },
		status: run.status,
		error: run.data.resultData.error?.message,
		executeMs: res.ms,
	};
	for (const item of send?.data?.main?.[0] ?? []) {
		const j = item.json ?? {};
		const errs = j.error !== undefined ? [j] : Array.isArray(j.errors) ? j.errors : [];
		for (const e of errs) {
			side.errorItems++;
			const code = String(e.code ?? e.error?.code ?? e.httpCode ?? (typeof e.error === 'string' ? e.error.slice(0, 40) : 'none'));
			side.errorCodes[code] = (side.errorCodes[code] ?? 0) + 1;
		}
		if (typeof j.deliveredCount === 'number') {
			side.summary.delivered += j.deliveredCount;
			side.summary.failed += Number(j.failedCount ?? 0);
			side.summary.unknown += Number(j.unknownCount ?? 0);
			side.summary.notSent += Number(j.notSentCount ?? 0);
		}
	}
	if (profileDir) {
		if (process.env.RTC_BENCH_KEEP_PROFILES) require('node:fs').cpSync(profileDir, join(process.env.RTC_BENCH_KEEP_PROFILES, profileDir.split('/').pop()!), { recursive: true });
		side.cpu = attributeDir(profileDir, {
			isPackage: (url) => /n8n-nodes-rtc-messaging[\\/]dist[\\/]/.test(url) || /node_modules[\\/]zod[\\/]/.test(url),
			isNode: (url) => (sign ? /n8n-nodes-base[\\/]dist[\\/]nodes[\\/]HttpRequest[\\/]/ : /n8n-nodes-rtc-messaging[\\/]dist[\\/]/).test(url),
		});
	}
	return side;
}

const ratio = (a: number, b: number) => (b > 0 ? a / b : NaN);

export async function anchorScenario(ctx: BenchContext): Promise<ScenarioOutcome> {
	const t0 = Date.now();
	const work = mkdtempSync(join(tmpdir(), 'rtc-bench-anchor-'));
	try {
		const rt = await ensureRuntime((l) => ctx.log(`  ${l}`));
		const userFolder = join(work, 'user');
		const tarball = await packPackage(work);
		await installPackage(userFolder, tarball);
		const inst = n8nInstance(rt, userFolder, randomBytes(24).toString('hex'), await freePort());
		// What a self-hoster sets so a Code node may require('crypto') (n8n docs, "Enable modules in
		// Code node": NODE_FUNCTION_ALLOW_BUILTIN); passed on to the task runner by n8n 2.41
		// (dist/task-runners/task-runner-process-js.js).
		inst.env.NODE_FUNCTION_ALLOW_BUILTIN = 'crypto';
		inst.env.NODE_OPTIONS = `--require ${join(__dirname, '..', 'lib', 'n8n-timewarp.js')}`;
		inst.env.RTC_BENCH_TIME_SCALE = String(ANCHOR_SCALE);
		await importCredentials(inst, sandboxCredentials(ctx.sb.url), join(work, 'credentials.json'));
		const scaledBatching = { batchSize: USER_BATCHING.batchSize, batchInterval: USER_BATCHING.batchInterval / ANCHOR_SCALE };
		const pairs = ANCHOR_SPLITS.map((per) => ({
			per,
			anchor: anchorWorkflow(`${per}-per-item`, ctx.sb.url, itemsCode(ANCHOR_RECEIVERS, per), scaledBatching),
			ours: oursWorkflow(`${per}-per-item`, itemsCode(ANCHOR_RECEIVERS, per), {}),
		}));
		const overhead = {
			anchor: anchorWorkflow('overhead', ctx.sb.url, itemsCode(OVERHEAD_CALLS, 1), undefined),
			ours: oursWorkflow('overhead', itemsCode(OVERHEAD_CALLS, 1), { requestsPerSecond: 100000 }),
		};
		await importWorkflows(inst, [...pairs.flatMap((p) => [p.anchor, p.ours]), overhead.anchor, overhead.ours], join(work, 'workflows'));

		const limited = { enforceLimits: true, limitScale: ANCHOR_SCALE, latencyMs: ANCHOR_LATENCY_MS };
		const results: Array<{ per: number; anchor: Side; ours: Side; minMs: number; minCalls: number }> = [];
		for (const p of pairs) {
			const minCalls = Math.ceil(ANCHOR_RECEIVERS / p.per);
			const minMs = pacedMinimumMs({
				calls: minCalls,
				callLimit: QUOTA.volcengine.requestsPerSecond,
				units: ANCHOR_RECEIVERS,
				unitLimit: QUOTA.volcengine.messagesPerMinute,
				unitsPerCall: p.per,
				scale: ANCHOR_SCALE,
				concurrency: AUTOMATIC,
				rttMs: ANCHOR_LATENCY_MS,
			}).ms;
			ctx.log(`Anchor, ${n(ANCHOR_RECEIVERS)} receivers, ${p.per} per item: Code node + HTTP Request node (batching ${scaledBatching.batchSize} per ${scaledBatching.batchInterval} ms) …`);
			const anchor = await execute(ctx, inst, p.anchor, limited, ANCHOR_RECEIVERS);
			ctx.log(`  ${s(anchor.ms)} (sign ${s(anchor.signMs ?? NaN)}), ${n(anchor.calls)}/${n(anchor.requests)} calls, ${n(anchor.throttled)} throttled, ${n(anchor.lost)} lost, ${n(anchor.duplicates)} duplicates, ${n(anchor.errorItems)} error items`);
			ctx.log(`  … and the node, default settings …`);
			const ours = await execute(ctx, inst, p.ours, limited, ANCHOR_RECEIVERS);
			ctx.log(`  ${s(ours.ms)}, ${n(ours.calls)}/${n(ours.requests)} calls, ${n(ours.throttled)} throttled, ${n(ours.lost)} lost, ${n(ours.duplicates)} duplicates, ${n(ours.errorItems)} error items`);
			results.push({ per: p.per, anchor, ours, minMs, minCalls });
		}

		const free = { enforceLimits: false, limitScale: 1, latencyMs: 0 };
		ctx.log(`Overhead in n8n: ${n(OVERHEAD_CALLS)} one-receiver calls, sandbox unthrottled, no latency, CPU-profiled …`);
		const oa = await execute(ctx, inst, overhead.anchor, free, OVERHEAD_CALLS, join(work, 'prof-anchor'));
		const oo = await execute(ctx, inst, overhead.ours, free, OVERHEAD_CALLS, join(work, 'prof-ours'));
		const perCall = (side: Side, k: keyof Attribution['ms']) => (side.cpu ? (side.cpu.ms[k] * 1000) / OVERHEAD_CALLS : NaN);
		const busy = (side: Side) => (side.cpu ? ((Object.values(side.cpu.ms).reduce((a, b) => a + b, 0) - side.cpu.ms.idle) * 1000) / OVERHEAD_CALLS : NaN);
		/** The package's per-call work: signing + the delivery layer (request, body, pacing, answer). */
		const perCallPackage = (side: Side) => perCall(side, 'packageSigning') + perCall(side, 'packageSending');
		ctx.log(`  anchor ${s(oa.ms)} (sign ${s(oa.signMs ?? NaN)}), node ${s(oo.ms)}; package CPU per call ${perCallPackage(oo).toFixed(0)} µs (signing ${perCall(oo, 'packageSigning').toFixed(0)}, sending ${perCall(oo, 'packageSending').toFixed(0)}), reading ${perCall(oo, 'packageReading').toFixed(0)} µs per item; CPU per call: node ${busy(oo).toFixed(0)} µs, HTTP Request node ${busy(oa).toFixed(0)} µs (CPU / sampled: ${r(oo.cpu?.cpuScale ?? NaN)}, ${r(oa.cpu?.cpuScale ?? NaN)})`);

		const rows: Row[] = [];
		for (const x of results) {
			const label = `Anchor vs node, ${n(ANCHOR_RECEIVERS)} receivers, ${x.per} per item`;
			const line = (side: Side) => `${s(side.ms)}; ${n(side.calls)} calls (${n(side.requests)} sent), ${n(side.throttled)} throttled, ${n(side.lost)} lost${side.duplicates ? `, ${n(side.duplicates)} duplicates` : ''}`;
			rows.push({ scenario: `${label}: Code node + HTTP Request node (batching ${USER_BATCHING.batchSize} / ${USER_BATCHING.batchInterval} ms)`, measured: line(x.anchor), minimum: s(x.minMs), ratio: r(x.minMs / x.anchor.ms), target: '—', pass: null });
			rows.push({ scenario: `${label}: the node (defaults)`, measured: line(x.ours), minimum: s(x.minMs), ratio: r(x.minMs / x.ours.ms), target: '0 lost', pass: x.ours.lost === 0 && x.ours.duplicates === 0 });
			rows.push({
				scenario: `${label}: node / anchor`,
				measured: `time ${r(ratio(x.ours.ms, x.anchor.ms))}×, calls ${r(ratio(x.ours.calls, x.anchor.calls))}×, lost ${n(x.ours.lost)} vs ${n(x.anchor.lost)}`,
				minimum: '—',
				ratio: r(ratio(x.ours.ms, x.anchor.ms)),
				target: '—',
				pass: null,
			});
		}
		rows.push({
			scenario: `Package CPU per call in n8n (${n(OVERHEAD_CALLS)} one-receiver sends, no latency): signing + sending (request, body, pacing, answer)`,
			measured: `${perCallPackage(oo).toFixed(0)} µs (signing ${perCall(oo, 'packageSigning').toFixed(0)}, sending ${perCall(oo, 'packageSending').toFixed(0)}); of ${busy(oo).toFixed(0)} µs CPU per call in the node's run: n8n ${perCall(oo, 'n8n').toFixed(0)}, runtime ${perCall(oo, 'runtime').toFixed(0)}, GC ${perCall(oo, 'gc').toFixed(0)}`,
			minimum: '—',
			ratio: '—',
			target: '≤ 100 µs',
			pass: perCallPackage(oo) <= 100 && oo.lost === 0,
		});
		rows.push({
			scenario: `Package CPU per item in n8n, reading (parameters, validation, routing, output; zod included)`,
			measured: `${perCall(oo, 'packageReading').toFixed(0)} µs`,
			minimum: '—',
			ratio: '—',
			target: '—',
			pass: null,
		});
		rows.push({
			scenario: `Node vs HTTP Request node in the same n8n (${n(OVERHEAD_CALLS)} calls, no pacing, no latency)`,
			measured: `node ${s(oo.ms)} vs Code node + HTTP Request node ${s(oa.ms)} (sign ${s(oa.signMs ?? NaN)}); CPU per call in the sending node's run ${busy(oo).toFixed(0)} µs vs ${busy(oa).toFixed(0)} µs (the node's own code ${(perCallPackage(oo) + perCall(oo, 'packageReading')).toFixed(0)} µs, the HTTP Request node's own ${perCall(oa, 'httpRequestNode').toFixed(0)} µs)`,
			minimum: '—',
			ratio: `${r(ratio(oo.ms, oa.ms))}×`,
			target: '—',
			pass: null,
		});
		return {
			id: 'anchor',
			title: 'Anchor: the HTTP Request node with a Code node that signs, side by side with the node',
			config: { n8n: rt.dir.split('/').pop(), limitScale: ANCHOR_SCALE, latencyMs: ANCHOR_LATENCY_MS, userBatching: USER_BATCHING, batchingInSandboxTime: scaledBatching, receivers: ANCHOR_RECEIVERS, splits: ANCHOR_SPLITS, nodeDelivery: 'defaults', overheadCalls: OVERHEAD_CALLS, fixture: 'bench/fixtures/anchor-volcengine.json' },
			rows,
			data: {
				runs: results.map((x) => ({ receiversPerItem: x.per, minimumMs: x.minMs, minimumCalls: x.minCalls, anchor: x.anchor, ours: x.ours, timeRatio: ratio(x.ours.ms, x.anchor.ms) })),
				overhead: { anchor: oa, ours: oo, packageUsPerCall: perCallPackage(oo), packageSigningUsPerCall: perCall(oo, 'packageSigning'), packageSendingUsPerCall: perCall(oo, 'packageSending'), packageReadingUsPerItem: perCall(oo, 'packageReading'), httpRequestNodeOwnUsPerCall: perCall(oa, 'httpRequestNode'), nodeBusyUsPerCall: busy(oo), anchorBusyUsPerCall: busy(oa) },
			},
			notes: [
				`The anchor is bench/fixtures/anchor-volcengine.json run by \`n8n execute\`: its Code node signs every item up front (X-Date is the signing time, so a send that takes longer than the vendor's 15-minute window would fail), and the HTTP Request node fires each batch of ${USER_BATCHING.batchSize} at once, ${USER_BATCHING.batchInterval} ms apart (in sandbox time), without waiting for answers and without retrying a throttled call (429 FlowLimitExceeded): such an item is an error item and its receivers are lost. The node paces to the quota, retries throttles and reports per receiver.`,
			],
			seconds: (Date.now() - t0) / 1000,
		};
	} finally {
		rmSync(work, { recursive: true, force: true });
	}
}
