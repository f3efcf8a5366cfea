/* eslint-disable */
// `npm run n8n`: a real n8n (2.41.1 on Node 24, from the cache folder; installed on the first run)
// with this package installed as a community package, the sandbox running, its credentials and
// every example workflow imported — click through every operation without a cloud account.
//
//   editor     http://127.0.0.1:5678          (N8N_PORT to change; the task runner uses the next port)
//   login      owner@example.com / RtcSandbox-local-1   (local only; created on the first start)
//   sandbox    http://127.0.0.1:4567          (SANDBOX_PORT to change)
//
// The n8n user folder is kept between runs in <cache>/playground (workflows and executions you
// make survive a restart); `npm run n8n -- --fresh` starts over. Each start re-installs the
// freshly built package, re-imports the two sandbox credentials and imports examples that are
// not there yet (your edits to imported examples are kept).
import { mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXPECTATIONS } from './demo-expectations';
import { E2E_TENCENT_TOKEN, sandboxCredentials } from './e2e';
import { SANDBOX_TENCENT } from '../sandbox/demo-credentials';
import { startSandbox, type RtcSandbox } from '../sandbox/server';
import {
	cacheRoot,
	ensureRuntime,
	freePort,
	importCredentials,
	importWorkflows,
	installPackage,
	loadExamples,
	LOCAL_OWNER,
	mustRunN8n,
	n8nInstance,
	packPackage,
	setupOwner,
	startN8n,
	type Log,
	type N8nInstance,
	type RunningN8n,
} from './n8n-env';

/** Local-only encryption key of the playground's user folder (printed nowhere else; sandbox data only). */
const PLAYGROUND_KEY = 'rtc-messaging-local-playground-key-not-a-secret';

export interface PlaygroundOptions {
	/** n8n user folder; default <cache>/playground (kept between runs). */
	userFolder?: string;
	fresh?: boolean;
	port?: number;
	sandboxPort?: number;
	log?: Log;
	/** Print n8n's own output to the terminal. */
	echo?: boolean;
}

export interface Playground {
	n8n: N8nInstance;
	server: RunningN8n;
	sandbox: RtcSandbox;
	/** Imported example workflows: file → workflow id. */
	workflows: Record<string, { id: string; name: string }>;
	stop: () => Promise<void>;
}

/** Everything the examples expect in the sandbox at once (their seeds from scripts/demo.ts), plus the group the trigger example replies in. */
export function seedPlayground(sb: RtcSandbox) {
	for (const name of Object.keys(EXPECTATIONS).sort()) EXPECTATIONS[name].seed?.(sb);
	sb.seedTencentGroup({ groupId: 'support', type: 'Public', members: ['alice', 'bob', SANDBOX_TENCENT.adminUserId] });
}

export async function startPlayground(o: PlaygroundOptions = {}): Promise<Playground> {
	const log = o.log ?? ((l: string) => process.stdout.write(`${l}\n`));
	const rt = await ensureRuntime(log);
	const userFolder = o.userFolder ?? join(cacheRoot(), 'playground');
	if (o.fresh) rmSync(userFolder, { recursive: true, force: true });
	mkdirSync(userFolder, { recursive: true });
	const port = await freePort(o.port ?? 5678);
	if (o.port !== undefined && port !== o.port) log(`port ${o.port} (or ${o.port + 1}) is busy: using ${port}`);
	const n = n8nInstance(rt, userFolder, PLAYGROUND_KEY, port);

	// the sandbox first: the credentials point at its URL
	const sbPort = await freePort(o.sandboxPort ?? 4567);
	const sandbox = await startSandbox({ host: '127.0.0.1', port: sbPort });
	seedPlayground(sandbox);
	log(`sandbox: ${sandbox.url}`);

	try {
		const work = join(tmpdir(), `rtc-n8n-${process.pid}`);
		const tarball = await packPackage(work);
		await installPackage(userFolder, tarball);
		rmSync(work, { recursive: true, force: true });
		log(`package: installed into ${join(userFolder, '.n8n', 'nodes', 'node_modules')}`);

		await importCredentials(n, sandboxCredentials(sandbox.url), join(userFolder, 'import', 'credentials.json'));
		const listed = new Set((await mustRunN8n(n, ['list:workflow'])).stdout.split('\n').map((l) => l.split('|')[0].trim()));
		const examples = loadExamples();
		const missing = examples.filter((e) => !listed.has(e.json.id));
		if (missing.length) {
			await importWorkflows(n, missing.map((e) => e.json), join(userFolder, 'import', 'workflows'));
			for (const e of missing.filter((x) => x.isTrigger)) await mustRunN8n(n, ['publish:workflow', `--id=${e.json.id}`]);
		}
		log(`workflows: ${examples.length} examples (${missing.length} imported now)`);

		const server = await startN8n(n, { logFile: join(userFolder, 'n8n.log'), echo: o.echo });
		const created = await setupOwner(n.baseUrl);
		if (created) log('owner account created');

		// The trigger example is published: let the sandbox send its Tencent callbacks there.
		const reply = examples.find((e) => e.file === 'tencent-group-reply.json');
		const hook = reply?.json.nodes.find((x: any) => x.webhookId);
		if (hook) sandbox.configure({ callbacks: { tencent: { url: `${n.baseUrl}/webhook/${hook.webhookId}/tencent-chat`, token: E2E_TENCENT_TOKEN } } });

		const workflows: Playground['workflows'] = {};
		for (const e of examples) workflows[e.file] = { id: e.json.id, name: e.json.name };
		return {
			n8n: n,
			server,
			sandbox,
			workflows,
			stop: async () => {
				await server.stop();
				await sandbox.close();
			},
		};
	} catch (e) {
		await sandbox.close();
		throw e;
	}
}

async function main() {
	const fresh = process.argv.includes('--fresh');
	const t0 = Date.now();
	const pg = await startPlayground({
		fresh,
		port: Number(process.env.N8N_PORT ?? 5678),
		sandboxPort: Number(process.env.SANDBOX_PORT ?? 4567),
	});
	const { n8n: n, sandbox } = pg;
	const lines = [
		'',
		'────────────────────────────────────────────────────────────────────────────',
		` n8n ${'2.41.1'} with n8n-nodes-rtc-messaging — ready in ${((Date.now() - t0) / 1000).toFixed(0)} s`,
		'',
		`  Editor     ${n.baseUrl}`,
		`  Login      ${LOCAL_OWNER.email}  /  ${LOCAL_OWNER.password}     (local only)`,
		`  Sandbox    ${sandbox.url}   (state: ${sandbox.url}/_sandbox/state)`,
		'  Credentials (pre-imported, pointing at the sandbox):',
		'             "Tencent Chat (sandbox)", "Volcengine RTC (sandbox)"',
		'  Workflows:',
		...Object.entries(pg.workflows).map(([file, w]) => `             ${n.baseUrl}/workflow/${w.id}   ${w.name}  (${file})`),
		'',
		'  "Tencent Chat: reply to group messages" is published: send a Tencent Chat group message',
		'  to group "support" as "alice" and the sandbox calls it back; the reply lands in the group.',
		`  n8n's log: ${join(n.userFolder, 'n8n.log')}    User folder: ${n.userFolder}`,
		'  Stop with Ctrl+C.  Start over: npm run n8n -- --fresh',
		'────────────────────────────────────────────────────────────────────────────',
	];
	process.stdout.write(lines.join('\n') + '\n');
	let stopping = false;
	const stop = () => {
		if (stopping) return;
		stopping = true;
		process.stdout.write('\nstopping n8n and the sandbox …\n');
		void pg.stop().then(() => process.exit(0));
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
	pg.server.process.on('close', (code) => {
		if (stopping) return;
		process.stderr.write(`n8n exited (${code}); see ${join(n.userFolder, 'n8n.log')}\n`);
		void sandbox.close().then(() => process.exit(1));
	});
}

if (require.main === module) {
	main().catch((e) => {
		process.stderr.write(`npm run n8n failed: ${(e as Error).stack ?? e}\n`);
		process.exit(1);
	});
}
