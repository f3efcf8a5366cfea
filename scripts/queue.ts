/* eslint-disable */
// `npm run test:queue` (run by .ci/run): this package in n8n QUEUE MODE, end to end.
//
//  1. Node 24 + n8n 2.41.1 from the cache (scripts/n8n-env.ts), redis-server and PostgreSQL from the
//     system (apt-get install -y redis-server / postgresql when missing; scripts/queue-lib.ts).
//  2. The `npm pack` tarball installed into a throwaway user folder; credentials for the sandbox; a
//     webhook fan-out workflow (Webhook → Volcengine RTC Send to Users, default Delivery settings)
//     and the e2e Volcengine trigger workflow imported and published.
//  3. Redis on a free 127.0.0.1 port (no persistence), a private PostgreSQL (Debian's package; a
//     shared SQLite file is not reliable in queue mode, see queue-lib.ts), n8n main + 2 × `n8n worker`
//     (EXECUTIONS_MODE=queue, one user folder and encryption key), sandbox limits enforced in
//     compressed time (limitScale QUEUE_SCALE; the workers' limiter on the same clock).
//  4. Checks: every execution ran in a worker, none in main; QUEUE_EXECUTIONS executions started at
//     once on one quota delivered every receiver exactly once (sandbox counts), all "sent", no
//     throttle error in any output; three concurrent copies of one signed Volcengine callback run
//     the workflow once.
//  5. Everything stopped (also on failure); RTC_QUEUE_REPORT gets {passed, failed, skipped, checks}.
// Options: RTC_QUEUE_KEEP=1 keeps the folder with the logs of Redis, main and the workers.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSandbox, type RtcSandbox } from '../sandbox/server';
import { volcengineSign, volcengineTime } from '../sandbox/callbacks';
import { SANDBOX_VOLCENGINE } from '../sandbox/demo-credentials';
import { stringifyJson } from '../nodes/shared/json';
import { E2E_VOLCENGINE_SECRET, sandboxCredentials, volcengineTriggerWorkflow } from './e2e';
import { ensureRuntime, login, setupOwner, tail, workflowId, type Runtime } from './n8n-env';
import { fanoutWorkflow, getExecution, prepareUserFolder, sendFacts, startBackends, startQueueCluster, waitForExecutions, waitForWebhook, workerOf, type Backends, type QueueCluster } from './queue-lib';

export const QUEUE_SCALE = 20;
export const QUEUE_WORKERS = 2;
export const QUEUE_EXECUTIONS = 4;
export const QUEUE_RECEIVERS_PER_EXECUTION = 6000;

interface Check {
	name: string;
	ok: boolean | null; // null: skipped
	detail: string[];
}
const checks: Check[] = [];
const t00 = Date.now();
const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const log = (line: string) => process.stdout.write(`${line}\n`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function check(name: string, problems: string[], info?: string) {
	checks.push({ name, ok: problems.length === 0, detail: problems });
	log(`  ${problems.length ? '✗' : '✓'} ${name}${info ? `  (${info})` : ''}`);
	for (const p of problems) log(`      ${p.split('\n').join('\n      ')}`);
}

export async function fanoutChecks(o: { rt: Runtime; cluster: QueueCluster; cookie: string; sb: RtcSandbox; wfId: string; url: string; executions: number; perExecution: number; label: string }) {
	const { sb, cluster } = o;
	sb.reset();
	sb.configure({ enforceLimits: true, limitScale: QUEUE_SCALE, latencyMs: 5 });
	const t0 = Date.now();
	const answers = await Promise.all(
		Array.from({ length: o.executions }, (_, e) =>
			fetch(o.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ offset: e * o.perExecution, count: o.perExecution }) }).then(async (r) => `${r.status} ${await r.text()}`),
		),
	);
	const bad = answers.filter((a) => !a.startsWith('200'));
	check(`${o.label}: ${o.executions} webhook calls accepted by main`, bad.length ? [`answers: ${bad.join(' | ')}`] : []);
	const list = await waitForExecutions(cluster.n.baseUrl, o.cookie, o.wfId, o.executions, 300_000);
	const wallMs = Date.now() - t0;
	const execs = await Promise.all(list.map((e) => getExecution(o.rt, cluster.n.baseUrl, o.cookie, e.id)));
	const facts = execs.map((x) => sendFacts(x));
	const ranIn = list.map((e) => ({ id: e.id, by: workerOf(cluster.workers, e.id) }));
	const inMain = list.filter((e) => new RegExp(`Worker (started|finished) execution ${e.id}\\b`).test(cluster.main.output()));
	const used = new Set(ranIn.flatMap((r) => r.by));
	check(
		`${o.label}: every execution ran in a worker (n8n worker log "Worker finished execution N")`,
		[...ranIn.filter((r) => r.by.length !== 1).map((r) => `execution ${r.id}: finished by ${r.by.length ? r.by.join(', ') : 'no worker'}`), ...inMain.map((e) => `execution ${e.id} ran in main`)],
		`${[...used].sort().join(', ')}: ${ranIn.map((r) => `#${r.id}→${r.by.join('/') || '?'}`).join(' ')}`,
	);
	const total = o.executions * o.perExecution;
	const seen = new Map<string, number>();
	for (const m of sb.state.volcengine.messages) seen.set(String(m.receiver), (seen.get(String(m.receiver)) ?? 0) + 1);
	const duplicates = [...seen.values()].reduce((a, c) => a + c - 1, 0);
	const expected = new Set(Array.from({ length: total }, (_, k) => String(10000000 + k)));
	const missing = [...expected].filter((r) => !seen.has(r)).length;
	const stray = [...seen.keys()].filter((r) => !expected.has(r)).length;
	const throttleErrors = facts.reduce((a, f) => a + f.throttleErrors, 0);
	const problems: string[] = [];
	if (missing || duplicates || stray) problems.push(`sandbox: ${seen.size} receivers got the message; ${missing} missing, ${duplicates} duplicates, ${stray} unexpected`);
	facts.forEach((f, k) => {
		const s = f.summary ?? {};
		if (f.status !== 'success') problems.push(`execution ${list[k].id}: status ${f.status}`);
		if (s.status !== 'sent' || s.deliveredCount !== o.perExecution) problems.push(`execution ${list[k].id}: summary status ${s.status}, delivered ${s.deliveredCount}/${o.perExecution}, notSent ${s.notSentCount}, failed ${s.failedCount}`);
	});
	if (throttleErrors) problems.push(`${throttleErrors} throttle errors in the executions' output`);
	const minMs = (Math.max(0, Math.ceil(total / 12000 - 1)) * 60000) / QUEUE_SCALE;
	check(
		`${o.label}: ${o.executions} executions × ${o.perExecution.toLocaleString('en-US')} receivers on one quota, default settings: every receiver exactly once, all "sent"`,
		problems,
		`${seen.size.toLocaleString('en-US')} delivered, ${duplicates} duplicates, ${sb.stats.throttled} throttle answers retried, ${throttleErrors} in outputs; ${secs(wallMs)} wall (quota minimum ${secs(minMs)})`,
	);
	return { list, facts, wallMs, throttleAnswers: sb.stats.throttled, throttleErrors, delivered: seen.size, duplicates, missing };
}

/** Three concurrent copies of one signed Volcengine callback to main's production URL. */
async function concurrentDuplicateCheck(cluster: QueueCluster, sb: RtcSandbox, url: string) {
	sb.reset();
	sb.configure({ enforceLimits: false });
	sb.seedVolcengineUsers(SANDBOX_VOLCENGINE.appId, [{ userId: '20001' }]);
	const appId = String(SANDBOX_VOLCENGINE.appId);
	const fields = {
		EventType: 'SendMessage',
		EventData: stringifyJson({ AppId: SANDBOX_VOLCENGINE.appId, Sender: 10001, Receiver: 20001, MessageId: 7205759403792793601n, MsgType: 10001, Content: 'hi' }),
		EventTime: volcengineTime(Date.now()),
		EventId: `queue-${randomBytes(8).toString('hex')}`,
		AppId: appId,
		Version: '2020-12-01',
		Nonce: randomBytes(3).toString('base64url').slice(0, 4),
	};
	const body = stringifyJson({ ...fields, Signature: volcengineSign(fields, E2E_VOLCENGINE_SECRET) });
	const answers = await Promise.all([0, 1, 2].map(() => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body }).then((r) => r.status)));
	const calls = () => sb.state.volcengine.requests.filter((r) => r.action === 'BatchUpdateUserTags').length;
	const end = Date.now() + 20_000;
	while (Date.now() < end && calls() < 1) await sleep(200);
	await sleep(5000); // a second run would have tagged by now
	check(
		'three concurrent copies of one signed Volcengine callback (to main, queue mode) run the workflow once',
		[...(answers.every((s) => s === 200) ? [] : [`answers ${answers.join(',')}`]), ...(calls() === 1 ? [] : [`${calls()} BatchUpdateUserTags calls; want 1`])],
		`answers ${answers.join(',')}; ${calls()} run(s)`,
	);
}

async function main() {
	const keep = process.env.RTC_QUEUE_KEEP === '1';
	const work = mkdtempSync(join(tmpdir(), 'rtc-queue-'));
	let sb: RtcSandbox | undefined;
	let cluster: QueueCluster | undefined;
	let backends: Backends | undefined;
	const timings: string[] = [];
	try {
		let t = Date.now();
		const rt = await ensureRuntime((l) => log(`  ${l}`));
		backends = await startBackends(work, (l) => log(`  ${l}`));
		timings.push(`runtime, redis, postgres ${secs(Date.now() - t)}`);
		t = Date.now();
		sb = await startSandbox({ host: '127.0.0.1', port: 0 });
		const fanout = fanoutWorkflow(workflowId('queue-fanout'), 'rtc-queue-fanout', '0b6f7c1e-2a3d-4e5f-8a9b-0ee000000001');
		const folder = await prepareUserFolder(rt, work, sandboxCredentials(sb.url), [fanout, volcengineTriggerWorkflow], backends.dbEnv);
		log(`  installed ${folder.pkgDir}; sandbox ${sb.url}`);
		timings.push(`setup ${secs(Date.now() - t)}`);

		t = Date.now();
		cluster = await startQueueCluster({ rt, folder, backends, workers: QUEUE_WORKERS, dir: work, timeScale: QUEUE_SCALE, log: (l) => log(`  ${l}`) });
		timings.push(`start ${secs(Date.now() - t)}`);
		check(`n8n main + ${QUEUE_WORKERS} workers in queue mode (Redis, ${backends.postgres ? 'PostgreSQL' : 'one SQLite file'}) started`, []);
		await setupOwner(cluster.n.baseUrl);
		const cookie = await login(cluster.n.baseUrl);

		const fanoutUrl = `${cluster.n.baseUrl}/webhook/rtc-queue-fanout`;
		const triggerUrl = `${cluster.n.baseUrl}/webhook/${volcengineTriggerWorkflow.nodes[0].webhookId}/volcengine-rtc`;
		const ready = (await waitForWebhook(fanoutUrl, 60_000)) && (await waitForWebhook(triggerUrl, 60_000));
		check('production webhooks registered on main', ready ? [] : ['still 404 after 60 s']);

		t = Date.now();
		await fanoutChecks({ rt, cluster, cookie, sb, wfId: fanout.id, url: fanoutUrl, executions: QUEUE_EXECUTIONS, perExecution: QUEUE_RECEIVERS_PER_EXECUTION, label: 'fan-out' });
		timings.push(`fan-out ${secs(Date.now() - t)}`);

		t = Date.now();
		// The triggers claim a verified callback in memory before n8n can interleave another request
		// (nodes/shared/webhook.ts): concurrent copies to one main run once.
		await concurrentDuplicateCheck(cluster, sb, triggerUrl);
		timings.push(`duplicates ${secs(Date.now() - t)}`);
	} catch (e) {
		check('queue-mode test ran to the end', [String((e as Error).stack ?? e)]);
	} finally {
		const t = Date.now();
		if (cluster) {
			if (checks.some((c) => c.ok === false)) {
				log(`\n-- last lines of n8n main --\n${tail(cluster.main.output(), 25)}`);
				for (const w of cluster.workers) log(`\n-- last lines of ${w.name} --\n${tail(w.output(), 15)}`);
			}
			await cluster.stop();
		}
		await backends?.stop();
		if (sb) await sb.close();
		if (keep) log(`\nkept ${work} (RTC_QUEUE_KEEP=1)`);
		else rmSync(work, { recursive: true, force: true });
		timings.push(`shutdown ${secs(Date.now() - t)}`);
	}
	const passed = checks.filter((c) => c.ok === true).length;
	const failed = checks.filter((c) => c.ok === false).length;
	const skipped = checks.filter((c) => c.ok === null).length;
	log(`\nqueue timings: ${timings.join(', ')}; total ${secs(Date.now() - t00)}`);
	if (process.env.RTC_QUEUE_REPORT) writeFileSync(process.env.RTC_QUEUE_REPORT, JSON.stringify({ passed, failed, skipped, checks }, null, 2));
	log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
	process.exitCode = failed || passed === 0 ? 1 : 0;
}

if (require.main === module) void main();
