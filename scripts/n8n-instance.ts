/* eslint-disable */
// The n8n side of scripts/n8n-env.ts: one instance (user folder, key, port), its CLI, `n8n start`,
// workflows and credentials imported, the editor's owner account.
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { killGroup, n8nBaseEnv, repoRoot, run, tail, type Runtime, type RunResult } from './n8n-runtime';

// ---- n8n --------------------------------------------------------------------------------------------

export interface N8nInstance {
	rt: Runtime;
	userFolder: string;
	encryptionKey: string;
	port: number;
	/** http://127.0.0.1:<port> */
	baseUrl: string;
	env: NodeJS.ProcessEnv;
}

export function n8nInstance(rt: Runtime, userFolder: string, encryptionKey: string, port: number): N8nInstance {
	const baseUrl = `http://127.0.0.1:${port}`;
	const env = n8nBaseEnv(userFolder, {
		N8N_ENCRYPTION_KEY: encryptionKey,
		N8N_HOST: '127.0.0.1',
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_PORT: String(port),
		N8N_PROTOCOL: 'http',
		N8N_EDITOR_BASE_URL: `${baseUrl}/`,
		WEBHOOK_URL: `${baseUrl}/`,
		N8N_SECURE_COOKIE: 'false',
		// task runners (Code node) on a port of their own next to ours
		N8N_RUNNERS_BROKER_PORT: String(port + 1),
		PATH: `${join(rt.nodeDir, 'bin')}:${process.env.PATH ?? ''}`,
	});
	return { rt, userFolder, encryptionKey, port, baseUrl, env };
}

/** One n8n CLI command (`import:workflow`, `execute`, …), run with Node 24. */
export function runN8n(n: N8nInstance, args: string[], timeoutMs = 180_000): Promise<RunResult> {
	return run(n.rt.node, [n.rt.n8n, ...args], { env: n.env, cwd: n.userFolder, timeoutMs });
}

export async function mustRunN8n(n: N8nInstance, args: string[], timeoutMs = 180_000): Promise<RunResult> {
	const r = await runN8n(n, args, timeoutMs);
	if (r.status !== 0) throw new Error(`n8n ${args.join(' ')} exited with ${r.status ?? r.signal}\n${tail(r.stdout + r.stderr)}`);
	return r;
}

/** A port that is free on 127.0.0.1 now, with the next one free too (task runner broker). */
export async function freePort(preferred?: number): Promise<number> {
	const tryPort = (p: number) =>
		new Promise<number | null>((res) => {
			const s = createServer();
			s.once('error', () => res(null));
			s.listen(p, '127.0.0.1', () => {
				const got = (s.address() as { port: number }).port;
				s.close(() => res(got));
			});
		});
	if (preferred !== undefined && (await tryPort(preferred)) !== null && (await tryPort(preferred + 1)) !== null) return preferred;
	for (let i = 0; i < 50; i++) {
		const p = await tryPort(0);
		if (p !== null && p < 65000 && (await tryPort(p + 1)) !== null) return p;
	}
	throw new Error('no free port pair on 127.0.0.1');
}

export interface RunningN8n {
	process: ChildProcess;
	/** Everything n8n printed so far. */
	output: () => string;
	stop: () => Promise<void>;
}

/** `n8n start`; resolves when /healthz answers 200 and the editor is served. */
export async function startN8n(n: N8nInstance, opts: { logFile?: string; timeoutMs?: number; echo?: boolean } = {}): Promise<RunningN8n> {
	const child = spawn(n.rt.node, [n.rt.n8n, 'start'], { env: n.env, cwd: n.userFolder, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
	let out = '';
	const file = opts.logFile ? (mkdirSync(dirname(opts.logFile), { recursive: true }), createWriteStream(opts.logFile)) : undefined;
	const onData = (c: Buffer) => {
		out += c.toString('utf8');
		if (out.length > 2_000_000) out = out.slice(-1_000_000);
		file?.write(c);
		if (opts.echo) process.stdout.write(c);
	};
	child.stdout!.on('data', onData);
	child.stderr!.on('data', onData);
	let exited: string | undefined;
	const exit = new Promise<void>((r) => child.on('close', (code, signal) => { exited = `exited with ${code ?? signal}`; r(); }));
	const stop = async () => {
		if (exited) return;
		killGroup(child, 'SIGTERM');
		const t = setTimeout(() => killGroup(child, 'SIGKILL'), 20_000);
		await exit;
		clearTimeout(t);
		file?.end();
	};
	const deadline = Date.now() + (opts.timeoutMs ?? 120_000);
	for (;;) {
		if (exited) throw new Error(`n8n start ${exited} before it was ready\n${tail(out, 40)}`);
		if (Date.now() > deadline) {
			await stop();
			throw new Error(`n8n start was not ready within ${opts.timeoutMs ?? 120_000} ms\n${tail(out, 40)}`);
		}
		try {
			const res = await fetch(`${n.baseUrl}/healthz/readiness`, { signal: AbortSignal.timeout(2000) });
			if (res.ok && /Editor is now accessible/.test(out)) break;
		} catch {}
		await new Promise((r) => setTimeout(r, 500));
	}
	return { process: child, output: () => out, stop };
}

/**
 * `n8n execute --id=… --rawOutput`: the run data is the JSON from the first "{" of stdout, up to
 * where that JSON value ends. n8n may print more after it (a log line of a background task finishing
 * while the CLI shuts down: seen on a fresh machine after the longer runs): it is not part of the run
 * data, and is shown on stderr so nothing is hidden.
 */
export function parseRawOutput(stdout: string): any {
	const i = stdout.indexOf('{');
	if (i < 0) throw new Error(`no JSON in n8n execute output:\n${tail(stdout)}`);
	const text = stdout.slice(i);
	const end = jsonValueEnd(text);
	const rest = text.slice(end).trim();
	if (rest) process.stderr.write(`  (n8n execute printed after its JSON: ${rest.slice(0, 300)})\n`);
	return JSON.parse(text.slice(0, end));
}

/** Where the JSON object or array that starts `text` ends (string literals and escapes honoured). */
function jsonValueEnd(text: string): number {
	let depth = 0;
	let inString = false;
	for (let k = 0; k < text.length; k++) {
		const c = text.charCodeAt(k);
		if (inString) {
			if (c === 92) k++;
			else if (c === 34) inString = false;
		} else if (c === 34) inString = true;
		else if (c === 123 || c === 91) depth++;
		else if (c === 125 || c === 93) {
			if (--depth === 0) return k + 1;
		}
	}
	return text.length;
}

// ---- workflows and credentials -------------------------------------------------------------------

/** n8n workflow ids are 16 characters, [0-9a-zA-Z]. Stable per name. */
export function workflowId(name: string): string {
	const alphabet = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
	const { createHash } = require('node:crypto') as typeof import('node:crypto');
	const h = createHash('sha256').update(`rtc-messaging:${name}`).digest();
	let id = '';
	for (let i = 0; i < 16; i++) id += alphabet[h[i] % alphabet.length];
	return id;
}

export interface ExampleWorkflow {
	file: string;
	/** File name without .json */
	slug: string;
	json: any;
	/** Has a webhook trigger node of this package (published and served by `n8n start`). */
	isTrigger: boolean;
}

export const TRIGGER_TYPES = ['n8n-nodes-rtc-messaging.tencentChatTrigger', 'n8n-nodes-rtc-messaging.volcengineRtcTrigger'];

export function loadExamples(): ExampleWorkflow[] {
	const dir = join(repoRoot(), 'examples');
	return readdirSync(dir)
		.filter((f) => f.endsWith('.json'))
		.sort()
		.map((f) => {
			const json = JSON.parse(readFileSync(join(dir, f), 'utf8'));
			const slug = f.replace(/\.json$/, '');
			json.id = json.id ?? workflowId(slug);
			return { file: f, slug, json, isTrigger: json.nodes.some((n: any) => TRIGGER_TYPES.includes(n.type)) };
		});
}

/**
 * `n8n execute` starts a workflow only at a Manual Trigger (or Execute Workflow Trigger) node. For a
 * scheduled example this returns a copy whose Schedule Trigger is a Manual Trigger of the same
 * name (so connections and the expectations' node names hold); otherwise the workflow itself.
 */
export function executableCopy(wf: any): any {
	if (wf.nodes.some((n: any) => n.type === 'n8n-nodes-base.manualTrigger')) return wf;
	const copy = JSON.parse(JSON.stringify(wf));
	copy.id = workflowId(`${wf.id}:cli`);
	copy.name = `${wf.name} (manual run copy)`;
	for (const n of copy.nodes) {
		if (n.type === 'n8n-nodes-base.scheduleTrigger') {
			n.type = 'n8n-nodes-base.manualTrigger';
			n.typeVersion = 1;
			n.parameters = {};
		}
	}
	return copy;
}

/** Writes workflows to a folder and imports them with one `n8n import:workflow --separate`. */
export async function importWorkflows(n: N8nInstance, workflows: any[], folder: string): Promise<RunResult> {
	rmSync(folder, { recursive: true, force: true });
	mkdirSync(folder, { recursive: true });
	for (const wf of workflows) writeFileSync(join(folder, `${wf.id}.json`), JSON.stringify({ active: false, settings: { executionOrder: 'v1' }, ...wf }, null, 2));
	return mustRunN8n(n, ['import:workflow', '--separate', `--input=${folder}`]);
}

export interface CredentialImport {
	id: string;
	name: string;
	type: string;
	data: Record<string, unknown>;
}

/** `n8n import:credentials` with plain data (n8n encrypts it with the instance's key). */
export async function importCredentials(n: N8nInstance, credentials: CredentialImport[], file: string): Promise<RunResult> {
	mkdirSync(dirname(file), { recursive: true });
	writeFileSync(file, JSON.stringify(credentials, null, 2));
	try {
		return await mustRunN8n(n, ['import:credentials', `--input=${file}`]);
	} finally {
		rmSync(file, { force: true }); // plain secrets (sandbox-only ones, but still)
	}
}

// ---- the editor's owner account --------------------------------------------------------------------

/** Local-only login of `npm run n8n` and the screenshots. Printed to the terminal; never use elsewhere. */
export const LOCAL_OWNER = {
	email: 'owner@example.com',
	firstName: 'Local',
	lastName: 'Owner',
	password: 'RtcSandbox-local-1',
};

/** POST /rest/owner/setup on a fresh instance; a no-op (false) when an owner exists already. */
export async function setupOwner(baseUrl: string, owner = LOCAL_OWNER): Promise<boolean> {
	const res = await fetch(`${baseUrl}/rest/owner/setup`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(owner),
	});
	if (res.ok) return true;
	const text = await res.text();
	if (res.status === 400 && /already/i.test(text)) return false;
	throw new Error(`owner setup: HTTP ${res.status} ${text.slice(0, 300)}`);
}

/** POST /rest/login → the session cookie ("n8n-auth=…"). */
export async function login(baseUrl: string, owner = LOCAL_OWNER): Promise<string> {
	const res = await fetch(`${baseUrl}/rest/login`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ emailOrLdapLoginId: owner.email, email: owner.email, password: owner.password }),
	});
	if (!res.ok) throw new Error(`login: HTTP ${res.status} ${(await res.text()).slice(0, 300)}`);
	const cookie = res.headers.get('set-cookie') ?? '';
	const m = /n8n-auth=[^;]+/.exec(cookie);
	if (!m) throw new Error('login: no n8n-auth cookie in the answer');
	return m[0];
}
