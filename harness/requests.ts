// What the sandbox received, byte for byte, observed through its public 'sandbox.request' event
// (emitted for every request before it is handled) instead of wrapping the sandbox's handler.
import type { RtcSandbox } from '../sandbox/server';
import type { RawRequest } from '../sandbox/types';

export interface RecordedRequest {
	url: string;
	/** The Volcengine Action of the query, or '' (Tencent, other paths). */
	action: string;
	body: string;
}

/** Starts recording the vendor requests (not the /_sandbox/ control calls) the sandbox receives. */
export function recordRequests(sb: RtcSandbox) {
	const list: RecordedRequest[] = [];
	sb.on('sandbox.request', (req: RawRequest) => {
		if (req.url.startsWith('/_sandbox/')) return;
		const action = new URLSearchParams(req.url.split('?')[1] ?? '').get('Action') ?? '';
		list.push({ url: req.url, action, body: req.body.toString('utf8') });
	});
	return {
		list,
		/** Request URLs in arrival order. */
		urls: () => list.map((r) => r.url),
		/** Raw bodies of one Volcengine Action, in arrival order. */
		bodies: (action: string) => list.filter((r) => r.action === action).map((r) => r.body),
		clear: () => void list.splice(0),
	};
}

export type RecordedRequests = ReturnType<typeof recordRequests>;
