/* eslint-disable */
// Preload (`NODE_OPTIONS=--require …/n8n-timewarp.js`) for a real n8n in the bench. When this
// package's limiter module is loaded from the installed package, its clock and its pauses run
// RTC_BENCH_TIME_SCALE times faster, like bench/lib/timewarp.ts does in the engine workers, so
// the node keeps the documented quotas in the sandbox's compressed time (limitScale). Nothing else
// in n8n is touched (the HTTP Request node's batching sleeps in real time; the anchor's interval is
// divided by the scale instead). Delivery's retry back-off (n8n-workflow's sleep) stays in real
// time: slower for the node, not faster.
import Module = require('node:module');
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

// RTC_BENCH_CPU_LOG=<dir>: the main thread's CPU time every 20 ms on the profiler's clock, written to
// <dir>/cpu-<pid>.json at exit (bench/lib/cpuprofile.ts turns sampled time into CPU time with it).
const cpuLogDir = process.env.RTC_BENCH_CPU_LOG;
if (cpuLogDir) {
	const log: Array<[number, number]> = [];
	// The main thread's own CPU time (utime + stime of /proc/self/task/<pid>/stat, in 1/100 s):
	// process.cpuUsage() also counts GC helper threads, the thread pool and the profiler's thread.
	const statFile = `/proc/self/task/${process.pid}/stat`;
	const mainThreadUs = (): number => {
		try {
			const fields = readFileSync(statFile, 'utf8').split(') ')[1].split(' ');
			return (Number(fields[11]) + Number(fields[12])) * 10_000;
		} catch {
			const c = process.cpuUsage();
			return c.user + c.system;
		}
	};
	const note = () => log.push([Number(process.hrtime.bigint() / 1000n), mainThreadUs()]);
	note();
	setInterval(note, 20).unref();
	process.on('exit', () => {
		note();
		try {
			writeFileSync(join(cpuLogDir, `cpu-${process.pid}.json`), JSON.stringify(log));
		} catch {}
	});
}

const scale = Number(process.env.RTC_BENCH_TIME_SCALE ?? 1);
if (scale > 1) {
	const M = Module as unknown as { _load: (request: string, parent: { filename?: string } | undefined, isMain: boolean) => any };
	const load = M._load;
	M._load = function (request, parent, isMain) {
		const exported = load.call(this, request, parent, isMain);
		if (!/(^|\/)limiter(\.js)?$/.test(request) || !/n8n-nodes-rtc-messaging[\\/]dist[\\/]/.test(parent?.filename ?? '')) return exported;
		const limiter = exported?.rateLimiter;
		if (limiter && !limiter.__benchTimeScale) {
			const origin = Date.now();
			const p0 = performance.now();
			limiter.clock = () => origin + (performance.now() - p0) * scale;
			limiter.pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms / scale));
			limiter.__benchTimeScale = scale;
		}
		return exported;
	};
}
