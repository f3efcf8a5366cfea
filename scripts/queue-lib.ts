/* eslint-disable */
// n8n in queue mode for `scripts/queue.ts` (CI) and `bench/scenarios/queue.ts`: Redis from the
// system (Debian's redis-server, installed with apt-get when missing), n8n main + N workers
// (`n8n worker`) sharing one user folder — so one SQLite database file, one encryption key and the
// one installed package — and the helpers to fire webhook executions and read them back.
//
// The database: n8n 2.41 runs queue mode on a shared SQLite file only with a warning ("Scaling mode
// is not officially supported with sqlite. Please use PostgreSQL instead.", dist/commands/
// base-command.js), and it is not reliable: @n8n/db opens SQLite without a busy timeout
// (dist/connection/db-connection-options.js passes none to the driver), so a write while another
// process holds the lock fails at once — measured: 1 of 8 executions "SQLITE_BUSY: database is
// locked" with 4 workers. So the cluster uses PostgreSQL (Debian's postgresql package, a private
// cluster in the temp folder: initdb, 127.0.0.1, trust auth, fsync off); RTC_QUEUE_DB=sqlite runs the
// shared-file setup instead.
//
// Compressed time: the sandbox shortens its windows by `limitScale`; the workers' rate limiter must
// run on a clock `limitScale` times faster (bench/lib/timewarp.ts explains why). Each n8n process
// gets NODE_OPTIONS=--require <.tools/scripts/queue-timewarp.js>, which patches the limiter of the
// installed package in that process (RTC_TIMEWARP_SCALE, RTC_TIMEWARP_PACKAGE).
import { createRequire } from 'node:module';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { freePort, importCredentials, importWorkflows, installPackage, mustRunN8n, n8nInstance, packageJson, packPackage, startN8n, type Log, type N8nInstance, type RunningN8n, type Runtime } from './n8n-env';
import { sleep, type Proc, spawnLogged, waitForOutput, type Backends } from './queue-backends';

export * from './queue-backends';

export interface QueueCluster {
	main: RunningN8n;
	n: N8nInstance;
	workers: Proc[];
	/** The n8n processes, workers first (the backends are the caller's). */
	stop: () => Promise<void>;
}

/** Environment of every process of the cluster (on top of n8nInstance's). */
export function queueEnv(redisPort: number, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
	return {
		EXECUTIONS_MODE: 'queue',
		QUEUE_BULL_REDIS_HOST: '127.0.0.1',
		QUEUE_BULL_REDIS_PORT: String(redisPort),
		// keep every execution with its data, so the checks can read the node's output
		EXECUTIONS_DATA_SAVE_ON_SUCCESS: 'all',
		EXECUTIONS_DATA_SAVE_ON_ERROR: 'all',
		N8N_LOG_LEVEL: 'info',
		...extra,
	};
}

/** NODE_OPTIONS for compressed time in an n8n process (see the header). */
export function timewarpEnv(userFolder: string, scale: number): NodeJS.ProcessEnv {
	if (!(scale > 1)) return {};
	const preload = join(__dirname, 'queue-timewarp.js');
	if (!existsSync(preload)) throw new Error(`${preload} is missing: run npm run build:tools`);
	return {
		NODE_OPTIONS: `--require ${preload}`,
		RTC_TIMEWARP_SCALE: String(scale),
		RTC_TIMEWARP_PACKAGE: join(userFolder, '.n8n', 'nodes', 'node_modules', packageJson().name),
	};
}

/**
 * Redis, `n8n start` (main: editor, REST, production webhooks, enqueues executions) and `workers`
 * × `n8n worker`, all on one user folder. The caller has installed the package, imported credentials
 * and workflows and published the webhook workflows in that folder before.
 */
export async function startQueueCluster(o: {
	rt: Runtime;
	folder: PreparedFolder;
	backends: Backends;
	workers: number;
	dir: string;
	timeScale?: number;
	workerConcurrency?: number;
	log: Log;
}): Promise<QueueCluster> {
	const started: Array<{ stop: () => Promise<void> }> = [];
	const stopAll = async () => {
		for (const p of started.reverse()) await p.stop().catch(() => undefined);
	};
	try {
		const base = n8nInstance(o.rt, o.folder.userFolder, o.folder.encryptionKey, await freePort());
		const extra = { ...o.backends.dbEnv, ...queueEnv(o.backends.redis.port), ...timewarpEnv(o.folder.userFolder, o.timeScale ?? 1) };
		const n: N8nInstance = { ...base, env: { ...base.env, ...extra } };
		const t0 = Date.now();
		const main = await startN8n(n, { logFile: join(o.dir, 'main.log'), timeoutMs: 180_000 });
		started.push(main);
		o.log(`n8n main (queue mode) on ${n.baseUrl} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
		const workers: Proc[] = [];
		for (let w = 0; w < o.workers; w++) {
			// each worker launches its own task-runner broker: a port of its own
			const port = await freePort();
			const env = { ...n.env, N8N_PORT: String(port), N8N_RUNNERS_BROKER_PORT: String(port + 1), QUEUE_HEALTH_CHECK_ACTIVE: 'false' };
			const p = spawnLogged(`worker ${w + 1}`, o.rt.node, [o.rt.n8n, 'worker', `--concurrency=${o.workerConcurrency ?? 10}`], { env, cwd: o.folder.userFolder, logFile: join(o.dir, `worker-${w + 1}.log`) });
			started.push(p);
			workers.push(p);
		}
		const t1 = Date.now();
		await Promise.all(workers.map((p) => waitForOutput(p, /n8n worker is now ready/, 180_000)));
		o.log(`${o.workers} × n8n worker ready in ${((Date.now() - t1) / 1000).toFixed(1)} s`);
		return { main, n, workers, stop: stopAll };
	} catch (e) {
		await stopAll();
		throw e;
	}
}

// ---- REST ---------------------------------------------------------------------------------------------

export interface ExecutionSummary {
	id: string;
	status: string;
	workflowId: string;
	startedAt?: string;
	stoppedAt?: string;
}

export async function listExecutions(baseUrl: string, cookie: string, workflowId: string): Promise<ExecutionSummary[]> {
	const filter = encodeURIComponent(JSON.stringify({ workflowId }));
	const res = await fetch(`${baseUrl}/rest/executions?filter=${filter}&limit=100`, { headers: { cookie } });
	if (!res.ok) throw new Error(`GET /rest/executions: HTTP ${res.status} ${(await res.text()).slice(0, 300)}`);
	const body = (await res.json()) as { data: { results: ExecutionSummary[] } };
	return body.data.results;
}

/** GET /rest/executions/:id with the run data unflattened (n8n stores it with `flatted`). */
export async function getExecution(rt: Runtime, baseUrl: string, cookie: string, id: string): Promise<any> {
	const res = await fetch(`${baseUrl}/rest/executions/${id}`, { headers: { cookie } });
	if (!res.ok) throw new Error(`GET /rest/executions/${id}: HTTP ${res.status} ${(await res.text()).slice(0, 300)}`);
	const body = (await res.json()) as { data: any };
	const exec = body.data;
	if (typeof exec.data === 'string') {
		const req = createRequire(join(rt.dir, 'n8n', 'node_modules', 'n8n', 'package.json'));
		exec.data = req('flatted').parse(exec.data);
	}
	return exec;
}

const FINISHED = new Set(['success', 'error', 'crashed', 'canceled']);

/** Waits until `count` executions of the workflow are finished; returns them. */
export async function waitForExecutions(baseUrl: string, cookie: string, workflowId: string, count: number, timeoutMs: number): Promise<ExecutionSummary[]> {
	const end = Date.now() + timeoutMs;
	let last: ExecutionSummary[] = [];
	while (Date.now() < end) {
		last = await listExecutions(baseUrl, cookie, workflowId);
		if (last.length >= count && last.every((e) => FINISHED.has(e.status))) return last;
		await sleep(500);
	}
	throw new Error(`${last.filter((e) => FINISHED.has(e.status)).length} of ${count} executions finished within ${timeoutMs} ms (statuses: ${last.map((e) => e.status).join(', ')})`);
}

/** Which worker's log says it ran each execution ("Worker started/finished execution N"). */
export function workerOf(workers: Proc[], id: string): string[] {
	const re = new RegExp(`Worker finished execution ${id}\\b`);
	return workers.filter((w) => re.test(w.output())).map((w) => w.name);
}

// ---- the fan-out workflow -------------------------------------------------------------------------------

export const PKG = 'n8n-nodes-rtc-messaging';

/**
 * Webhook (POST /webhook/<path>, answered at once) → Volcengine RTC "Send to Users" with the
 * node's default Delivery settings; the receivers come from the request: { offset, count }, ids
 * 10,000,000 + offset + k. No Code node (no task runner needed in the workers).
 */
export function fanoutWorkflow(id: string, path: string, webhookId: string, delivery: Record<string, unknown> = {}): any {
	return {
		id,
		name: `Queue mode: fan-out (${path})`,
		nodes: [
			{
				parameters: { httpMethod: 'POST', path, responseMode: 'onReceived', options: {} },
				id: `${id}-w`,
				name: 'Webhook',
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2,
				position: [0, 0],
				webhookId,
			},
			{
				parameters: {
					resource: 'message',
					operation: 'sendToUsers',
					sender: '10001',
					content: 'queue mode',
					msgType: 10001,
					receivers: '={{ Array.from({ length: $json.body.count }, (_, k) => String(10000000 + $json.body.offset + k)) }}',
					options: { batchSize: 500, includeMessageIds: false },
					delivery,
				},
				id: `${id}-n`,
				name: 'Send',
				type: `${PKG}.volcengineRtc`,
				typeVersion: 1,
				position: [240, 0],
				credentials: { volcengineRtcApi: { id: 'sandbox-volcengine', name: 'Volcengine RTC (sandbox)' } },
			},
		],
		connections: { Webhook: { main: [[{ node: 'Send', type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
		active: false,
	};
}

/** What one execution's "Send" node did, from its run data. */
export interface SendFacts {
	status: string;
	nodeStartedAt: number;
	nodeMs: number;
	summary: Record<string, any> | undefined;
	/** Throttle codes in the node's output (errors and per-chunk errors). */
	throttleErrors: number;
}

export function sendFacts(exec: any, node = 'Send'): SendFacts {
	const run = exec.data?.resultData?.runData?.[node]?.[0];
	const summary = run?.data?.main?.[0]?.[0]?.json;
	const text = JSON.stringify(run?.data ?? {}) + JSON.stringify(run?.error ?? {});
	const throttleErrors = (text.match(/FlowLimitExceeded/g) ?? []).length;
	return { status: exec.status, nodeStartedAt: run?.startTime ?? 0, nodeMs: run?.executionTime ?? 0, summary, throttleErrors };
}

// ---- one user folder for a cluster --------------------------------------------------------------------

export interface PreparedFolder {
	userFolder: string;
	encryptionKey: string;
	/** The installed package (…/.n8n/nodes/node_modules/<name>). */
	pkgDir: string;
}

/**
 * A throwaway n8n user folder: the `npm pack` tarball installed, sandbox credentials imported,
 * `workflows` imported and published (production webhooks), all with one random encryption key.
 */
export async function prepareUserFolder(rt: Runtime, work: string, credentials: Parameters<typeof importCredentials>[1], workflows: any[], dbEnv: NodeJS.ProcessEnv = {}): Promise<PreparedFolder> {
	const userFolder = join(work, 'user');
	const encryptionKey = randomBytes(24).toString('hex');
	const tarball = await packPackage(work);
	const pkgDir = await installPackage(userFolder, tarball);
	const plain = n8nInstance(rt, userFolder, encryptionKey, 1); // import/publish only: no server
	const cli: N8nInstance = { ...plain, env: { ...plain.env, ...dbEnv } };
	await importCredentials(cli, credentials, join(work, 'credentials.json'));
	await importWorkflows(cli, workflows, join(work, 'workflows'));
	for (const wf of workflows) await mustRunN8n(cli, ['publish:workflow', `--id=${wf.id}`]);
	return { userFolder, encryptionKey, pkgDir };
}

/** `n8n start` in regular mode (executions in this one process) on a prepared folder, compressed time. */
export async function startRegular(rt: Runtime, folder: PreparedFolder, dir: string, timeScale: number): Promise<{ main: RunningN8n; n: N8nInstance }> {
	const base = n8nInstance(rt, folder.userFolder, folder.encryptionKey, await freePort());
	const n: N8nInstance = {
		...base,
		env: { ...base.env, EXECUTIONS_DATA_SAVE_ON_SUCCESS: 'all', EXECUTIONS_DATA_SAVE_ON_ERROR: 'all', ...timewarpEnv(folder.userFolder, timeScale) },
	};
	const main = await startN8n(n, { logFile: join(dir, 'regular.log'), timeoutMs: 180_000 });
	return { main, n };
}

/** Waits until n8n serves a production webhook (a GET to a POST-only webhook names the method). */
export async function waitForWebhook(url: string, timeoutMs: number): Promise<boolean> {
	const end = Date.now() + timeoutMs;
	while (Date.now() < end) {
		const res = await fetch(url, { method: 'GET' }).catch(() => undefined);
		const text = res ? await res.text().catch(() => '') : '';
		if (res && (res.status !== 404 || /POST/.test(text))) return true;
		await sleep(300);
	}
	return false;
}
