/* eslint-disable */
/**
 * Issue 11, Tencent side: the sandbox configured to behave as the real vendor does (doc pages and
 * community SDKs cited in the node code), and the node run through n8n's real WorkflowExecute.
 */
import type { IHttpRequestOptions } from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';
import { itemsOf } from './helpers/fixtures';
import { ManualTrigger, outputOf } from './helpers/n8n-engine';
import { tencentCredentials, tencentEngine, tencentWorkflow } from './helpers/tencent';
import { startSandbox, type RtcSandbox } from '../sandbox/server';
import { tencentC2CHistory } from '../sandbox/tencent/index';
import { TencentChatApi } from '../credentials/TencentChatApi.credentials';
import { SANDBOX_TENCENT } from '../sandbox/demo-credentials';

let sb: RtcSandbox;
beforeAll(async () => {
	sb = await startSandbox();
});
afterAll(() => sb.close());
beforeEach(() => {
	sb.reset();
	sb.configure({ tencent: { logBodies: true } });
});

const ADMIN = SANDBOX_TENCENT.adminUserId;
const reqs = (suffix: string) => sb.state.tencent.requests.filter((r) => r.path.endsWith(suffix));
const text = (t: string) => ({ messageFormat: 'text', text: t });
/** A signed call with a literal body text (unsafe integers stay as written). */
async function rawCall(path: string, body: string) {
	const cred = new TencentChatApi();
	const o = await cred.authenticate(tencentCredentials(sb.url) as any, { method: 'POST', url: `/v4/${path}`, body });
	const url = new URL(o.url);
	for (const [k, v] of Object.entries(o.qs ?? {})) url.searchParams.set(k, String(v));
	const text = await fetch(url, { method: 'POST', headers: o.headers as Record<string, string>, body: o.body as string }).then((r) => r.text());
	return { text, json: JSON.parse(text) };
}
const textOf = (m: { msgBody: unknown[] }) => (m.msgBody[0] as any).MsgContent.Text as string;

describe('get_appid_group_list: 1 call/s and a uint64 cursor sent back byte-exact (269/1614)', () => {
	test('cursors above 2^53 go back with the same digits; pages are 1 s apart; nothing refused', async () => {
		// 18446744073709551000 + n: far above 2^53, any trip through a double loses the last digits.
		sb.configure({ tencent: { groupListCursorBase: '18446744073709551000' } });
		for (let g = 1; g <= 5; g++) sb.seedTencentGroup({ groupId: `g${g}`, type: 'Public' });
		const t0 = Date.now();
		const { run } = await tencentEngine(sb.url).run(
			tencentWorkflow({ resource: 'group', operation: 'listAll', returnAll: true, options: { pageSize: 2 } }),
		);
		expect(run.data.resultData.error).toBeUndefined();
		expect(itemsOf(run).map((o) => o.json.groupId)).toEqual(['g1', 'g2', 'g3', 'g4', 'g5']);
		const calls = reqs('get_appid_group_list');
		expect(calls.map((r) => r.code)).toEqual([0, 0, 0]);
		// What arrived: 0, then exactly the cursors the sandbox issued (it refuses any other value).
		expect(calls.map((r) => String(r.body!.Next))).toEqual(['0', '18446744073709551002', '18446744073709551004']);
		expect(typeof calls[1].body!.Next).toBe('bigint'); // a bare JSON number, not a string
		expect(calls[2].at - calls[1].at).toBeGreaterThanOrEqual(950);
		expect(Date.now() - t0).toBeGreaterThanOrEqual(1900);
	}, 20000);

	test('the vendor-like sandbox refuses a cursor that lost digits (what Number() would send back)', async () => {
		sb.configure({ tencent: { groupListCursorBase: '18446744073709551000' } });
		for (let g = 1; g <= 3; g++) sb.seedTencentGroup({ groupId: `g${g}`, type: 'Public' });
		const first = await rawCall('group_open_http_svc/get_appid_group_list', '{"Limit":2,"Next":0}');
		expect(first.text).toContain('"Next":18446744073709551002'); // a bare JSON number with every digit
		await new Promise((r) => setTimeout(r, 1100));
		const rounded = String(Number('18446744073709551002')); // "18446744073709552000"
		const again = await rawCall('group_open_http_svc/get_appid_group_list', `{"Limit":2,"Next":${rounded}}`);
		expect(again.json).toMatchObject({ ErrorCode: 10004 });
	}, 20000);
});

describe('sendmsg ordering: MsgSeq increases per conversation, items never overtake (269/2282)', () => {
	beforeEach(() => sb.seedTencentAccounts(['alice', 'bob', 'carol']));
	const items = [
		{ to: 'bob', t: 'b1' },
		{ to: 'carol', t: 'c1' },
		{ to: 'bob', t: 'b2' },
		{ to: 'bob', t: 'b3' },
		{ to: 'carol', t: 'c2' },
		{ to: 'bob', t: 'b4' },
	];
	const params = { resource: 'message', operation: 'sendToUser', fromAccount: 'alice', toAccount: '={{ $json.to }}', ...text('={{ $json.t }}') };

	test('a throttled first message is retried and still lands first; history (MsgTime, MsgSeq) is input order', async () => {
		// b1 is refused twice with the vendor's frequency code (not processed) before it gets through.
		sb.configure({ tencent: { scripted: [{ path: 'openim/sendmsg', bodyIncludes: '"b1"', times: 2, code: 60007 }] } });
		const { run } = await tencentEngine(sb.url).run(tencentWorkflow(params, { items }));
		expect(run.data.resultData.error).toBeUndefined();
		expect(reqs('sendmsg').filter((r) => r.code === 60007)).toHaveLength(2);
		const st = sb.state.tencent;
		expect(st.c2c.filter((m) => m.to === 'bob').map(textOf)).toEqual(['b1', 'b2', 'b3', 'b4']); // arrival
		expect(tencentC2CHistory(st, 'alice', 'bob').map(textOf)).toEqual(['b1', 'b2', 'b3', 'b4']); // what bob sees
		expect(tencentC2CHistory(st, 'alice', 'carol').map(textOf)).toEqual(['c1', 'c2']);
		const out = outputOf(run, 'Node') as any[];
		const seqs = out.map((o) => o.msgSeq);
		for (let k = 1; k < seqs.length; k++) expect(seqs[k]).toBeGreaterThan(seqs[k - 1]);
		expect(seqs[0]).toBeGreaterThanOrEqual(Math.floor(Date.now() / 1000) - 60); // time-based start
		// The retried b1 kept its MsgSeq/MsgRandom across attempts.
		const b1 = reqs('sendmsg').filter((r) => JSON.stringify(r.body!.MsgBody).includes('"b1"'));
		expect(new Set(b1.map((r) => `${r.body!.MsgSeq}/${r.body!.MsgRandom}`)).size).toBe(1);
		expect(new Set(out.map((o) => o.msgRandom)).size).toBe(out.length);
	});

	test('a later execution continues above the earlier one (same second included)', async () => {
		const first = await tencentEngine(sb.url).run(tencentWorkflow(params, { items }));
		const second = await tencentEngine(sb.url).run(tencentWorkflow(params, { items: [{ to: 'bob', t: 'b5' }] }));
		const maxFirst = Math.max(...(outputOf(first.run, 'Node') as any[]).map((o) => o.msgSeq));
		expect((outputOf(second.run, 'Node')[0] as any).msgSeq).toBeGreaterThan(maxFirst);
		expect(tencentC2CHistory(sb.state.tencent, 'alice', 'bob').map(textOf)).toEqual(['b1', 'b2', 'b3', 'b4', 'b5']);
	});
});

describe('batchsendmsg: items to the same receivers never overtake; online-only; unknown accounts', () => {
	test('a throttled item holds back the next item to an overlapping receiver, not an unrelated one', async () => {
		sb.seedTencentAccounts(['a', 'b', 'c', 'd']);
		sb.configure({ tencent: { scripted: [{ path: 'openim/batchsendmsg', bodyIncludes: '"first"', times: 3, code: 60007 }] } });
		const items = [
			{ to: ['a', 'b'], t: 'first' },
			{ to: ['b', 'c'], t: 'second' },
			{ to: ['d'], t: 'third' },
		];
		const { run } = await tencentEngine(sb.url).run(
			tencentWorkflow({ resource: 'message', operation: 'sendToUsers', fromAccount: 'a', toAccounts: '={{ $json.to }}', ...text('={{ $json.t }}') }, { items }),
		);
		expect(run.data.resultData.error).toBeUndefined();
		const st = sb.state.tencent;
		expect(st.c2c.filter((m) => m.to === 'b').map(textOf)).toEqual(['first', 'second']);
		expect(tencentC2CHistory(st, 'a', 'b').map(textOf)).toEqual(['first', 'second']);
		// The unrelated item did not wait for the throttled one.
		const arrival = st.c2c.map(textOf);
		expect(arrival.indexOf('third')).toBeLessThan(arrival.indexOf('first'));
		const out = outputOf(run, 'Node') as any[];
		expect(out[1].msgSeq).toBeGreaterThan(out[0].msgSeq);
	});

	test('Online Users Only sends OnlineOnlyFlag 1 without MsgLifeTime (CN page 269/1612); offline users get nothing', async () => {
		sb.seedTencentOnline('on1', 'Online');
		sb.seedTencentAccounts(['off1']);
		const { run } = await tencentEngine(sb.url).run(
			tencentWorkflow({ resource: 'message', operation: 'sendToUsers', toAccounts: 'on1, off1', ...text('flash'), options: { onlineOnly: true } }),
		);
		expect(run.data.resultData.error).toBeUndefined();
		const [call] = reqs('batchsendmsg');
		expect(call.body!.OnlineOnlyFlag).toBe(1);
		expect('MsgLifeTime' in call.body!).toBe(false);
		expect(sb.state.tencent.c2c.map((m) => [m.to, m.onlineOnly, m.msgLifeTime])).toEqual([['on1', true, 0]]);
		expect(outputOf(run, 'Node')[0]).toMatchObject({ onlineOnly: true });
	});

	test('never-imported accounts: no ErrorList entry from the vendor; Check Accounts First reports them failed and skips them', async () => {
		sb.seedTencentAccounts(['k1', 'k2']);
		const send = (options: Record<string, unknown>) =>
			tencentEngine(sb.url).run(tencentWorkflow({ resource: 'message', operation: 'sendToUsers', toAccounts: 'k1, ghost, k2', ...text('hi'), options }));
		// Without the check, the vendor's answer cannot tell "ghost" from a delivered receiver.
		const blind = await send({});
		expect(outputOf(blind.run, 'Node')[0]).toMatchObject({ deliveredCount: 3, failedCount: 0 });
		expect(sb.state.tencent.c2c.map((m) => m.to)).toEqual(['k1', 'k2']);
		sb.reset();
		sb.configure({ tencent: { logBodies: true } });
		sb.seedTencentAccounts(['k1', 'k2']);
		const checked = await send({ checkAccounts: true, output: 'perReceiver' });
		expect(reqs('account_check')).toHaveLength(1);
		expect(reqs('account_check')[0].body!.CheckItem).toEqual([{ UserID: 'k1' }, { UserID: 'ghost' }, { UserID: 'k2' }]);
		expect(reqs('batchsendmsg')[0].body!.To_Account).toEqual(['k1', 'k2']);
		const out = itemsOf(checked.run).map((o) => o.json);
		expect(out.map((o) => [o.receiver, o.status])).toEqual([
			['k1', 'delivered'],
			['ghost', 'failed'],
			['k2', 'delivered'],
		]);
		expect(out[1]).toMatchObject({ errorCode: 70107 });
		expect(String(out[1].reason)).toMatch(/not an imported account/i);
	});

	test('Import Unknown Accounts imports them first, then sends to everyone', async () => {
		sb.seedTencentAccounts(['k1']);
		const { run } = await tencentEngine(sb.url).run(
			tencentWorkflow({
				resource: 'message',
				operation: 'sendToUsers',
				toAccounts: 'k1, new1, new2',
				...text('welcome'),
				options: { checkAccounts: true, importUnknown: true },
			}),
		);
		expect(run.data.resultData.error).toBeUndefined();
		expect(reqs('multiaccount_import')[0].body!.Accounts).toEqual(['new1', 'new2']);
		expect(sb.state.tencent.c2c.map((m) => m.to)).toEqual(['k1', 'new1', 'new2']);
		expect(outputOf(run, 'Node')[0]).toMatchObject({ status: 'sent', deliveredCount: 3, importedAccounts: ['new1', 'new2'], notImportedAccounts: [] });
	});
});

describe('send_group_msg: MsgDropReason is a drop, not a delivery (269/1629, trtc.io 38173)', () => {
	beforeEach(() => sb.seedTencentGroup({ groupId: 'live', type: 'AVChatRoom' }));
	const items = Array.from({ length: 60 }, (_, k) => ({ t: `m${k}` }));

	test('a live group over 40/s drops messages with ErrorCode 0 + MsgFreqCtrl: without pacing they are reported dropped', async () => {
		const { run } = await tencentEngine(sb.url).run(
			tencentWorkflow({ resource: 'group', operation: 'sendMessage', groupId: 'live', ...text('={{ $json.t }}'), options: { groupRate: 0 } }, { items }),
		);
		expect(run.data.resultData.error).toBeUndefined();
		const out = outputOf(run, 'Node') as any[];
		const stored = sb.state.tencent.groups.get('live')!.messages.length;
		const dropped = out.filter((o) => o.status === 'dropped');
		expect(dropped.length).toBeGreaterThan(0);
		expect(dropped[0]).toMatchObject({ msgDropReason: 'MsgFreqCtrl' });
		expect(String(dropped[0].error)).toMatch(/dropped/);
		expect(out.filter((o) => o.status === 'sent')).toHaveLength(stored); // every "sent" is in the group, nothing more
		expect(stored + dropped.length).toBe(60);
	}, 20000);

	test('paced per group by default (40/s): nothing is dropped and order is kept', async () => {
		const t0 = Date.now();
		const { run } = await tencentEngine(sb.url).run(
			tencentWorkflow({ resource: 'group', operation: 'sendMessage', groupId: 'live', ...text('={{ $json.t }}') }, { items }),
		);
		expect(run.data.resultData.error).toBeUndefined();
		expect((outputOf(run, 'Node') as any[]).every((o) => o.status === 'sent')).toBe(true);
		const g = sb.state.tencent.groups.get('live')!;
		expect(g.messages.map((m) => textOf(m))).toEqual(items.map((i) => i.t));
		expect(Date.now() - t0).toBeGreaterThanOrEqual(900);
	}, 20000);

	test('Retry Dropped Messages sends a dropped message again with back-off until it is stored', async () => {
		sb.configure({ tencent: { avGroupMessagesPerSecond: 5 } });
		const few = items.slice(0, 8);
		const { run } = await tencentEngine(sb.url).run(
			tencentWorkflow(
				{ resource: 'group', operation: 'sendMessage', groupId: 'live', ...text('={{ $json.t }}'), options: { groupRate: 0, retryDropped: true } },
				{ items: few },
			),
		);
		expect(run.data.resultData.error).toBeUndefined();
		const out = outputOf(run, 'Node') as any[];
		expect(out.every((o) => o.status === 'sent')).toBe(true);
		expect(out.some((o) => o.attempts > 1)).toBe(true);
		expect(sb.state.tencent.groups.get('live')!.messages.map((m) => textOf(m))).toEqual(few.map((i) => i.t));
	}, 30000);
});

describe('push: legacy or current paths, daily quota never retried', () => {
	beforeEach(() => sb.seedTencentAccounts(['p1', 'p2']));
	const push = (extra: Record<string, unknown> = {}) => ({ resource: 'push', operation: 'pushToAll', target: 'all', ...text('news'), ...extra });

	test('Push API "Current" calls v4/timpush/* (an app with only the Push service answers)', async () => {
		sb.configure({ tencent: { pushApis: ['timpush'] } });
		const engine = tencentEngine(sb.url, { pushApi: 'timpush' });
		const { run } = await engine.run(tencentWorkflow(push()));
		expect(run.data.resultData.error).toBeUndefined();
		expect(outputOf(run, 'Node')[0]).toMatchObject({ status: 'accepted' });
		// Online users only (the default lifetime 0) is said with OnlineOnlyFlag 1 on timpush/push (1047/60561).
		expect(reqs('timpush/push')[0].body).toMatchObject({ MsgLifeTime: 0, OnlineOnlyFlag: 1 });
		const tag = await engine.run(tencentWorkflow({ resource: 'userTag', operation: 'add', account: 'p1', tags: 'vip' }));
		expect(tag.run.data.resultData.error).toBeUndefined();
		const removeAll = await engine.run(tencentWorkflow({ resource: 'userTag', operation: 'removeAll', account: 'p1' }));
		expect(removeAll.run.data.resultData.error).toBeUndefined();
		expect(sb.state.tencent.requests.map((r) => [r.path, r.code])).toEqual([
			['timpush/push', 0],
			['timpush/add_tag', 0],
			['timpush/clear_all_tags', 0],
		]);
	});

	test('legacy is the default; a legacy-only app refuses the current paths with 90045', async () => {
		sb.configure({ tencent: { pushApis: ['legacy'] } });
		const legacy = await tencentEngine(sb.url).run(tencentWorkflow(push()));
		expect(legacy.run.data.resultData.error).toBeUndefined();
		expect(reqs('im_push')).toHaveLength(1);
		const current = await tencentEngine(sb.url, { pushApi: 'timpush' }).run(tencentWorkflow(push({ options: { msgRandom: 9 } })));
		expect(current.run.data.resultData.error!.message).toMatch(/90045/);
	});

	test('daily quota (90047): one answer, no retry, no pause; the error says "daily quota, try tomorrow"', async () => {
		sb.configure({ tencent: { pushPerDay: 1 } });
		const t0 = Date.now();
		const { run } = await tencentEngine(sb.url).run(
			tencentWorkflow(push({ options: { msgRandom: '={{ $json.r }}' } }), { items: [{ r: 1 }, { r: 2 }, { r: 3 }], continueOnFail: true }),
		);
		const out = itemsOf(run).map((o) => o.json);
		expect(out[0]).toMatchObject({ status: 'accepted' });
		for (const o of out.slice(1)) {
			expect(o).toMatchObject({ code: '90047' });
			expect(String(o.error)).toMatch(/daily quota.*try tomorrow/);
		}
		// Items 2 and 3 wait for the push interval side by side; whichever goes second is not sent at
		// all: the quota cannot come back before tomorrow.
		expect(out.slice(1).filter((o) => /not sent: an earlier item of this run found the quota used up/.test(String(o.error)))).toHaveLength(1);
		expect(reqs('im_push').map((r) => r.code)).toEqual([0, 90047]);
		expect(sb.state.tencent.pushes).toHaveLength(1);
		// The second push waited only for the 1 s push interval, not for a throttle back-off.
		expect(Date.now() - t0).toBeLessThan(4000);
	});
});

describe('transport: 429 and FAIL without ErrorCode', () => {
	beforeEach(() => sb.seedTencentAccounts(['bob']));
	const send = { resource: 'message', operation: 'sendToUser', toAccount: 'bob', ...text('hi') };

	test('HTTP 429 is a throttle even with an OK body: not taken as sent, retried, delivered once', async () => {
		sb.configure({ tencent: { scripted: [{ path: 'openim/sendmsg', times: 1, status: 429, body: { ActionStatus: 'OK', ErrorCode: 0, MsgKey: 'fake' } }] } });
		const { run } = await tencentEngine(sb.url).run(tencentWorkflow(send));
		expect(run.data.resultData.error).toBeUndefined();
		const [out] = outputOf(run, 'Node') as any[];
		expect(out.status).toBe('sent');
		expect(out.msgKey).not.toBe('fake');
		expect(reqs('sendmsg')).toHaveLength(2);
		expect(sb.state.tencent.c2c).toHaveLength(1);
	});

	test('ActionStatus FAIL without ErrorCode is a failure, not a success (and not retried)', async () => {
		sb.configure({ tencent: { scripted: [{ path: 'openim/sendmsg', times: 1, body: { ActionStatus: 'FAIL', ErrorInfo: 'gateway refused' } }] } });
		const { run } = await tencentEngine(sb.url).run(tencentWorkflow(send, { continueOnFail: true }));
		const [out] = itemsOf(run).map((o) => o.json);
		expect(out).toMatchObject({ code: 'FAIL' });
		expect(String(out.error)).toMatch(/gateway refused/);
		expect(out.status).toBeUndefined();
		expect(reqs('sendmsg')).toHaveLength(1);
	});
});

describe('credential test: the configured Admin User ID', () => {
	const cred = new TencentChatApi();

	/** n8n's CredentialsTester: resolve the test request's expressions against the credential, authenticate, send, apply the rules. */
	async function runCredentialTest(creds: Record<string, unknown>) {
		const wf = new Workflow({
			nodes: [{ id: 's', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} }],
			connections: {},
			active: false,
			nodeTypes: {
				getByName: () => new ManualTrigger(),
				getByNameAndVersion: () => new ManualTrigger(),
				getKnownTypes: () => ({}),
			} as any,
		});
		const resolved = wf.expression.getParameterValue(cred.test.request as any, null, 0, 0, 'Start', [], 'manual', { $credentials: creds } as any) as unknown as IHttpRequestOptions;
		const signed = await cred.authenticate(creds as any, { ...resolved });
		const url = new URL(signed.url);
		for (const [k, v] of Object.entries(signed.qs ?? {})) url.searchParams.set(k, String(v));
		const res = await fetch(url, { method: 'POST', headers: signed.headers as Record<string, string>, body: signed.body as string });
		const json = await res.json();
		for (const rule of cred.test.rules ?? []) {
			if (rule.type !== 'responseSuccessBody') continue;
			const value = rule.properties.key.split(/[.[\]]+/).filter(Boolean).reduce((o: any, k) => o?.[k], json);
			if (value === rule.properties.value) return { status: 'Error', message: rule.properties.message };
		}
		return { status: 'OK' };
	}

	test('an app whose admin is "ops_admin": the probe checks ops_admin, signed for ops_admin', async () => {
		sb.configure({ tencent: { apps: { [String(SANDBOX_TENCENT.sdkAppId)]: { key: SANDBOX_TENCENT.secretKey, admins: ['ops_admin'] } } } });
		expect(await runCredentialTest(tencentCredentials(sb.url, { adminUserId: 'ops_admin' }))).toEqual({ status: 'OK' });
		const [r] = reqs('account_check');
		expect(r.identifier).toBe('ops_admin');
		expect(r.body!.CheckItem).toEqual([{ UserID: 'ops_admin' }]);
	});

	test('a configured Admin User ID that is not an app admin fails clearly', async () => {
		sb.configure({ tencent: { apps: { [String(SANDBOX_TENCENT.sdkAppId)]: { key: SANDBOX_TENCENT.secretKey, admins: ['ops_admin'] } } } });
		expect(await runCredentialTest(tencentCredentials(sb.url, { adminUserId: ADMIN }))).toEqual({
			status: 'Error',
			message: 'The Admin User ID is not an app administrator',
		});
	});
});
