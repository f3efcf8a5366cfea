 
// What the sandbox saw: calls, throttle answers, and which receivers got the message.
import type { RtcSandbox } from '../../sandbox/server';
import type { Vendor } from './protocol';

export const ACTION: Record<Vendor, string> = { volcengine: 'BatchSendMessage', tencent: 'openim/batchsendmsg' };

export interface CallStats {
	/** Requests of this API the sandbox received (accepted and refused). */
	requests: number;
	/** Requests it processed (no error). */
	accepted: number;
	/** Arrival of the first request to arrival of the last accepted one, ms. */
	spanMs: number;
	/** Epoch ms of the first arrival. */
	firstAt: number;
}

export function callStats(sb: RtcSandbox, vendor: Vendor, api: string): CallStats {
	const log =
		vendor === 'volcengine'
			? sb.state.volcengine.requests.filter((q) => q.action === api).map((q) => ({ at: q.at, ok: !q.code }))
			: sb.state.tencent.requests.filter((q) => q.path === api).map((q) => ({ at: q.at, ok: q.code === 0 }));
	const ok = log.filter((q) => q.ok);
	return {
		requests: log.length,
		accepted: ok.length,
		spanMs: ok.length ? ok[ok.length - 1].at - log[0].at : 0,
		firstAt: log.length ? log[0].at : NaN,
	};
}

/** Distinct receivers that got at least one message, and messages beyond the first per receiver. */
export function deliveries(sb: RtcSandbox, vendor: Vendor): { receivers: number; duplicates: number } {
	const seen = new Set<string>();
	let total = 0;
	if (vendor === 'volcengine') {
		for (const m of sb.state.volcengine.messages) {
			total++;
			seen.add(String(m.receiver));
		}
	} else {
		for (const m of sb.state.tencent.c2c) {
			total++;
			seen.add(m.to);
		}
	}
	return { receivers: seen.size, duplicates: total - seen.size };
}
