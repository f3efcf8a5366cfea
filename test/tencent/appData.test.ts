/* eslint-disable */
// Tencent Chat → App Data (Operations Management): Get App Usage (getappinfo), Get Message Logs (get_history), Get Server
// IPs (ConfigSvc/GetIPList); Chatbot: Create, Delete, Get Many (openim_robot_http_svc/*); Account →
// Log Out (im_open_login_svc/kick). Real n8n engine against the sandbox.
if (!process.env.N8N_LOG_LEVEL) process.env.N8N_LOG_LEVEL = 'silent';
import { ids, indexes, pairs } from './suite';
import { userSuite } from './userSuite';

const { sandbox, run, json, calls, expectRefused } = userSuite();

const hourAgo = () => {
	const d = new Date(Date.now() - 3_600_000);
	return `${d.getUTCFullYear()}${String(d.getUTCMonth() + 1).padStart(2, '0')}${String(d.getUTCDate()).padStart(2, '0')}${String(d.getUTCHours()).padStart(2, '0')}`;
};

describe('Operations', () => {
	test('Get App Usage: the fields asked for, one item per day, camelCase keys', async () => {
		sandbox().seedTencentAccounts(ids('u', 3));
		const r = await run({ resource: 'appData', operation: 'getAppInfo', requestFields: ['APNSMsgNum', 'RegistUserNumTotal', 'Date'] });
		expect(calls('openconfigsvr/getappinfo')[0].body).toEqual({ RequestField: ['APNSMsgNum', 'RegistUserNumTotal', 'Date'] });
		const out = json(r);
		expect(out).toHaveLength(30);
		expect(Object.keys(out[0]).sort()).toEqual(['apnsMsgNum', 'date', 'registUserNumTotal']);
		expect(Number(out[0].registUserNumTotal)).toBeGreaterThanOrEqual(3);
		const allFields = await run({ resource: 'appData', operation: 'getAppInfo' });
		expect(calls('openconfigsvr/getappinfo')[1].body).toEqual({});
		expect(json(allFields)[0]).toHaveProperty('groupAllGroupNum');
	});

	test('Get Message Logs: one item per file; an hour outside the 7 days has none', async () => {
		const h = hourAgo();
		const r = await run({ resource: 'appData', operation: 'getHistory', chatType: 'Group', msgTime: h });
		expect(calls('open_msg_svc/get_history')[0].body).toEqual({ ChatType: 'Group', MsgTime: h });
		expect(json(r)[0]).toMatchObject({ chatType: 'Group', msgTime: h, url: expect.stringContaining('.gz'), gzipSize: 512 });
		const old = await run({ resource: 'appData', operation: 'getHistory', chatType: 'C2C', msgTime: '2020010100' });
		expect(json(old)).toEqual([]);
	});

	test('Get Message Logs: a bad hour is refused before sending', async () => {
		await expectRefused({ resource: 'appData', operation: 'getHistory', chatType: 'C2C', msgTime: '2026-12-01 21:00' }, 'Hour', /YYYYMMDDHH/);
		await expectRefused({ resource: 'appData', operation: 'getHistory', chatType: 'C2C', msgTime: '2026121324' }, 'Hour');
	});

	test('Get Server IPs (ConfigSvc/GetIPList, capitals kept in the path)', async () => {
		const r = await run({ resource: 'appData', operation: 'getIpList' });
		expect(calls('ConfigSvc/GetIPList').map((c) => c.body)).toEqual([{}]);
		expect(json(r)[0]).toMatchObject({ ipList: ['203.0.113.0/24', '198.51.100.7'], requestId: expect.any(String) });
	});

	test('a vendor error with continue-on-fail becomes an error item (scripted 60003)', async () => {
		sandbox().configure({ tencent: { scripted: [{ path: 'open_msg_svc/get_history', times: 1, code: 60003 }] } });
		const r = await run(
			{ resource: 'appData', operation: 'getHistory', chatType: 'C2C', msgTime: '={{ $json.h }}' },
			{ items: [{ h: hourAgo() }, { h: hourAgo() }], continueOnFail: true },
		);
		expect(json(r).map((o) => o.code ?? o.chatType)).toEqual(['60003', 'C2C']);
		expect(pairs(r)).toEqual(indexes(2));
	});
});

describe('Chatbot', () => {
	test('create (prefix added), list, delete; deleting again fails (70107) — error item with continue-on-fail', async () => {
		const c = await run({ resource: 'chatbot', operation: 'create', chatbot: 'support', additionalFields: { nick: 'Support Bot', signature: 'Ask me' } });
		expect(calls('create_robot')[0].body).toEqual({ UserID: '@RBT#support', Nick: 'Support Bot', SelfSignature: 'Ask me' });
		expect(json(c)[0]).toMatchObject({ chatbot: '@RBT#support', status: 'created' });
		await run({ resource: 'chatbot', operation: 'create', chatbot: '@RBT#sales' });
		const list = await run({ resource: 'chatbot', operation: 'getMany' });
		expect(json(list).map((o) => o.chatbot)).toEqual(['@RBT#support', '@RBT#sales']);
		expect(calls('get_all_robots')[0].body).toEqual({});
		const del = await run(
			{ resource: 'chatbot', operation: 'delete', chatbot: '={{ $json.c }}' },
			{ items: [{ c: '@RBT#sales' }, { c: '@RBT#sales' }], continueOnFail: true },
		);
		expect(json(del).map((o) => o.status ?? o.code)).toEqual(['deleted', '70107']);
		expect(calls('delete_robot')[0].body).toEqual({ Robot_Account: '@RBT#sales' });
		const off = await run({ resource: 'chatbot', operation: 'delete', chatbot: 'nobot' });
		expect(off.data.resultData.error!.message).toMatch(/^Tencent Chat error 70107/);
	});

	test('the 21st chatbot is refused by Tencent (70398)', async () => {
		for (const id of ids('b', 20)) await run({ resource: 'chatbot', operation: 'create', chatbot: id });
		const r = await run({ resource: 'chatbot', operation: 'create', chatbot: 'one_more' });
		expect(r.data.resultData.error!.message).toMatch(/^Tencent Chat error 70398/);
	});

	test('bad chatbot input never leaves', async () => {
		await expectRefused({ resource: 'chatbot', operation: 'create', chatbot: 'x', additionalFields: { signature: 's'.repeat(501) } }, 'Signature', /500 bytes/);
		await expectRefused({ resource: 'chatbot', operation: 'create', chatbot: 'x'.repeat(30) }, 'Chatbot User ID', /32 bytes/);
	});
});

describe('Account → Log Out (kick)', () => {
	test('the user is logged out everywhere; an unknown user is an error item with continue-on-fail', async () => {
		sandbox().seedTencentAccounts(['alice']);
		sandbox().seedTencentOnline('alice', 'Online');
		const r = await run(
			{ resource: 'account', operation: 'kick', account: '={{ $json.a }}' },
			{ items: [{ a: 'alice' }, { a: 'ghost' }], continueOnFail: true },
		);
		expect(calls('im_open_login_svc/kick')[0].body).toEqual({ UserID: 'alice' });
		expect(json(r).map((o) => o.status ?? o.code)).toEqual(['loggedOut', '70107']);
		expect(sandbox().state.tencent.online.has('alice')).toBe(false);
		const off = await run({ resource: 'account', operation: 'kick', account: 'ghost' });
		expect(off.data.resultData.error!.message).toMatch(/^Tencent Chat error 70107/);
	});
});
