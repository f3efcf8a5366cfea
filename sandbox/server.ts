/* eslint-disable */
// Sandbox code (not shipped): one local HTTP server that emulates both vendors' APIs.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { EventEmitter } from 'node:events';
import { stringifyJson, parseJson } from '../nodes/shared/json';
import { SANDBOX_TENCENT, SANDBOX_VOLCENGINE } from './demo-credentials';
import { drawFault, faultAnswer, noFaults, seededRandom } from './faults';
import { QuotaBook } from './limits';
import { CallbackSender, defaultCallbacksConfig } from './callbacks';
import type { RawRequest, RawResponse, Sandbox, SandboxConfig, SandboxState, SandboxStats } from './types';
import { handleTencent, newTencentState, seedTencentGroup, seedTencentOnline, tencentSnapshot, type TencentGroup, type TencentGroupSeed, type TencentPlatformStatus } from './tencent';
import {
	handleVolcengine,
	newVolcengineState,
	seedVolcengineConversation,
	seedVolcengineOnline,
	SANDBOX_RTC_APP_ID,
	type ConversationSeed,
	type OnlineConnection,
	type VolcengineConversation,
} from './volcengine';

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
		this.stats = { requests: 0, throttled: 0, faults: {}, maxInFlight: 0 };
		this.callbacks.reset();
		this.faultRandom = seededRandom(this.config.faults.seed);
	}

	configure(patch: DeepPartial<SandboxConfig>): void {
		merge(this.config, patch);
		if (patch.faults) this.faultRandom = seededRandom(this.config.faults.seed);
	}

	/** Registers IM users (what RegisterUsers does), with tags given as a map. */
	seedVolcengineUsers(appId: number, users: Array<{ userId: bigint | string | number; tags?: Record<string, string> }>): void {
		this.state.volcengine.apps.add(appId);
		let m = this.state.volcengine.users.get(appId);
		if (!m) this.state.volcengine.users.set(appId, (m = new Map()));
		for (const u of users) {
			const userId = BigInt(u.userId);
			m.set(userId, { userId, tags: new Map(Object.entries(u.tags ?? {})) });
		}
	}

	/** Registers IM users with profile fields (what RegisterUsers does), tags given as a map. */
	seedVolcengineProfiles(
		appId: number,
		users: Array<{ userId: bigint | string | number; tags?: Record<string, string>; nickName?: string; portrait?: string; ext?: Record<string, string>; isRobot?: boolean }>,
	): void {
		this.seedVolcengineUsers(appId, users);
		const m = this.state.volcengine.users.get(appId)!;
		const now = this.now();
		for (const u of users) {
			const user = m.get(BigInt(u.userId))!;
			Object.assign(user, { nickName: u.nickName, portrait: u.portrait, ext: u.ext, isRobot: u.isRobot, createTime: now, modifyTime: now });
		}
	}

	/** Creates (or replaces) an IM conversation with members (owner, admins) and optional messages. */
	seedVolcengineConversation(seed: ConversationSeed): VolcengineConversation {
		return seedVolcengineConversation(this, seed);
	}

	/** Sets the connections QueryOnlineStatus reports for a user (an empty list = offline). */
	seedVolcengineOnline(appId: number, userId: bigint | string | number, connections: OnlineConnection[]): void {
		seedVolcengineOnline(this, appId, userId, connections);
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

	async handle(req: RawRequest): Promise<RawResponse> {
		const path = req.url.split('?')[0];
		if (path.startsWith('/_sandbox/')) return this.control(req, path);
		this.stats.requests++;
		let res: RawResponse;
		if (path === '/') res = await handleVolcengine(this, req);
		else if (path.startsWith('/v4/')) res = await handleTencent(this, req);
		else res = { status: 404, body: stringifyJson({ error: `no such path ${path}` }) };
		if (this.config.latencyMs > 0) await new Promise((r) => setTimeout(r, this.config.latencyMs));
		return res;
	}

	/** What the sandbox received, with every int64 as a string. */
	snapshot(): Record<string, unknown> {
		const v = this.state.volcengine;
		const byAction: Record<string, number> = {};
		for (const r of v.requests) byAction[r.action] = (byAction[r.action] ?? 0) + 1;
		return {
			stats: this.stats,
			volcengine: {
				requests: byAction,
				rejected: v.requests.filter((r) => r.code).map((r) => ({ action: r.action, code: r.code })),
				messages: v.messages.map((m) => ({
					action: m.action,
					appId: m.appId,
					sender: String(m.sender),
					receiver: String(m.receiver),
					messageId: String(m.messageId),
					content: m.content,
				})),
				broadcasts: v.broadcasts.map((b) => ({ ...b, sender: String(b.sender), recipients: b.recipients.map(String) })),
				users: [...v.users].flatMap(([appId, m]) =>
					[...m.values()].map((u) => ({ appId, userId: String(u.userId), tags: Object.fromEntries(u.tags) })),
				),
			},
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
		this.emit('sandbox.request', raw); // the callback sender reads ForbidCallbackControl from it
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
