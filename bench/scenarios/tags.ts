 
// 10,000 input items, one user each, coalesced into the fewest calls: Volcengine
// BatchUpdateUserTags (50 users per call, the node's default) and Tencent im_add_tag (100 per call).
import { runWorker } from '../lib/fork';
import type { EngineResult, Vendor } from '../lib/protocol';
import { AUTOMATIC, n, pacedMinimumMs, r, s, type ScenarioOutcome } from '../lib/report';
import { callStats } from '../lib/sandbox';
import { delivery, itemPerUser, tencentAccount, tencentTagParameters, volcId, volcTagParameters } from '../lib/workflow';
import { SANDBOX_VOLCENGINE } from '../../sandbox/demo-credentials';
import { limiterKey, QUOTA, READING_TARGET_US, resetSandbox, VENDOR_NAME, type BenchContext } from './context';

export const TAG_ITEMS = 10_000;
export const TAG_SCALE = 1;
export const TAG_LATENCY_MS = 20;
const API: Record<Vendor, string> = { volcengine: 'BatchUpdateUserTags', tencent: 'all_member_push/im_add_tag' };
const PER_CALL: Record<Vendor, number> = { volcengine: 50, tencent: 100 };
const WHOLE_NODE_TARGET = 0.9;

export async function tagScenario(ctx: BenchContext, vendor: Vendor): Promise<ScenarioOutcome> {
	const t0 = Date.now();
	const name = VENDOR_NAME[vendor];
	const config = { enforceLimits: true, limitScale: TAG_SCALE, latencyMs: TAG_LATENCY_MS };
	resetSandbox(ctx, config);
	if (vendor === 'volcengine') ctx.sb.seedVolcengineUsers(SANDBOX_VOLCENGINE.appId, Array.from({ length: TAG_ITEMS }, (_, k) => ({ userId: volcId(k) })));
	else ctx.sb.seedTencentAccounts(Array.from({ length: TAG_ITEMS }, (_, k) => tencentAccount(k)));
	const deliveryOptions = delivery(TAG_SCALE);
	ctx.log(`${name} tag updates: ${n(TAG_ITEMS)} items, limitScale ${TAG_SCALE}, latency ${TAG_LATENCY_MS} ms …`);
	const res = await runWorker<EngineResult>({
		kind: 'engine',
		url: ctx.sb.url,
		vendor,
		parameters: vendor === 'volcengine' ? volcTagParameters(deliveryOptions) : tencentTagParameters(deliveryOptions),
		itemsCode: itemPerUser(vendor, TAG_ITEMS, 'user'),
		timeScale: TAG_SCALE,
		limiterKey: limiterKey(vendor, API[vendor]),
	});
	const calls = callStats(ctx.sb, vendor, API[vendor]);
	const minCalls = Math.ceil(TAG_ITEMS / PER_CALL[vendor]);
	const perSecond = vendor === 'volcengine' ? QUOTA.volcengineTags.requestsPerSecond : QUOTA.tencentTags.requestsPerSecond;
	const paced = pacedMinimumMs({ calls: minCalls, callLimit: perSecond, scale: TAG_SCALE, concurrency: AUTOMATIC, rttMs: TAG_LATENCY_MS });
	const minMs = paced.ms;
	const sendMs = calls.spanMs + TAG_LATENCY_MS;
	const efficiency = minMs / res.nodeMs;
	let updated = 0;
	if (vendor === 'volcengine') {
		for (const u of ctx.sb.state.volcengine.users.get(SANDBOX_VOLCENGINE.appId)?.values() ?? []) if (u.tags.get('level') === 'vip') updated++;
	} else {
		for (const tags of ctx.sb.state.tencent.userTags.values()) if (tags.has('vip')) updated++;
	}
	const prepareMs = calls.firstAt - res.nodeStartedAt;
	const title = `${name} tag update, ${n(TAG_ITEMS)} items`;
	ctx.log(`  ${s(res.nodeMs)} (minimum ${s(minMs)}, efficiency ${r(efficiency)}; ${s(prepareMs)} before the first call), ${calls.accepted}/${calls.requests} calls, ${ctx.sb.stats.throttled} throttle answers, ${updated} users updated`);
	return {
		id: `tags-${vendor}`,
		title,
		config: { ...config, usersPerCall: PER_CALL[vendor], concurrency: 'automatic (node default)', items: TAG_ITEMS },
		rows: [
			{ scenario: `${title}: calls`, measured: `${n(calls.accepted)} accepted (${n(calls.requests)} sent)`, minimum: n(minCalls), ratio: r(calls.accepted / minCalls), target: `= ${minCalls}`, pass: calls.accepted === minCalls },
			{
				scenario: `${title}: time, sending (first call → last answer)`,
				measured: s(sendMs),
				minimum: s(minMs),
				ratio: r(minMs / sendMs),
				target: '—', // context: the whole-node row carries the target
				pass: null,
			},
			{
				scenario: `${title}: time, whole node`,
				measured: `${s(res.nodeMs)} (${s(prepareMs)} reading the ${n(TAG_ITEMS)} items before the first call)`,
				minimum: s(minMs),
				ratio: r(efficiency),
				// Issue 15: ≥ 0.9 for Volcengine. Tencent's 100 calls fit one window of its 100/s quota, so
				// its minimum is one 20 ms round trip, less than reading the items alone: a context row.
				target: vendor === 'volcengine' ? `≥ ${WHOLE_NODE_TARGET}` : '—',
				pass: vendor === 'volcengine' ? efficiency >= WHOLE_NODE_TARGET : null,
			},
			{
				scenario: `${title}: reading, per item (node start → first call)`,
				measured: `${((prepareMs * 1000) / TAG_ITEMS).toFixed(0)} µs (${s(prepareMs)} for ${n(TAG_ITEMS)} items)`,
				minimum: '—',
				ratio: '—',
				target: `≤ ${READING_TARGET_US} µs`,
				pass: (prepareMs * 1000) / TAG_ITEMS <= READING_TARGET_US,
			},
			{
				scenario: `${title}: errors`,
				measured: `${res.throttleErrorsInOutput} throttle errors reaching the user, ${res.errorItems} error items; ${ctx.sb.stats.throttled} throttle answers from the sandbox; ${n(updated)} users updated`,
				minimum: '0',
				ratio: '—',
				target: '0 reaching the user, all updated',
				pass: res.throttleErrorsInOutput === 0 && res.errorItems === 0 && updated === TAG_ITEMS,
			},
		],
		data: {
			items: TAG_ITEMS,
			callsAccepted: calls.accepted,
			requestsSent: calls.requests,
			minimumCalls: minCalls,
			nodeMs: res.nodeMs,
			prepareMs,
			sendSpanMs: calls.spanMs,
			minimumMs: minMs,
			quotaBoundMs: paced.quotaMs,
			lastWindowCalls: paced.lastWindowCalls,
			efficiency,
			sendMs,
			sendPhaseEfficiency: minMs / sendMs,
			prepareUsPerItem: (prepareMs * 1000) / TAG_ITEMS,
			throttleErrorsInOutput: res.throttleErrorsInOutput,
			throttleAnswersFromSandbox: ctx.sb.stats.throttled,
			limiterThrottles: res.limiterThrottles,
			errorItems: res.errorItems,
			errorCodes: res.errorCodes,
			statuses: res.statuses,
			usersUpdated: updated,
			maxRssMB: res.maxRssMB,
		},
		notes: [
			`${s(prepareMs)} of the node's ${s(res.nodeMs)} passed before its first call: reading and validating the ${n(TAG_ITEMS)} items (≈ ${((prepareMs * 1000) / TAG_ITEMS).toFixed(0)} µs per item; in a CPU profile most of it is n8n resolving each item's parameters and expressions; all items are validated before anything is sent). ` +
				(paced.quotaMs > 0
					? `Sending took ${s(sendMs)} for a quota minimum of ${s(minMs)}: each ${perSecond}/s window reopens one round trip plus 2 % + 5 ms after the ideal, because the limiter dates a request at its answer and keeps windows a little longer than documented, so that none arrives early (${ctx.sb.stats.throttled} throttle answers).`
					: `All ${minCalls} calls fit in one window of the ${perSecond}/s quota, so the minimum is one round trip (automatic Concurrent Requests: all of them in flight); sending took ${s(sendMs)}, the per-call cost of n8n's request helper (a new connection per request, see Node overhead) on top of the ${TAG_LATENCY_MS} ms round trip.`),
		],
		seconds: (Date.now() - t0) / 1000,
	};
}
