// Sandbox code (not shipped): the Tencent Chat form of the shared route shape (sandbox/routes.ts).
//
// DELIBERATELY INDEPENDENT of the node's quota table (nodes/TencentChat/transport/limits.ts): the
// emulator enforces what the vendor documents, so a client that paces wrongly is caught.
import type { Route } from '../routes';
import type { TimCtx } from './state';

/** The service family of a path: it decides the parse, "needs admin" and internal-error codes (gateway.ts). */
export type Family = 'openim' | 'push' | 'group' | 'login' | 'config';

export type TimRoute = Route<TimCtx, Record<string, unknown>> & { family: Family };

/**
 * One path after /v4/: its family and its call rate per SDKAppID (§1.4), counted under
 * `tim:<SdkAppId>:<path>` and answered 60007 when spent. qps 0 = the path's limit is the handler's
 * own (send_broadcast_msg); `throttled` then says what a forced throttle (throttleNext) answers.
 */
export function route(api: string, family: Family, qps: number, handle: TimRoute['handle'], throttled?: TimRoute['throttled']): TimRoute {
	return {
		api,
		family,
		handle,
		quotas: qps > 0 ? [{ limit: qps, code: 60007, message: `${api} over the frequency limit` }] : [],
		...(throttled ? { throttled } : {}),
	};
}
