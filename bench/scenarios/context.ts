 
import type { RtcSandbox } from '../../sandbox/server';
import { SANDBOX_TENCENT, SANDBOX_VOLCENGINE } from '../../sandbox/demo-credentials';
import type { Vendor } from '../lib/protocol';

export interface BenchContext {
	sb: RtcSandbox;
	/** Progress lines. */
	log: (line: string) => void;
}

/** Documented quotas the sandbox enforces (sandbox/volcengine/, sandbox/tencent/). */
export const QUOTA = {
	volcengine: { requestsPerSecond: 50, messagesPerMinute: 12000 },
	tencent: { requestsPerSecond: 200, messagesPerMinute: 12000 },
	volcengineTags: { requestsPerSecond: 50 },
	tencentTags: { requestsPerSecond: 100 },
};

/** Issue 15: reading and validating the input, per item: from the node's start to its first call. */
export const READING_TARGET_US = 50;

export const VENDOR_NAME: Record<Vendor, string> = { volcengine: 'Volcengine', tencent: 'Tencent' };

/** The key of nodes/shared/limiter.ts for an API (see the transports' request.ts). */
export const limiterKey = (vendor: Vendor, api: string) =>
	vendor === 'volcengine' ? `volcengine|${SANDBOX_VOLCENGINE.accessKeyId}|${api}` : `tencent|${SANDBOX_TENCENT.sdkAppId}|${api}`;

/** Fresh sandbox state and the given configuration. */
export function resetSandbox(ctx: BenchContext, config: { enforceLimits: boolean; limitScale: number; latencyMs: number }): void {
	ctx.sb.reset();
	ctx.sb.configure(config);
}
