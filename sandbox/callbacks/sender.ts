/* eslint-disable */
// Sandbox code (not shipped): the vendors' callback (webhook) sender. Configured with a callback
// URL, the sandbox POSTs what Tencent Chat (tencent-chat.md §8) and Volcengine (volcengine-rtc.md §6)
// would POST after the corresponding API operations, signed the way each vendor signs, and can be
// asked to send forged, stale, duplicate or unsigned ones. This file is the vendor-neutral core —
// delivery (copies, simultaneity, retries), tracking and the control endpoints; what a callback
// looks like and how it is signed lives with each vendor (volcengine/callbacks.ts, tencent/callbacks.ts).
import { stringifyJson } from '../json';
import { buildTencentCallback, tencentCallbacksAfter } from '../tencent/callbacks';
import { buildVolcengineCallback, volcengineCallbacksAfter } from '../volcengine/callbacks';
import type { RawResponse, SandboxConfig, SandboxState } from '../types';
import { post } from './http';
import { CALLBACK_KINDS, MAX_COPIES, type BuiltCallback, type CallbackDelivery, type CallbackKind, type CallbacksConfig, type SendRequest } from './types';

interface Host {
	config: SandboxConfig;
	state: SandboxState;
	now(): number;
	on(event: string, listener: (...args: any[]) => void): unknown;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export class CallbackSender {
	readonly deliveries: CallbackDelivery[] = [];
	private readonly inflight = new Set<Promise<unknown>>();

	constructor(private readonly sb: Host) {
		sb.on('tencent.message', (e: Record<string, unknown>) => {
			if (!this.cfg.tencent.url) return;
			for (const req of tencentCallbacksAfter(e, this.sb.now())) void this.start(req, 'valid', true);
		});
		sb.on('volcengine.message', (e: Record<string, unknown>) => {
			if (!this.cfg.volcengine.url) return;
			for (const req of volcengineCallbacksAfter(e)) void this.start(req, 'valid', true);
		});
	}

	private get cfg(): CallbacksConfig {
		return this.sb.config.callbacks;
	}

	reset(): void {
		this.deliveries.length = 0;
	}

	/** Resolves when every callback started so far (retries included) has finished. */
	async settled(): Promise<void> {
		while (this.inflight.size) await Promise.allSettled([...this.inflight]);
	}

	private track<T>(p: Promise<T>): Promise<T> {
		this.inflight.add(p);
		void p.finally(() => this.inflight.delete(p));
		return p;
	}

	/** Sends one callback of the given kind now; resolves with its delivery record. */
	send(req: SendRequest): Promise<CallbackDelivery> {
		const kind = req.kind ?? 'valid';
		if (!CALLBACK_KINDS.includes(kind)) return Promise.reject(new Error(`kind must be one of ${CALLBACK_KINDS.join(', ')}`));
		if (req.copies !== undefined && (!Number.isInteger(req.copies) || req.copies < 1 || req.copies > MAX_COPIES)) {
			return Promise.reject(new Error(`copies must be an integer from 1 to ${MAX_COPIES}`));
		}
		if (req.vendor !== 'tencent' && req.vendor !== 'volcengine') return Promise.reject(new Error('vendor must be tencent or volcengine'));
		return this.start(req, kind, false);
	}

	private start(req: SendRequest, kind: CallbackKind, automatic: boolean): Promise<CallbackDelivery> {
		let built: BuiltCallback;
		try {
			const now = this.sb.now();
			built =
				req.vendor === 'tencent'
					? buildTencentCallback(this.cfg.tencent, req, kind, now, Object.keys(this.sb.config.tencent.apps)[0], automatic)
					: buildVolcengineCallback(this.cfg.volcengine, req, kind, now, String(this.sb.state.volcengine.apps.values().next().value ?? ''));
		} catch (e) {
			return Promise.reject(e);
		}
		return this.deliver(built);
	}

	/**
	 * One request per entry of `d.bodies` (the copies), one after another, or all at the same moment
	 * when `d.simultaneous` (each on its own connection, started in the same tick, as two vendor
	 * servers delivering the same event would). Each copy is retried up to `maxAttempts` times while
	 * it is not answered with HTTP 200 (Volcengine's retry, §6.1). `status` is the last answer's.
	 */
	private deliver({ delivery: d, timeoutMs, maxAttempts, retryDelayMs }: BuiltCallback): Promise<CallbackDelivery> {
		this.deliveries.push(d);
		const one = async (copy: number) => {
			for (let a = 0; a < maxAttempts; a++) {
				if (a > 0 && retryDelayMs > 0) await sleep(retryDelayMs);
				const attempt = { copy, ...(await post(d.url, d.bodies[copy], timeoutMs)) };
				d.attempts.push(attempt);
				d.status = attempt.status;
				if (attempt.status === 200) break;
			}
		};
		const run = async () => {
			if (d.simultaneous) await Promise.all(d.bodies.map((_, c) => one(c)));
			else for (let c = 0; c < d.bodies.length; c++) await one(c);
			return d;
		};
		return this.track(run());
	}

	// ---- control endpoints ---------------------------------------------------------------------

	/** /_sandbox/callbacks…; undefined when the path is not one of these. */
	async control(method: string, path: string, body: any): Promise<RawResponse | undefined> {
		const ok = (v: unknown): RawResponse => ({ status: 200, body: stringifyJson(v) });
		const bad = (message: string): RawResponse => ({ status: 400, body: stringifyJson({ error: message }) });
		if (method === 'GET' && path === '/_sandbox/callbacks') return ok({ config: this.redactedConfig(), deliveries: this.deliveries });
		if (method === 'POST' && path === '/_sandbox/callbacks/config') {
			for (const vendor of ['tencent', 'volcengine'] as const) {
				if (body?.[vendor] && typeof body[vendor] === 'object') Object.assign(this.cfg[vendor], body[vendor]);
			}
			return ok({ config: this.redactedConfig() });
		}
		if (method === 'POST' && path === '/_sandbox/callbacks/send') {
			try {
				return ok(await this.send(body as SendRequest));
			} catch (e) {
				return bad((e as Error).message);
			}
		}
		return undefined;
	}

	private redactedConfig() {
		const { tencent, volcengine } = this.cfg;
		return {
			tencent: { ...tencent, token: tencent.token ? '***' : '' },
			volcengine: { ...volcengine, secret: volcengine.secret ? '***' : '' },
		};
	}
}
