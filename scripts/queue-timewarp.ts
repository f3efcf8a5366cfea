/* eslint-disable */
// Preloaded into n8n processes (NODE_OPTIONS=--require …/queue-timewarp.js) by scripts/queue-lib.ts
// for compressed time: the rate limiter of the installed package — and the back-off sleeps of its
// delivery code — run RTC_TIMEWARP_SCALE times faster, matching a sandbox started with the same
// limitScale (bench/lib/timewarp.ts explains why the node's own settings cannot express that).
// Only our package's modules are touched, when n8n loads them.
import Module from 'node:module';
import { performance } from 'node:perf_hooks';

const scale = Number(process.env.RTC_TIMEWARP_SCALE);
const pkgDir = process.env.RTC_TIMEWARP_PACKAGE;
if (scale > 1 && pkgDir) {
	const origin = Date.now();
	const p0 = performance.now();
	const clock = () => origin + (performance.now() - p0) * scale;
	const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms / scale));
	const M = Module as unknown as { _load: (request: string, parent: { filename?: string } | undefined, isMain: boolean) => any };
	const load = M._load;
	const patched = new WeakSet<object>();
	M._load = function (request, parent, isMain) {
		const exp = load.call(this, request, parent, isMain);
		if (!parent?.filename?.startsWith(pkgDir) || !exp || patched.has(exp)) return exp;
		if (request === './limiter' && exp.rateLimiter) {
			exp.rateLimiter.clock = clock;
			exp.rateLimiter.pause = sleep;
			patched.add(exp);
		} else if (request === 'n8n-workflow' && parent.filename.endsWith('delivery.js')) {
			try {
				Object.defineProperty(exp, 'sleep', { configurable: true, enumerable: true, get: () => sleep });
			} catch (e) {
				process.stderr.write(`queue-timewarp: could not patch n8n-workflow sleep: ${(e as Error).message}\n`);
			}
			patched.add(exp);
		}
		return exp;
	};
}
