/* eslint-disable */
// Duplicate callbacks delivered at the same moment (issue 12 §4), for both triggers, through the
// engine's webhook path with static data handled as n8n 2.41.1 does (every request loads its own
// copy, the whole copy is saved after the node answered: harness/engine.ts), and over real
// HTTP with the sandbox's callback sender POSTing simultaneous copies.
//
// A second n8n process (another webhook processor, or the same instance after a restart) is this
// package loaded a second time (jest.isolateModules): its own claims table, the same "database"
// of saved static data.
import { createEngine, type Engine } from '../harness/engine';
import { startWebhookServer } from '../harness/webhook-server';
import { DEMO_CALLBACK_TOKEN } from '../harness/scenarios/trigger-demo';
import { createHash } from 'node:crypto';
import type { IDataObject, INodeType, IVersionedNodeType, IWorkflowBase } from 'n8n-workflow';
import { PKG } from '../harness/fixtures';
import { Code } from '../harness/standins';
import { tencentCredentials, volcengineCredentials } from '../harness/credentials';
import { startSandbox, type RtcSandbox } from '../sandbox/server';
import { volcengineSign, volcengineTime } from '../sandbox/callbacks';
import { SANDBOX_TENCENT } from '../sandbox/demo-credentials';
import { VolcengineRtcTrigger } from '../nodes/VolcengineRtcTrigger/VolcengineRtcTrigger.node';
import { TencentChatTrigger } from '../nodes/TencentChatTrigger/TencentChatTrigger.node';
import { VolcengineRtcApi } from '../credentials/VolcengineRtcApi.credentials';
import { TencentChatApi } from '../credentials/TencentChatApi.credentials';
import { CallbackClaims, claimCallback, dedupSlot } from '../nodes/shared/webhook';

const SECRET = 'my-callback-secret';
const TOKEN = DEMO_CALLBACK_TOKEN;
const APP = String(SANDBOX_TENCENT.sdkAppId);
const TENCENT_ACK = { ActionStatus: 'OK', ErrorInfo: '', ErrorCode: 0 };
const sha = (s: string) => createHash('sha256').update(s).digest('hex');

let sb: RtcSandbox;
beforeAll(async () => {
	sb = await startSandbox();
});
afterAll(() => sb.close());
beforeEach(() => sb.reset());

type TriggerClass = new () => INodeType | IVersionedNodeType;

/** The trigger classes of a second copy of the package, as another n8n process would load them. */
function loadSecondProcess(): { volcengine: TriggerClass; tencent: TriggerClass } {
	let loaded!: { volcengine: TriggerClass; tencent: TriggerClass };
	jest.isolateModules(() => {
		loaded = {
			volcengine: require('../nodes/VolcengineRtcTrigger/VolcengineRtcTrigger.node').VolcengineRtcTrigger,
			tencent: require('../nodes/TencentChatTrigger/TencentChatTrigger.node').TencentChatTrigger,
		};
	});
	expect(loaded.volcengine).not.toBe(VolcengineRtcTrigger);
	return loaded;
}

let seq = 0;

/** What differs between the vendors; everything else is the same test. */
interface Vendor {
	name: 'volcengine' | 'tencent';
	engine(trigger: TriggerClass, saved?: Map<string, IDataObject>, storageLatencyMs?: number): Engine;
	workflow(): IWorkflowBase;
	/** A fresh, valid, signed callback as the request n8n hands the node. */
	callback(): { headers: IDataObject; query: IDataObject; body: unknown; rawBody: Buffer };
	/** A callback that fails authentication (wrong signature). */
	forged(): { headers: IDataObject; query: IDataObject; body: unknown; rawBody: Buffer };
	/** What a duplicate is answered (HTTP 200 and the vendor's success body: no retry). */
	duplicateAnswer: unknown;
	/** What the first delivery is answered. */
	firstAnswer: unknown;
	/** The static-data slots the callback leaves. */
	slots(req: { body: unknown; rawBody: Buffer }): string[];
	configureSandbox(url: string): void;
}

const volcengine: Vendor = {
	name: 'volcengine',
	engine: (trigger, saved, storageLatencyMs) =>
		createEngine({
			nodeTypes: { [`${PKG}.volcengineRtcTrigger`]: new trigger(), 'n8n-nodes-base.code': new Code() },
			credentialTypes: { volcengineRtcApi: new VolcengineRtcApi() },
			credentials: { volcengineRtcApi: volcengineCredentials(sb.url, { callbackSecret: SECRET }) },
			savedStaticData: saved,
			storageLatencyMs,
		}),
	workflow: () =>
		({
			id: `dup-volc-${++seq}`, name: 'dup', active: true, settings: { executionOrder: 'v1' },
			nodes: [
				{
					id: 't', name: 'Trigger', type: `${PKG}.volcengineRtcTrigger`, typeVersion: 1, position: [0, 0], webhookId: 'b0ba0000-0000-4000-8000-00000000d001',
					parameters: { events: ['*'], options: {} }, credentials: { volcengineRtcApi: { id: '1', name: 'sandbox' } },
				},
			],
			connections: {},
		}) as unknown as IWorkflowBase,
	callback: () => {
		const fields = {
			EventType: 'SendMessage',
			EventData: '{"AppId":123456,"Sender":10001,"Receiver":20001,"MessageId":7205759403792793601,"MsgType":10001,"Content":"hi"}',
			EventTime: volcengineTime(Date.now()),
			EventId: `evt-dup-${Date.now()}-${++seq}`,
			AppId: '123456',
			Version: '2020-12-01',
			Nonce: 'k7Qz',
		};
		const text = JSON.stringify({ ...fields, Signature: volcengineSign(fields, SECRET) });
		return { headers: { 'content-type': 'application/json' }, query: {}, body: JSON.parse(text), rawBody: Buffer.from(text) };
	},
	forged: () => {
		const r = volcengine.callback();
		const text = JSON.stringify({ ...(r.body as IDataObject), Signature: 'f'.repeat(64) });
		return { ...r, body: JSON.parse(text), rawBody: Buffer.from(text) };
	},
	duplicateAnswer: { message: 'duplicate' },
	firstAnswer: { message: 'ok' },
	slots: (r) => [`id:${(r.body as any).EventId}`, `sig:${sha((r.body as any).Signature)}`],
	configureSandbox: (url) => sb.configure({ callbacks: { volcengine: { url, secret: SECRET, retryDelayMs: 10 } } }),
};

const tencent: Vendor = {
	name: 'tencent',
	engine: (trigger, saved, storageLatencyMs) =>
		createEngine({
			nodeTypes: { [`${PKG}.tencentChatTrigger`]: new trigger(), 'n8n-nodes-base.code': new Code() },
			credentialTypes: { tencentChatApi: new TencentChatApi() },
			credentials: { tencentChatApi: tencentCredentials(sb.url, { callbackToken: TOKEN }) },
			savedStaticData: saved,
			storageLatencyMs,
		}),
	workflow: () =>
		({
			id: `dup-tencent-${++seq}`, name: 'dup', active: true, settings: { executionOrder: 'v1' },
			nodes: [
				{
					id: 't', name: 'Trigger', type: `${PKG}.tencentChatTrigger`, typeVersion: 1, position: [0, 0], webhookId: 'c0ffee00-0000-4000-8000-00000000d001',
					parameters: { events: ['*'], responseMode: 'onReceived', options: {} }, credentials: { tencentChatApi: { id: '1', name: 'sandbox' } },
				},
			],
			connections: {},
		}) as unknown as IWorkflowBase,
	callback: () => {
		const rt = String(Math.floor(Date.now() / 1000));
		const command = 'Group.CallbackAfterSendMsg';
		const query = { SdkAppid: APP, CallbackCommand: command, contenttype: 'json', ClientIP: '10.0.0.1', OptPlatform: 'RESTAPI', RequestTime: rt, Sign: sha(TOKEN + rt) };
		const text = JSON.stringify({
			CallbackCommand: command, GroupId: '@TGS#dup', Type: 'Public', From_Account: 'alice', Operator_Account: 'alice', Random: ++seq, MsgSeq: seq,
			MsgTime: Math.floor(Date.now() / 1000), OnlineOnlyFlag: 0, MsgBody: [{ MsgType: 'TIMTextElem', MsgContent: { Text: 'hello' } }], CloudCustomData: '', EventTime: Date.now(),
		});
		return { headers: { 'content-type': 'application/json' }, query, body: JSON.parse(text), rawBody: Buffer.from(text) };
	},
	forged: () => {
		const r = tencent.callback();
		return { ...r, query: { ...r.query, Sign: 'f'.repeat(64) } };
	},
	duplicateAnswer: TENCENT_ACK,
	firstAnswer: TENCENT_ACK,
	slots: (r) => [`id:${sha(`Group.CallbackAfterSendMsg\n${r.rawBody.toString('utf8')}`)}`],
	configureSandbox: (url) => sb.configure({ callbacks: { tencent: { url, token: TOKEN } } }),
};

const seenIds = (engine: Engine, wf: IWorkflowBase) => Object.keys(((engine.staticData(wf)['node:Trigger'] as IDataObject)?.seenIds as IDataObject) ?? {});

describe.each([volcengine, tencent])('$name trigger: concurrent duplicates', (v) => {
	const trigger = v.name === 'volcengine' ? VolcengineRtcTrigger : TencentChatTrigger;

	test.each([2, 3])('%i identical callbacks at the same moment: the workflow runs once, the others get the vendor\'s success answer', async (n) => {
		const engine = v.engine(trigger);
		const wf = v.workflow();
		const req = v.callback();
		const results = await Promise.all(Array.from({ length: n }, () => engine.webhook(wf, 'Trigger', req)));
		const ran = results.filter((r) => r.run !== undefined);
		expect(ran).toHaveLength(1);
		expect(ran[0].run!.status).toBe('success');
		expect(ran[0].sent).toMatchObject({ status: 200, body: v.firstAnswer });
		for (const r of results.filter((x) => x.run === undefined)) {
			expect(r.sent).toEqual({ status: 200, body: v.duplicateAnswer, written: true });
			expect(r.response).toEqual({ noWebhookResponse: true });
		}
		expect(seenIds(engine, wf)).toEqual(v.slots(req));
		// and a retry afterwards (sequential) is a duplicate too
		const later = await engine.webhook(wf, 'Trigger', req);
		expect(later.run).toBeUndefined();
		expect(later.sent.body).toEqual(v.duplicateAnswer);
	});

	test('distinct callbacks at the same moment all run, and the static data saved last still holds all of them', async () => {
		const engine = v.engine(trigger);
		const wf = v.workflow();
		const reqs = [v.callback(), v.callback(), v.callback()];
		const results = await Promise.all(reqs.map((r) => engine.webhook(wf, 'Trigger', r)));
		expect(results.map((r) => r.run?.status)).toEqual(['success', 'success', 'success']);
		// Each request saved its own copy, whole; the last one carries this process's claims too.
		expect(seenIds(engine, wf).sort()).toEqual(reqs.flatMap((r) => v.slots(r)).sort());
	});

	test('two processes sharing one database: concurrent copies split across them run in both (not guaranteed); a later copy is caught through the saved static data, also after a restart', async () => {
		const saved = new Map<string, IDataObject>();
		const a = v.engine(trigger, saved);
		const b = v.engine(loadSecondProcess()[v.name], saved);
		const wf = v.workflow();
		const split = v.callback();
		const both = await Promise.all([a.webhook(wf, 'Trigger', split), b.webhook(wf, 'Trigger', split)]);
		expect(both.map((r) => r.run?.status)).toEqual(['success', 'success']); // the documented limit
		const req = v.callback();
		expect((await a.webhook(wf, 'Trigger', req)).run?.status).toBe('success');
		const other = await b.webhook(wf, 'Trigger', req);
		expect(other.run).toBeUndefined();
		expect(other.sent).toEqual({ status: 200, body: v.duplicateAnswer, written: true });
		const restarted = v.engine(loadSecondProcess()[v.name], saved);
		expect((await restarted.webhook(wf, 'Trigger', req)).run).toBeUndefined();
		expect((await restarted.webhook(wf, 'Trigger', split)).run).toBeUndefined();
	});

	test('over HTTP: the sandbox POSTs 3 simultaneous copies, 10 times; each event runs once, every copy is answered 200', async () => {
		// 20 ms per database read, so the copies overlap inside "n8n" (without the claim this runs
		// each event 3 times; with 0 ms the first copy is done before the next one arrives).
		const engine = v.engine(trigger, undefined, 20);
		const server = await startWebhookServer(engine, v.workflow(), 'Trigger');
		v.configureSandbox(server.url);
		try {
			const rounds = 10;
			for (let i = 0; i < rounds; i++) {
				const d = await sb.callbacks.send({ vendor: v.name, kind: 'duplicate', copies: 3, simultaneous: true } as any);
				expect(d.simultaneous).toBe(true);
				expect(d.bodies).toHaveLength(3);
				expect(d.attempts.map((x) => x.status)).toEqual([200, 200, 200]);
				expect(d.attempts.map((x) => x.copy).sort()).toEqual([0, 1, 2]);
				const answers = d.attempts.map((x) => JSON.parse(x.body));
				expect(answers.filter((x) => JSON.stringify(x) === JSON.stringify(v.duplicateAnswer)).length).toBeGreaterThanOrEqual(2);
			}
			expect(server.calls).toHaveLength(3 * rounds);
			expect(server.runs()).toHaveLength(rounds);
			expect(server.runs().every((c) => c.result.run!.status === 'success')).toBe(true);
		} finally {
			await server.close();
		}
	});
});

describe.each([volcengine, tencent])('$name trigger: refused callbacks counted under concurrency', (v) => {
	const trigger = v.name === 'volcengine' ? VolcengineRtcTrigger : TencentChatTrigger;
	const refused = (engine: Engine, wf: IWorkflowBase) => ((engine.staticData(wf)['node:Trigger'] as IDataObject)?.refused ?? {}) as IDataObject;

	test('5 refused callbacks at the same moment (each request loads an old copy of the static data): all 5 counted, the next accepted event reports 5', async () => {
		const engine = v.engine(trigger, undefined, 5);
		const wf = v.workflow();
		const results = await Promise.all(Array.from({ length: 5 }, () => engine.webhook(wf, 'Trigger', v.forged())));
		expect(results.map((r) => r.sent.status)).toEqual([401, 401, 401, 401, 401]);
		expect(refused(engine, wf)).toMatchObject({ count: 5, total: 5 });
		const ok = await engine.webhook(wf, 'Trigger', v.callback());
		expect((ok.run!.data.resultData.runData.Trigger[0].data!.main[0]![0].json as any).refusedSinceLast).toMatchObject({ count: 5, total: 5 });
		expect(refused(engine, wf)).toMatchObject({ count: 0, total: 5 });
	});

	test('another process (same database) continues from the saved count; a restart too', async () => {
		const saved = new Map<string, IDataObject>();
		const wf = v.workflow();
		const a = v.engine(trigger, saved);
		for (let i = 0; i < 2; i++) await a.webhook(wf, 'Trigger', v.forged());
		const b = v.engine(loadSecondProcess()[v.name], saved);
		await b.webhook(wf, 'Trigger', v.forged());
		expect(refused(b, wf)).toMatchObject({ count: 3, total: 3 });
		const restarted = v.engine(loadSecondProcess()[v.name], saved);
		const ok = await restarted.webhook(wf, 'Trigger', v.callback());
		expect((ok.run!.data.resultData.runData.Trigger[0].data!.main[0]![0].json as any).refusedSinceLast).toMatchObject({ count: 3 });
	});
});

describe('sandbox: simultaneous copies', () => {
	test('copies are checked; shifted is for Volcengine only', async () => {
		await expect(sb.callbacks.send({ vendor: 'volcengine', kind: 'duplicate', copies: 11 } as any)).rejects.toThrow(/copies must be an integer from 1 to 10/);
		sb.configure({ callbacks: { tencent: { url: 'http://127.0.0.1:1/', token: TOKEN } } });
		await expect(sb.callbacks.send({ vendor: 'tencent', kind: 'shifted' })).rejects.toThrow(/for Volcengine/);
	});
});

describe('claims table and claimCallback (explicit clock)', () => {
	const opts = { ttlMs: 1000, maxEntries: 3 };
	test('a claim holds for the ttl, per scope, at most maxEntries per scope', () => {
		const claims = new CallbackClaims();
		claims.add('s', ['id:a'], 0, opts.ttlMs, opts.maxEntries);
		expect(claims.has('s', ['id:a'], 1000, opts.ttlMs)).toBe(true);
		expect(claims.has('s', ['id:a'], 1001, opts.ttlMs)).toBe(false);
		expect(claims.count('s', 1001, opts.ttlMs)).toBe(0);
		expect(claims.has('other', ['id:a'], 0, opts.ttlMs)).toBe(false);
		for (const [i, id] of ['a', 'b', 'c', 'd'].entries()) claims.add('s', [`id:${id}`], 2000 + i, opts.ttlMs, opts.maxEntries);
		expect(claims.count('s', 2003, opts.ttlMs)).toBe(3);
		expect(claims.has('s', ['id:a'], 2003, opts.ttlMs)).toBe(false); // the oldest went first
		// a trigger that stops receiving is forgotten by the next sweep (at most once a minute)
		claims.add('quiet', ['id:q'], 3000, opts.ttlMs, opts.maxEntries);
		expect(claims.scopeCount).toBe(2);
		claims.add('busy', ['id:b'], 70_000, opts.ttlMs, opts.maxEntries);
		expect(claims.scopeCount).toBe(1);
	});

	test('duplicate when any slot was claimed here or saved in static data; the write merges both', () => {
		const claims = new CallbackClaims();
		const store: IDataObject = {};
		const claim = (slots: string[], nowMs: number, s: IDataObject = store) => claimCallback({ store: s, scope: 'w', slots, nowMs, ...opts }, claims);
		expect(claim(['id:e1', 'sig:x'], 0)).toEqual({ duplicate: false });
		expect(claim(['id:e2', 'sig:x'], 1)).toEqual({ duplicate: true, seen: 'process' }); // same signature, new EventId
		// a request working on an older copy of the static data (loaded before the first was saved)
		const stale: IDataObject = {};
		expect(claim(['id:e1'], 2, stale)).toEqual({ duplicate: true, seen: 'process' });
		expect(claim(['id:e3'], 3, stale)).toEqual({ duplicate: false });
		expect(Object.keys(stale.seenIds as object)).toEqual(['id:e1', 'sig:x', 'id:e3']); // merged: whichever copy is saved last has all
		// another process: only the static data it loaded
		expect(claimCallback({ store: { seenIds: { 'id:e1': 0 } }, scope: 'w', slots: ['id:e1'], nowMs: 5, ...opts }, new CallbackClaims())).toEqual({ duplicate: true, seen: 'staticData' });
		expect(dedupSlot('sig', 'f'.repeat(200))).toBe(`sig:${sha('f'.repeat(200))}`);
	});
});
