// Sandbox code (not shipped): fault injection for the reliability tests and the soak.
import { stringifyJson } from './json';
import type { RawRequest, RawResponse } from './types';

/**
 * Rates are probabilities per vendor request (0–1), drawn from a seeded generator so a run can be
 * repeated. Kinds, in the order they are drawn:
 * - http5xx: answered with a 5xx before processing (Volcengine InternalError / HTTP 500,
 *   Tencent HTTP 503): not processed;
 * - reset: the connection is destroyed before processing: not processed;
 * - throttle: the vendor's throttle answer before processing: not processed;
 * - lost: processed (state changed), then the connection is destroyed without an answer;
 * - slow: processed, then answered after `slowMs` (past the client's timeout);
 * - spike: answered normally after an extra `spikeMs`.
 */
export interface FaultConfig {
	seed: number;
	http5xxRate: number;
	resetRate: number;
	throttleRate: number;
	lostRate: number;
	slowRate: number;
	slowMs: number;
	spikeRate: number;
	spikeMs: number;
}

export type FaultKind = 'http5xx' | 'reset' | 'throttle' | 'lost' | 'slow' | 'spike';

export const noFaults = (): FaultConfig => ({
	seed: 1,
	http5xxRate: 0,
	resetRate: 0,
	throttleRate: 0,
	lostRate: 0,
	slowRate: 0,
	slowMs: 0,
	spikeRate: 0,
	spikeMs: 0,
});

/** mulberry32: small, fast, seeded. */
export function seededRandom(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

export function drawFault(cfg: FaultConfig, random: () => number): FaultKind | undefined {
	const r = random();
	let acc = 0;
	for (const [kind, rate] of [
		['http5xx', cfg.http5xxRate],
		['reset', cfg.resetRate],
		['throttle', cfg.throttleRate],
		['lost', cfg.lostRate],
		['slow', cfg.slowRate],
		['spike', cfg.spikeRate],
	] as Array<[FaultKind, number]>) {
		acc += rate;
		if (r < acc) return kind;
	}
	return undefined;
}

const isTencent = (req: RawRequest) => req.url.startsWith('/v4/');

/** The vendor's answer for a fault that happens before processing. */
export function faultAnswer(kind: 'http5xx' | 'throttle', req: RawRequest): RawResponse {
	const id = `sandbox-fault-${Math.random().toString(16).slice(2)}`;
	if (isTencent(req)) {
		if (kind === 'http5xx') return { status: 503, body: '<html><body>503 Service Temporarily Unavailable</body></html>', headers: { 'content-type': 'text/html' } };
		return { status: 200, body: stringifyJson({ ActionStatus: 'FAIL', ErrorCode: 60007, ErrorInfo: 'REST API call frequency over limit', RequestId: id }) };
	}
	const params = new URLSearchParams(req.url.split('?')[1] ?? '');
	const meta = { RequestId: id, Action: params.get('Action') ?? '', Version: params.get('Version') ?? '', Service: 'rtc', Region: 'cn-north-1' };
	if (kind === 'http5xx') {
		return { status: 500, body: stringifyJson({ ResponseMetadata: { ...meta, Error: { CodeN: 100014, Code: 'InternalError', Message: 'injected internal error' } }, Result: {} }) };
	}
	return { status: 429, body: stringifyJson({ ResponseMetadata: { ...meta, Error: { Code: 'FlowLimitExceeded', Message: 'injected throttle' } }, Result: {} }) };
}

export type Vendor = 'volcengine' | 'tencent';

/**
 * Forced throttles, armed by `RtcSandbox.throttleNext(vendor, api, n)`: the next `n` calls of `api`
 * that reach the quota step find their call-rate quota spent, and are answered and logged exactly
 * as a real throttle at that point (Volcengine FlowLimitExceeded.QPSOverLimit / HTTP 429, Tencent
 * ErrorCode 60007), after authentication and body parsing. Unlike `throttleRate` (a random answer
 * before processing), this hits one named API, deterministically, so a test can prove a retry.
 */
export class ThrottleQueue {
	private readonly pending = new Map<string, number>();

	/** Arms `n` more refusals for `api` (n = 0 disarms it). */
	arm(vendor: Vendor, api: string, n = 1): void {
		if (vendor !== 'volcengine' && vendor !== 'tencent') throw new Error('vendor must be volcengine or tencent');
		if (typeof api !== 'string' || api === '') throw new Error('api is required (a Volcengine Action or a Tencent path after v4/)');
		if (!Number.isInteger(n) || n < 0) throw new Error('n must be a whole number ≥ 0');
		const key = `${vendor} ${api}`;
		if (n === 0) this.pending.delete(key);
		else this.pending.set(key, (this.pending.get(key) ?? 0) + n);
	}

	/** True (and one refusal used up) when a refusal is armed for this call. */
	draw(vendor: Vendor, api: string): boolean {
		const key = `${vendor} ${api}`;
		const left = this.pending.get(key) ?? 0;
		if (left <= 0) return false;
		if (left === 1) this.pending.delete(key);
		else this.pending.set(key, left - 1);
		return true;
	}

	/** Refusals still armed, by "vendor api". */
	armed(): Record<string, number> {
		return Object.fromEntries(this.pending);
	}

	clear(): void {
		this.pending.clear();
	}
}
