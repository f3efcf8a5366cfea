/* eslint-disable */
// The anchor: what a user builds today without this package, side by side with the node, in a real
// n8n 2.41.1 on Node 24 (the e2e runtime, scripts/n8n-env.ts), against the same sandbox with the
// same limits. The user's workflows:
// - bench/fixtures/anchor-volcengine.json: a Code node that signs each item (Volcengine
//   HMAC-SHA256, node:crypto allowed with NODE_FUNCTION_ALLOW_BUILTIN=crypto) and n8n's HTTP
//   Request node sending BatchSendMessage with its Batching option at the documented 50 requests
//   per second (50 items per batch, 1,000 ms between batches);
// - bench/fixtures/anchor-tencent.json: a Code node that computes a UserSig per item
//   (tls-sig-api-v2's genUserSig pasted verbatim: HMAC-SHA256, zlib deflate, Tencent's base64
//   variant; NODE_FUNCTION_ALLOW_BUILTIN=crypto,zlib) and the HTTP Request node calling
//   v4/openim/sendmsg (1 receiver per item) or v4/openim/batchsendmsg (500 per item) with
//   Batching at the documented 200 calls per second (200 items per batch, 1,000 ms apart).
// 10,000 receivers, split as a user would: one per item, and 500 per item (the batch APIs' maximum).
//
// Then the overhead pairs (one per vendor): 5,000 one-receiver calls, sandbox unthrottled and
// without latency, anchor without batching and the node with its pacing lifted, both CPU-profiled
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
	run as runCommand,
	tail,
	workflowId,
	type N8nInstance,
} from '../../scripts/n8n-env';
import { sandboxCredentials } from '../../scripts/e2e';
import { SANDBOX_TENCENT, SANDBOX_VOLCENGINE } from '../../sandbox/demo-credentials';
import { attributeDir, type Attribution } from '../lib/cpuprofile';
import type { Vendor } from '../lib/protocol';
import { AUTOMATIC, n, pacedMinimumMs, r, s, type Row, type ScenarioOutcome } from '../lib/report';
import { ACTION, callStats, deliveries } from '../lib/sandbox';
import { tencentSendParameters, VOLC_FIRST_ID, volcSendParameters } from '../lib/workflow';
import { QUOTA, VENDOR_NAME, type BenchContext } from './context';

/**
 * RTC_BENCH_ANCHOR_RECEIVERS / RTC_BENCH_ANCHOR_CALLS: smaller runs for a quick check of the set-up;
 * RTC_BENCH_ANCHOR_VENDORS=tencent (or volcengine): one vendor only;
 * RTC_BENCH_KEEP_PROFILES=<dir> keeps the CPU profiles of the overhead pairs.
 */
export const ANCHOR_RECEIVERS = Number(process.env.RTC_BENCH_ANCHOR_RECEIVERS ?? 10_000);
export const ANCHOR_SPLITS = [1, 500];
export const ANCHOR_LATENCY_MS = 20;
export const OVERHEAD_CALLS = Number(process.env.RTC_BENCH_ANCHOR_CALLS ?? 5_000);
export const NODE_VS_HTTP_TARGET = 1.1;
const ANCHOR_VENDORS = (process.env.RTC_BENCH_ANCHOR_VENDORS ?? 'volcengine,tencent').split(',').filter((v): v is Vendor => v === 'volcengine' || v === 'tencent');

const fixture = (name: string) => join(__dirname, '..', '..', '..', 'bench', 'fixtures', name);

/** A vendor's anchor: the user's workflow, what a user sets, and the node's side. */
interface AnchorSpec {
	vendor: Vendor;
	fixture: string;
	/** NODE_FUNCTION_ALLOW_BUILTIN: what the user's Code node has to require. */
	builtins: string;
	/**
	 * Compressed time (see FORMULAS): the sandbox's windows are 1 s / scale, the node's limiter runs
	 * scale times as fast (bench/lib/n8n-timewarp.ts) and the anchor's Batch Interval is the user's
	 * 1,000 ms / scale. Volcengine: 2 (not 10 as in the fan-outs): at 50 × scale calls/s with a 20 ms
	 * round trip the node stays bound by the quota, as it is at the documented rate. Tencent: 1, its
	 * documented 200 calls/s already asks 200 calls/s of n8n's request helper.
	 */
	scale: number;
	/** What a user derives from the documented call rate: that many items per batch, 1,000 ms apart. */
	batching: { batchSize: number; batchInterval: number };
	quota: { requestsPerSecond: number; messagesPerMinute: number };
	/** The API the anchor calls with `per` receivers per item (sandbox log: Volcengine Action, Tencent path). */
	anchorApi: (per: number) => string;
	/** The user's Code node with the sandbox's endpoint and keys, calling `anchorApi(per)`. */
	sign: (code: string, url: string, per: number) => string;
	nodeType: string;
	credential: IDataObject;
	parameters: (deliveryOptions: IDataObject) => IDataObject;
	/** The `k`-th receiver id, as a JS expression over `k`. */
	receiver: string;
	/** Accounts the sandbox must know before the run (Tencent delivers to imported accounts only). */
	seed?: (ctx: BenchContext, receivers: number) => void;
}

export const ANCHOR_SPECS: Record<Vendor, AnchorSpec> = {
	volcengine: {
		vendor: 'volcengine',
		fixture: 'anchor-volcengine.json',
		builtins: 'crypto',
		scale: 2,
		batching: { batchSize: 50, batchInterval: 1000 },
		quota: QUOTA.volcengine,
		anchorApi: () => 'BatchSendMessage',
		sign: (code, url) =>
			code
				.replace("'YOUR_ACCESS_KEY_ID'", JSON.stringify(SANDBOX_VOLCENGINE.accessKeyId))
				.replace("'YOUR_SECRET_ACCESS_KEY'", JSON.stringify(SANDBOX_VOLCENGINE.secretAccessKey))
				.replace("'https://rtc.volcengineapi.com'", JSON.stringify(url))
				.replace("'cn-north-1'", JSON.stringify(SANDBOX_VOLCENGINE.region))
				.replace('const APP_ID = 123456;', `const APP_ID = ${SANDBOX_VOLCENGINE.appId};`),
		nodeType: 'n8n-nodes-rtc-messaging.volcengineRtc',
		credential: { volcengineRtcApi: { id: 'sandbox-volcengine', name: 'Volcengine RTC (sandbox)' } },
		parameters: (d) => volcSendParameters({}, d),
		receiver: `String(${VOLC_FIRST_ID}n + BigInt(k))`,
	},
	tencent: {
		vendor: 'tencent',
		fixture: 'anchor-tencent.json',
		builtins: 'crypto,zlib',
		scale: 1,
		batching: { batchSize: 200, batchInterval: 1000 },
		quota: QUOTA.tencent,
		anchorApi: (per) => (per === 1 ? 'openim/sendmsg' : 'openim/batchsendmsg'),
		sign: (code, url, per) =>
			code
				.replace('const SDKAPPID = 1400000000;', `const SDKAPPID = ${SANDBOX_TENCENT.sdkAppId};`)
				.replace("'YOUR_SECRET_KEY'", JSON.stringify(SANDBOX_TENCENT.secretKey))
				.replace("const ADMIN = 'administrator';", `const ADMIN = ${JSON.stringify(SANDBOX_TENCENT.adminUserId)};`)
				.replace("'https://console.tim.qq.com'", JSON.stringify(url))
				.replace("const API = 'v4/openim/batchsendmsg';", `const API = ${JSON.stringify(per === 1 ? 'v4/openim/sendmsg' : 'v4/openim/batchsendmsg')};`),
		nodeType: 'n8n-nodes-rtc-messaging.tencentChat',
		credential: { tencentChatApi: { id: 'sandbox-tencent', name: 'Tencent Chat (sandbox)' } },
		parameters: (d) => tencentSendParameters({}, d),
		receiver: `'bench_' + k`,
		seed: (ctx, receivers) => ctx.sb.seedTencentAccounts(Array.from({ length: receivers }, (_, k) => `bench_${k}`)),
	},
};

/** Items of `per` receivers each (`json.to`), `total` receivers, consecutive ids (Volcengine: int64 above 2^53). */
const itemsCode = (spec: AnchorSpec, total: number, per: number) =>
	`const out = []; for (let i = 0; i < ${Math.ceil(total / per)}; i++) { const to = []; for (let j = 0; j < ${per}; j++) { const k = i * ${per} + j; to.push(${spec.receiver}); } out.push({ json: { to } }); } return out;`;

/** The user's workflow with the sandbox's endpoint and keys in the Code node, the given items and batching. */
function anchorWorkflow(spec: AnchorSpec, slug: string, url: string, per: number, code: string, batching: { batchSize: number; batchInterval: number } | undefined): any {
	const wf = JSON.parse(readFileSync(fixture(spec.fixture), 'utf8'));
	wf.id = workflowId(`bench-anchor-${spec.vendor}-${slug}`);
	wf.name = `${wf.name} (${slug})`;
	const node = (name: string) => wf.nodes.find((x: any) => x.name === name);
	node('Items').parameters.jsCode = code;
	const signed = spec.sign(String(node('Sign').parameters.jsCode), url, per);
	if (signed.includes('YOUR_')) throw new Error(`${spec.fixture}: a placeholder was not replaced`);
	node('Sign').parameters.jsCode = signed;
	node('Send').parameters.options = batching ? { batching: { batch: batching } } : {};
	return wf;
}

/** The same job with the node: Start → Items → Send (Send to Users). */
function oursWorkflow(spec: AnchorSpec, slug: string, code: string, deliveryOptions: IDataObject): any {
	return {
		id: workflowId(`bench-ours-${spec.vendor}-${slug}`),
		name: `Ours: ${VENDOR_NAME[spec.vendor]} node (${slug})`,
		nodes: [
			{ id: 'o-start', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
			{ id: 'o-items', name: 'Items', type: 'n8n-nodes-base.code', typeVersion: 2, position: [220, 0], parameters: { jsCode: code } },
			{
				id: 'o-send',
				name: 'Send',
				type: spec.nodeType,
				typeVersion: 1,
				position: [440, 0],
				parameters: spec.parameters(deliveryOptions),
				credentials: spec.credential,
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

interface Run {
	spec: AnchorSpec;
	/** The API whose calls are counted. */
	api: string;
	sandbox: { enforceLimits: boolean; limitScale: number; latencyMs: number };
	receivers: number;
	profileDir?: string;
}

async function execute(ctx: BenchContext, inst: N8nInstance, wf: any, o: Run): Promise<Side> {
	ctx.sb.reset();
	ctx.sb.configure(o.sandbox);
	o.spec.seed?.(ctx, o.receivers);
	// What a self-hoster sets so a Code node may require('crypto') (and 'zlib'): n8n docs, "Enable
	// modules in Code node": NODE_FUNCTION_ALLOW_BUILTIN; passed on to the task runner by n8n 2.41
	// (dist/task-runners/task-runner-process-js.js).
	const env: NodeJS.ProcessEnv = { ...inst.env, NODE_FUNCTION_ALLOW_BUILTIN: o.spec.builtins, RTC_BENCH_TIME_SCALE: String(o.sandbox.limitScale) };
	if (o.profileDir) {
		rmSync(o.profileDir, { recursive: true, force: true });
		mkdirSync(o.profileDir, { recursive: true });
		env.NODE_OPTIONS = `${env.NODE_OPTIONS ?? ''} --cpu-prof --cpu-prof-dir=${o.profileDir}`.trim();
		env.RTC_BENCH_CPU_LOG = o.profileDir;
	}
	// stdout to a file, not a pipe: a file is written synchronously, while `n8n execute` exits before
	// a pipe has taken tens of MB of run data (10,000 items), which cut the JSON short under load.
	const outFile = join(inst.userFolder, `execute-${wf.id}.json`);
	const res = await runCommand('/bin/sh', ['-c', 'out="$1"; shift; exec "$@" > "$out"', 'sh', outFile, inst.rt.node, inst.rt.n8n, 'execute', `--id=${wf.id}`, '--rawOutput'], {
		env,
		cwd: inst.userFolder,
		timeoutMs: 900_000,
	});
	res.stdout = readFileSync(outFile, 'utf8');
	rmSync(outFile, { force: true });
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
	const calls = callStats(ctx.sb, o.spec.vendor, o.api);
	const got = deliveries(ctx.sb, o.spec.vendor);
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
		lost: o.receivers - got.receivers,
		errorItems: 0,
		errorCodes: {},
		summary: { delivered: 0, failed: 0, unknown: 0, notSent: 0 },
		status: run.status,
		error: run.data.resultData.error?.message,
		executeMs: res.ms,
	};
	for (const item of send?.data?.main?.[0] ?? []) {
		const j = item.json ?? {};
		// Tencent answers HTTP 200 with ErrorCode ≠ 0 (60007, 90057 when throttled): the HTTP Request
		// node passes such an answer on as a normal item.
		const errs = j.error !== undefined ? [j] : typeof j.ErrorCode === 'number' && j.ErrorCode !== 0 ? [{ code: j.ErrorCode }] : Array.isArray(j.errors) ? j.errors : [];
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
	if (o.profileDir) {
		if (process.env.RTC_BENCH_KEEP_PROFILES) require('node:fs').cpSync(o.profileDir, join(process.env.RTC_BENCH_KEEP_PROFILES, o.profileDir.split('/').pop()!), { recursive: true });
		side.cpu = attributeDir(o.profileDir, {
			isPackage: (url) => /n8n-nodes-rtc-messaging[\\/]dist[\\/]/.test(url) || /node_modules[\\/]zod[\\/]/.test(url),
			isNode: (url) => (sign ? /n8n-nodes-base[\\/]dist[\\/]nodes[\\/]HttpRequest[\\/]/ : /n8n-nodes-rtc-messaging[\\/]dist[\\/]/).test(url),
		});
	}
	return side;
}

const ratio = (a: number, b: number) => (b > 0 ? a / b : NaN);

interface PairResult {
	per: number;
	anchor: Side;
	ours: Side;
	minMs: number;
	minCalls: number;
}

interface OverheadResult {
	anchor: Side;
	ours: Side;
	/** µs per call of one owner, CPU time. */
	perCall: (side: Side, k: keyof Attribution['ms']) => number;
	/** Busy CPU µs per call in the sending node's run (idle excluded). */
	busy: (side: Side) => number;
	/** The package's per-call work: signing + the delivery layer (request, body, pacing, answer). */
	pkg: number;
}

function overheadOf(anchor: Side, ours: Side): OverheadResult {
	const perCall = (side: Side, k: keyof Attribution['ms']) => (side.cpu ? (side.cpu.ms[k] * 1000) / OVERHEAD_CALLS : NaN);
	const busy = (side: Side) => (side.cpu ? ((Object.values(side.cpu.ms).reduce((a, b) => a + b, 0) - side.cpu.ms.idle) * 1000) / OVERHEAD_CALLS : NaN);
	return { anchor, ours, perCall, busy, pkg: perCall(ours, 'packageSigning') + perCall(ours, 'packageSending') };
}

/** The rows of one vendor: the paced pairs, then the overhead pair. */
function vendorRows(spec: AnchorSpec, results: PairResult[], o: OverheadResult): Row[] {
	const name = VENDOR_NAME[spec.vendor];
	const b = spec.batching;
	const rows: Row[] = [];
	for (const x of results) {
		const label = `Anchor vs node, ${name}, ${n(ANCHOR_RECEIVERS)} receivers, ${x.per} per item`;
		const line = (side: Side) => `${s(side.ms)}; ${n(side.calls)} calls (${n(side.requests)} sent), ${n(side.throttled)} throttled, ${n(side.lost)} lost${side.duplicates ? `, ${n(side.duplicates)} duplicates` : ''}`;
		const api = spec.vendor === 'tencent' ? ` ${spec.anchorApi(x.per)}` : '';
		rows.push({ scenario: `${label}: Code node + HTTP Request node${api} (batching ${b.batchSize} / ${b.batchInterval} ms)`, measured: line(x.anchor), minimum: s(x.minMs), ratio: r(x.minMs / x.anchor.ms), target: '—', pass: null });
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
	const { anchor: oa, ours: oo, perCall, busy, pkg } = o;
	rows.push({
		scenario: `${name}: package CPU per call in n8n (${n(OVERHEAD_CALLS)} one-receiver sends, no latency): signing + sending (request, body, pacing, answer)`,
		measured: `${pkg.toFixed(0)} µs (signing ${perCall(oo, 'packageSigning').toFixed(0)}, sending ${perCall(oo, 'packageSending').toFixed(0)}); of ${busy(oo).toFixed(0)} µs CPU per call in the node's run: n8n ${perCall(oo, 'n8n').toFixed(0)}, runtime ${perCall(oo, 'runtime').toFixed(0)}, GC ${perCall(oo, 'gc').toFixed(0)}`,
		minimum: '—',
		ratio: '—',
		target: '≤ 100 µs',
		pass: pkg <= 100 && oo.lost === 0,
	});
	rows.push({
		scenario: `${name}: package CPU per item in n8n, reading (parameters, validation, routing, output; zod included)`,
		measured: `${perCall(oo, 'packageReading').toFixed(0)} µs`,
		minimum: '—',
		ratio: '—',
		target: '—',
		pass: null,
	});
	rows.push({
		scenario: `${name}: node vs HTTP Request node in the same n8n (${n(OVERHEAD_CALLS)} calls, no pacing, no latency)`,
		measured: `node ${s(oo.ms)} vs Code node + HTTP Request node ${s(oa.ms)} (sign ${s(oa.signMs ?? NaN)}); CPU per call in the sending node's run ${busy(oo).toFixed(0)} µs vs ${busy(oa).toFixed(0)} µs (the node's own code ${(pkg + perCall(oo, 'packageReading')).toFixed(0)} µs, the HTTP Request node's own ${perCall(oa, 'httpRequestNode').toFixed(0)} µs); ${n(oo.lost)} vs ${n(oa.lost)} lost`,
		minimum: '—',
		ratio: `${r(ratio(oo.ms, oa.ms))}×`,
		target: `≤ ${NODE_VS_HTTP_TARGET}×`,
		pass: ratio(oo.ms, oa.ms) <= NODE_VS_HTTP_TARGET && oo.lost === 0,
	});
	return rows;
}

export async function anchorScenario(ctx: BenchContext): Promise<ScenarioOutcome> {
	const t0 = Date.now();
	const work = mkdtempSync(join(tmpdir(), 'rtc-bench-anchor-'));
	try {
		const rt = await ensureRuntime((l) => ctx.log(`  ${l}`));
		const userFolder = join(work, 'user');
		const tarball = await packPackage(work);
		await installPackage(userFolder, tarball);
		const inst = n8nInstance(rt, userFolder, randomBytes(24).toString('hex'), await freePort());
		inst.env.NODE_OPTIONS = `--require ${join(__dirname, '..', 'lib', 'n8n-timewarp.js')}`;
		await importCredentials(inst, sandboxCredentials(ctx.sb.url), join(work, 'credentials.json'));
		const specs = ANCHOR_VENDORS.map((v) => ANCHOR_SPECS[v]);
		const scaled = (spec: AnchorSpec) => ({ batchSize: spec.batching.batchSize, batchInterval: spec.batching.batchInterval / spec.scale });
		const plans = specs.map((spec) => ({
			spec,
			pairs: ANCHOR_SPLITS.map((per) => ({
				per,
				anchor: anchorWorkflow(spec, `${per}-per-item`, ctx.sb.url, per, itemsCode(spec, ANCHOR_RECEIVERS, per), scaled(spec)),
				ours: oursWorkflow(spec, `${per}-per-item`, itemsCode(spec, ANCHOR_RECEIVERS, per), {}),
			})),
			overhead: {
				anchor: anchorWorkflow(spec, 'overhead', ctx.sb.url, 1, itemsCode(spec, OVERHEAD_CALLS, 1), undefined),
				ours: oursWorkflow(spec, 'overhead', itemsCode(spec, OVERHEAD_CALLS, 1), { requestsPerSecond: 100000 }),
			},
		}));
		await importWorkflows(inst, plans.flatMap((p) => [...p.pairs.flatMap((x) => [x.anchor, x.ours]), p.overhead.anchor, p.overhead.ours]), join(work, 'workflows'));

		const rows: Row[] = [];
		const data: Record<string, unknown> = {};
		const notes: string[] = [];
		for (const plan of plans) {
			const { spec } = plan;
			const name = VENDOR_NAME[spec.vendor];
			const limited = { enforceLimits: true, limitScale: spec.scale, latencyMs: ANCHOR_LATENCY_MS };
			const results: PairResult[] = [];
			for (const p of plan.pairs) {
				const minCalls = Math.ceil(ANCHOR_RECEIVERS / p.per);
				const minMs = pacedMinimumMs({
					calls: minCalls,
					callLimit: spec.quota.requestsPerSecond,
					units: ANCHOR_RECEIVERS,
					unitLimit: spec.quota.messagesPerMinute,
					unitsPerCall: p.per,
					scale: spec.scale,
					concurrency: AUTOMATIC,
					rttMs: ANCHOR_LATENCY_MS,
				}).ms;
				const sb = scaled(spec);
				ctx.log(`Anchor, ${name}, ${n(ANCHOR_RECEIVERS)} receivers, ${p.per} per item: Code node + HTTP Request node ${spec.anchorApi(p.per)} (batching ${sb.batchSize} per ${sb.batchInterval} ms) …`);
				const anchor = await execute(ctx, inst, p.anchor, { spec, api: spec.anchorApi(p.per), sandbox: limited, receivers: ANCHOR_RECEIVERS });
				ctx.log(`  ${s(anchor.ms)} (sign ${s(anchor.signMs ?? NaN)}), ${n(anchor.calls)}/${n(anchor.requests)} calls, ${n(anchor.throttled)} throttled, ${n(anchor.lost)} lost, ${n(anchor.duplicates)} duplicates, ${n(anchor.errorItems)} error items ${JSON.stringify(anchor.errorCodes)}`);
				ctx.log(`  … and the node, default settings …`);
				const ours = await execute(ctx, inst, p.ours, { spec, api: ACTION[spec.vendor], sandbox: limited, receivers: ANCHOR_RECEIVERS });
				ctx.log(`  ${s(ours.ms)}, ${n(ours.calls)}/${n(ours.requests)} calls, ${n(ours.throttled)} throttled, ${n(ours.lost)} lost, ${n(ours.duplicates)} duplicates, ${n(ours.errorItems)} error items`);
				results.push({ per: p.per, anchor, ours, minMs, minCalls });
			}

			const free = { enforceLimits: false, limitScale: 1, latencyMs: 0 };
			ctx.log(`Overhead in n8n, ${name}: ${n(OVERHEAD_CALLS)} one-receiver calls, sandbox unthrottled, no latency, CPU-profiled …`);
			const oa = await execute(ctx, inst, plan.overhead.anchor, { spec, api: spec.anchorApi(1), sandbox: free, receivers: OVERHEAD_CALLS, profileDir: join(work, `prof-anchor-${spec.vendor}`) });
			const oo = await execute(ctx, inst, plan.overhead.ours, { spec, api: ACTION[spec.vendor], sandbox: free, receivers: OVERHEAD_CALLS, profileDir: join(work, `prof-ours-${spec.vendor}`) });
			const o = overheadOf(oa, oo);
			const { perCall, busy } = o;
			ctx.log(`  anchor ${s(oa.ms)} (sign ${s(oa.signMs ?? NaN)}), node ${s(oo.ms)}; package CPU per call ${o.pkg.toFixed(0)} µs (signing ${perCall(oo, 'packageSigning').toFixed(0)}, sending ${perCall(oo, 'packageSending').toFixed(0)}), reading ${perCall(oo, 'packageReading').toFixed(0)} µs per item; CPU per call: node ${busy(oo).toFixed(0)} µs, HTTP Request node ${busy(oa).toFixed(0)} µs (CPU / sampled: ${r(oo.cpu?.cpuScale ?? NaN)}, ${r(oa.cpu?.cpuScale ?? NaN)})`);

			rows.push(...vendorRows(spec, results, o));
			data[spec.vendor] = {
				runs: results.map((x) => ({ receiversPerItem: x.per, anchorApi: spec.anchorApi(x.per), minimumMs: x.minMs, minimumCalls: x.minCalls, anchor: x.anchor, ours: x.ours, timeRatio: ratio(x.ours.ms, x.anchor.ms) })),
				overhead: { anchor: oa, ours: oo, packageUsPerCall: o.pkg, packageSigningUsPerCall: perCall(oo, 'packageSigning'), packageSendingUsPerCall: perCall(oo, 'packageSending'), packageReadingUsPerItem: perCall(oo, 'packageReading'), httpRequestNodeOwnUsPerCall: perCall(oa, 'httpRequestNode'), nodeBusyUsPerCall: busy(oo), anchorBusyUsPerCall: busy(oa) },
			};
			const b = spec.batching;
			notes.push(
				spec.vendor === 'volcengine'
					? `Volcengine: the anchor is bench/fixtures/anchor-volcengine.json run by \`n8n execute\`: its Code node signs every item up front (X-Date is the signing time, so a send that takes longer than the vendor's 15-minute window would fail), and the HTTP Request node fires each batch of ${b.batchSize} at once, ${b.batchInterval} ms apart (in sandbox time), without waiting for answers and without retrying a throttled call (429 FlowLimitExceeded): such an item is an error item and its receivers are lost. The node paces to the quota, retries throttles and reports per receiver.`
					: `Tencent: the anchor is bench/fixtures/anchor-tencent.json: its Code node runs tls-sig-api-v2's genUserSig (pasted verbatim) for every item, which needs NODE_FUNCTION_ALLOW_BUILTIN=crypto,zlib on the instance (n8n's task runner refuses require('zlib') otherwise), and the HTTP Request node calls sendmsg (1 receiver per item) or batchsendmsg (500) in batches of ${b.batchSize}, ${b.batchInterval} ms apart (the documented 200 calls/s). Tencent answers a throttle with HTTP 200 and ErrorCode 60007 (calls) or 90057 (batchsendmsg's 12,000 messages/min): the HTTP Request node passes it on as a normal item, so a throttled receiver is lost without an error item unless the user checks ErrorCode. The node's Send to Users always calls batchsendmsg (one receiver per call here).`,
			);
		}
		return {
			id: 'anchor',
			title: 'Anchor: the HTTP Request node with a Code node that signs, side by side with the node',
			config: {
				n8n: rt.dir.split('/').pop(),
				latencyMs: ANCHOR_LATENCY_MS,
				receivers: ANCHOR_RECEIVERS,
				splits: ANCHOR_SPLITS,
				nodeDelivery: 'defaults',
				overheadCalls: OVERHEAD_CALLS,
				vendors: Object.fromEntries(specs.map((spec) => [spec.vendor, { fixture: `bench/fixtures/${spec.fixture}`, limitScale: spec.scale, userBatching: spec.batching, batchingInSandboxTime: scaled(spec), NODE_FUNCTION_ALLOW_BUILTIN: spec.builtins }])),
			},
			rows,
			data,
			notes,
			seconds: (Date.now() - t0) / 1000,
		};
	} finally {
		rmSync(work, { recursive: true, force: true });
	}
}
