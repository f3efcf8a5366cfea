/* eslint-disable */
// Sandbox code (not shipped): one local HTTP server that emulates both vendors' APIs.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { EventEmitter } from 'node:events';
import { stringifyJson, parseJson } from './json';
import { SANDBOX_TENCENT, SANDBOX_VOLCENGINE } from './demo-credentials';
import { drawFault, faultAnswer, noFaults, seededRandom, ThrottleQueue, type Vendor } from './faults';
import { QuotaBook } from './limits';
// '/index' spelled out: a .tools/ built before the split still holds sandbox/callbacks.js,
// volcengine.js and tencent.js, which Node would load ahead of the folders (tsc does not delete old output).
import { CallbackSender, defaultCallbacksConfig } from './callbacks/index';
import type { RawRequest, RawResponse, Sandbox, SandboxConfig, SandboxState, SandboxStats } from './types';
import {
	handleTencent,
	newTencentState,
	seedTencentDeletedAccount,
	seedTencentGroup,
	seedTencentGroupMessages,
	seedTencentOnline,
	seedTencentUserTags,
	tencentSnapshot,
	type GroupMessageSeed,
	type TencentGroup,
	type TencentGroupMessage,
	type TencentGroupSeed,
	type TencentPlatformStatus,
} from './tencent/index';
import {
	handleVolcengine,
	newVolcengineState,
	seedVolcengineConversation,
	seedVolcengineOnline,
	seedVolcengineProfiles,
	seedVolcengineUsers,
	SANDBOX_RTC_APP_ID,
	type ConversationSeed,
	type OnlineConnection,
	type SeedTags,
	type VolcengineConversation,
	volcengineSnapshot,
} from './volcengine/index';

export type { SandboxConfig } from './types';

export interface SandboxOptions {
	port?: number;
	host?: string;
	config?: DeepPartial<SandboxConfig>;
}

type DeepPartial<T> = { [K in keyof T]?: T[K] extends object ? (T[K] extends unknown[] ? T[K] : DeepPartial<T[K]>) : T[K] };

export function defaultConfig(): SandboxConfig {
	return {
		enforceLimits: true,
		limitScale: 1,
		latencyMs: 0,
		connectionSetupMs: 0,
		faults: noFaults(),
		volcengine: {
			keys: { [SANDBOX_VOLCENGINE.accessKeyId]: { secretAccessKey: SANDBOX_VOLCENGINE.secretAccessKey } },
			regions: ['cn-north-1', 'ap-southeast-1', 'ap-singapore-1'],
			maxAgeSeconds: 900,
			maxFutureSeconds: 300,
			failReceivers: [],
			broadcastsPerDay: 20,
		},
		tencent: {
			apps: { [String(SANDBOX_TENCENT.sdkAppId)]: { key: SANDBOX_TENCENT.secretKey, admins: [SANDBOX_TENCENT.adminUserId] } },
			userSigNotBefore: 0,
			failAccounts: [],
			pushPerDay: 100,
			broadcastsPerSecond: 1,
			groupDedupByContent: false,
		},
		callbacks: defaultCallbacksConfig(),
	};
}

function merge<T>(target: T, patch: unknown): T {
	if (!patch || typeof patch !== 'object') return target;
	for (const [k, v] of Object.entries(patch as Record<string, unknown>)) {
		const cur = (target as Record<string, unknown>)[k];
		if (v && typeof v === 'object' && !Array.isArray(v) && cur && typeof cur === 'object' && !Array.isArray(cur) && k !== 'keys') {
			merge(cur, v);
		} else {
			(target as Record<string, unknown>)[k] = v;
		}
	}
	return target;
}

export class RtcSandbox extends EventEmitter implements Sandbox {
	config: SandboxConfig;
	state: SandboxState;
	/** Forced throttles armed with throttleNext. */
	readonly throttles = new ThrottleQueue();
	quotas = new QuotaBook();
	stats: SandboxStats = { requests: 0, throttled: 0, faults: {}, maxInFlight: 0 };
	private inFlight = 0;
	/** When each new connection's emulated handshakes end (connectionSetupMs). */
	private readonly setupUntil = new WeakMap<object, number>();
	private faultRandom: () => number = seededRandom(1);
	url = '';
	private server?: Server;
	private readonly initial: DeepPartial<SandboxConfig> | undefined;
	/** Sends the vendors' callbacks (webhooks) after operations, and forged/stale/duplicate ones on request. */
	readonly callbacks: CallbackSender;

	constructor(config?: DeepPartial<SandboxConfig>) {
		super();
		this.initial = config;
		this.config = merge(defaultConfig(), structuredCloneSafe(config));
		this.state = this.freshState();
		this.callbacks = new CallbackSender(this);
	}

	private freshState(): SandboxState {
		return { volcengine: newVolcengineState([SANDBOX_VOLCENGINE.appId]), tencent: newTencentState(this.config.tencent) };
	}

	now(): number {
		return Date.now();
	}

	emit(event: string | symbol, ...args: unknown[]): boolean {
		return super.emit(event, ...args);
	}

	/** Forgets all state and counters and restores the start-up configuration. */
	reset(): void {
		this.config = merge(defaultConfig(), structuredCloneSafe(this.initial));
		this.state = this.freshState();
		this.quotas.clear();
		this.throttles.clear();
		this.stats = { requests: 0, throttled: 0, faults: {}, maxInFlight: 0 };
		this.callbacks.reset();
		this.faultRandom = seededRandom(this.config.faults.seed);
		this.pendingVerbatim = [];
		this.verbatim = [];
	}

	configure(patch: DeepPartial<SandboxConfig>): void {
		merge(this.config, patch);
		if (patch.faults) this.faultRandom = seededRandom(this.config.faults.seed);
	}

	/**
	 * The next `n` calls of `api` (a Volcengine Action such as `SendMessage`, or a Tencent path after
	 * `v4/` such as `openim/sendmsg`) find their call-rate quota spent: each is answered and logged as
	 * that vendor's throttle at the quota step (after authentication), and counts in stats.throttled.
	 * Calls add up; n = 0 disarms. See ThrottleQueue (sandbox/faults.ts).
	 */
	throttleNext(vendor: Vendor, api: string, n = 1): void {
		this.throttles.arm(vendor, api, n);
	}

	/** Registers IM users (what RegisterUsers does); tags as a map (null = a plain tag) or as the API writes them ("vip", "level:gold"). */
	seedVolcengineUsers(appId: number, users: Array<{ userId: bigint | string | number; tags?: SeedTags }>): void {
		seedVolcengineUsers(this.state.volcengine, appId, users);
	}

	/** Registers IM users with profile fields (what RegisterUsers does); tags as in seedVolcengineUsers. */
	seedVolcengineProfiles(
		appId: number,
		users: Array<{ userId: bigint | string | number; tags?: SeedTags; nickName?: string; portrait?: string; ext?: Record<string, string>; isRobot?: boolean }>,
	): void {
		seedVolcengineProfiles(this.state.volcengine, appId, users, this.now());
	}

	/** Creates (or replaces) an IM conversation with members (owner, admins) and optional messages. */
	seedVolcengineConversation(seed: ConversationSeed): VolcengineConversation {
		return seedVolcengineConversation(this.state.volcengine, seed, this.now());
	}

	/** Sets the connections QueryOnlineStatus reports for a user (an empty list = offline). */
	seedVolcengineOnline(appId: number, userId: bigint | string | number, connections: OnlineConnection[]): void {
		seedVolcengineOnline(this.state.volcengine, appId, userId, connections);
	}

	/** Adds a string RTC App ID for the real-time signalling actions (one is known from the start: SANDBOX_RTC_APP_ID). */
	seedVolcengineRtcApp(appId: string = SANDBOX_RTC_APP_ID): void {
		this.state.volcengine.rts.apps.add(appId);
	}

	/** Imports Tencent Chat accounts (what account_import does). */
	seedTencentAccounts(ids: string[]): void {
		for (const id of ids) this.state.tencent.accounts.add(String(id));
	}

	/** Creates (or replaces) a Tencent Chat group; its members are imported as accounts. */
	seedTencentGroup(seed: TencentGroupSeed): TencentGroup {
		return seedTencentGroup(this.state.tencent, seed);
	}

	/** Sets a Tencent Chat account's online status (what client logins do, §5.5); the account is imported. */
	seedTencentOnline(account: string, status: TencentPlatformStatus['Status'] | TencentPlatformStatus[]): void {
		seedTencentOnline(this.state.tencent, account, status);
	}

	/** Appends messages to a seeded Tencent group as send_group_msg stores them (MsgSeq continues the group's); a count or a list. */
	seedTencentGroupMessages(groupId: string, messages: number | GroupMessageSeed[]): TencentGroupMessage[] {
		return seedTencentGroupMessages(this.state.tencent, groupId, messages, this.now());
	}

	/** Sets a Tencent Chat account's push tags (what im_add_tag does); the account is imported; [] removes them. */
	seedTencentUserTags(account: string, tags: string[]): void {
		seedTencentUserTags(this.state.tencent, account, tags);
	}

	/** Records that a Tencent Chat account was deleted at `atMs` (default now), so importing it again meets the re-import block (70399). */
	seedTencentDeletedAccount(account: string, atMs: number = this.now()): void {
		seedTencentDeletedAccount(this.state.tencent, account, atMs);
	}

	/**
	 * Contract fixtures (issue 11 §4): the next call of `api` — a Volcengine Action such as
	 * `BatchSendMessage`, or a Tencent path after `v4/` such as `openim/sendmsg` — is answered with
	 * `body` exactly as given (a string is sent byte for byte; anything else is written with the
	 * sandbox's int64-safe codec). The request is still verified and handled as usual, and the
	 * sandbox's own answer is kept in `verbatim`, so a test can tell that the sandbox accepted what the
	 * node sent while the node parses the vendor's documented answer.
	 */
	respondNext(vendor: 'volcengine' | 'tencent', api: string, body: unknown, status = 200): void {
		this.pendingVerbatim.push({ vendor, api, status, body: typeof body === 'string' ? body : stringifyJson(body) });
	}

	/** Answers served by respondNext, in order, with the request and the sandbox's own answer to it. */
	verbatim: Array<{ vendor: 'volcengine' | 'tencent'; api: string; request: RawRequest; own: RawResponse; served: RawResponse }> = [];
	private pendingVerbatim: Array<{ vendor: 'volcengine' | 'tencent'; api: string; status: number; body: string }> = [];

	async handle(req: RawRequest): Promise<RawResponse> {
		const path = req.url.split('?')[0];
		if (path.startsWith('/_sandbox/')) return this.control(req, path);
		this.stats.requests++;
		let res: RawResponse;
		let vendor: 'volcengine' | 'tencent' | undefined;
		let api = '';
		if (path === '/') {
			vendor = 'volcengine';
			api = new URLSearchParams(req.url.split('?')[1] ?? '').get('Action') ?? '';
			res = await handleVolcengine(this, req);
		} else if (path.startsWith('/v4/')) {
			vendor = 'tencent';
			api = path.slice('/v4/'.length);
			res = await handleTencent(this, req);
		} else res = { status: 404, body: stringifyJson({ error: `no such path ${path}` }) };
		const at = this.pendingVerbatim.findIndex((p) => p.vendor === vendor && p.api === api);
		if (vendor && at >= 0) {
			const [p] = this.pendingVerbatim.splice(at, 1);
			const served: RawResponse = { status: p.status, body: p.body };
			this.verbatim.push({ vendor, api, request: req, own: res, served });
			res = served;
		}
		if (this.config.latencyMs > 0) await new Promise((r) => setTimeout(r, this.config.latencyMs));
		return res;
	}

	/** What the sandbox received, with every int64 as a string. */
	snapshot(): Record<string, unknown> {
		return {
			stats: this.stats,
			volcengine: volcengineSnapshot(this.state.volcengine),
			tencent: tencentSnapshot(this.state.tencent),
		};
	}

	private control(req: RawRequest, path: string): RawResponse | Promise<RawResponse> {
		const ok = (body: unknown): RawResponse => ({ status: 200, body: stringifyJson(body) });
		let body: any = {};
		if (req.body.length) {
			try {
				body = parseJson(req.body.toString('utf8'));
			} catch (e) {
				return { status: 400, body: stringifyJson({ error: (e as Error).message }) };
			}
		}
		if (path === '/_sandbox/callbacks' || path.startsWith('/_sandbox/callbacks/')) {
			return this.callbacks.control(req.method, path, body).then((r) => r ?? { status: 404, body: stringifyJson({ error: `no such control path ${req.method} ${path}` }) });
		}
		if (req.method === 'GET' && path === '/_sandbox/state') return ok(this.snapshot());
		if (req.method === 'POST' && path === '/_sandbox/reset') {
			this.reset();
			return ok({ reset: true });
		}
		if (req.method === 'POST' && path === '/_sandbox/config') {
			this.configure(body);
			return ok({
				config: {
					...this.config,
					volcengine: { ...this.config.volcengine, keys: Object.keys(this.config.volcengine.keys) },
					tencent: { ...this.config.tencent, apps: Object.keys(this.config.tencent.apps) },
				},
			});
		}
		if (req.method === 'POST' && path === '/_sandbox/volcengine/users') {
			this.seedVolcengineUsers(Number(body.appId ?? SANDBOX_VOLCENGINE.appId), body.users ?? []);
			return ok({ seeded: (body.users ?? []).length });
		}
		if (req.method === 'POST' && path === '/_sandbox/tencent/accounts') {
			const ids = Array.isArray(body.accounts) ? body.accounts.map(String) : [];
			this.seedTencentAccounts(ids);
			return ok({ seeded: ids.length });
		}
		if (req.method === 'POST' && path === '/_sandbox/tencent/groups') {
			try {
				const g = this.seedTencentGroup(body);
				return ok({ groupId: g.groupId, type: g.type, members: [...g.members] });
			} catch (e) {
				return { status: 400, body: stringifyJson({ error: (e as Error).message }) };
			}
		}
		return { status: 404, body: stringifyJson({ error: `no such control path ${req.method} ${path}` }) };
	}

	async listen(port = 0, host = '127.0.0.1'): Promise<string> {
		this.server = createServer((req, res) => void this.onRequest(req, res));
		this.server.keepAliveTimeout = 30000;
		// connectionSetupMs: the first request of a connection waits for the emulated handshakes.
		this.server.on('connection', (socket) => {
			if (this.config.connectionSetupMs > 0) this.setupUntil.set(socket, Date.now() + this.config.connectionSetupMs);
		});
		await new Promise<void>((resolve, reject) => {
			this.server!.once('error', reject);
			this.server!.listen(port, host, () => resolve());
		});
		const addr = this.server.address() as AddressInfo;
		this.url = `http://${host}:${addr.port}`;
		return this.url;
	}

	async close(): Promise<void> {
		if (!this.server) return;
		const s = this.server;
		this.server = undefined;
		s.closeAllConnections?.();
		await new Promise<void>((r) => s.close(() => r()));
	}

	private async onRequest(req: IncomingMessage, res: ServerResponse) {
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		await new Promise<void>((r) => req.on('end', () => r()));
		const setupEnds = this.setupUntil.get(req.socket);
		if (setupEnds !== undefined) {
			this.setupUntil.delete(req.socket);
			const wait = setupEnds - Date.now();
			if (wait > 0) await new Promise((r) => setTimeout(r, wait));
		}
		const raw: RawRequest = { method: req.method ?? 'GET', url: req.url ?? '/', headers: req.headers, body: Buffer.concat(chunks) };
		this.emit('sandbox.request', raw);
		const vendorCall = !raw.url.startsWith('/_sandbox/');
		if (vendorCall) this.stats.maxInFlight = Math.max(this.stats.maxInFlight, ++this.inFlight);
		try {
			const fault = vendorCall ? drawFault(this.config.faults, this.faultRandom) : undefined;
			if (fault) this.stats.faults[fault] = (this.stats.faults[fault] ?? 0) + 1;
			if (fault === 'reset') {
				res.socket?.destroy();
				return;
			}
			if (fault === 'http5xx' || fault === 'throttle') {
				const out = faultAnswer(fault, raw);
				res.writeHead(out.status, { 'content-type': 'application/json; charset=utf-8', ...(out.headers ?? {}) });
				res.end(out.body);
				return;
			}
			if (fault === 'spike') await new Promise((r) => setTimeout(r, this.config.faults.spikeMs));
			const out = await this.handle(raw);
			if (fault === 'lost') {
				res.socket?.destroy();
				return;
			}
			if (fault === 'slow') await new Promise((r) => setTimeout(r, this.config.faults.slowMs));
			res.writeHead(out.status, { 'content-type': 'application/json; charset=utf-8', ...(out.headers ?? {}) });
			res.end(out.body);
		} catch (e) {
			res.writeHead(500, { 'content-type': 'application/json' });
			res.end(JSON.stringify({ error: (e as Error).message }));
		} finally {
			if (vendorCall) this.inFlight--;
		}
	}

}

function structuredCloneSafe<T>(v: T): T {
	return v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T);
}

export async function startSandbox(opts: SandboxOptions = {}): Promise<RtcSandbox> {
	const sb = new RtcSandbox(opts.config);
	await sb.listen(opts.port ?? 0, opts.host ?? '127.0.0.1');
	return sb;
}
