/* eslint-disable */
// Tencent Chat Trigger through the engine's webhook path (WebhookContext → WorkflowExecute) with
// real SHA-256 signs, and with the sandbox's callback sender as the caller (real HTTP POSTs).
import { runTriggerDemo, tencentTriggerEngine, DEMO_CALLBACK_TOKEN } from '../../harness/scenarios/trigger-demo';
import { n8nAnswer, startWebhookServer } from '../../harness/webhook-server';
import { createHash } from 'node:crypto';
import { NodeConnectionTypes, type IDataObject, type IWorkflowBase } from 'n8n-workflow';
import { PKG, triggerWorkflow as triggerFixture } from '../../harness/fixtures';
import type { RtcSandbox } from '../../sandbox/server';
import { tencentSign } from '../../sandbox/callbacks';
import { SANDBOX_TENCENT } from '../../sandbox/demo-credentials';
import { TencentChatTrigger } from '../../nodes/TencentChatTrigger/TencentChatTrigger.node';
import { TencentChatTriggerV1 } from '../../nodes/TencentChatTrigger/v1/TencentChatTriggerV1.node';
import { isTencentAnswerableEvent, tencentCallbackSign, verifyTencentCallback } from '../../nodes/TencentChatTrigger/transport/callback';
import { TENCENT_EVENTS } from '../../nodes/TencentChatTrigger/v1/events';
import { hexDigestEquals } from '../../nodes/shared/webhook';
import { tencentSuite } from './suite';

const TOKEN = DEMO_CALLBACK_TOKEN;
const APP = String(SANDBOX_TENCENT.sdkAppId);
const ACK = { ActionStatus: 'OK', ErrorInfo: '', ErrorCode: 0 };
const sha = (s: string) => createHash('sha256').update(s).digest('hex');

let sb: RtcSandbox;
tencentSuite((s) => (sb = s));

/** Trigger → (optional) Code node. Each workflow gets its own id, so its own static data. */
const triggerWorkflow = (parameters: IDataObject, code?: string): IWorkflowBase =>
	triggerFixture({
		nodeType: 'tencentChatTrigger', credentialType: 'tencentChatApi', webhookId: 'c0ffee00-0000-4000-8000-000000000001',
		idPrefix: 'tencent-trigger', parameters: { events: ['*'], responseMode: 'onReceived', options: {}, ...parameters }, code,
	});

const groupBody = (over: IDataObject = {}) => ({
	CallbackCommand: 'Group.CallbackAfterSendMsg',
	GroupId: '@TGS#1',
	Type: 'Public',
	From_Account: 'alice',
	Operator_Account: 'alice',
	Random: 123456,
	MsgSeq: 7,
	MsgTime: 1700000000,
	OnlineOnlyFlag: 0,
	MsgBody: [{ MsgType: 'TIMTextElem', MsgContent: { Text: 'hello' } }],
	CloudCustomData: '',
	EventTime: 1700000000123,
	...over,
});

/** A callback as Tencent sends it: query with Sign/RequestTime (when a token is given), JSON body with its raw bytes. */
function callback(command: string, body: IDataObject, o: { token?: string; requestTime?: number; sdkAppId?: string; sign?: string; query?: IDataObject; raw?: boolean } = {}) {
	const query: IDataObject = { SdkAppid: o.sdkAppId ?? APP, CallbackCommand: command, contenttype: 'json', ClientIP: '10.0.0.1', OptPlatform: 'RESTAPI' };
	if (o.token !== undefined) {
		const rt = String(o.requestTime ?? Math.floor(Date.now() / 1000));
		query.RequestTime = rt;
		query.Sign = o.sign ?? sha(o.token + rt);
	}
	Object.assign(query, o.query ?? {});
	const text = JSON.stringify(body);
	return { headers: { 'content-type': 'application/json' }, query, body: JSON.parse(text), ...(o.raw === false ? {} : { rawBody: Buffer.from(text) }) };
}

const engineWith = (over: IDataObject = {}) => tencentTriggerEngine(sb.url, over);

describe('signature (tencent-chat.md §8.2)', () => {
	test('the spec vector: token xxxxyyyy, RequestTime 1669872112', () => {
		const want = '17773bc39a671d7b9aa835458704d2a6db81360a5940292b587d6d760d484061';
		expect(tencentCallbackSign('xxxxyyyy', '1669872112')).toBe(want);
		expect(tencentSign('xxxxyyyy', 1669872112)).toBe(want); // the sandbox's own implementation
		expect(sha('xxxxyyyy1669872112')).toBe(want);
		const at = 1669872112 * 1000;
		const query = { SdkAppid: '1400000000', Sign: want, RequestTime: '1669872112' };
		expect(verifyTencentCallback({ query, sdkAppId: '1400000000', token: 'xxxxyyyy', acceptUnsigned: false, nowMs: at + 60_000 })).toEqual({ ok: true, signed: true });
		expect(verifyTencentCallback({ query, sdkAppId: '1400000000', token: 'xxxxyyyy', acceptUnsigned: false, nowMs: at + 61_000 })).toMatchObject({ ok: false });
		expect(verifyTencentCallback({ query, sdkAppId: '1400000000', token: 'xxxxyyyz', acceptUnsigned: false, nowMs: at })).toMatchObject({ ok: false, reason: 'Sign does not match' });
	});

	test('hex compare: case-insensitive, wrong length or non-hex is unequal', () => {
		const d = sha('x');
		expect(hexDigestEquals(d, d.toUpperCase())).toBe(true);
		expect(hexDigestEquals(d, d.slice(0, 63))).toBe(false);
		expect(hexDigestEquals(d, `${d.slice(0, 63)}g`)).toBe(false);
		expect(hexDigestEquals(d, undefined)).toBe(false);
		expect(hexDigestEquals(d, ['a'])).toBe(false);
	});
});

describe('node description', () => {
	const d = new TencentChatTriggerV1().description;
	test('a trigger: name, group, no inputs, main output, no usableAsTool, credential, webhook path', () => {
		expect(d.name).toBe('tencentChatTrigger');
		expect(d.group).toEqual(['trigger']);
		expect(d.inputs).toEqual([]);
		expect(d.outputs).toEqual([NodeConnectionTypes.Main]);
		expect((d as any).usableAsTool).toBeUndefined();
		expect(d.credentials).toEqual([{ name: 'tencentChatApi', required: true }]);
		expect(d.webhooks).toEqual([expect.objectContaining({ name: 'default', httpMethod: 'POST', path: 'tencent-chat', responseMode: '={{$parameter["responseMode"]}}' })]);
		expect(new TencentChatTrigger().description.defaultVersion).toBe(1);
	});
	// The 36 commands of the Webhooks menu (tencent-chat-menu.md §2.1), typed out here on their own so
	// the catalogue is checked against the menu, not against itself.
	const MENU_2_1 = [
		'Alert.RequestOverLimit', 'State.StateChange', 'Profile.CallbackPortraitSet', 'Sns.CallbackPrevFriendAdd', 'Sns.CallbackPrevFriendResponse',
		'Sns.CallbackFriendAdd', 'Sns.CallbackFriendDelete', 'Sns.CallbackBlackListAdd', 'Sns.CallbackBlackListDelete', 'C2C.CallbackBeforeSendMsg',
		'C2C.CallbackAfterSendMsg', 'C2C.CallbackAfterMsgReport', 'C2C.CallbackAfterMsgWithDraw', 'Group.CallbackBeforeCreateGroup',
		'Group.CallbackAfterCreateGroup', 'Group.CallbackBeforeApplyJoinGroup', 'Group.CallbackBeforeInviteJoinGroup', 'Group.CallbackAfterNewMemberJoin',
		'Group.CallbackAfterMemberExit', 'Group.CallbackBeforeSendMsg', 'Group.CallbackAfterSendMsg', 'Group.CallbackAfterGroupFull',
		'Group.CallbackAfterGroupDestroyed', 'Group.CallbackAfterGroupInfoChanged', 'Group.CallbackAfterRecallMsg', 'Group.CallbackOnMemberStateChange',
		'Group.CallbackSendMsgException', 'Group.CallbackBeforeCreateTopic', 'Group.CallbackAfterCreateTopic', 'Group.CallbackAfterTopicDestroyed',
		'Group.CallbackAfterTopicInfoChanged', 'Group.CallbackAfterMemberFieldChanged', 'Group.CallbackAfterGroupAttrChanged',
		'Group.CallbackAfterReadReceipt', 'Group.CallbackAfterChangeGroupOwner', 'Chatbot.OnC2CSignalMessage',
	];
	// Values offered before the names changed (saved workflows hold these).
	const SAVED_VALUES = [
		'State.StateChange', 'Profile.CallbackPortraitSet', 'Sns.CallbackPrevFriendAdd', 'Sns.CallbackFriendAdd', 'Follow.CallbackAfterFollowAdd',
		'Follow.CallbackAfterFollowDelete', 'C2C.CallbackBeforeSendMsg', 'C2C.CallbackAfterSendMsg', 'Group.CallbackOnMemberStateChange',
		'Group.CallbackOnDailyGroupQuotaAlarm', 'Bot.OnC2CMessage', 'Bot.OnGroupMessage', 'ContentCallback.ResultNotify',
		'OfficialAccount.CallbackBeforeCreateOfficialAccount', 'OfficialAccount.CallbackAfterCreateOfficialAccount',
	];
	const eventOpts = () => d.properties.find((p) => p.name === 'events')!.options as Array<{ name: string; value: string; description: string }>;
	test('the event filter offers every command of the Webhooks menu (36), the older values, All Events and Other', () => {
		const values = eventOpts().map((o) => o.value);
		expect(values.slice(0, 2)).toEqual(['*', 'other']);
		expect(MENU_2_1).toHaveLength(36);
		expect(values).toEqual(expect.arrayContaining([...MENU_2_1, ...SAVED_VALUES]));
		expect(values.slice(2).sort()).toEqual(TENCENT_EVENTS.map((c) => c[0]).sort());
		expect(new Set(values).size).toBe(values.length);
	});
	test('event names read as people say them; the description is a sentence ending with the vendor command', () => {
		const opts = eventOpts();
		const names = opts.map((o) => o.name);
		expect(names).toEqual(expect.arrayContaining(['Message sent in a group', 'User added a friend', 'Group owner changed', 'Before a message is sent in a group', 'API calls near the rate limit']));
		expect(new Set(names).size).toBe(names.length);
		for (const o of opts.slice(2)) {
			expect([o.value, o.name]).not.toEqual([o.value, expect.stringMatching(/^On |:|Callback|After |[A-Z][a-z]+[A-Z]/)]);
			expect([o.value, o.description]).toEqual([o.value, expect.stringMatching(new RegExp(`^[A-Z].*[a-z)] \\(${o.value.replace('.', '\\.')}\\)$`))]);
		}
		expect(names.slice(2)).toEqual([...names.slice(2)].sort((a, b) => a.localeCompare(b)));
	});
	test('notices: setup always, warning only with unsigned callbacks, 2 s budget only for last-node answers', () => {
		const notice = (name: string) => d.properties.find((p) => p.name === name)!;
		expect(notice('setupNotice').type).toBe('notice');
		expect(notice('setupNotice').displayName).toMatch(/Callback Configuration/);
		expect(notice('unsignedNotice').displayOptions).toEqual({ show: { acceptUnsigned: [true] } });
		expect(notice('lastNodeNotice').displayOptions).toEqual({ show: { responseMode: ['lastNode'] } });
		expect(notice('lastNodeNotice').displayName).toMatch(/2 seconds/);
		expect(notice('lastNodeNotice').displayName).toMatch(/80003/);
		expect(notice('refusedNotice').displayName).toMatch(/HTTP 401.*refused: true.*refusedSinceLast/);
		expect(notice('refusedNotice').displayOptions).toBeUndefined();
	});
});

describe('lifecycle (webhookMethods: local state only)', () => {
	test('checkExists → create → checkExists → delete', async () => {
		const engine = engineWith();
		const wf = triggerWorkflow({});
		expect(await engine.webhookMethod(wf, 'Trigger', 'checkExists')).toBe(false);
		expect(await engine.webhookMethod(wf, 'Trigger', 'create')).toBe(true);
		expect(await engine.webhookMethod(wf, 'Trigger', 'checkExists')).toBe(true);
		expect(engine.staticData(wf)['node:Trigger']).toMatchObject({
			callbackUrl: 'http://localhost:5678/webhook/c0ffee00-0000-4000-8000-000000000001/tencent-chat',
		});
		expect(await engine.webhookMethod(wf, 'Trigger', 'delete')).toBe(true);
		expect(await engine.webhookMethod(wf, 'Trigger', 'checkExists')).toBe(false);
	});
});

describe('verification through WebhookContext', () => {
	test('good: acknowledged with the §8.3 body, one item with command, query (no Sign), normalised time and body', async () => {
		const engine = engineWith();
		const wf = triggerWorkflow({});
		const r = await engine.webhook(wf, 'Trigger', callback('Group.CallbackAfterSendMsg', groupBody(), { token: TOKEN }));
		expect(r.sent).toMatchObject({ status: 200, body: ACK });
		expect(r.response.noWebhookResponse).toBe(true);
		expect(r.run!.status).toBe('success');
		const items = r.run!.data.resultData.runData.Trigger[0].data!.main[0]!.map((i) => i.json);
		expect(items).toHaveLength(1);
		expect(items[0]).toEqual({
			event: 'Message sent in a group',
			vendorEvent: 'Group.CallbackAfterSendMsg',
			text: 'hello',
			from: 'alice',
			groupId: '@TGS#1',
			time: new Date(1700000000123).toISOString(),
			command: 'Group.CallbackAfterSendMsg',
			eventTime: new Date(1700000000123).toISOString(),
			beforeEvent: false,
			workflowResponds: false,
			signed: true,
			query: { SdkAppid: APP, CallbackCommand: 'Group.CallbackAfterSendMsg', contenttype: 'json', ClientIP: '10.0.0.1', OptPlatform: 'RESTAPI', RequestTime: expect.stringMatching(/^\d+$/) },
			body: groupBody(),
		});
		expect(JSON.stringify(items)).not.toMatch(/Sign"/);
		expect(Object.keys(items[0]).slice(0, 6)).toEqual(['event', 'vendorEvent', 'text', 'from', 'groupId', 'time']); // the common fields first
	});

	test('event time: EventTime as a string, else MsgTime, else RequestTime', async () => {
		const engine = engineWith();
		const wf = triggerWorkflow({ options: { dropDuplicates: false } });
		const time = async (body: IDataObject) =>
			((await engine.webhook(wf, 'Trigger', callback('X.Y', body, { token: TOKEN, requestTime: Math.floor(Date.now() / 1000) }))).run!.data.resultData.runData.Trigger[0].data!.main[0]![0].json as any).eventTime;
		expect(await time({ EventTime: '1700000000999' })).toBe(new Date(1700000000999).toISOString());
		expect(await time({ MsgTime: 1700000001 })).toBe(new Date(1700000001000).toISOString());
		const rt = await time({});
		expect(Math.abs(Date.parse(rt) - Date.now())).toBeLessThan(5000);
	});

	const nowSeconds = () => Math.floor(Date.now() / 1000);
	test.each<[string, () => ReturnType<typeof callback>]>([
		['bad Sign', () => callback('Group.CallbackAfterSendMsg', groupBody(), { token: TOKEN, sign: 'f'.repeat(64) })],
		['other token', () => callback('Group.CallbackAfterSendMsg', groupBody(), { token: 'another-token' })],
		['stale RequestTime (61 s old)', () => callback('Group.CallbackAfterSendMsg', groupBody(), { token: TOKEN, requestTime: nowSeconds() - 61 })],
		['future RequestTime (61 s ahead)', () => callback('Group.CallbackAfterSendMsg', groupBody(), { token: TOKEN, requestTime: nowSeconds() + 61 })],
		['RequestTime not a time', () => callback('Group.CallbackAfterSendMsg', groupBody(), { token: TOKEN, query: { RequestTime: 'yesterday' } })],
		['Sign repeated', () => callback('Group.CallbackAfterSendMsg', groupBody(), { token: TOKEN, query: { Sign: [sha(TOKEN + nowSeconds()), sha(TOKEN + nowSeconds())] } })],
		['no Sign at all', () => callback('Group.CallbackAfterSendMsg', groupBody())],
	])('bad Sign, other token, stale and future RequestTime, malformed or repeated values: 401, nothing runs: %s', async (_label, c) => {
		const r = await engineWith().webhook(triggerWorkflow({}), 'Trigger', c());
		expect(r.sent.status).toBe(401);
		expect(r.sent.body).toMatchObject({ ActionStatus: 'FAIL', ErrorCode: 401 });
		expect(r.response).toEqual({ noWebhookResponse: true });
		expect(r.run).toBeUndefined();
	});

	test('a RequestTime just inside the window (55 s old) is accepted', async () => {
		const ok = await engineWith().webhook(triggerWorkflow({}), 'Trigger', callback('Group.CallbackAfterSendMsg', groupBody(), { token: TOKEN, requestTime: nowSeconds() - 55 }));
		expect(ok.sent.status).toBe(200);
	});

	test.each([
		['another app', '1400000001'],
		['empty', ''],
		['blank', ' '],
	])('wrong or missing SdkAppid: 401: %s', async (_label, sdkAppId) => {
		const r = await engineWith().webhook(triggerWorkflow({}), 'Trigger', callback('Group.CallbackAfterSendMsg', groupBody(), { token: TOKEN, sdkAppId }));
		expect(r.sent.status).toBe(401);
		expect(r.run).toBeUndefined();
	});

	test('fail closed: no token anywhere → 401 even for a "signed" request; Accept Unsigned switches it off explicitly', async () => {
		const engine = engineWith({ callbackToken: '' });
		const closed = await engine.webhook(triggerWorkflow({}), 'Trigger', callback('Group.CallbackAfterSendMsg', groupBody(), { token: '' }));
		expect(closed.sent.status).toBe(401);
		expect(JSON.stringify(closed.sent.body)).toMatch(/no callback token is configured/);
		expect(closed.run).toBeUndefined();
		const open = await engine.webhook(triggerWorkflow({ acceptUnsigned: true }), 'Trigger', callback('Group.CallbackAfterSendMsg', groupBody()));
		expect(open.sent).toMatchObject({ status: 200, body: ACK });
		expect((open.run!.data.resultData.runData.Trigger[0].data!.main[0]![0].json as any).signed).toBe(false);
	});

	test('Accept Unsigned does not weaken a configured token', async () => {
		const engine = engineWith();
		const r = await engine.webhook(triggerWorkflow({ acceptUnsigned: true }), 'Trigger', callback('Group.CallbackAfterSendMsg', groupBody()));
		expect(r.sent.status).toBe(401);
	});

	test('the trigger field overrides the credential token', async () => {
		const engine = engineWith({ callbackToken: 'credential-token' });
		const wf = triggerWorkflow({ callbackToken: 'node-token' });
		expect((await engine.webhook(wf, 'Trigger', callback('Group.CallbackAfterSendMsg', groupBody(), { token: 'node-token' }))).sent.status).toBe(200);
		expect((await engine.webhook(wf, 'Trigger', callback('Group.CallbackAfterSendMsg', groupBody({ Random: 2 }), { token: 'credential-token' }))).sent.status).toBe(401);
	});

	test('without rawBody (re-serialised body) it verifies the same; a non-object body is 400', async () => {
		const engine = engineWith();
		const wf = triggerWorkflow({});
		const r = await engine.webhook(wf, 'Trigger', callback('Group.CallbackAfterSendMsg', groupBody(), { token: TOKEN, raw: false }));
		expect(r.sent.status).toBe(200);
		expect(r.run!.status).toBe('success');
		const bad = callback('Group.CallbackAfterSendMsg', groupBody(), { token: TOKEN });
		const r2 = await engine.webhook(wf, 'Trigger', { ...bad, rawBody: Buffer.from('[1,2]') });
		expect(r2.sent.status).toBe(400);
		expect(r2.run).toBeUndefined();
	});
});

describe('refused callbacks you can see', () => {
	const trig = (r: Awaited<ReturnType<ReturnType<typeof engineWith>['webhook']>>) => r.run!.data.resultData.runData.Trigger[0].data!.main[0]!.map((i) => i.json) as any[];

	test('production: 401 and nothing runs; the static data counts them and the next accepted callback reports them once', async () => {
		const engine = engineWith();
		const wf = triggerWorkflow({}, 'return $input.all()');
		const forged = await engine.webhook(wf, 'Trigger', callback('Group.CallbackAfterSendMsg', groupBody(), { token: 'another-token' }));
		const stale = await engine.webhook(wf, 'Trigger', callback('Group.CallbackAfterSendMsg', groupBody(), { token: TOKEN, requestTime: Math.floor(Date.now() / 1000) - 120 }));
		for (const r of [forged, stale]) {
			expect(r.sent).toMatchObject({ status: 401, body: { ActionStatus: 'FAIL', ErrorCode: 401 } });
			expect(r.response).toEqual({ noWebhookResponse: true });
			expect(r.run).toBeUndefined();
		}
		expect(engine.staticData(wf)['node:Trigger']).toMatchObject({
			refused: { count: 2, total: 2, lastStatus: 401, lastReason: expect.stringMatching(/more than 60 s|RequestTime/), lastAt: expect.any(String) },
		});
		const ok = await engine.webhook(wf, 'Trigger', callback('Group.CallbackAfterSendMsg', groupBody(), { token: TOKEN }));
		expect(ok.sent.status).toBe(200);
		const [item] = trig(ok);
		expect(item.refusedSinceLast).toEqual({ count: 2, total: 2, lastStatus: 401, lastReason: expect.any(String), lastAt: expect.any(String) });
		expect(Object.keys(item).indexOf('refusedSinceLast')).toBeLessThan(Object.keys(item).indexOf('command')); // next to the common fields
		expect(engine.staticData(wf)['node:Trigger']).toMatchObject({ refused: { count: 0, total: 2 } });
		const next = await engine.webhook(wf, 'Trigger', callback('Group.CallbackAfterSendMsg', groupBody({ MsgSeq: 8 }), { token: TOKEN }));
		expect(trig(next)[0].refusedSinceLast).toBeUndefined();
	});

	test('production: a workflow that never accepted a callback keeps counting (no token configured)', async () => {
		const engine = engineWith({ callbackToken: '' });
		const wf = triggerWorkflow({});
		for (let i = 0; i < 3; i++) expect((await engine.webhook(wf, 'Trigger', callback('Group.CallbackAfterSendMsg', groupBody(), { token: '' }))).sent.status).toBe(401);
		expect((engine.staticData(wf)['node:Trigger'] as any).refused).toMatchObject({ count: 3, lastReason: 'no callback token is configured, so the callback cannot be authenticated' });
	});

	test('test mode (editor "Listen for test event"): still 401, and one item with the reason ends the listening', async () => {
		const engine = engineWith({ callbackToken: '' });
		const wf = triggerWorkflow({}, 'return $input.all().map((i) => ({ json: { seen: i.json.refused === true } }))');
		const r = await engine.webhook(wf, 'Trigger', { ...callback('Group.CallbackAfterSendMsg', groupBody(), { token: '' }), mode: 'manual' });
		expect(r.sent).toMatchObject({ status: 401, body: { ActionStatus: 'FAIL', ErrorCode: 401, ErrorInfo: 'Callback refused: no callback token is configured, so the callback cannot be authenticated' } });
		expect(r.run!.mode).toBe('manual');
		expect(trig(r)).toEqual([
			{
				refused: true,
				reason: 'no callback token is configured, so the callback cannot be authenticated',
				status: 401,
				count: 1,
				total: 1,
				vendorEvent: 'Group.CallbackAfterSendMsg',
				time: expect.any(String),
				hint: expect.stringMatching(/did not run with its data/),
			},
		]);
		expect(JSON.stringify(trig(r))).not.toMatch(/Sign|RequestTime/);
		// the test counter is the test static data's: production's is untouched
		expect(engine.staticData(wf)['node:Trigger']).toBeUndefined();
	});

	test('test mode through the webhook harness: a forged callback from the sandbox shows as an item; a good one runs as usual', async () => {
		const engine = engineWith();
		const wf = triggerWorkflow({ events: ['Group.CallbackAfterSendMsg'] });
		const server = await startWebhookServer(engine, wf, 'Trigger', { mode: 'manual' });
		sb.configure({ callbacks: { tencent: { url: server.url, token: TOKEN } } });
		try {
			const d = await sb.callbacks.send({ vendor: 'tencent', kind: 'forged' });
			expect(d.status).toBe(401);
			expect(server.runs()).toHaveLength(1);
			const [item] = trig(server.runs()[0].result);
			expect(item).toMatchObject({ refused: true, reason: 'Sign does not match', status: 401, count: 1 });
			const ok = await sb.callbacks.send({ vendor: 'tencent', kind: 'valid' });
			expect(ok.status).toBe(200);
			expect(trig(server.runs()[1].result)[0]).toMatchObject({ event: 'Message sent in a group', refusedSinceLast: { count: 1, lastReason: 'Sign does not match' } });
		} finally {
			await server.close();
		}
	});
});

describe('event filter', () => {
	const engine = () => engineWith();
	const deliver = (wf: IWorkflowBase, command: string, over: IDataObject = {}) =>
		engine().webhook(wf, 'Trigger', callback(command, groupBody({ CallbackCommand: command, ...over }), { token: TOKEN }));
	test.each(['Group.CallbackAfterSendMsg', 'State.StateChange', 'Something.New'])('All Events runs every command, listed or not: %s', async (c) => {
		const r = await deliver(triggerWorkflow({ events: ['*'] }), c, { Random: Math.random() });
		expect(r.run?.status).toBe('success');
	});
	test('a selection runs only its commands; others get the OK answer and start nothing', async () => {
		const wf = triggerWorkflow({ events: ['C2C.CallbackAfterSendMsg', 'Group.CallbackAfterSendMsg'] });
		expect((await deliver(wf, 'Group.CallbackAfterSendMsg')).run?.status).toBe('success');
		expect((await deliver(wf, 'C2C.CallbackAfterSendMsg')).run?.status).toBe('success');
		const other = await deliver(wf, 'Group.CallbackAfterNewMemberJoin');
		expect(other.sent).toMatchObject({ status: 200, body: ACK });
		expect(other.run).toBeUndefined();
		const before = await deliver(wf, 'Group.CallbackBeforeSendMsg');
		expect(before.sent).toMatchObject({ status: 200, body: ACK }); // not selected: allowed at once
		expect(before.run).toBeUndefined();
	});
	test('Other Commands adds free-text commands; the command may come from the body', async () => {
		const wf = triggerWorkflow({ events: ['State.StateChange'], otherCommands: 'Group.CallbackAfterMsgExtensionChange, Foo.Bar' });
		expect((await deliver(wf, 'Foo.Bar')).run?.status).toBe('success');
		expect((await deliver(wf, 'Group.CallbackAfterMsgExtensionChange')).run?.status).toBe('success');
		expect((await deliver(wf, 'Foo.Baz')).run).toBeUndefined();
		const c = callback('Foo.Bar', groupBody({ CallbackCommand: 'Foo.Bar', Random: 99 }), { token: TOKEN });
		delete (c.query as any).CallbackCommand;
		expect((await engineWith().webhook(wf, 'Trigger', c)).run?.status).toBe('success');
	});
	test('no command anywhere: 400', async () => {
		const c = callback('x', { EventTime: 1 }, { token: TOKEN });
		delete (c.query as any).CallbackCommand;
		expect((await engineWith().webhook(triggerWorkflow({}), 'Trigger', c)).sent.status).toBe(400);
	});
});

describe('duplicates', () => {
	test('a retried callback (same command and body, new RequestTime) starts nothing the second time', async () => {
		const engine = engineWith();
		const wf = triggerWorkflow({});
		const now = Math.floor(Date.now() / 1000);
		const first = await engine.webhook(wf, 'Trigger', callback('Group.CallbackAfterSendMsg', groupBody(), { token: TOKEN, requestTime: now - 2 }));
		const again = await engine.webhook(wf, 'Trigger', callback('Group.CallbackAfterSendMsg', groupBody(), { token: TOKEN, requestTime: now }));
		expect(first.run?.status).toBe('success');
		expect(again.sent).toMatchObject({ status: 200, body: ACK });
		expect(again.run).toBeUndefined();
		const other = await engine.webhook(wf, 'Trigger', callback('Group.CallbackAfterSendMsg', groupBody({ MsgSeq: 8 }), { token: TOKEN }));
		expect(other.run?.status).toBe('success');
	});
	test('switched off, or a body without EventTime: every delivery runs', async () => {
		const engine = engineWith();
		const off = triggerWorkflow({ options: { dropDuplicates: false } });
		for (let i = 0; i < 2; i++) expect((await engine.webhook(off, 'Trigger', callback('Group.CallbackAfterSendMsg', groupBody(), { token: TOKEN }))).run?.status).toBe('success');
		const wf = triggerWorkflow({});
		const join = { CallbackCommand: 'Group.CallbackAfterNewMemberJoin', GroupId: 'g', JoinType: 'Apply', NewMemberList: [{ Member_Account: 'bob' }] };
		for (let i = 0; i < 2; i++) expect((await engine.webhook(wf, 'Trigger', callback('Group.CallbackAfterNewMemberJoin', join, { token: TOKEN }))).run?.status).toBe('success');
	});
});

describe('before-events: the workflow can allow, deny or rewrite', () => {
	// A moderation Code node: the last node's first item is the answer n8n sends in "lastNode" mode.
	const MODERATE = `
		const e = $input.first().json;
		const text = e.body.MsgBody[0].MsgContent.Text;
		if (text.includes('spam')) return [{ json: { ActionStatus: 'OK', ErrorCode: 1, ErrorInfo: 'blocked by moderation' } }];
		if (text.includes('darn')) return [{ json: { ActionStatus: 'OK', ErrorCode: 0, ErrorInfo: '', MsgBody: [{ MsgType: 'TIMTextElem', MsgContent: { Text: text.replace('darn', '****') } }] } }];
		return [{ json: { ActionStatus: 'OK', ErrorCode: 0, ErrorInfo: '' } }];`;
	const before = (text: string) =>
		callback('Group.CallbackBeforeSendMsg', groupBody({ CallbackCommand: 'Group.CallbackBeforeSendMsg', MsgBody: [{ MsgType: 'TIMTextElem', MsgContent: { Text: text } }], Random: Math.floor(Math.random() * 1e9) }), { token: TOKEN });

	test('allow, deny, rewrite: the trigger writes nothing, n8n answers with the last node\'s first item', async () => {
		const engine = engineWith();
		const wf = triggerWorkflow({ events: ['Group.CallbackBeforeSendMsg'], responseMode: 'lastNode' }, MODERATE);
		const answer = async (text: string) => {
			const r = await engine.webhook(wf, 'Trigger', before(text));
			expect(r.sent.written).toBe(false); // left to n8n's lastNode handling
			expect(r.response.noWebhookResponse).toBeUndefined();
			expect(r.run!.status).toBe('success');
			expect((r.run!.data.resultData.runData.Trigger[0].data!.main[0]![0].json as any)).toMatchObject({ beforeEvent: true, workflowResponds: true });
			return n8nAnswer(wf, 'Trigger', r);
		};
		expect(await answer('hello')).toEqual({ status: 200, body: { ActionStatus: 'OK', ErrorCode: 0, ErrorInfo: '' } });
		expect(await answer('buy spam now')).toEqual({ status: 200, body: { ActionStatus: 'OK', ErrorCode: 1, ErrorInfo: 'blocked by moderation' } });
		expect(await answer('oh darn')).toEqual({
			status: 200,
			body: { ActionStatus: 'OK', ErrorCode: 0, ErrorInfo: '', MsgBody: [{ MsgType: 'TIMTextElem', MsgContent: { Text: 'oh ****' } }] },
		});
	});

	test('in lastNode mode after-events are still acknowledged at once; a failing workflow makes n8n answer 500 (Tencent then applies its timeout policy)', async () => {
		const engine = engineWith();
		const wf = triggerWorkflow({ responseMode: 'lastNode' }, MODERATE);
		const after = await engine.webhook(wf, 'Trigger', callback('Group.CallbackAfterSendMsg', groupBody(), { token: TOKEN }));
		expect(after.sent).toMatchObject({ status: 200, body: ACK, written: true });
		expect(n8nAnswer(wf, 'Trigger', after)).toEqual({ status: 200, body: ACK });
		const broken = triggerWorkflow({ responseMode: 'lastNode' }, 'throw new Error("moderation service down")');
		const r = await engine.webhook(broken, 'Trigger', before('hello'));
		expect(r.run!.status).toBe('error');
		expect(n8nAnswer(broken, 'Trigger', r)).toEqual({ status: 500, body: { message: 'Error in workflow' } });
	});

	test('Respond Immediately: before-events are allowed at once and still run the workflow', async () => {
		const engine = engineWith();
		const wf = triggerWorkflow({ responseMode: 'onReceived' }, MODERATE);
		const r = await engine.webhook(wf, 'Trigger', before('buy spam now'));
		expect(r.sent).toMatchObject({ status: 200, body: ACK });
		expect(r.run!.status).toBe('success');
		expect((r.run!.data.resultData.runData.Trigger[0].data!.main[0]![0].json as any)).toMatchObject({ beforeEvent: true, workflowResponds: false });
	});

	const answerable = TENCENT_EVENTS.map((c) => c[0]).filter(isTencentAnswerableEvent);
	test('the answerable commands: the before/prev ones (message, join, friend, topic, official account) and the chatbot pass-through', () => {
		expect(answerable).toEqual(expect.arrayContaining(['C2C.CallbackBeforeSendMsg', 'Group.CallbackBeforeSendMsg', 'Group.CallbackBeforeApplyJoinGroup', 'Sns.CallbackPrevFriendAdd', 'Chatbot.OnC2CSignalMessage']));
		expect(answerable).not.toContain('Group.CallbackAfterSendMsg');
		for (const c of answerable) expect([c, TENCENT_EVENTS.find((e) => e[0] === c)![2]]).toEqual([c, expect.stringMatching(/your answer/)]);
	});
	test.each(answerable)('every answerable command is answered by the last node in lastNode mode: %s', async (c) => {
		const wf = triggerWorkflow({ responseMode: 'lastNode' }, 'return [{ json: { ActionStatus: "OK", ErrorCode: 0, ErrorInfo: "", seen: $input.first().json.command } }]');
		const r = await engineWith().webhook(wf, 'Trigger', callback(c, { CallbackCommand: c, EventTime: Date.now() + Math.random() }, { token: TOKEN }));
		expect(n8nAnswer(wf, 'Trigger', r)).toEqual({ status: 200, body: { ActionStatus: 'OK', ErrorCode: 0, ErrorInfo: '', seen: c } });
	});
});

describe('the sandbox as the caller (real HTTP POSTs to an n8n-like webhook endpoint)', () => {
	const GROUP_REPLY = (over: IDataObject = {}) => triggerWorkflow({ events: ['Group.CallbackAfterSendMsg', 'C2C.CallbackAfterSendMsg'], ...over });
	async function serve(wf: IWorkflowBase, engineOver: IDataObject = {}) {
		const engine = engineWith(engineOver);
		const server = await startWebhookServer(engine, wf, 'Trigger');
		sb.configure({ callbacks: { tencent: { url: server.url, token: TOKEN } } });
		return { engine, server };
	}
	const sendAs = async (parameters: IDataObject) => {
		const { run } = await engineWith().run({
			id: 'send', name: 'send', active: false, settings: { executionOrder: 'v1' },
			nodes: [
				{ id: '1', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
				{ id: '2', name: 'Send', type: `${PKG}.tencentChat`, typeVersion: 1, position: [200, 0], parameters, credentials: { tencentChatApi: { id: '1', name: 'x' } } },
			],
			connections: { Start: { main: [[{ node: 'Send', type: 'main', index: 0 }]] } },
		} as unknown as IWorkflowBase);
		expect(run.status).toBe('success');
		await sb.callbacks.settled();
	};

	test('send_group_msg → signed Group.CallbackAfterSendMsg → one run with the message', async () => {
		sb.seedTencentGroup({ groupId: 'g1', type: 'Public', members: ['alice'] });
		const { server } = await serve(GROUP_REPLY());
		try {
			await sendAs({ resource: 'group', operation: 'sendMessage', groupId: 'g1', fromAccount: 'alice', messageFormat: 'text', text: 'hi all', options: { random: 42 }, messageOptions: {} });
			const [d] = sb.callbacks.deliveries;
			expect(d).toMatchObject({ vendor: 'tencent', kind: 'valid', event: 'Group.CallbackAfterSendMsg', status: 200 });
			expect(JSON.parse(d.attempts[0].body)).toEqual(ACK);
			expect(server.runs()).toHaveLength(1);
			const item = server.runs()[0].result.run!.data.resultData.runData.Trigger[0].data!.main[0]![0].json as any;
			expect(item).toMatchObject({ command: 'Group.CallbackAfterSendMsg', signed: true, query: { SdkAppid: APP, OptPlatform: 'RESTAPI' } });
			expect(item.body).toMatchObject({ GroupId: 'g1', From_Account: 'alice', Random: 42, MsgSeq: 1, MsgBody: [{ MsgType: 'TIMTextElem', MsgContent: { Text: 'hi all' } }] });
			expect(item.query.Sign).toBeUndefined();
			expect(server.calls[0].query.Sign).toBe(sha(TOKEN + server.calls[0].query.RequestTime));
		} finally {
			await server.close();
		}
	});

	test('sendmsg → C2C.CallbackAfterSendMsg; a message sent with Forbid After-Send Callback produces none', async () => {
		sb.seedTencentAccounts(['alice', 'bob']);
		sb.seedTencentGroup({ groupId: 'g1', type: 'Public', members: ['alice'] });
		const { server } = await serve(GROUP_REPLY());
		try {
			await sendAs({ resource: 'message', operation: 'sendToUser', fromAccount: 'alice', toAccount: 'bob', messageFormat: 'text', text: 'psst', options: {}, messageOptions: {} });
			expect(sb.callbacks.deliveries.map((d) => [d.event, d.status])).toEqual([['C2C.CallbackAfterSendMsg', 200]]);
			expect((server.runs()[0].result.run!.data.resultData.runData.Trigger[0].data!.main[0]![0].json as any).body).toMatchObject({ From_Account: 'alice', To_Account: 'bob', MsgKey: expect.any(String) });
			await sendAs({
				resource: 'group', operation: 'sendMessage', groupId: 'g1', fromAccount: 'alice', messageFormat: 'text', text: 'quiet', options: {},
				messageOptions: { forbidCallbackControl: ['ForbidAfterSendMsgCallback'] },
			});
			expect(sb.callbacks.deliveries).toHaveLength(1);
			expect(sb.state.tencent.groups.get('g1')!.messages).toHaveLength(1);
		} finally {
			await server.close();
		}
	});

	// Each kind against a fresh endpoint: refused ones start nothing; a duplicate (sent twice) and a
	// valid one start one run each.
	test.each<[string, 'forged' | 'stale' | 'unsigned' | 'wrongApp' | 'duplicate' | 'valid', number[], number]>([
		['forged', 'forged', [401], 0],
		['stale', 'stale', [401], 0],
		['unsigned', 'unsigned', [401], 0],
		['wrong app', 'wrongApp', [401], 0],
		['a duplicate', 'duplicate', [200, 200], 1],
		['a valid one', 'valid', [200], 1],
	])('forged, stale, unsigned and wrong-app callbacks: 401 and nothing starts; a duplicate starts nothing the second time: %s', async (_label, kind, statuses, runs) => {
		const { server } = await serve(GROUP_REPLY());
		try {
			const d = await sb.callbacks.send({ vendor: 'tencent', kind });
			expect([kind, d.attempts.map((a) => a.status).slice(0, statuses.length)]).toEqual([kind, statuses]);
			expect(d.status).toBe(statuses[statuses.length - 1]);
			if (statuses[0] === 401) expect(JSON.parse(d.attempts[0].body)).toMatchObject({ ActionStatus: 'FAIL', ErrorCode: 401 });
			expect(server.runs()).toHaveLength(runs);
		} finally {
			await server.close();
		}
	});

	test('the control endpoint sends on request; without the token configured in n8n, signed callbacks are still refused', async () => {
		const { server } = await serve(GROUP_REPLY(), { callbackToken: '' });
		try {
			const res = await fetch(`${sb.url}/_sandbox/callbacks/send`, { method: 'POST', body: JSON.stringify({ vendor: 'tencent', kind: 'valid', command: 'Group.CallbackAfterSendMsg' }) });
			const d = (await res.json()) as any;
			expect(d).toMatchObject({ vendor: 'tencent', kind: 'valid', status: 401 });
			expect(server.runs()).toHaveLength(0);
			const state = (await (await fetch(`${sb.url}/_sandbox/callbacks`)).json()) as any;
			expect(state.config.tencent).toMatchObject({ url: server.url, token: '***' });
			expect(state.deliveries).toHaveLength(1);
			const bad = await fetch(`${sb.url}/_sandbox/callbacks/send`, { method: 'POST', body: JSON.stringify({ vendor: 'tencent', kind: 'nonsense' }) });
			expect(bad.status).toBe(400);
		} finally {
			await server.close();
		}
	});
});

test('demo: a group message → signed callback → trigger → Tencent Chat reply lands in the group', async () => {
	const lines: string[] = [];
	const ok = await runTriggerDemo(sb, (l) => lines.push(l));
	if (!ok) console.log(lines.join('\n'));
	expect(ok).toBe(true);
	expect(lines.join('\n')).toMatch(/Thanks alice, we got: My order has not arrived/);
	expect(sb.config.callbacks.tencent.url).toBe(''); // the demo switches callbacks off again
});
