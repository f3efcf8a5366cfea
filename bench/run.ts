/* eslint-disable */
// `npm run bench`: the benchmark suite (not part of `npm test`). Starts the sandbox with enforced
// limits, runs every scenario in fresh worker processes (bench/worker.ts), prints the table and
// writes bench/results.json and bench/RESULTS.md. `node .tools/bench/run.js fanout tags` runs only
// the scenarios whose id starts with one of the arguments.
import { startSandbox } from '../sandbox/server';
import { join } from 'node:path';
import { plainTable, writeResults, type ScenarioOutcome } from './lib/report';
import type { BenchContext } from './scenarios/context';
import { FANOUT_LATENCY_MS, FANOUT_SCALE, fanoutScenario } from './scenarios/fanout';
import { tagScenario, TAG_LATENCY_MS } from './scenarios/tags';
import { naiveScenario, NAIVE_CONCURRENCY } from './scenarios/naive';
import { multiProcessScenario } from './scenarios/multiprocess';
import { signingScenario } from './scenarios/signing';
import { overheadScenario } from './scenarios/overhead';
import { memoryScenario } from './scenarios/memory';
import { anchorScenario, ANCHOR_LATENCY_MS, ANCHOR_SPECS, NODE_VS_HTTP_TARGET } from './scenarios/anchor';
import { latencyScenario, LATENCY_GUARD, SETUP_ROUND_TRIPS } from './scenarios/latency';
import { queueScenario } from './scenarios/queue';

const SCENARIOS: Array<[string, (ctx: BenchContext) => Promise<ScenarioOutcome>]> = [
	['signing', signingScenario],
	['overhead', overheadScenario],
	['tags-volcengine', (ctx) => tagScenario(ctx, 'volcengine')],
	['tags-tencent', (ctx) => tagScenario(ctx, 'tencent')],
	['fanout-volcengine', (ctx) => fanoutScenario(ctx, 'volcengine')],
	['fanout-tencent', (ctx) => fanoutScenario(ctx, 'tencent')],
	['naive', naiveScenario],
	['multiprocess', multiProcessScenario],
	['memory', memoryScenario],
	['latency', latencyScenario],
	['anchor', anchorScenario],
	['queue', queueScenario],
];

const FORMULAS = [
	'**Window model.** The sandbox enforces each quota as a sliding window (sandbox/limits.ts): at most L units in any window of W / limitScale. A full window\'s worth is accepted at t = 0, then one more window\'s worth per window.',
	'**Theoretical minimum of a paced send** = ceil(N / L − 1) · W / limitScale + ceil(r / c) · RTT, for whichever quota binds (receivers: L = 12,000 per W = 60 s; calls: 50 or 200 per 1 s for sends, 50 (Volcengine) or 100 (Tencent) per 1 s for tags), where r = calls in the last window, c = calls in flight and RTT = the sandbox latency; every scenario runs the node with its default Concurrent Requests (0 = automatic: as many in flight as quota × round trip needs, nodes/shared/inflight.ts), so c ≥ r and the last window costs one round trip (the Node overhead scenario fixes c = 8 for both sides). Example: 100,000 receivers at 12,000/min, scale 10, 20 ms: ceil(8.33 − 1) · 6 s + 1 · 20 ms = 48.02 s.',
	'**Efficiency** = theoretical minimum / measured time. Measured time is n8n\'s own execution time of the node (runData executionTime: from the node\'s start, including reading and validating its input, to its output). For tag updates the sending phase (first call to last answer, from the sandbox log) is shown as well.',
	`**Compressed time.** limitScale shortens the sandbox's windows (1 s → 1 s / scale, 60 s → 60 s / scale) and keeps the documented limits. The client has no knob for "same limit, shorter window" (Messages per Minute = 12,000 × scale would allow a burst of 12,000 × scale into a window the sandbox caps at 12,000), so in scaled scenarios the worker runs the real limiter and delivery code on a clock that runs limitScale times faster (bench/lib/timewarp.ts): the client keeps the documented quotas and retry budgets, in the sandbox's time. Network latency, signing, n8n and all CPU costs stay in real time, which makes the client's job harder, not easier. Fan-outs and the 4-process run use limitScale ${FANOUT_SCALE} and ${FANOUT_LATENCY_MS} ms latency; tag updates run at the documented rates (limitScale 1) with ${TAG_LATENCY_MS} ms latency.`,
	'**Throttle errors reaching the user** are throttle codes (FlowLimitExceeded*, Tencent 60007/90057/…) in the node\'s output (error items and the summaries\' per-chunk errors). **Throttle answers** are what the sandbox sent (sb.stats.throttled); the node retried them.',
	'**Lost** = receivers the sandbox did not store; **duplicates** = receivers stored more than once. Calls = requests the sandbox accepted; "sent" counts refused ones too.',
	`**Naive baseline**: one signed BatchSendMessage per receiver from a raw undici client, ${NAIVE_CONCURRENCY} in flight (an HTTP Request node sends every item's request at once), no pacing, no retries, same sandbox settings as the fan-out.`,
	'**Signing**: µs per call, median of 7 rounds of ≥ 150 ms after a warm-up, in one worker process. Both Volcengine signers sign the same request; with the same signed headers they produce the identical Authorization (checked). Official UserSig = tls-sig-api-v2 genUserSig (zlib deflate); ours writes stored zlib blocks; both decode to the same document (checked).',
	'**Node overhead** = node execution time / raw client wall time for the same 5,000 signed BatchSendMessage calls (one receiver each), both 8 in flight (the raw client over 8 keep-alive connections), against the unthrottled sandbox; the node\'s own pacing is lifted with Delivery → Requests per Second.',
	`**Latency** (far-away vendor): the sandbox adds the round trip RTT to every answer and ${SETUP_ROUND_TRIPS} × RTT (TCP + TLS 1.3 handshakes) before the first request of every new TCP connection (connectionSetupMs); n8n's request helper opens one per call. Documented rates (limitScale 1), node defaults. Theoretical minimum = ceil(N / L − 1) · 1 s + ${SETUP_ROUND_TRIPS} · RTT + RTT (N calls, L calls per second: the quota minimum with as many calls in flight as the quota allows, Little's law: L × ${SETUP_ROUND_TRIPS + 1} · RTT). A run still going after max(${LATENCY_GUARD} × minimum, 30 s) is stopped and its time projected from its pace: time to the first call + (last accepted arrival − first arrival) · (N − 1) / (accepted − 1) + ${SETUP_ROUND_TRIPS + 1} · RTT.`,
	`**Anchor**: a real n8n 2.41.1 on Node 24 (the e2e runtime) runs the workflow a user builds without the package and the same job through the node (Send to Users, defaults), one \`n8n execute\` each, sandbox reset in between, ${ANCHOR_LATENCY_MS} ms. Volcengine: bench/fixtures/anchor-volcengine.json (Code node signing each item with require('crypto'), NODE_FUNCTION_ALLOW_BUILTIN=crypto; HTTP Request node sending BatchSendMessage with Batching ${ANCHOR_SPECS.volcengine.batching.batchSize} items per ${ANCHOR_SPECS.volcengine.batching.batchInterval} ms, the documented 50 calls/s), limitScale ${ANCHOR_SPECS.volcengine.scale}. Tencent: bench/fixtures/anchor-tencent.json (Code node running tls-sig-api-v2's genUserSig per item with require('crypto') and require('zlib'), NODE_FUNCTION_ALLOW_BUILTIN=crypto,zlib; HTTP Request node calling v4/openim/sendmsg for 1 receiver per item and v4/openim/batchsendmsg for 500, Batching ${ANCHOR_SPECS.tencent.batching.batchSize} items per ${ANCHOR_SPECS.tencent.batching.batchInterval} ms, the documented 200 calls/s), limitScale ${ANCHOR_SPECS.tencent.scale} (documented rates in real time). Both with On Error: Continue. Compressed time (Volcengine) as above: the node's limiter runs limitScale× faster (preload bench/lib/n8n-timewarp.ts) and the Batch Interval is divided by limitScale. Time = start of the job's first node (Sign, or the node) to the end of the sending node, from n8n's run data; calls, throttled, lost and duplicates from the sandbox (stored messages per receiver; the anchor's calls are those of the API it calls). Minimum as for a paced send (automatic concurrency: one round trip for the last window); Tencent: calls at 200/s bind for 1 per item (10,000 calls: 49 s + RTT), nothing binds for 500 per item (20 calls, 10,000 messages within one 12,000/min window: one RTT). Ratios are node / anchor.`,
	`**Package CPU per call** (in the anchor's n8n, per vendor): node --cpu-prof in the n8n process (1 ms samples); the window is the sending node's run (first to last sample with one of its own frames on the stack); each sample goes to the innermost frame that is not a Node internal: this package (by file: signing = credentials/ and transport/signer|auth|usersig|usersigCache; sending = the delivery layer, shared/delivery|limiter|pool|http|json|fanout|batching|errors and transport/request|endpoints|limits; reading = everything else, zod included), the HTTP Request node (n8n-nodes-base/dist/nodes/HttpRequest), or n8n and its libraries (its request helper included). Sample time is turned into CPU time with the main thread's own CPU clock over the window (utime + stime of /proc/self/task/<pid>/stat every 20 ms, preload bench/lib/n8n-timewarp.ts): CPU ms = sampled ms × (CPU time in the window / busy sampled time), so time the process spent preempted on a loaded machine is not counted. Per call = CPU ms / calls; the target (≤ 100 µs) is signing + sending. Sandbox unthrottled, no latency, the node's pacing lifted, the HTTP Request node without batching. **Node vs HTTP Request node** = the node's time / the Code node + HTTP Request node's time for the same one-receiver calls; both go through n8n's request helper (a new connection per call), so the target is ≤ ${NODE_VS_HTTP_TARGET}× (not slower, 10 % for run-to-run noise on a loaded machine).`,
	'**Memory** = peak RSS (process.resourceUsage().maxRSS) of a fresh worker process running the engine with one item of 1,000,000 receivers (Code node output, Include Message IDs off); the idle engine is the RSS after one 1-receiver run and a GC.',
];

async function main() {
	const t0 = Date.now();
	const sb = await startSandbox();
	const log = (line: string) => process.stdout.write(line + '\n');
	const ctx: BenchContext = { sb, log };
	const only = process.argv.slice(2);
	const outcomes: ScenarioOutcome[] = [];
	log(`bench: sandbox at ${sb.url}; ${only.length ? `scenarios ${only.join(', ')}` : 'all scenarios'}`);
	try {
		for (const [id, run] of SCENARIOS) {
			if (only.length && !only.some((o) => id.startsWith(o))) continue;
			outcomes.push(await run(ctx));
		}
	} finally {
		await sb.close();
	}
	const total = (Date.now() - t0) / 1000;
	const rows = outcomes.flatMap((o) => o.rows);
	log('\n' + plainTable(rows));
	const targets = rows.filter((x) => x.pass !== null);
	const files = writeResults(join(__dirname, '..', '..', 'bench'), outcomes, total, FORMULAS);
	log(`\ntargets met: ${targets.filter((x) => x.pass).length} of ${targets.length}; ${total.toFixed(0)} s`);
	log(`wrote ${files.json} and ${files.md}`);
}

main().catch((e) => {
	console.error(e);
	process.exit(1);
});
