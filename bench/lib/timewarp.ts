/* eslint-disable */
// Compressed time for the client's rate limiter, in a worker process only.
//
// The sandbox's `limitScale` keeps every documented quota (50 requests, 12,000 messages) and
// shortens its window (1 s → 1 s/scale, 60 s → 60 s/scale). The node's own knobs cannot express
// that: "Messages per Minute = 12,000 × scale" keeps a 60 s window and would allow a burst of
// 12,000 × scale into a window the sandbox caps at 12,000. So instead the client runs the real
// limiter code with the documented quotas in the same compressed time: its clock (and every
// sleep it takes) runs `scale` times faster than the wall clock. Nothing else changes: signing,
// HTTP, the sandbox's latency and all CPU costs stay in real time (which makes the client's task
// harder, not easier). The retry budgets of nodes/shared/delivery.ts are measured on the limiter's
// clock, so they are compressed too (Max Retry Time 120 s = 12 s of wall clock at scale 10).
import { performance } from 'node:perf_hooks';
import { rateLimiter } from '../../nodes/shared/limiter';

export function compressTime(scale: number): void {
	if (!(scale > 1)) return;
	const origin = Date.now();
	const p0 = performance.now();
	const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms / scale));
	// The process-wide limiter's injectable clock and pause (constructor parameters of RateLimiter).
	const limiter = rateLimiter as unknown as { clock: () => number; pause: (ms: number) => Promise<void> };
	limiter.clock = () => origin + (performance.now() - p0) * scale;
	limiter.pause = sleep;
	// delivery.ts's back-off calls n8n-workflow's `sleep` through the module object.
	const workflow = require('n8n-workflow');
	Object.defineProperty(workflow, 'sleep', { configurable: true, enumerable: true, get: () => sleep });
}
