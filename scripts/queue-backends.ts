/* eslint-disable */
// The backends of the queue-mode cluster (scripts/queue-lib.ts): child processes with their logs,
// Redis (Debian's redis-server) and PostgreSQL (a private cluster in the temp folder).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, tail, type Log } from './n8n-env';

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// ---- processes ---------------------------------------------------------------------------------

export interface Proc {
	name: string;
	child: ChildProcess;
	output: () => string;
	stop: () => Promise<void>;
}

export function spawnLogged(name: string, cmd: string, args: string[], opts: { env: NodeJS.ProcessEnv; cwd: string; logFile?: string }): Proc {
	const child = spawn(cmd, args, { env: opts.env, cwd: opts.cwd, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
	let out = '';
	const file = opts.logFile ? createWriteStream(opts.logFile) : undefined;
	const onData = (c: Buffer) => {
		out += c.toString('utf8');
		if (out.length > 4_000_000) out = out.slice(-2_000_000);
		file?.write(c);
	};
	child.stdout!.on('data', onData);
	child.stderr!.on('data', onData);
	let exited = false;
	const exit = new Promise<void>((r) =>
		child.on('close', () => {
			exited = true;
			r();
		}),
	);
	const signal = (s: NodeJS.Signals) => {
		if (exited || child.pid === undefined) return;
		try {
			process.kill(-child.pid, s); // its own process group: n8n's task runners go with it
		} catch {
			try {
				child.kill(s);
			} catch {}
		}
	};
	const stop = async () => {
		if (exited) return;
		signal('SIGTERM');
		const t = setTimeout(() => signal('SIGKILL'), 20_000);
		await exit;
		clearTimeout(t);
		file?.end();
	};
	return { name, child, output: () => out, stop };
}

export async function waitForOutput(p: Proc, re: RegExp, timeoutMs: number): Promise<void> {
	const end = Date.now() + timeoutMs;
	while (Date.now() < end) {
		if (re.test(p.output())) return;
		if (p.child.exitCode !== null || p.child.signalCode !== null) throw new Error(`${p.name} exited before it was ready\n${tail(p.output(), 30)}`);
		await sleep(200);
	}
	throw new Error(`${p.name} was not ready within ${timeoutMs} ms\n${tail(p.output(), 30)}`);
}

// ---- Redis -------------------------------------------------------------------------------------

const onPath = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' }).stdout.trim();

/**
 * redis-server from the system; when missing, Debian's package (apt-get update && apt-get install -y
 * redis-server), as root or through sudo. Returns the binary's path.
 */
export function ensureRedisServer(log: Log): string {
	const found = onPath('redis-server');
	if (found) return found;
	aptInstall('redis-server', log);
	const installed = onPath('redis-server');
	if (!installed) throw new Error('apt-get installed redis-server, but it is not on PATH');
	return installed;
}

/** apt-get update && apt-get install -y <pkg> (Debian's packages), as root or through sudo -n. */
function aptInstall(pkg: string, log: Log): void {
	const root = process.getuid?.() === 0;
	const sudo = root ? [] : onPath('sudo') ? ['sudo', '-n'] : undefined;
	if (!sudo) throw new Error(`${pkg} is not installed and this user cannot run apt-get (no root, no sudo)`);
	log(`${pkg} not found: apt-get update && apt-get install -y ${pkg} …`);
	for (const args of [['update'], ['install', '-y', '--no-install-recommends', pkg]]) {
		const [cmd, ...rest] = [...sudo, 'apt-get', ...args];
		const r = spawnSync(cmd, rest, { encoding: 'utf8', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }, timeout: 10 * 60_000 });
		if (r.status !== 0) throw new Error(`apt-get ${args.join(' ')} failed (${r.status ?? r.signal})\n${tail((r.stdout ?? '') + (r.stderr ?? ''))}`);
	}
}

export interface RunningRedis extends Proc {
	port: number;
}

/** A private Redis: 127.0.0.1 on a free port, no persistence, its files in `dir`. */
export async function startRedis(bin: string, dir: string): Promise<RunningRedis> {
	mkdirSync(dir, { recursive: true });
	const port = await freePort();
	const p = spawnLogged('redis-server', bin, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir, '--protected-mode', 'yes', '--daemonize', 'no'], {
		env: process.env,
		cwd: dir,
		logFile: join(dir, 'redis.log'),
	});
	await waitForOutput(p, /Ready to accept connections/, 20_000);
	return { ...p, port };
}

// ---- PostgreSQL ------------------------------------------------------------------------------------

/** The bin folder of Debian's PostgreSQL (installed with apt-get when missing, as redis-server). */
export function ensurePostgres(log: Log): string {
	const find = () => {
		const root = '/usr/lib/postgresql';
		if (!existsSync(root)) return '';
		const versions = readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'initdb'))).sort((a, b) => Number(b) - Number(a));
		return versions.length ? join(root, versions[0], 'bin') : '';
	};
	const found = find();
	if (found) return found;
	aptInstall('postgresql', log);
	const installed = find();
	if (!installed) throw new Error('apt-get installed postgresql, but /usr/lib/postgresql/*/bin/initdb is missing');
	return installed;
}

export interface RunningPostgres extends Proc {
	port: number;
	/** DB_* settings for n8n. */
	env: NodeJS.ProcessEnv;
}

/** A private PostgreSQL in `dir`: 127.0.0.1 on a free port, trust auth, no durability (a test). */
export async function startPostgres(bin: string, dir: string): Promise<RunningPostgres> {
	// PostgreSQL refuses to run as root: as root, run it as the package's "postgres" user, in a
	// folder of its own (the caller's temp folder is private to root)
	const asUser = process.getuid?.() === 0 ? ['runuser', '-u', 'postgres', '--'] : [];
	if (asUser.length) {
		dir = mkdtempSync(join(tmpdir(), 'rtc-postgres-'));
		spawnSync('chown', ['-R', 'postgres:postgres', dir]);
	} else mkdirSync(dir, { recursive: true });
	const data = join(dir, 'data');
	const init = spawnSync(asUser[0] ?? join(bin, 'initdb'), [...asUser.slice(1), ...(asUser.length ? [join(bin, 'initdb')] : []), '-D', data, '--auth=trust', '--username=postgres', '--encoding=UTF8', '--no-sync'], {
		encoding: 'utf8',
		timeout: 120_000,
	});
	if (init.status !== 0) throw new Error(`initdb failed (${init.status ?? init.signal})\n${tail((init.stdout ?? '') + (init.stderr ?? ''))}`);
	const port = await freePort();
	const args = ['-D', data, '-p', String(port), '-k', dir, '-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off', '-c', 'max_connections=200'];
	const p = spawnLogged('postgres', asUser[0] ?? join(bin, 'postgres'), [...asUser.slice(1), ...(asUser.length ? [join(bin, 'postgres')] : []), ...args], { env: process.env, cwd: dir, logFile: join(dir, 'postgres.log') });
	const stop = p.stop;
	p.stop = async () => {
		await stop();
		if (asUser.length) rmSync(dir, { recursive: true, force: true });
	};
	await waitForOutput(p, /database system is ready to accept connections/, 60_000).catch(async (e) => {
		await p.stop();
		throw e;
	});
	const env = {
		DB_TYPE: 'postgresdb',
		DB_POSTGRESDB_HOST: '127.0.0.1',
		DB_POSTGRESDB_PORT: String(port),
		DB_POSTGRESDB_DATABASE: 'postgres',
		DB_POSTGRESDB_USER: 'postgres',
		DB_POSTGRESDB_PASSWORD: '',
	};
	return { ...p, port, env };
}

// ---- n8n in queue mode ------------------------------------------------------------------------------

export interface Backends {
	redis: RunningRedis;
	postgres?: RunningPostgres;
	/** DB_* settings of every n8n process and CLI command (empty: SQLite in the user folder). */
	dbEnv: NodeJS.ProcessEnv;
	stop: () => Promise<void>;
}

/** Redis, and PostgreSQL unless RTC_QUEUE_DB=sqlite (see the header). */
export async function startBackends(dir: string, log: Log): Promise<Backends> {
	const redisBin = ensureRedisServer(log);
	const useSqlite = process.env.RTC_QUEUE_DB === 'sqlite';
	const pgBin = useSqlite ? '' : ensurePostgres(log);
	const redis = await startRedis(redisBin, join(dir, 'redis'));
	log(`redis-server (${redisBin}) on 127.0.0.1:${redis.port}`);
	let postgres: RunningPostgres | undefined;
	try {
		if (!useSqlite) {
			postgres = await startPostgres(pgBin, join(dir, 'postgres'));
			log(`postgres (${pgBin}) on 127.0.0.1:${postgres.port}`);
		} else log('database: one SQLite file shared by main and workers (RTC_QUEUE_DB=sqlite)');
	} catch (e) {
		await redis.stop();
		throw e;
	}
	return {
		redis,
		postgres,
		dbEnv: postgres?.env ?? {},
		stop: async () => {
			await postgres?.stop().catch(() => undefined);
			await redis.stop().catch(() => undefined);
		},
	};
}
