/* eslint-disable */
// Every user-management, app-data and chatbot operation: a vendor error on one item with
// continue-on-fail becomes that item's error item (the vendor code, paired to its input) while the
// other item goes through; without continue-on-fail the run fails with the vendor's code.
// Relationship calls of an unknown From_Account fail in the sandbox with 30003; the others get a
// scripted vendor answer for the first call.
if (!process.env.N8N_LOG_LEVEL) process.env.N8N_LOG_LEVEL = 'silent';
import type { IDataObject } from 'n8n-workflow';
import { indexes, pairs } from './suite';
import { userSuite } from './userSuite';

const { sandbox, run, json } = userSuite();

const pair = (resource: string, operation: string, extra: IDataObject = {}) => ({
	params: { resource, operation, account: '={{ $json.u }}', otherAccount: 'x', ...extra },
	items: [{ u: 'ghost' }, { u: 'me' }],
	code: '30003',
});
const scripted = (path: string, code: number, params: IDataObject, items: Array<IDataObject> = [{}, {}], only?: string) => ({
	params,
	items,
	code: String(code),
	path,
	only,
});

const cases: Array<[string, { params: IDataObject; items: Array<IDataObject>; code: string; path?: string; only?: string }]> = [
	['friend add', pair('friend', 'add', { addSource: 'Web', options: { force: true } })],
	['friend import', pair('friend', 'import', { addSource: 'Web' })],
	['friend update', pair('friend', 'update', { updateFields: { remark: 'r' } })],
	['friend delete', pair('friend', 'delete')],
	['friend delete all', pair('friend', 'deleteAll')],
	['friend check', pair('friend', 'check')],
	['friend get', pair('friend', 'get')],
	['friend get many', pair('friend', 'getMany', { returnAll: true })],
	['blocklist add', pair('blocklist', 'add')],
	['blocklist delete', pair('blocklist', 'delete')],
	['blocklist check', pair('blocklist', 'check')],
	['blocklist get many', pair('blocklist', 'getMany', { returnAll: true })],
	['friend list add', pair('friendList', 'add', { listNames: '={{ "L" + $itemIndex }}' })],
	['friend list delete', scripted('sns/group_delete', 30001, { resource: 'friendList', operation: 'delete', account: 'me', listNames: 'L' })],
	['friend list get', pair('friendList', 'get')],
	// Batch Size 1: each user its own call, and only the call naming "ghost" is refused.
	[
		'profile get',
		scripted(
			'profile/portrait_get',
			40006,
			{ resource: 'profile', operation: 'get', account: '={{ $json.u }}', options: { batchSize: 1 } },
			[{ u: 'ghost' }, { u: 'me' }],
			'ghost',
		),
	],
	['profile set', { ...pair('profile', 'set', { profileFields: { nickname: 'n' } }), code: '40003' }],
	[
		'account log out',
		scripted('im_open_login_svc/kick', 70402, { resource: 'account', operation: 'kick', account: '={{ $json.u }}' }, [{ u: 'me' }, { u: 'me' }]),
	],
	['app usage', scripted('openconfigsvr/getappinfo', 60003, { resource: 'appData', operation: 'getAppInfo' })],
	['message logs', scripted('open_msg_svc/get_history', 60003, { resource: 'appData', operation: 'getHistory', chatType: 'C2C', msgTime: '2020010100' })],
	['server IPs', scripted('ConfigSvc/GetIPList', 60003, { resource: 'appData', operation: 'getIpList' })],
	['chatbot create', scripted('openim_robot_http_svc/create_robot', 70402, { resource: 'chatbot', operation: 'create', chatbot: '={{ "b" + $itemIndex }}' })],
	['chatbot delete', scripted('openim_robot_http_svc/delete_robot', 70107, { resource: 'chatbot', operation: 'delete', chatbot: 'keep' })],
	['chatbot get many', scripted('openim_robot_http_svc/get_all_robots', 60003, { resource: 'chatbot', operation: 'getMany' })],
];

beforeEach(async () => {
	sandbox().seedTencentAccounts(['me', 'x']);
	// What the second item needs to go through: a friend, a friend list, a chatbot.
	await run({ resource: 'friend', operation: 'add', account: 'me', otherAccount: 'x', addSource: 'Web', options: { force: true } });
	await run({ resource: 'friendList', operation: 'add', account: 'me', listNames: 'L' });
	await run({ resource: 'chatbot', operation: 'create', chatbot: 'keep' });
});

test.each(cases)('%s: error item with continue-on-fail, run error without', async (_name, c) => {
	const script = () => {
		if (c.path)
			sandbox().configure({
				tencent: { logBodies: true, scripted: [{ path: c.path, times: 1, code: Number(c.code), ...(c.only ? { bodyIncludes: c.only } : {}) }] },
			});
	};
	script();
	const on = await run(c.params, { items: c.items, continueOnFail: true });
	const out = json(on);
	expect(out[0].code).toBe(c.code);
	expect(out.slice(1).every((o: any) => o.code === undefined)).toBe(true);
	expect(pairs(on).slice(0, 1)).toEqual(indexes(1));
	script();
	const off = await run(c.params, { items: c.items.slice(0, 1) });
	expect(off.data.resultData.error!.message).toMatch(new RegExp(`^Tencent Chat error ${c.code}`));
});
