/* eslint-disable */
// Sandbox code (not shipped).
import type { IncomingHttpHeaders } from 'node:http';
import type { FaultConfig, FaultKind, ThrottleQueue } from './faults';
import type { CallbacksConfig } from './callbacks';
import type { QuotaBook } from './limits';
import type { TencentConfig, TencentState } from './tencent/index';
import type { VolcengineConfig, VolcengineState } from './volcengine';

export interface RawRequest {
	method: string;
	/** Path and raw query exactly as received. */
	url: string;
	headers: IncomingHttpHeaders;
	body: Buffer;
}

export interface RawResponse {
	status: number;
	body: string;
	headers?: Record<string, string>;
}

export interface SandboxConfig {
	/** Enforce the vendors' documented rate limits. */
	enforceLimits: boolean;
	/** Multiplies every documented rate (10 = ten times faster quotas), for quick scenarios. */
	limitScale: number;
	/** Added to every vendor response, to model a data center's round trip. */
	latencyMs: number;
	/**
	 * Added once per new TCP connection, before its first request is handled: the TCP + TLS
	 * handshakes a client pays when it opens a connection per call (0 = none).
	 */
	connectionSetupMs: number;
	/** Fault injection (sandbox/faults.ts). */
	faults: FaultConfig;
	volcengine: VolcengineConfig;
	tencent: TencentConfig;
	/** Callback URLs and token/secret of the vendors' webhook senders (sandbox/callbacks/). */
	callbacks: CallbacksConfig;
}

export interface SandboxState {
	volcengine: VolcengineState;
	tencent: TencentState;
}

export interface SandboxStats {
	requests: number;
	throttled: number;
	/** Injected faults by kind. */
	faults: Partial<Record<FaultKind, number>>;
	/** Most vendor requests in progress at once. */
	maxInFlight: number;
}

export interface Sandbox {
	config: SandboxConfig;
	state: SandboxState;
	quotas: QuotaBook;
	/** Forced throttles (throttleNext), taken by the shared quota step (sandbox/routes.ts). */
	throttles: ThrottleQueue;
	stats: SandboxStats;
	now(): number;
	emit(event: string, data: Record<string, unknown>): void;
}
