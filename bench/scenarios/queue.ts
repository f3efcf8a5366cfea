/* eslint-disable */
// Real n8n: 100,000 receivers over 8 executions (Webhook → Volcengine RTC Send to Users, default
// Delivery settings) on one quota, sandbox limits enforced in compressed time — once in one regular
// n8n process, once in queue mode (Redis, main + 4 workers). scripts/queue-lib.ts runs n8n; the
// limiter of each n8n process runs on the sandbox's compressed clock (scripts/queue-timewarp.ts).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureRuntime, login, setupOwner, workflowId, type Runtime } from '../../scripts/n8n-env';
import { sandboxCredentials } from '../../scripts/e2e';
import {
	fanoutWorkflow,
	startBackends,
	getExecution,
	prepareUserFolder,
	sendFacts,
	startQueueCluster,
	startRegular,
	waitForExecutions,
	waitForWebhook,
	workerOf,
	type Proc,
} from '../../scripts/queue-lib';
import { AUTOMATIC, n, r, s, type Row, type ScenarioOutcome } from '../lib/report';
import { FANOUT_LATENCY_MS, FANOUT_SCALE, fanoutMinimumMs } from './fanout';
import type { BenchContext } from './context';

export const QUEUE_BENCH_WORKERS = 4;
export const QUEUE_BENCH_EXECUTIONS = 8;
export const QUEUE_BENCH_RECEIVERS = 100_000;

interface SetupResult {
	setup: string;
	totalMs: number;
	minimumMs: number;
	efficiency: number;
	throttleAnswers: number;
	throttleErrors: number;
	delivered: number;
	lost: number;
	duplicates: number;
	statuses: Record<string, number>;
	perExecution: Array<{ id: string; by: string[]; nodeMs: number; startOffsetMs: number; status: string; summary: string }>;
}

async function runSetup(ctx: BenchContext, rt: Runtime, baseUrl: string, wfId: string, path: string, workers: Proc[] | undefined, setup: string): Promise<SetupResult> {
	const per = QUEUE_BENCH_RECEIVERS / QUEUE_BENCH_EXECUTIONS;
	const { sb } = ctx;
	sb.reset();
	sb.configure({ enforceLimits: true, limitScale: FANOUT_SCALE, latencyMs: FANOUT_LATENCY_MS });
	await setupOwner(baseUrl);
	const cookie = await login(baseUrl);
	const url = `${baseUrl}/webhook/${path}`;
	if (!(await waitForWebhook(url, 60_000))) throw new Error(`${setup}: ${url} not registered`);
	ctx.log(`  ${setup}: ${QUEUE_BENCH_EXECUTIONS} executions × ${n(per)} receivers …`);
	await Promise.all(
		Array.from({ length: QUEUE_BENCH_EXECUTIONS }, (_, e) =>
			fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ offset: e * per, count: per }) }).then((x) => x.text()),
		),
	);
	const list = await waitForExecutions(baseUrl, cookie, wfId, QUEUE_BENCH_EXECUTIONS, 600_000);
	const execs = await Promise.all(list.map((e) => getExecution(rt, baseUrl, cookie, e.id)));
	const facts = execs.map((x) => sendFacts(x));
	const ran = facts.filter((f) => f.nodeStartedAt > 0);
	const start = Math.min(...ran.map((f) => f.nodeStartedAt));
	const end = Math.max(...ran.map((f) => f.nodeStartedAt + f.nodeMs));
	const totalMs = end - start;
	const seen = new Map<string, number>();
	for (const m of sb.state.volcengine.messages) seen.set(String(m.receiver), (seen.get(String(m.receiver)) ?? 0) + 1);
	const duplicates = [...seen.values()].reduce((a, c) => a + c - 1, 0);
	let delivered = 0;
	for (let k = 0; k < QUEUE_BENCH_RECEIVERS; k++) if (seen.has(String(10000000 + k))) delivered++;
	// all processes together: 8 requests in flight per execution
	const minimumMs = fanoutMinimumMs('volcengine', QUEUE_BENCH_RECEIVERS, FANOUT_SCALE, FANOUT_LATENCY_MS, AUTOMATIC);
	const statuses: Record<string, number> = {};
	for (const f of facts) {
		const key = `${f.status}/${f.summary?.status ?? 'no output'}`;
		statuses[key] = (statuses[key] ?? 0) + 1;
	}
	const res: SetupResult = {
		setup,
		totalMs,
		minimumMs,
		efficiency: minimumMs / totalMs,
		throttleAnswers: sb.stats.throttled,
		throttleErrors: facts.reduce((a, f) => a + f.throttleErrors, 0),
		delivered,
		lost: QUEUE_BENCH_RECEIVERS - delivered,
		duplicates,
		statuses,
		perExecution: list.map((e, k) => ({
			id: e.id,
			by: workers ? workerOf(workers, e.id) : ['main'],
			nodeMs: facts[k].nodeMs,
			startOffsetMs: facts[k].nodeStartedAt - start,
			status: facts[k].status,
			summary: `${facts[k].summary?.status}: ${facts[k].summary?.deliveredCount} delivered, ${facts[k].summary?.notSentCount} not sent`,
		})),
	};
	ctx.log(
		`    ${s(totalMs)} (minimum ${s(minimumMs)}, efficiency ${r(res.efficiency)}), ${n(res.throttleAnswers)} throttle answers, ${res.throttleErrors} in outputs, lost ${n(res.lost)}, duplicates ${n(duplicates)}; ${JSON.stringify(statuses)}`,
	);
	if (workers) ctx.log(`    executions per worker: ${workers.map((w) => `${w.name}: ${res.perExecution.filter((x) => x.by.includes(w.name)).length}`).join(', ')}`);
	return res;
}

function rows(x: SetupResult): Row[] {
	const title = `n8n ${x.setup}: ${n(QUEUE_BENCH_RECEIVERS)} receivers in ${QUEUE_BENCH_EXECUTIONS} executions`;
	return [
		{ scenario: `${title}: time`, measured: s(x.totalMs), minimum: s(x.minimumMs), ratio: x.lost ? 'n/a (receivers lost)' : r(x.efficiency), target: '≥ 0.90', pass: x.lost === 0 && x.efficiency >= 0.9 },
		{ scenario: `${title}: throttles`, measured: `${n(x.throttleAnswers)} throttle answers from the sandbox, retried; ${x.throttleErrors} reaching the executions`, minimum: '0', ratio: '—', target: '0 reaching the user', pass: x.throttleErrors === 0 },
		{ scenario: `${title}: receivers lost`, measured: `${n(x.lost)} lost, ${n(x.duplicates)} duplicates; executions ${Object.entries(x.statuses).map(([k, c]) => `${c} × ${k}`).join(', ')}`, minimum: '0', ratio: '—', target: '0 lost, 0 duplicates', pass: x.lost === 0 && x.duplicates === 0 },
	];
}

export async function queueScenario(ctx: BenchContext): Promise<ScenarioOutcome> {
	const t0 = Date.now();
	const rt = await ensureRuntime((l) => ctx.log(`  ${l}`));
	const work = mkdtempSync(join(tmpdir(), 'rtc-bench-queue-'));
	const results: SetupResult[] = [];
	let database = '';
	try {
		const path = 'rtc-bench-queue';
		const wf = fanoutWorkflow(workflowId('bench-queue-fanout'), path, '0b6f7c1e-2a3d-4e5f-8a9b-0be000000001');
		ctx.log(`queue mode vs one process: n8n ${QUEUE_BENCH_EXECUTIONS} executions, ${n(QUEUE_BENCH_RECEIVERS)} receivers (Volcengine), limitScale ${FANOUT_SCALE} …`);
		// one folder per setup (fresh database: the execution lists start empty)
		{
			const dir = join(work, 'regular');
			const folder = await prepareUserFolder(rt, dir, sandboxCredentials(ctx.sb.url), [wf]);
			const { main, n: inst } = await startRegular(rt, folder, dir, FANOUT_SCALE);
			try {
				results.push(await runSetup(ctx, rt, inst.baseUrl, wf.id, path, undefined, 'regular mode, 1 process'));
			} finally {
				await main.stop();
			}
		}
		{
			const dir = join(work, 'queue');
			const backends = await startBackends(dir, (l) => ctx.log(`  ${l}`));
			try {
				const folder = await prepareUserFolder(rt, dir, sandboxCredentials(ctx.sb.url), [wf], backends.dbEnv);
				database = backends.postgres ? 'PostgreSQL (Debian package, private cluster)' : 'one SQLite file shared by main and workers';
				const cluster = await startQueueCluster({ rt, folder, backends, workers: QUEUE_BENCH_WORKERS, dir, timeScale: FANOUT_SCALE, log: (l) => ctx.log(`  ${l}`) });
				try {
					results.push(await runSetup(ctx, rt, cluster.n.baseUrl, wf.id, path, cluster.workers, `queue mode, ${QUEUE_BENCH_WORKERS} workers`));
				} finally {
					await cluster.stop();
				}
			} finally {
				await backends.stop();
			}
		}
	} finally {
		if (process.env.RTC_BENCH_KEEP === '1') ctx.log(`  kept ${work}`);
		else rmSync(work, { recursive: true, force: true });
	}
	return {
		id: 'queue',
		title: `n8n queue mode (${QUEUE_BENCH_WORKERS} workers) and one regular process: ${n(QUEUE_BENCH_RECEIVERS)} receivers in ${QUEUE_BENCH_EXECUTIONS} executions`,
		config: {
			enforceLimits: true,
			limitScale: FANOUT_SCALE,
			latencyMs: FANOUT_LATENCY_MS,
			executions: QUEUE_BENCH_EXECUTIONS,
			receiversPerExecution: QUEUE_BENCH_RECEIVERS / QUEUE_BENCH_EXECUTIONS,
			workers: QUEUE_BENCH_WORKERS,
			workerConcurrency: 10,
			batchSize: 500,
			delivery: 'defaults',
			database: { regular: 'SQLite', queue: database },
		},
		rows: results.flatMap(rows),
		data: { setups: results },
		seconds: (Date.now() - t0) / 1000,
		notes: [
			'Theoretical minimum and efficiency as for the fan-outs (8 requests in flight per execution); measured time = first "Send" node start to last "Send" node end over the 8 executions (n8n run data).',
			'Throttle answers are expected in queue mode: each worker learns about the others only from them (nodes/shared/limiter.ts, AIMD shares).',
		],
	};
}
