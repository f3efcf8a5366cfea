/* eslint-disable */
// Sandbox code (not shipped): the vendors' callback (webhook) senders. Configured with a callback
// URL, the sandbox POSTs what Tencent Chat (tencent-chat.md §8) and Volcengine (volcengine-rtc.md §6)
// would POST after the corresponding API operations, signed the way each vendor signs, and can be
// asked to send forged, stale, duplicate or unsigned ones. The signing here is written from the
// specs on its own (it does not reuse the trigger nodes' verifiers), so the two check each other.
import { createHash, randomBytes, randomInt, randomUUID } from 'node:crypto';
import { request } from 'node:http';
import { request as requestTls } from 'node:https';
import { parseJson, stringifyJson } from './json';
import type { RawRequest, RawResponse, SandboxConfig, SandboxState } from './types';

export interface TencentCallbackConfig {
	/** Callback URL as pasted in the console; '' = callbacks off. */
	url: string;
	/** Authentication token (§8.2); '' = callbacks go out without Sign/RequestTime. */
	token: string;
	/** Tencent waits at most this long for the answer (§8.3: 2 s). */
	timeoutMs: number;
}

export interface VolcengineCallbackConfig {
	/** Callback URL as set in the RTC console; '' = callbacks off. */
	url: string;
	/** Callback secret key (§6.2); '' = callbacks go out without a Signature. */
	secret: string;
	/** Success = HTTP 200 within this time (§6.1: 5 s). */
	timeoutMs: number;
	/** Deliveries per event, first try included (§6.1: up to 3). */
	attempts: number;
	retryDelayMs: number;
}

export interface CallbacksConfig {
	tencent: TencentCallbackConfig;
	volcengine: VolcengineCallbackConfig;
}

export function defaultCallbacksConfig(): CallbacksConfig {
	return {
		tencent: { url: '', token: '', timeoutMs: 2000 },
		volcengine: { url: '', secret: '', timeoutMs: 5000, attempts: 3, retryDelayMs: 100 },
	};
}

export type CallbackVendor = 'tencent' | 'volcengine';
/**
 * valid: signed and fresh · forged: Tencent signed with another token, Volcengine EventData changed
 * after signing · stale: correctly signed but old (Tencent RequestTime −120 s, Volcengine EventTime
 * −1 h) · duplicate: the same valid callback delivered twice (`copies` times; at the same moment
 * with `simultaneous`) · unsigned: no Sign / no Signature · wrongApp (Tencent): signed, but for
 * another SdkAppid · shifted (Volcengine): a valid callback, then a replay of it with the Nonce
 * moved into the EventId (empty Nonce, EventId = Nonce + EventId): the signature, computed over the
 * sorted fields concatenated without separators, still matches (volcengine-rtc.md §6.2).
 */
export type CallbackKind = 'valid' | 'forged' | 'stale' | 'duplicate' | 'unsigned' | 'wrongApp' | 'shifted';
export const CALLBACK_KINDS: CallbackKind[] = ['valid', 'forged', 'stale', 'duplicate', 'unsigned', 'wrongApp', 'shifted'];

/** At most this many copies of one callback per send request. */
export const MAX_COPIES = 10;

export interface CallbackAttempt {
	/** Which copy (0-based) this request belongs to; copies of a `shifted` send differ in their body. */
	copy: number;
	status: number | null;
	body: string;
	error?: string;
	ms: number;
}

export interface CallbackDelivery {
	vendor: CallbackVendor;
	kind: CallbackKind;
	/** Tencent CallbackCommand or Volcengine EventType. */
	event: string;
	/** Volcengine EventId. */
	eventId?: string;
	url: string;
	/** The body of the first copy. */
	body: string;
	/** The body of every copy, in copy order (one entry unless duplicate or shifted). */
	bodies: string[];
	/** The copies were POSTed at the same moment (each on its own connection), not one after another. */
	simultaneous: boolean;
	/** One entry per HTTP request, in the order the answers came (duplicates and retries add entries). */
	attempts: CallbackAttempt[];
	/** Status of the last attempt; null when it got no answer (refused, timeout). */
	status: number | null;
	at: number;
}

export interface TencentSendRequest {
	vendor: 'tencent';
	kind?: CallbackKind;
	/** Default Group.CallbackAfterSendMsg. */
	command?: string;
	/** Body fields; merged over a sample body for the command. */
	body?: Record<string, unknown>;
	sdkAppId?: number | string;
	/** Identical deliveries (kind duplicate; default 2, at most MAX_COPIES). */
	copies?: number;
	/** Send the copies at the same moment instead of one after another. */
	simultaneous?: boolean;
}

export interface VolcengineSendRequest {
	vendor: 'volcengine';
	kind?: CallbackKind;
	/** Default SendMessage. */
	eventType?: string;
	/** An object (written with int64-exact JSON) or the EventData string itself. */
	eventData?: Record<string, unknown> | string;
	appId?: number | string;
	/** Identical deliveries (kind duplicate; default 2, at most MAX_COPIES). */
	copies?: number;
	/** Send the copies at the same moment instead of one after another. */
	simultaneous?: boolean;
}

export type SendRequest = TencentSendRequest | VolcengineSendRequest;

interface Host {
	config: SandboxConfig;
	state: SandboxState;
	now(): number;
	on(event: string, listener: (...args: any[]) => void): unknown;
}

const sha256Hex = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

/** §8.2 as Tencent computes it. */
export function tencentSign(token: string, requestTime: string | number): string {
	return sha256Hex(`${token}${requestTime}`);
}

/** §6.2 as Volcengine computes it: the 8 strings sorted bytewise, concatenated, SHA-256. */
export function volcengineSign(f: { EventType: string; EventData: string; EventTime: string; EventId: string; AppId: string; Version: string; Nonce: string }, secret: string): string {
	const parts = [f.EventType, f.EventData, f.EventTime, f.EventId, f.AppId, f.Version, f.Nonce, secret].map((s) => Buffer.from(s, 'utf8'));
	parts.sort(Buffer.compare);
	return sha256Hex(Buffer.concat(parts));
}

/** RFC 3339 with nanoseconds, as Volcengine writes EventTime. */
export function volcengineTime(ms: number): string {
	const iso = new Date(ms).toISOString(); // 2024-01-15T08:30:00.123Z
	return `${iso.slice(0, 19)}.${iso.slice(20, 23)}000000Z`;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function post(url: string, body: string, timeoutMs: number): Promise<Omit<CallbackAttempt, 'copy'>> {
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

function withQuery(url: string, params: Array<[string, string]>): string {
	const qs = params.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');
	return `${url}${url.includes('?') ? '&' : '?'}${qs}`;
}

const FORBID_AFTER = 'ForbidAfterSendMsgCallback';

export class CallbackSender {
	readonly deliveries: CallbackDelivery[] = [];
	private readonly inflight = new Set<Promise<unknown>>();
	/** Messages sent with ForbidCallbackControl ∋ ForbidAfterSendMsgCallback: no after-send callback. */
	private readonly forbidden = new Set<string>();

	constructor(private readonly sb: Host) {
		sb.on('sandbox.request', (req: RawRequest) => this.observe(req));
		sb.on('tencent.message', (e: Record<string, unknown>) => this.onTencentMessage(e));
		sb.on('volcengine.message', (e: Record<string, unknown>) => this.onVolcengineMessage(e));
	}

	private get cfg(): CallbacksConfig {
		return this.sb.config.callbacks;
	}

	reset(): void {
		this.deliveries.length = 0;
		this.forbidden.clear();
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

	// ---- automatic callbacks after sandbox operations ----------------------------------------

	/** Remembers the send requests that forbid their after-send callback (tencent-chat.md §3.3). */
	private observe(req: RawRequest): void {
		const path = req.url.split('?')[0];
		if (path !== '/v4/group_open_http_svc/send_group_msg' && path !== '/v4/openim/sendmsg') return;
		let body: any;
		try {
			body = parseJson(req.body.toString('utf8'));
		} catch {
			return;
		}
		if (!Array.isArray(body?.ForbidCallbackControl) || !body.ForbidCallbackControl.includes(FORBID_AFTER)) return;
		if (this.forbidden.size > 1000) this.forbidden.clear();
		if (path.endsWith('send_group_msg')) this.forbidden.add(`g\u0000${body.GroupId}\u0000${body.Random}`);
		else this.forbidden.add(`c\u0000${body.To_Account}\u0000${body.MsgRandom}`);
	}

	private onTencentMessage(e: Record<string, unknown>): void {
		if (!this.cfg.tencent.url) return;
		const eventMs = this.sb.now();
		if (e.command === 'group_open_http_svc/send_group_msg') {
			const key = `g\u0000${e.groupId}\u0000${e.random}`;
			if (this.forbidden.delete(key)) return;
			const body: Record<string, unknown> = {
				CallbackCommand: 'Group.CallbackAfterSendMsg',
				GroupId: e.groupId,
				Type: e.groupType,
				From_Account: e.from,
				Operator_Account: e.from,
				Random: e.random,
				MsgSeq: e.msgSeq,
				MsgTime: e.msgTime,
				OnlineOnlyFlag: 0,
				MsgBody: e.msgBody,
				CloudCustomData: e.cloudCustomData ?? '',
				EventTime: eventMs,
			};
			void this.sendTencent({ vendor: 'tencent', command: 'Group.CallbackAfterSendMsg', body, sdkAppId: e.sdkAppId as number }, 'valid', true);
		} else if (e.command === 'openim/sendmsg') {
			for (const to of (e.to as string[]) ?? []) {
				if (this.forbidden.delete(`c\u0000${to}\u0000${e.msgRandom}`)) continue;
				const body: Record<string, unknown> = {
					CallbackCommand: 'C2C.CallbackAfterSendMsg',
					From_Account: e.from,
					To_Account: to,
					MsgSeq: e.msgSeq,
					MsgRandom: e.msgRandom,
					MsgTime: e.msgTime,
					MsgKey: e.msgKey,
					OnlineOnlyFlag: 0,
					MsgBody: e.msgBody,
					CloudCustomData: e.cloudCustomData ?? '',
					SendMsgResult: 0,
					ErrorInfo: 'send msg succeed',
					UnreadMsgNum: 1,
					EventTime: eventMs,
				};
				void this.sendTencent({ vendor: 'tencent', command: 'C2C.CallbackAfterSendMsg', body, sdkAppId: e.sdkAppId as number }, 'valid', true);
			}
		}
	}

	private onVolcengineMessage(e: Record<string, unknown>): void {
		if (!this.cfg.volcengine.url) return;
		// sandbox: one IM SendMessage event per message BatchSendMessage delivered (the EventData
		// fields beyond the spec's CB1 example are unconfirmed, §6.3).
		if (e.action !== 'BatchSendMessage' || typeof e.recipients !== 'number' || e.recipients <= 0) return;
		const messages = this.sb.state.volcengine.messages.slice(-e.recipients).filter((m) => m.action === 'BatchSendMessage');
		for (const m of messages) {
			const eventData = stringifyJson({
				AppId: m.appId,
				Sender: m.sender,
				Receiver: m.receiver,
				MessageId: m.messageId,
				InboxType: m.inboxType,
				MsgType: m.msgType,
				Content: m.content,
				...(m.ext ? { Ext: m.ext } : {}),
			});
			void this.sendVolcengine({ vendor: 'volcengine', eventType: 'SendMessage', eventData, appId: m.appId }, 'valid');
		}
	}

	// ---- building and sending ------------------------------------------------------------------

	/** Sends one callback of the given kind now; resolves with its delivery record. */
	send(req: SendRequest): Promise<CallbackDelivery> {
		const kind = req.kind ?? 'valid';
		if (!CALLBACK_KINDS.includes(kind)) return Promise.reject(new Error(`kind must be one of ${CALLBACK_KINDS.join(', ')}`));
		if (req.copies !== undefined && (!Number.isInteger(req.copies) || req.copies < 1 || req.copies > MAX_COPIES)) {
			return Promise.reject(new Error(`copies must be an integer from 1 to ${MAX_COPIES}`));
		}
		if (req.vendor === 'tencent') {
			if (kind === 'shifted') return Promise.reject(new Error('kind shifted is for Volcengine (its signature covers the body)'));
			return this.sendTencent(req, kind, false);
		}
		if (req.vendor === 'volcengine') {
			if (kind === 'wrongApp') return Promise.reject(new Error('kind wrongApp is for Tencent (SdkAppid)'));
			return this.sendVolcengine(req, kind);
		}
		return Promise.reject(new Error('vendor must be tencent or volcengine'));
	}

	private sendTencent(req: TencentSendRequest, kind: CallbackKind, automatic: boolean): Promise<CallbackDelivery> {
		const cfg = this.cfg.tencent;
		if (!cfg.url) return Promise.reject(new Error('no Tencent callback URL is configured (callbacks.tencent.url)'));
		const now = this.sb.now();
		const command = req.command ?? 'Group.CallbackAfterSendMsg';
		const sdkAppId = String(req.sdkAppId ?? Object.keys(this.sb.config.tencent.apps)[0]);
		const body = automatic ? (req.body ?? {}) : { ...sampleTencentBody(command, now), ...(req.body ?? {}) };
		const text = stringifyJson(body);
		const params: Array<[string, string]> = [
			['SdkAppid', kind === 'wrongApp' ? String(Number(sdkAppId) + 1) : sdkAppId],
			['CallbackCommand', command],
			['contenttype', 'json'],
			['ClientIP', '127.0.0.1'],
			['OptPlatform', 'RESTAPI'],
		];
		if (kind !== 'unsigned' && cfg.token !== '') {
			const requestTime = String(Math.floor(now / 1000) - (kind === 'stale' ? 120 : 0));
			const sign = kind === 'forged' ? tencentSign(`forged-${cfg.token}`, requestTime) : tencentSign(cfg.token, requestTime);
			params.push(['Sign', sign], ['RequestTime', requestTime]);
		}
		const url = withQuery(cfg.url, params);
		const bodies = Array<string>(kind === 'duplicate' ? (req.copies ?? 2) : 1).fill(text);
		const simultaneous = req.simultaneous === true;
		return this.deliver({ vendor: 'tencent', kind, event: command, url, body: text, bodies, simultaneous, attempts: [], status: null, at: now }, cfg.timeoutMs, 1, 0);
	}

	private sendVolcengine(req: VolcengineSendRequest, kind: CallbackKind): Promise<CallbackDelivery> {
		const cfg = this.cfg.volcengine;
		if (!cfg.url) return Promise.reject(new Error('no Volcengine callback URL is configured (callbacks.volcengine.url)'));
		const now = this.sb.now();
		const appId = String(req.appId ?? this.sb.state.volcengine.apps.values().next().value ?? '');
		const eventType = req.eventType ?? 'SendMessage';
		const eventData =
			typeof req.eventData === 'string'
				? req.eventData
				: stringifyJson(req.eventData ?? { AppId: Number(appId), Sender: 10001, Receiver: 20001, MessageId: 7205759403792793601n, MsgType: 10001, Content: 'hi' });
		const fields = {
			EventType: eventType,
			EventData: eventData,
			EventTime: volcengineTime(kind === 'stale' ? now - 3600_000 : now),
			EventId: `sandbox-${randomUUID()}`,
			AppId: appId,
			Version: '2020-12-01',
			Nonce: randomBytes(3).toString('base64url').slice(0, 4),
		};
		let shifted: typeof fields | undefined;
		if (kind === 'shifted') {
			if (cfg.secret === '') return Promise.reject(new Error('kind shifted needs a callback secret (callbacks.volcengine.secret)'));
			// The move keeps the signature only when the Nonce sorts right before the EventId: draw
			// Nonces below "sandbox-" until one does (the secret may sort between them).
			for (let i = 0; i < 64 && !shifted; i++) {
				fields.Nonce = Array.from({ length: 4 }, () => 'abcdefghijklmnopqr'[randomInt(0, 18)]).join('');
				const candidate = { ...fields, EventId: `${fields.Nonce}${fields.EventId}`, Nonce: '' };
				if (volcengineSign(candidate, cfg.secret) === volcengineSign(fields, cfg.secret)) shifted = candidate;
			}
			if (!shifted) return Promise.reject(new Error('no Nonce sorts right before the EventId with this secret; cannot build a shifted replay'));
		}
		const signature = kind === 'unsigned' || cfg.secret === '' ? '' : volcengineSign(fields, cfg.secret);
		const sent = { ...fields, Signature: signature };
		if (kind === 'forged') {
			// Signed as sent by Volcengine, then changed on the way (the signature no longer matches).
			const changed = fields.EventData.replace(/"Content":"[^"]*"/, '"Content":"forged"');
			sent.EventData = changed !== fields.EventData ? changed : `${fields.EventData} `;
		}
		const text = stringifyJson(sent);
		const bodies = shifted
			? [text, stringifyJson({ ...shifted, Signature: signature })]
			: Array<string>(kind === 'duplicate' ? (req.copies ?? 2) : 1).fill(text);
		const attempts = kind === 'valid' ? Math.max(1, Math.min(cfg.attempts, 3)) : 1;
		const simultaneous = req.simultaneous === true;
		return this.deliver(
			{ vendor: 'volcengine', kind, event: eventType, eventId: fields.EventId, url: cfg.url, body: text, bodies, simultaneous, attempts: [], status: null, at: now },
			cfg.timeoutMs,
			attempts,
			cfg.retryDelayMs,
		);
	}

	/**
	 * One request per entry of `d.bodies` (the copies), one after another, or all at the same moment
	 * when `d.simultaneous` (each on its own connection, started in the same tick, as two vendor
	 * servers delivering the same event would). Each copy is retried up to `maxAttempts` times while
	 * it is not answered with HTTP 200 (Volcengine's retry, §6.1). `status` is the last answer's.
	 */
	private deliver(d: CallbackDelivery, timeoutMs: number, maxAttempts: number, retryDelayMs: number): Promise<CallbackDelivery> {
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

/** A plausible body for a command sent by hand (after-send payloads of §8.5, else a minimal body). */
function sampleTencentBody(command: string, nowMs: number): Record<string, unknown> {
	const text = [{ MsgType: 'TIMTextElem', MsgContent: { Text: 'hello from the sandbox' } }];
	const random = randomInt(0, 2 ** 32);
	if (command.startsWith('Group.') && command.includes('SendMsg')) {
		return {
			CallbackCommand: command, GroupId: '@TGS#sandbox', Type: 'Public', From_Account: 'alice', Operator_Account: 'alice',
			Random: random, OnlineOnlyFlag: 0, MsgBody: text, CloudCustomData: '', EventTime: nowMs,
			...(command.includes('After') ? { MsgSeq: 1, MsgTime: Math.floor(nowMs / 1000) } : {}),
		};
	}
	if (command.startsWith('C2C.') && command.includes('SendMsg')) {
		const msgTime = Math.floor(nowMs / 1000);
		return {
			CallbackCommand: command, From_Account: 'alice', To_Account: 'bob', MsgSeq: 1, MsgRandom: random, MsgTime: msgTime,
			MsgKey: `1_${random}_${msgTime}`, OnlineOnlyFlag: 0, MsgBody: text, CloudCustomData: '', EventTime: nowMs,
			...(command.includes('After') ? { SendMsgResult: 0, ErrorInfo: 'send msg succeed', UnreadMsgNum: 1 } : {}),
		};
	}
	return { CallbackCommand: command, EventTime: nowMs };
}
