// Sandbox code (not shipped): the Volcengine form of the shared route shape (sandbox/routes.ts).
//
// DELIBERATELY INDEPENDENT of the node's QPS and version tables (nodes/VolcengineRtc/…): the
// emulator enforces what the vendor documents, so a client that paces or versions wrongly is caught.
import type { Body, QuotaRule, Route } from '../routes';
import type { VolcCtx } from './state';

export const IM_VERSION = '2020-12-01';
export const RTS_VERSION = '2023-07-20';

export type VolcRoute = Route<VolcCtx> & {
	/** Versions the Action answers to; default IM_VERSION only. */
	versions?: string[];
	/** The array (first present field) whose length the request log records as `size` (entries per call). */
	size?: string[];
	/** The array whose length the request log records as `receivers`. */
	receivers?: string;
	/** HTTP method the Action answers to (default POST); others get MethodNotAllowed. */
	method?: 'GET' | 'POST';
	/**
	 * Parameters the Action reads from the query (the Go SDK's `query:"…"` tags): handed to the
	 * handler in its body, and the body may then be empty.
	 */
	query?: string[];
};

/**
 * One Action: its QPS (§4, §5; the documented default 50 where the spec gives none or it is
 * unconfirmed, §9), counted under `rate.key` when Actions share one budget (the RTS group).
 */
export function action(
	api: string,
	qps: number,
	handle: VolcRoute['handle'],
	more: Omit<VolcRoute, 'api' | 'handle' | 'quotas'> & { key?: string; extraQuotas?: QuotaRule[] } = {},
): VolcRoute {
	const { key, extraQuotas, ...rest } = more;
	const rate: QuotaRule = { key, limit: qps, code: 'FlowLimitExceeded.QPSOverLimit', message: `${api} is limited to ${qps} requests per second` };
	return { api, handle, quotas: [rate, ...(extraQuotas ?? [])], ...rest };
}

/** Length of `body[name]` when it is an array. */
export const lengthOf = (body: Body, name: string): number | undefined => (Array.isArray(body[name]) ? (body[name] as unknown[]).length : undefined);
