/* eslint-disable */
// Sandbox code (not shipped): the callback senders' HTTP client — one POST, one answer or one error, timed.
import { request } from 'node:http';
import { request as requestTls } from 'node:https';
import type { CallbackAttempt } from './types';

export function post(url: string, body: string, timeoutMs: number): Promise<Omit<CallbackAttempt, 'copy'>> {
	const t0 = Date.now();
	return new Promise((resolve) => {
		let done = false;
		const finish = (a: Omit<CallbackAttempt, 'ms' | 'copy'>) => {
			if (done) return;
			done = true;
			resolve({ ...a, ms: Date.now() - t0 });
		};
		let req;
		try {
			req = (url.startsWith('https:') ? requestTls : request)(url, {
				method: 'POST',
				agent: false,
				headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'user-agent': 'rtc-messaging-sandbox-callbacks' },
			});
		} catch (e) {
			finish({ status: null, body: '', error: (e as Error).message });
			return;
		}
		req.setTimeout(timeoutMs, () => {
			finish({ status: null, body: '', error: `no answer within ${timeoutMs} ms` });
			req.destroy();
		});
		req.on('error', (e) => finish({ status: null, body: '', error: e.message }));
		req.on('response', (res) => {
			const chunks: Buffer[] = [];
			res.on('data', (c: Buffer) => chunks.push(c));
			res.on('end', () => finish({ status: res.statusCode ?? null, body: Buffer.concat(chunks).toString('utf8') }));
			res.on('error', (e) => finish({ status: null, body: '', error: e.message }));
		});
		req.end(body);
	});
}

export function withQuery(url: string, params: Array<[string, string]>): string {
	const qs = params.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');
	return `${url}${url.includes('?') ? '&' : '?'}${qs}`;
}
