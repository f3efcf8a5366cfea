/* eslint-disable */
// Volcengine RTC Trigger → Register Callback URL in Volcengine: n8n's webhookMethods (checkExists,
// create, delete) through the harness's HookContext, with the real credential signing every call
// (authenticate()) and the sandbox's callback settings API (sandbox/volcengine/callbackAdmin.ts,
// written from volc-sdk-golang service/rtc/v20201201) checking the signature and the fields.
import type { IDataObject, IWorkflowBase } from 'n8n-workflow';
import { triggerWorkflow as triggerFixture } from '../../harness/fixtures';
import { volcengineEngine } from '../../harness/registry';
import { startWebhookServer } from '../../harness/webhook-server';
import type { RtcSandbox } from '../../sandbox/server';
import { SANDBOX_RTC_APP_ID } from '../../sandbox/volcengine';
import { eventListOf } from '../../nodes/VolcengineRtcTrigger/transport/registration';
import { VOLCENGINE_EVENTS } from '../../nodes/VolcengineRtcTrigger/v1/events';
import { volcengineSuite } from './suite';

const SECRET = 'my-callback-secret';
const HOOK = 'b0ba0000-0000-4000-8000-00000000c0b1';
const OTHER_HOOK = 'b0ba0000-0000-4000-8000-00000000c0b2';
const urlOf = (hook: string) => `http://localhost:5678/webhook/${hook}/volcengine-rtc`;

let sb: RtcSandbox;
const { calls, sent, urls } = volcengineSuite((s) => (sb = s));

const engineWith = (over: IDataObject = {}) => volcengineEngine(sb.url, { callbackSecret: SECRET, ...over });

const triggerWorkflow = (parameters: IDataObject = {}, webhookId = HOOK): IWorkflowBase =>
	triggerFixture({
		nodeType: 'volcengineRtcTrigger', credentialType: 'volcengineRtcApi', webhookId, idPrefix: 'volc-register',
		parameters: { events: ['UserJoinRoom', 'RecordStarted'], options: {}, registerCallback: true, rtcAppId: SANDBOX_RTC_APP_ID, ...parameters },
	});

/** n8n's activation: checkExists, and create when it says no (packages/core … webhook lifecycle). */
async function activate(engine: ReturnType<typeof engineWith>, wf: IWorkflowBase) {
	if (await engine.webhookMethod(wf, 'Trigger', 'checkExists')) return false;
	expect(await engine.webhookMethod(wf, 'Trigger', 'create')).toBe(true);
	return true;
}

/** The callbacks the sandbox holds for the RTC app. */
const registered = () => [...(sb.state.volcengine.callbacks.get(SANDBOX_RTC_APP_ID)?.values() ?? [])];
const actions = () => sb.state.volcengine.requests.map((r) => [r.action, r.code ?? 'ok']);
const errorOf = async (p: Promise<unknown>) => {
	try {
		await p;
	} catch (e) {
		return e as Error & { description?: string };
	}
	throw new Error('expected the lifecycle call to fail');
};

describe('Register Callback URL in Volcengine', () => {
	test('activation registers the Production URL, the selected events and the secret key, signed (CreateCallback)', async () => {
		const engine = engineWith();
		const wf = triggerWorkflow();
		expect(await activate(engine, wf)).toBe(true);
		// Every call passed the sandbox's V4 signature check (no code) and was signed by the credential's authenticate().
		expect(actions()).toEqual([['GetCallback', 'ok'], ['GetCallback', 'ok'], ['CreateCallback', 'ok']]);
		expect(engine.credentialsHelper.authenticated.filter((t) => t === 'volcengineRtcApi')).toHaveLength(3);
		expect(urls()).toContain(`/?Action=GetCallback&Version=2020-12-01&AppId=${SANDBOX_RTC_APP_ID}`);
		expect(sent('GetCallback')).toEqual(['', '']); // a GET, as in the Go SDK: no body
		expect(sent('CreateCallback').map((b) => JSON.parse(b))).toEqual([
			{ AppID: SANDBOX_RTC_APP_ID, EventList: ['RecordStarted', 'UserJoinRoom'], SecretKey: SECRET, URL: urlOf(HOOK), BusinessId: '' },
		]);
		expect(registered()).toMatchObject([{ businessId: '', url: urlOf(HOOK), events: ['RecordStarted', 'UserJoinRoom'], secretKey: SECRET }]);
		const stored = engine.staticData(wf)['node:Trigger'] as IDataObject;
		expect(stored.registration).toMatchObject({ appId: SANDBOX_RTC_APP_ID, businessId: '', url: urlOf(HOOK), events: ['RecordStarted', 'UserJoinRoom'], created: true });
		expect(JSON.stringify(stored)).not.toContain(SECRET);
	});

	test('re-activation finds its callback and sends no second CreateCallback; changed events update it in place', async () => {
		const engine = engineWith();
		const wf = triggerWorkflow();
		await activate(engine, wf);
		expect(await activate(engine, wf)).toBe(false);
		expect(calls('CreateCallback')).toHaveLength(1);
		expect(registered()).toHaveLength(1);

		const changed = { ...wf, nodes: wf.nodes.map((n) => ({ ...n, parameters: { ...n.parameters, events: ['RoomDestroy'], otherEvents: 'RecordUploadDone' } })) };
		expect(await activate(engine, changed)).toBe(true);
		expect(calls('CreateCallback')).toHaveLength(1);
		expect(sent('UpdateCallback').map((b) => JSON.parse(b))).toEqual([
			{ AppID: SANDBOX_RTC_APP_ID, EventList: ['RecordUploadDone', 'RoomDestroy'], SecretKey: SECRET, URL: urlOf(HOOK), BusinessID: '' },
		]);
		expect(registered()).toMatchObject([{ url: urlOf(HOOK), events: ['RecordUploadDone', 'RoomDestroy'] }]);
		// Still the node's own: deactivation removes it.
		expect((engine.staticData(wf)['node:Trigger'] as any).registration.created).toBe(true);
		expect(await engine.webhookMethod(changed, 'Trigger', 'delete')).toBe(true);
		expect(registered()).toEqual([]);
	});

	test('deactivation deletes the callback it created (DeleteCallback with AppId in the query) and forgets it', async () => {
		const engine = engineWith();
		const wf = triggerWorkflow({ businessId: 'live-class' });
		await activate(engine, wf);
		expect(sent('CreateCallback').map((b) => JSON.parse(b).BusinessId)).toEqual(['live-class']);
		expect(await engine.webhookMethod(wf, 'Trigger', 'delete')).toBe(true);
		expect(calls('DeleteCallback')).toEqual([expect.not.objectContaining({ code: expect.anything() })]);
		expect(urls()).toContain(`/?Action=DeleteCallback&Version=2020-12-01&AppId=${SANDBOX_RTC_APP_ID}&BusinessId=live-class`);
		expect(registered()).toEqual([]);
		expect((engine.staticData(wf)['node:Trigger'] as any).registration).toBeUndefined();
		// A second deactivation has nothing of its own left: nothing is sent.
		const before = sb.state.volcengine.requests.length;
		expect(await engine.webhookMethod(wf, 'Trigger', 'delete')).toBe(true);
		expect(sb.state.volcengine.requests.length).toBe(before);
	});

	test('a callback it did not create is never deleted: one it took over, and its own once someone else re-pointed it', async () => {
		const engine = engineWith();
		const first = triggerWorkflow({}, OTHER_HOOK);
		const mine = triggerWorkflow();
		await activate(engine, first);
		// The app already has a callback (another workflow's): activation replaces it with UpdateCallback.
		await activate(engine, mine);
		expect(calls('CreateCallback')).toHaveLength(1);
		expect(calls('UpdateCallback')).toHaveLength(1);
		expect(registered()).toMatchObject([{ url: urlOf(HOOK) }]);
		expect((engine.staticData(mine)['node:Trigger'] as any).registration.created).toBe(false);
		await engine.webhookMethod(mine, 'Trigger', 'delete');
		expect(calls('DeleteCallback')).toHaveLength(0);
		expect(registered()).toHaveLength(1);

		// The first workflow created the callback, but it points at another URL now: left alone too.
		await engine.webhookMethod(first, 'Trigger', 'delete');
		expect(calls('DeleteCallback')).toHaveLength(0);
		expect(registered()).toMatchObject([{ url: urlOf(HOOK) }]);
	});

	test('option off (the default): the manual lifecycle, nothing reaches Volcengine', async () => {
		const engine = engineWith();
		const wf = triggerWorkflow({ registerCallback: false });
		const { registerCallback, rtcAppId, ...defaults } = wf.nodes[0].parameters as IDataObject;
		const saved = { ...wf, nodes: [{ ...wf.nodes[0], parameters: defaults }] } as IWorkflowBase; // a workflow saved before the option existed
		for (const w of [wf, saved]) {
			expect(await engine.webhookMethod(w, 'Trigger', 'checkExists')).toBe(false);
			expect(await engine.webhookMethod(w, 'Trigger', 'create')).toBe(true);
			expect(await engine.webhookMethod(w, 'Trigger', 'checkExists')).toBe(true);
			expect((engine.staticData(w)['node:Trigger'] as any).callbackUrl).toBe(urlOf(HOOK));
			expect(await engine.webhookMethod(w, 'Trigger', 'delete')).toBe(true);
		}
		expect(sb.state.volcengine.requests).toEqual([]);
		expect(registered()).toEqual([]);
	});

	test('listening for a test event (mode manual) registers nothing, and does not touch the production registration', async () => {
		const engine = engineWith();
		const wf = triggerWorkflow();
		await activate(engine, wf);
		const before = sb.state.volcengine.requests.length;
		expect(await engine.webhookMethod(wf, 'Trigger', 'checkExists', 'manual')).toBe(false);
		expect(await engine.webhookMethod(wf, 'Trigger', 'create', 'manual')).toBe(true);
		expect(await engine.webhookMethod(wf, 'Trigger', 'delete', 'manual')).toBe(true);
		expect(sb.state.volcengine.requests.length).toBe(before);
		expect(registered()).toMatchObject([{ url: urlOf(HOOK) }]);
		expect((engine.staticData(wf)['node:Trigger'] as any).registration.created).toBe(true);
	});

	test('a vendor error on CreateCallback fails activation with a readable message, the secret key scrubbed, nothing recorded', async () => {
		const engine = engineWith();
		const wf = triggerWorkflow();
		sb.configure({ volcengine: { refuseOnce: [{ action: 'CreateCallback', code: 'AccessDenied', message: `SecretKey ${SECRET} is not allowed for this account` }] } });
		expect(await engine.webhookMethod(wf, 'Trigger', 'checkExists')).toBe(false);
		const e = await errorOf(engine.webhookMethod(wf, 'Trigger', 'create'));
		expect(e.message).toMatch(/^Could not register the callback URL in Volcengine \(CreateCallback\): Volcengine error AccessDenied: SecretKey \*\*\* is not allowed/);
		expect(`${e.message} ${e.description ?? ''} ${JSON.stringify(e)}`).not.toContain(SECRET);
		expect(e.description).toMatch(/Request ID: sandbox-/);
		expect((engine.staticData(wf)['node:Trigger'] as any)?.registration).toBeUndefined();
		expect(registered()).toEqual([]);
		// A GetCallback refusal (unknown RTC App ID) fails checkExists the same way.
		const unknown = triggerWorkflow({ rtcAppId: 'nosuchapp0000000000000000' });
		const g = await errorOf(engine.webhookMethod(unknown, 'Trigger', 'checkExists'));
		expect(g.message).toMatch(/\(GetCallback\): Volcengine error InvalidParameter\.NotExistAppId: AppId nosuchapp0000000000000000 does not exist/);
	});

	test('bad settings fail activation naming the field, before anything is sent', async () => {
		const noSecret = volcengineEngine(sb.url, { callbackSecret: '' });
		const e1 = await errorOf(noSecret.webhookMethod(triggerWorkflow(), 'Trigger', 'create'));
		expect(e1.message).toMatch(/needs a callback secret key: set Callback Secret Key/);
		const e2 = await errorOf(engineWith().webhookMethod(triggerWorkflow({ rtcAppId: '' }), 'Trigger', 'checkExists'));
		expect(e2.message).toMatch(/^Invalid "RTC App ID" in item 0/);
		const e3 = await errorOf(engineWith().webhookMethod(triggerWorkflow({ events: ['other'], otherEvents: ' ' }), 'Trigger', 'create'));
		expect(e3.message).toMatch(/needs at least one event/);
		expect(sb.state.volcengine.requests).toEqual([]);
	});

	test('the trigger\'s own secret key wins over the credential\'s, as for verification', async () => {
		const engine = engineWith();
		await activate(engine, triggerWorkflow({ callbackSecret: 'trigger-own-secret' }));
		expect(JSON.parse(sent('CreateCallback')[0]).SecretKey).toBe('trigger-own-secret');
		// checkExists compares the key too: another key makes activation update the callback.
		expect(await engine.webhookMethod(triggerWorkflow(), 'Trigger', 'checkExists')).toBe(false);
	});

	test('"All Events" registers every listed event plus Other Event Types (Volcengine needs the names)', () => {
		expect(eventListOf(['*'], 'RecordUploadDone')).toEqual([...VOLCENGINE_EVENTS.map(([n]) => n), 'RecordUploadDone'].sort());
		expect(eventListOf(['other', 'RoomDestroy'], 'A, B\nA')).toEqual(['A', 'B', 'RoomDestroy']);
		expect(eventListOf(['other'], '')).toEqual([]);
	});

	test('the sandbox then delivers signed events with the registered secret key, and the trigger accepts them', async () => {
		const engine = engineWith();
		const wf = triggerWorkflow({ events: ['SendMessage'] });
		await activate(engine, wf);
		expect(sb.config.callbacks.volcengine.url).toBe(urlOf(HOOK));
		const server = await startWebhookServer(engine, wf, 'Trigger');
		// n8n's public URL (localhost:5678) is not this test's port: only the host part is changed.
		sb.configure({ callbacks: { volcengine: { url: server.url, retryDelayMs: 10 } } });
		try {
			const d = await sb.callbacks.send({ vendor: 'volcengine', eventType: 'SendMessage', appId: SANDBOX_RTC_APP_ID });
			expect(d.attempts.map((a) => [a.status, JSON.parse(a.body).message])).toEqual([[200, 'ok']]);
			expect(server.runs()).toHaveLength(1);
		} finally {
			await server.close();
		}
	});
});
