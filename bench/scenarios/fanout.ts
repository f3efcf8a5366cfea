 
// One item, 100,000 receivers, through the node: Volcengine BatchSendMessage and Tencent
// batchsendmsg, 500 receivers per call, against the enforced quotas.
import { runWorker } from '../lib/fork';
import type { EngineResult, Vendor } from '../lib/protocol';
import { AUTOMATIC, n, pacedMinimumMs, r, s, type ScenarioOutcome } from '../lib/report';
import { ACTION, callStats, deliveries } from '../lib/sandbox';
import { delivery, oneItemWithReceivers, tencentAccount, tencentSendParameters, volcSendParameters } from '../lib/workflow';
import { limiterKey, QUOTA, resetSandbox, VENDOR_NAME, type BenchContext } from './context';

export const FANOUT_RECEIVERS = 100_000;
export const FANOUT_SCALE = 10;
export const FANOUT_LATENCY_MS = 20;
const BATCH = 500;

/** Minimum time for `receivers` in calls of 500 at a vendor's quotas (scaled), see pacedMinimumMs. */
export function fanoutMinimumMs(vendor: Vendor, receivers: number, scale: number, latencyMs: number, concurrency: number): number {
	const q = QUOTA[vendor];
	return pacedMinimumMs({
		calls: Math.ceil(receivers / BATCH),
		callLimit: q.requestsPerSecond,
		units: receivers,
		unitLimit: q.messagesPerMinute,
		unitsPerCall: BATCH,
		scale,
		concurrency,
		rttMs: latencyMs,
	}).ms;
}

export async function fanoutScenario(ctx: BenchContext, vendor: Vendor): Promise<ScenarioOutcome> {
	const t0 = Date.now();
	const name = VENDOR_NAME[vendor];
	const config = { enforceLimits: true, limitScale: FANOUT_SCALE, latencyMs: FANOUT_LATENCY_MS };
	resetSandbox(ctx, config);
	if (vendor === 'tencent') ctx.sb.seedTencentAccounts(Array.from({ length: FANOUT_RECEIVERS }, (_, k) => tencentAccount(k)));
	const deliveryOptions = delivery(FANOUT_SCALE);
	const parameters =
		vendor === 'volcengine'
			? volcSendParameters({ batchSize: BATCH, includeMessageIds: false }, deliveryOptions)
			: tencentSendParameters({ batchSize: BATCH }, deliveryOptions);
	ctx.log(`${name} fan-out: ${n(FANOUT_RECEIVERS)} receivers, limitScale ${FANOUT_SCALE}, latency ${FANOUT_LATENCY_MS} ms …`);
	const res = await runWorker<EngineResult>({
		kind: 'engine',
		url: ctx.sb.url,
		vendor,
		parameters,
		itemsCode: oneItemWithReceivers(vendor, FANOUT_RECEIVERS),
		timeScale: FANOUT_SCALE,
		limiterKey: limiterKey(vendor, ACTION[vendor]),
	});
	const calls = callStats(ctx.sb, vendor, ACTION[vendor]);
	const got = deliveries(ctx.sb, vendor);
	const throttledAnswers = ctx.sb.stats.throttled;
	const minCalls = Math.ceil(FANOUT_RECEIVERS / BATCH);
	const minMs = fanoutMinimumMs(vendor, FANOUT_RECEIVERS, FANOUT_SCALE, FANOUT_LATENCY_MS, AUTOMATIC);
	const efficiency = minMs / res.nodeMs;
	const lost = FANOUT_RECEIVERS - got.receivers;
	const title = `${name} fan-out to ${n(FANOUT_RECEIVERS)} receivers`;
	const outcome: ScenarioOutcome = {
		id: `fanout-${vendor}`,
		title,
		config: { ...config, batchSize: BATCH, concurrency: 'automatic (node default)', receivers: FANOUT_RECEIVERS, clockScale: FANOUT_SCALE },
		rows: [
			{ scenario: `${title}: calls`, measured: `${n(calls.accepted)} accepted (${n(calls.requests)} sent)`, minimum: n(minCalls), ratio: r(calls.accepted / minCalls), target: `= ${minCalls}`, pass: calls.accepted === minCalls },
			{
				scenario: `${title}: time`,
				measured: `${s(res.nodeMs)} (${s(calls.firstAt - res.nodeStartedAt)} reading the receivers)`,
				minimum: s(minMs),
				ratio: r(efficiency),
				target: '≥ 0.95',
				pass: efficiency >= 0.95,
			},
			{
				scenario: `${title}: throttle errors`,
				measured: `${res.throttleErrorsInOutput} reaching the user; ${throttledAnswers} throttle answers from the sandbox (retried)`,
				minimum: '0',
				ratio: '—',
				target: '0 reaching the user',
				pass: res.throttleErrorsInOutput === 0,
			},
			{ scenario: `${title}: receivers lost`, measured: `${n(lost)} lost, ${n(got.duplicates)} duplicates`, minimum: '0', ratio: '—', target: '0', pass: lost === 0 && got.duplicates === 0 && !res.workflowError },
		],
		data: {
			receivers: FANOUT_RECEIVERS,
			callsAccepted: calls.accepted,
			requestsSent: calls.requests,
			minimumCalls: minCalls,
			nodeMs: res.nodeMs,
			wallMs: res.wallMs,
			sendSpanMs: calls.spanMs,
			/** Node start to the first request (reading and validating the receivers). */
			prepareMs: calls.firstAt - res.nodeStartedAt,
			minimumMs: minMs,
			efficiency,
			sendPhaseEfficiency: minMs / (calls.spanMs + FANOUT_LATENCY_MS),
			throttleErrorsInOutput: res.throttleErrorsInOutput,
			throttleAnswersFromSandbox: throttledAnswers,
			limiterThrottles: res.limiterThrottles,
			errorItems: res.errorItems,
			errorCodes: res.errorCodes,
			reported: res.fanout,
			delivered: got.receivers,
			duplicates: got.duplicates,
			lost,
			userSigGenerations: res.userSigGenerations,
			workflowError: res.workflowError,
			maxRssMB: res.maxRssMB,
		},
		seconds: (Date.now() - t0) / 1000,
	};
	ctx.log(`  ${s(res.nodeMs)} (minimum ${s(minMs)}, efficiency ${r(efficiency)}), ${calls.accepted}/${calls.requests} calls, ${throttledAnswers} throttle answers, ${res.throttleErrorsInOutput} in output, lost ${lost}`);
	return outcome;
}
