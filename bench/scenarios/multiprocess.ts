 
// Four n8n processes, each with its own process-wide limiter, send 25,000 receivers each through
// the node at the same moment, sharing one quota (one credential) at the sandbox. Only the vendor's
// throttle answers tell them about each other.
import { startWorker } from '../lib/fork';
import type { EngineResult } from '../lib/protocol';
import { AUTOMATIC, n, r, s, type ScenarioOutcome } from '../lib/report';
import { ACTION, callStats, deliveries } from '../lib/sandbox';
import { delivery, oneItemWithReceivers, volcSendParameters } from '../lib/workflow';
import { FANOUT_LATENCY_MS, FANOUT_RECEIVERS, FANOUT_SCALE, fanoutMinimumMs } from './fanout';
import { limiterKey, resetSandbox, type BenchContext } from './context';

export const PROCESSES = 4;

export async function multiProcessScenario(ctx: BenchContext): Promise<ScenarioOutcome> {
	const t0 = Date.now();
	const config = { enforceLimits: true, limitScale: FANOUT_SCALE, latencyMs: FANOUT_LATENCY_MS };
	resetSandbox(ctx, config);
	const per = FANOUT_RECEIVERS / PROCESSES;
	ctx.log(`${PROCESSES} processes on one quota: ${n(per)} receivers each (Volcengine), limitScale ${FANOUT_SCALE} …`);
	const workers = Array.from({ length: PROCESSES }, (_, p) =>
		startWorker({
			kind: 'engine',
			url: ctx.sb.url,
			vendor: 'volcengine',
			parameters: volcSendParameters({ batchSize: 500, includeMessageIds: false }, delivery(FANOUT_SCALE)),
			itemsCode: oneItemWithReceivers('volcengine', per, p * per),
			timeScale: FANOUT_SCALE,
			limiterKey: limiterKey('volcengine', ACTION.volcengine),
		}),
	);
	await Promise.all(workers.map((w) => w.ready));
	for (const w of workers) w.go();
	const results = (await Promise.all(workers.map((w) => w.result))) as EngineResult[];
	const start = Math.min(...results.map((x) => x.nodeStartedAt));
	const end = Math.max(...results.map((x) => x.nodeStartedAt + x.nodeMs));
	const totalMs = end - start;
	const calls = callStats(ctx.sb, 'volcengine', ACTION.volcengine);
	const got = deliveries(ctx.sb, 'volcengine');
	const lost = FANOUT_RECEIVERS - got.receivers;
	const minMs = fanoutMinimumMs('volcengine', FANOUT_RECEIVERS, FANOUT_SCALE, FANOUT_LATENCY_MS, AUTOMATIC);
	const efficiency = minMs / totalMs;
	const throttleAnswers = ctx.sb.stats.throttled;
	const reaching = results.reduce((a, x) => a + x.throttleErrorsInOutput, 0);
	const errorItems = results.reduce((a, x) => a + x.errorItems, 0);
	const title = `${PROCESSES} engine processes sharing one quota (${n(FANOUT_RECEIVERS)} receivers)`;
	ctx.log(`  ${s(totalMs)} (minimum ${s(minMs)}, efficiency ${r(efficiency)}), ${calls.accepted}/${calls.requests} calls, ${throttleAnswers} throttle answers, ${reaching} in output, lost ${lost}, duplicates ${got.duplicates}`);
	return {
		id: 'multiprocess',
		title,
		config: { ...config, processes: PROCESSES, receiversPerProcess: per, batchSize: 500, concurrencyPerProcess: 'automatic (node default)', maxRetrySeconds: 'default (180)', clockScale: FANOUT_SCALE },
		rows: [
			{
				scenario: `${title}: time`,
				measured: s(totalMs),
				minimum: s(minMs),
				ratio: lost ? 'n/a (receivers lost)' : r(efficiency),
				target: '≥ 0.80',
				pass: lost === 0 && efficiency >= 0.8,
			},
			{
				scenario: `${title}: throttles`,
				measured: `${n(throttleAnswers)} throttle answers from the sandbox, retried; ${reaching} reaching the user`,
				minimum: '0',
				ratio: '—',
				target: '0 reaching the user',
				pass: reaching === 0,
			},
			{
				scenario: `${title}: messages lost`,
				measured: `${n(lost)} lost, ${n(got.duplicates)} duplicates; ${n(calls.accepted)} calls accepted`,
				minimum: '0',
				ratio: '—',
				target: '0 lost',
				pass: lost === 0 && got.duplicates === 0 && errorItems === 0,
			},
		],
		data: {
			receivers: FANOUT_RECEIVERS,
			totalMs,
			minimumMs: minMs,
			efficiency,
			callsAccepted: calls.accepted,
			requestsSent: calls.requests,
			throttleAnswersFromSandbox: throttleAnswers,
			throttleErrorsInOutput: reaching,
			errorItems,
			delivered: got.receivers,
			duplicates: got.duplicates,
			lost,
			perProcess: results.map((x) => ({ nodeMs: x.nodeMs, startOffsetMs: x.nodeStartedAt - start, limiterThrottles: x.limiterThrottles, reported: x.fanout, errorCodes: x.errorCodes, statuses: x.statuses, maxRssMB: x.maxRssMB })),
		},
		seconds: (Date.now() - t0) / 1000,
	};
}
