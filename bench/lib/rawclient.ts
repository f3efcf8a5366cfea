/* eslint-disable */
// A raw HTTP client for the Volcengine API: a keep-alive undici Agent, every request signed with the
// package's pure signer (nodes/VolcengineRtc/transport/signer.ts). No pacing and no retries.
import { performance } from 'node:perf_hooks';
import { Agent, request } from 'undici';
import { signVolcengineRequest } from '../../nodes/VolcengineRtc/transport/signer';
import { SANDBOX_VOLCENGINE } from '../../sandbox/demo-credentials';

export interface RawRunResult {
	wallMs: number;
	calls: number;
	ok: number;
	throttled: number;
	otherErrors: number;
}

/** The body the node sends for one BatchSendMessage with one receiver (same fields, same order). */
const bodyFor = (receiver: string) =>
	`{"AppId":${SANDBOX_VOLCENGINE.appId},"Sender":10001,"Receiver":[${receiver}],"InboxType":0,"MsgType":10001,"Content":"bench message","IsNormalUser":false}`;

/** Sends `count` BatchSendMessage calls (one receiver each, consecutive ids from `first`), `concurrency` in flight. */
export async function rawBatchSends(url: string, count: number, concurrency: number, first: bigint): Promise<RawRunResult> {
	const origin = new URL(url);
	const agent = new Agent({ keepAliveTimeout: 30_000, connections: concurrency, pipelining: 1 });
	const out: RawRunResult = { wallMs: 0, calls: 0, ok: 0, throttled: 0, otherErrors: 0 };
	let next = 0;
	const t0 = performance.now();
	const one = async (k: number) => {
		const body = bodyFor(String(first + BigInt(k)));
		const sig = signVolcengineRequest({
			accessKeyId: SANDBOX_VOLCENGINE.accessKeyId,
			secretAccessKey: SANDBOX_VOLCENGINE.secretAccessKey,
			region: SANDBOX_VOLCENGINE.region,
			service: 'rtc',
			method: 'POST',
			host: origin.host,
			query: { Action: 'BatchSendMessage', Version: '2020-12-01' },
			body,
			now: new Date(),
		});
		out.calls++;
		try {
			const res = await request(`${origin.origin}/?${sig.canonicalQuery}`, { method: 'POST', headers: sig.headers, body, dispatcher: agent });
			const text = await res.body.text();
			const code: string | undefined = JSON.parse(text)?.ResponseMetadata?.Error?.Code;
			if (!code) out.ok++;
			else if (code.startsWith('FlowLimitExceeded')) out.throttled++;
			else out.otherErrors++;
		} catch {
			out.otherErrors++;
		}
	};
	await Promise.all(
		Array.from({ length: concurrency }, async () => {
			while (next < count) await one(next++);
		}),
	);
	out.wallMs = performance.now() - t0;
	await agent.close();
	return out;
}
