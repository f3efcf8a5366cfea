/* eslint-disable */
// The Tencent Cloud Chat half of the sandbox, driven with raw HTTP requests (tencent-chat.md §1–§6).
import { createHmac } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import { SANDBOX_TENCENT } from '../../sandbox/demo-credentials';
import { startSandbox, type RtcSandbox } from '../../sandbox/server';

let sb: RtcSandbox;
let clock: number;
beforeAll(async () => {
	sb = await startSandbox();
});
afterAll(() => sb.close());
beforeEach(() => {
	sb.reset();
	clock = Date.UTC(2025, 0, 1, 12, 0, 0);
	jest.spyOn(sb, 'now').mockImplementation(() => clock);
});
afterEach(() => jest.restoreAllMocks());

const APP = SANDBOX_TENCENT.sdkAppId;
const KEY = SANDBOX_TENCENT.secretKey;
const ADMIN = SANDBOX_TENCENT.adminUserId;
const nowSec = () => Math.floor(clock / 1000);

/** UserSig v2 (§2.2): HMAC-SHA256 over the line string, JSON, zlib, Base64 with * - _. */
function genUserSig(key: string, sdkappid: number, identifier: string, time: number, expire = 86400): string {
	const content = `TLS.identifier:${identifier}\nTLS.sdkappid:${sdkappid}\nTLS.time:${time}\nTLS.expire:${expire}\n`;
	const sig = createHmac('sha256', key).update(content).digest('base64');
	const json = JSON.stringify({ 'TLS.ver': '2.0', 'TLS.identifier': identifier, 'TLS.sdkappid': sdkappid, 'TLS.time': time, 'TLS.expire': expire, 'TLS.sig': sig });
	return deflateSync(Buffer.from(json)).toString('base64').replace(/\+/g, '*').replace(/\//g, '-').replace(/=/g, '_');
}

interface CallOpts {
	sdkappid?: number | string;
	identifier?: string;
	usersig?: string;
	key?: string;
	sigAppId?: number;
	sigIdentifier?: string;
	time?: number;
	expire?: number;
	method?: string;
	query?: string;
}

async function call(path: string, body: unknown, o: CallOpts = {}): Promise<any> {
	const sdkappid = o.sdkappid ?? APP;
	const identifier = o.identifier ?? ADMIN;
	const usersig =
		o.usersig ?? genUserSig(o.key ?? KEY, o.sigAppId ?? Number(sdkappid), o.sigIdentifier ?? identifier, o.time ?? nowSec(), o.expire ?? 86400);
	const query = o.query ?? `sdkappid=${sdkappid}&identifier=${encodeURIComponent(identifier)}&usersig=${usersig}&random=${Math.floor(Math.random() * 4294967295)}&contenttype=json`;
	const res = await fetch(`${sb.url}/v4/${path}?${query}`, {
		method: o.method ?? 'POST',
		headers: { 'content-type': 'application/json' },
		body: (o.method ?? 'POST') === 'POST' ? (typeof body === 'string' ? body : JSON.stringify(body)) : undefined,
	});
	expect(res.status).toBe(200); // §1.3: always 200
	const out = (await res.json()) as any;
	expect(out.RequestId).toMatch(/^sandbox-/);
	return out;
}

const text = (t: string) => [{ MsgType: 'TIMTextElem', MsgContent: { Text: t } }];
const c2c = () => sb.state.tencent.c2c;

describe('envelope, routing and UserSig (§1, §2)', () => {
	test('a valid call answers OK with the envelope and endpoint fields at the top level', async () => {
		const out = await call('im_open_login_svc/account_check', { CheckItem: [{ UserID: ADMIN }, { UserID: 'nobody' }] });
		expect(out).toMatchObject({ ActionStatus: 'OK', ErrorCode: 0, ErrorInfo: '' });
		expect(out.ResultItem).toEqual([
			{ UserID: ADMIN, ResultCode: 0, ResultInfo: '', AccountStatus: 'Imported' },
			{ UserID: 'nobody', ResultCode: 0, ResultInfo: '', AccountStatus: 'NotImported' },
		]);
	});

	test('the spec test vector A decodes and verifies (§2.5)', async () => {
		sb.configure({ tencent: { apps: { '1400000000': { key: '5bd2850fff3ecb11d7c805251c51ee463a25727bddc2385f3fa8bfee1bb93b5e', admins: ['administrator'] } } } });
		clock = 1700000100 * 1000;
		const usersig =
			'eJyrVgrxCdYrSy1SslIy0jNQ0gHzM1NS80oy0zLBwokpuZl5mcUlRYkl*UVQBcUp2YkFBZkpSlaGJgZQAJEpycxNVbIyNEcVTa0oyCwCiZuamhrBRYsz05WslLycqyoS89ws-EJCIhJLTXK1jTIsy8vM0yO98ir9sotzDSpyDf1cI0KNzE1slWoBQr40pw__';
		const out = await call('im_open_login_svc/account_check', { CheckItem: [{ UserID: 'administrator' }] }, { sdkappid: 1400000000, usersig });
		expect(out.ErrorCode).toBe(0);
	});

	test('wrong key 70009, wrong identifier 70013, wrong sdkappid 70014, garbage 70003, unknown app 70020', async () => {
		const body = { CheckItem: [{ UserID: ADMIN }] };
		const path = 'im_open_login_svc/account_check';
		expect((await call(path, body, { key: 'f'.repeat(64) })).ErrorCode).toBe(70009);
		expect((await call(path, body, { sigIdentifier: 'someone_else' })).ErrorCode).toBe(70013);
		expect((await call(path, body, { sigAppId: 1400000001 })).ErrorCode).toBe(70014);
		expect((await call(path, body, { usersig: 'not*a*sig' })).ErrorCode).toBe(70003);
		expect((await call(path, body, { sdkappid: 1400999999 })).ErrorCode).toBe(70020);
		const fail = await call(path, body, { key: 'f'.repeat(64) });
		expect(fail).toMatchObject({ ActionStatus: 'FAIL', ErrorCode: 70009 });
	});

	test('expired: now > time + expire → 70001; userSigNotBefore forces a regeneration', async () => {
		const path = 'im_open_login_svc/account_check';
		const body = { CheckItem: [{ UserID: ADMIN }] };
		expect((await call(path, body, { time: nowSec() - 100, expire: 100 })).ErrorCode).toBe(0); // now == time + expire: still valid
		expect((await call(path, body, { time: nowSec() - 101, expire: 100 })).ErrorCode).toBe(70001);
		sb.configure({ tencent: { userSigNotBefore: nowSec() } });
		expect((await call(path, body, { time: nowSec() - 5 })).ErrorCode).toBe(70001);
		expect((await call(path, body, { time: nowSec() })).ErrorCode).toBe(0);
	});

	test('identifier that is not an app admin: 60010 / 90009 / 10007 by service family', async () => {
		sb.seedTencentAccounts(['alice']);
		expect((await call('im_open_login_svc/account_check', { CheckItem: [{ UserID: 'alice' }] }, { identifier: 'alice' })).ErrorCode).toBe(60010);
		expect((await call('openim/sendmsg', { To_Account: ADMIN, MsgRandom: 1, MsgBody: text('x') }, { identifier: 'alice' })).ErrorCode).toBe(90009);
		expect((await call('group_open_http_svc/send_broadcast_msg', { Random: 1, MsgBody: text('x') }, { identifier: 'alice' })).ErrorCode).toBe(10007);
		expect((await call('all_member_push/im_get_attr_name', {}, { identifier: 'alice' })).ErrorCode).toBe(90009);
	});

	test('URL and body errors: 60009, 60002, 60012, 60025, bad JSON per family', async () => {
		expect((await call('openim/nosuchcommand', {})).ErrorCode).toBe(60009);
		expect((await call('im_open_login_svc/account_check', undefined, { method: 'GET' })).ErrorCode).toBe(60002);
		const sig = genUserSig(KEY, APP, ADMIN, nowSec());
		expect((await call('openim/sendmsg', {}, { query: `identifier=${ADMIN}&usersig=${sig}&random=1&contenttype=json` })).ErrorCode).toBe(60012);
		expect((await call('openim/sendmsg', {}, { query: `sdkappid=${APP}&identifier=${ADMIN}&usersig=${sig}&random=1&contenttype=xml` })).ErrorCode).toBe(60025);
		expect((await call('openim/sendmsg', {}, { query: `sdkappid=${APP}&identifier=${ADMIN}&usersig=${sig}&contenttype=json` })).ErrorCode).toBe(60002);
		expect((await call('openim/sendmsg', '{nope')).ErrorCode).toBe(90001);
		expect((await call('group_open_http_svc/send_group_msg', '[]')).ErrorCode).toBe(10011);
		expect((await call('im_open_login_svc/account_check', '')).ErrorCode).toBe(60003);
		expect(sb.snapshot().tencent).toMatchObject({ rejected: expect.arrayContaining([{ path: 'openim/nosuchcommand', code: 60009 }]) });
	});
});

describe('one-to-one messages (§4.1–§4.3)', () => {
	beforeEach(() => sb.seedTencentAccounts(['bob', 'carol']));

	test('sendmsg validates fields vendor-style', async () => {
		const ok = { To_Account: 'bob', MsgRandom: 5, MsgBody: text('hi') };
		expect((await call('openim/sendmsg', { ...ok, To_Account: 'ghost' })).ErrorCode).toBe(20003);
		expect((await call('openim/sendmsg', { ...ok, To_Account: undefined })).ErrorCode).toBe(90003);
		expect((await call('openim/sendmsg', { ...ok, From_Account: 'ghost' })).ErrorCode).toBe(90008);
		expect((await call('openim/sendmsg', { ...ok, MsgRandom: undefined })).ErrorCode).toBe(90005);
		expect((await call('openim/sendmsg', { ...ok, MsgRandom: 'x' })).ErrorCode).toBe(90005);
		expect((await call('openim/sendmsg', { ...ok, MsgBody: {} })).ErrorCode).toBe(90007);
		expect((await call('openim/sendmsg', { ...ok, MsgBody: [{ MsgType: 'TIMNopeElem', MsgContent: {} }] })).ErrorCode).toBe(90002);
		const custom = { MsgType: 'TIMCustomElem', MsgContent: { Data: 'x' } };
		expect((await call('openim/sendmsg', { ...ok, MsgBody: [custom, custom] })).ErrorCode).toBe(90002);
		expect((await call('openim/sendmsg', { ...ok, MsgLifeTime: 604801 })).ErrorCode).toBe(90026);
		expect((await call('openim/sendmsg', { ...ok, MsgBody: text('x'.repeat(13000)) })).ErrorCode).toBe(80002);
		expect(c2c()).toHaveLength(0);
		const out = await call('openim/sendmsg', { ...ok, From_Account: 'carol', MsgSeq: 77 });
		expect(out).toMatchObject({ ErrorCode: 0, MsgTime: nowSec(), MsgKey: `77_5_${nowSec()}` });
		expect(c2c()[0]).toMatchObject({ from: 'carol', to: 'bob', msgKey: out.MsgKey, via: 'sendmsg', recalled: false });
	});

	test('sendmsg de-dup: same sender + MsgSeq + MsgRandom + content within 120 s is delivered once', async () => {
		const events: unknown[] = [];
		sb.on('tencent.message', (e) => events.push(e));
		const msg = { To_Account: 'bob', MsgSeq: 10, MsgRandom: 99, MsgBody: text('hello') };
		const first = await call('openim/sendmsg', msg);
		clock += 60_000;
		const again = await call('openim/sendmsg', msg);
		expect(again).toMatchObject({ ErrorCode: 0, MsgKey: first.MsgKey, MsgTime: first.MsgTime });
		expect(c2c()).toHaveLength(1);
		// different content: a new message
		await call('openim/sendmsg', { ...msg, MsgBody: text('other') });
		expect(c2c()).toHaveLength(2);
		// window over (> 120 s after the first): delivered again
		clock += 61_000;
		const later = await call('openim/sendmsg', msg);
		expect(later.MsgKey).not.toBe(first.MsgKey);
		expect(c2c()).toHaveLength(3);
		// without MsgSeq a retry is not de-duplicated (§3.4)
		await call('openim/sendmsg', { To_Account: 'bob', MsgRandom: 1, MsgBody: text('r') });
		await call('openim/sendmsg', { To_Account: 'bob', MsgRandom: 1, MsgBody: text('r') });
		expect(c2c()).toHaveLength(5);
		expect(events).toHaveLength(5);
		sb.removeAllListeners('tencent.message');
	});

	// Changed for issue 11: a never-imported account ("ghost") gets no ErrorList entry, as on the vendor
	// (only failAccounts are listed); batchReportsUnknownAccounts brings back the old behaviour.
	test('batchsendmsg: > 500 → 90011, not array 90028, empty 90029; ErrorList for failAccounts, none for unknown; one MsgKey', async () => {
		const many = Array.from({ length: 501 }, (_, i) => `u${i}`);
		expect((await call('openim/batchsendmsg', { To_Account: many, MsgRandom: 1, MsgBody: text('x') })).ErrorCode).toBe(90011);
		expect((await call('openim/batchsendmsg', { To_Account: 'bob', MsgRandom: 1, MsgBody: text('x') })).ErrorCode).toBe(90028);
		expect((await call('openim/batchsendmsg', { To_Account: [], MsgRandom: 1, MsgBody: text('x') })).ErrorCode).toBe(90029);
		sb.configure({ tencent: { failAccounts: ['carol'] } });
		const out = await call('openim/batchsendmsg', { To_Account: ['bob', 'ghost', 'carol'], MsgSeq: 3, MsgRandom: 4, MsgBody: text('x') });
		expect(out.ErrorCode).toBe(0);
		expect(out.ActionStatus).toBe('OK');
		expect(out.ErrorList).toEqual([{ To_Account: 'carol', ErrorCode: 20003 }]);
		expect(out.MsgKey).toBe(`3_4_${nowSec()}`);
		expect(c2c().map((m) => [m.to, m.msgKey, m.via])).toEqual([['bob', out.MsgKey, 'batchsendmsg']]);
		// retry after carol is fixed: bob is a duplicate, carol gets it, the batch keeps its MsgKey
		sb.configure({ tencent: { failAccounts: [] } });
		clock += 5000;
		const retry = await call('openim/batchsendmsg', { To_Account: ['bob', 'carol'], MsgSeq: 3, MsgRandom: 4, MsgBody: text('x') });
		expect(retry.MsgKey).toBe(out.MsgKey);
		expect(retry.ErrorList).toBeUndefined();
		expect(c2c().map((m) => m.to)).toEqual(['bob', 'carol']);
	});

	test('admin_msgwithdraw: recall, 20023 already recalled, 20022 not found, 90054 bad key', async () => {
		const { MsgKey } = await call('openim/sendmsg', { To_Account: 'bob', MsgRandom: 8, MsgBody: text('oops') });
		const w = { From_Account: ADMIN, To_Account: 'bob', MsgKey };
		expect((await call('openim/admin_msgwithdraw', w)).ErrorCode).toBe(0);
		expect(c2c()[0].recalled).toBe(true);
		expect((await call('openim/admin_msgwithdraw', w)).ErrorCode).toBe(20023);
		expect((await call('openim/admin_msgwithdraw', { ...w, To_Account: 'carol' })).ErrorCode).toBe(20022);
		expect((await call('openim/admin_msgwithdraw', { ...w, MsgKey: 'garbage' })).ErrorCode).toBe(90054);
	});
});

describe('groups (§4.4–§4.7, §6.1)', () => {
	test('create_group + send_group_msg: MsgSeq from 1; same Random within 5 min dropped', async () => {
		const created = await call('group_open_http_svc/create_group', { Type: 'Public', Name: 'room', GroupId: 'g1' });
		expect(created).toMatchObject({ ErrorCode: 0, GroupId: 'g1' });
		expect((await call('group_open_http_svc/create_group', { Type: 'Public', Name: 'room', GroupId: 'g1' })).ErrorCode).toBe(10021);
		expect((await call('group_open_http_svc/send_group_msg', { GroupId: 'nope', Random: 1, MsgBody: text('x') })).ErrorCode).toBe(10010);
		expect((await call('group_open_http_svc/send_group_msg', { GroupId: 'g1', MsgBody: text('x') })).ErrorCode).toBe(10004);
		const a = await call('group_open_http_svc/send_group_msg', { GroupId: 'g1', Random: 7, MsgBody: text('one') });
		expect(a).toMatchObject({ ErrorCode: 0, MsgSeq: 1, MsgTime: nowSec() });
		clock += 4 * 60_000;
		const dup = await call('group_open_http_svc/send_group_msg', { GroupId: 'g1', Random: 7, MsgBody: text('one') });
		expect(dup).toMatchObject({ ErrorCode: 0, MsgSeq: 1, MsgTime: a.MsgTime });
		const b = await call('group_open_http_svc/send_group_msg', { GroupId: 'g1', Random: 8, MsgBody: text('two') });
		expect(b.MsgSeq).toBe(2);
		clock += 61_000; // 5 min 1 s after the first
		const c = await call('group_open_http_svc/send_group_msg', { GroupId: 'g1', Random: 7, MsgBody: text('one') });
		expect(c.MsgSeq).toBe(3);
		expect(sb.state.tencent.groups.get('g1')!.messages.map((m) => m.msgSeq)).toEqual([1, 2, 3]);
	});

	test('send_broadcast_msg: one message into every AVChatRoom, de-duplicated by Random + content', async () => {
		sb.seedTencentGroup({ groupId: 'av1', type: 'AVChatRoom' });
		sb.seedTencentGroup({ groupId: 'av2', type: 'AVChatRoom' });
		sb.seedTencentGroup({ groupId: 'pub', type: 'Public', members: ['dave'] });
		await call('group_open_http_svc/send_group_msg', { GroupId: 'av2', Random: 1, MsgBody: text('earlier') });
		const out = await call('group_open_http_svc/send_broadcast_msg', { Random: 42, MsgBody: text('live!') });
		expect(out).toMatchObject({ ErrorCode: 0, MsgSeq: 1 });
		const g = (id: string) => sb.state.tencent.groups.get(id)!;
		expect(g('av1').messages).toMatchObject([{ msgSeq: 1, via: 'send_broadcast_msg', random: 42 }]);
		expect(g('av2').messages.map((m) => m.msgSeq)).toEqual([1, 2]);
		expect(g('pub').messages).toHaveLength(0);
		expect(sb.state.tencent.broadcasts[0].groups).toEqual([
			{ groupId: 'av1', msgSeq: 1 },
			{ groupId: 'av2', msgSeq: 2 },
		]);
		clock += 2000;
		const dup = await call('group_open_http_svc/send_broadcast_msg', { Random: 42, MsgBody: text('live!') });
		expect(dup).toMatchObject({ ErrorCode: 0, MsgSeq: 1 });
		expect(sb.state.tencent.broadcasts).toHaveLength(1);
		expect(g('av1').messages).toHaveLength(1);
		clock += 2000;
		const other = await call('group_open_http_svc/send_broadcast_msg', { Random: 42, MsgBody: text('different') });
		expect(other.MsgSeq).toBe(2);
		expect(g('av1').messages).toHaveLength(2);
		expect((await call('group_open_http_svc/send_broadcast_msg', { Random: 43, MsgBody: text('x'.repeat(12001)) })).ErrorCode).toBe(10004);
	});

	test('group_msg_recall: > 10 entries → 10004; per-entry RetCode 0 / 10030', async () => {
		sb.seedTencentGroup({ groupId: 'g', type: 'Private', members: ['erin'] });
		await call('group_open_http_svc/send_group_msg', { GroupId: 'g', Random: 1, MsgBody: text('x'), From_Account: 'erin' });
		const eleven = Array.from({ length: 11 }, (_, i) => ({ MsgSeq: i + 1 }));
		expect((await call('group_open_http_svc/group_msg_recall', { GroupId: 'g', MsgSeqList: eleven })).ErrorCode).toBe(10004);
		const out = await call('group_open_http_svc/group_msg_recall', { GroupId: 'g', MsgSeqList: [{ MsgSeq: 1 }, { MsgSeq: 9 }] });
		expect(out.RecallRetList).toEqual([
			{ MsgSeq: 1, RetCode: 0 },
			{ MsgSeq: 9, RetCode: 10030 },
		]);
		expect(sb.state.tencent.groups.get('g')!.messages[0].recalled).toBe(true);
	});

	test('send_group_system_notification is recorded; > 500 recipients refused', async () => {
		sb.seedTencentGroup({ groupId: 'g', type: 'Public', members: ['x1', 'x2'] });
		expect((await call('group_open_http_svc/send_group_system_notification', { GroupId: 'g' })).ErrorCode).toBe(10004);
		expect((await call('group_open_http_svc/send_group_system_notification', { GroupId: 'g', Content: 'c', ToMembers_Account: Array(501).fill('x1') })).ErrorCode).toBe(10005);
		const out = await call('group_open_http_svc/send_group_system_notification', { GroupId: 'g', Content: 'hello', ToMembers_Account: ['x1'] });
		expect(Object.keys(out).sort()).toEqual(['ActionStatus', 'ErrorCode', 'ErrorInfo', 'RequestId']);
		expect(sb.state.tencent.groups.get('g')!.notifications).toMatchObject([{ content: 'hello', toMembers: ['x1'] }]);
	});
});

describe('all-member push (§4.8–§4.11)', () => {
	const push = (extra: Record<string, unknown> = {}) => call('all_member_push/im_push', { MsgRandom: 1, MsgBody: text('news'), ...extra });

	test('condition rules: 90032, 90039, 90022, 90040, 90020, 90033', async () => {
		const tags = Array.from({ length: 11 }, (_, i) => `t${i}`);
		expect((await push({ Condition: { TagsOr: tags } })).ErrorCode).toBe(90032);
		expect((await push({ Condition: { TagsOr: ['a'], AttrsOr: { sex: 'm' } } })).ErrorCode).toBe(90039);
		expect((await push({ Condition: { TagsOr: ['a', 'b'], TagsAnd: ['b'] } })).ErrorCode).toBe(90022);
		expect((await push({ Condition: { TagsAnd: [''] } })).ErrorCode).toBe(90040);
		expect((await push({ Condition: { TagsAnd: ['x'.repeat(51)] } })).ErrorCode).toBe(90020);
		expect((await push({ Condition: { AttrsAnd: { sex: 'm' } } })).ErrorCode).toBe(90033);
		expect((await push({ MsgRandom: undefined })).ErrorCode).toBe(90005);
		expect((await push({ Big: 'x'.repeat(10 * 1024) })).ErrorCode).toBe(90056);
		expect(sb.state.tencent.pushes).toHaveLength(0);
	});

	test('recipients by tag / attribute; > 1 push per second → 90024; same MsgRandom → same TaskId', async () => {
		sb.seedTencentAccounts(['u1', 'u2', 'u3']);
		expect((await call('all_member_push/im_set_attr_name', { AttrNames: { '0': 'sex', '1': 'city' } })).ErrorCode).toBe(0);
		expect((await call('all_member_push/im_get_attr_name', {})).AttrNames).toEqual({ '0': 'sex', '1': 'city' });
		const setAttr = await call('all_member_push/im_set_attr', {
			UserAttrs: [
				{ To_Account: 'u1', Attrs: { sex: 'f', city: 'sz' } },
				{ To_Account: 'u2', Attrs: { sex: 'm' } },
				{ To_Account: 'ghost', Attrs: { sex: 'm' } },
			],
		});
		expect(setAttr).toMatchObject({ ErrorCode: 0, ErrorList: [{ To_Account: 'ghost', ErrorCode: 70107 }] });
		expect((await call('all_member_push/im_set_attr', { UserAttrs: [{ To_Account: 'u1', Attrs: { age: '3' } }] })).ErrorCode).toBe(90033);
		expect((await call('all_member_push/im_add_tag', { UserTags: [{ To_Account: 'u3', Tags: ['vip', 'beta'] }] })).ErrorCode).toBe(0);
		expect((await call('all_member_push/im_add_tag', { UserTags: [{ To_Account: 'u3', Tags: Array(11).fill('t') }] })).ErrorCode).toBe(90032);
		expect((await call('all_member_push/im_get_tag', { To_Account: ['u3', 'nobody'] }))).toMatchObject({
			UserTags: [{ To_Account: 'u3', Tags: ['vip', 'beta'] }],
			ErrorList: [{ To_Account: 'nobody', ErrorCode: 70107 }],
		});
		expect((await call('all_member_push/im_get_attr', { To_Account: Array(101).fill('u1') })).ErrorCode).toBe(90018);

		const a = await push({ MsgRandom: 100, Condition: { AttrsOr: { sex: 'f', city: 'bj' } } });
		expect(a.ErrorCode).toBe(0);
		expect(typeof a.TaskId).toBe('string');
		expect(sb.state.tencent.pushes[0].recipients).toEqual(['u1']);
		// same second, another push → 90024
		expect((await push({ MsgRandom: 101 })).ErrorCode).toBe(90024);
		expect(sb.stats.throttled).toBe(1);
		// a retry of the same task is answered with the same TaskId and not delivered again
		expect((await push({ MsgRandom: 100, Condition: { AttrsOr: { sex: 'f', city: 'bj' } } })).TaskId).toBe(a.TaskId);
		clock += 1500;
		const b = await push({ MsgRandom: 102, Condition: { TagsAnd: ['vip', 'beta'] } });
		expect(b.ErrorCode).toBe(0);
		clock += 1500;
		await push({ MsgRandom: 103 }); // no condition: every imported account except the sender
		expect(sb.state.tencent.pushes.map((p) => p.recipients)).toEqual([['u1'], ['u3'], ['u1', 'u2', 'u3']]);
	});

	test('pushPerDay cap → 90047', async () => {
		sb.configure({ tencent: { pushPerDay: 2 } });
		for (const r of [1, 2]) {
			expect((await push({ MsgRandom: r })).ErrorCode).toBe(0);
			clock += 1100;
		}
		expect((await push({ MsgRandom: 3 })).ErrorCode).toBe(90047);
	});
});

describe('accounts and control endpoints (§5)', () => {
	test('account_import, multiaccount_import (both forms), control endpoints and snapshot', async () => {
		expect((await call('im_open_login_svc/account_import', { UserID: 'x'.repeat(33) })).ErrorCode).toBe(70402);
		expect((await call('im_open_login_svc/account_import', { UserID: 'zed', Nick: 'Z' })).ErrorCode).toBe(0);
		expect((await call('im_open_login_svc/multiaccount_import', { Accounts: ['a1', 'x'.repeat(40)] })).FailAccounts).toEqual(['x'.repeat(40)]);
		expect((await call('im_open_login_svc/multiaccount_import', { AccountList: [{ UserID: 'a2', Nick: 'n' }] })).FailAccounts).toEqual([]);
		expect((await call('im_open_login_svc/multiaccount_import', { Accounts: Array(101).fill('a') })).ErrorCode).toBe(70402);
		const post = (p: string, b: unknown) => fetch(`${sb.url}/_sandbox/${p}`, { method: 'POST', body: JSON.stringify(b) }).then((r) => r.json() as any);
		expect(await post('tencent/accounts', { accounts: ['c1', 'c2'] })).toEqual({ seeded: 2 });
		expect(await post('tencent/groups', { groupId: 'live', type: 'AVChatRoom', members: ['c1'] })).toMatchObject({ groupId: 'live' });
		const state = (await fetch(`${sb.url}/_sandbox/state`).then((r) => r.json())) as any;
		expect(state.tencent.accounts).toEqual(expect.arrayContaining([ADMIN, 'zed', 'a1', 'a2', 'c1', 'c2']));
		expect(state.tencent.groups).toMatchObject([{ groupId: 'live', type: 'AVChatRoom', members: ['c1'] }]);
		const cfg = (await post('config', {})) as any;
		expect(cfg.config.tencent.apps).toEqual([String(APP)]); // keys are not echoed
	});
});

describe('rate limits (§1.4)', () => {
	test('send_broadcast_msg 1/s: the second call in the same second → 10023', async () => {
		sb.seedTencentGroup({ groupId: 'av', type: 'AVChatRoom' });
		expect((await call('group_open_http_svc/send_broadcast_msg', { Random: 1, MsgBody: text('a') })).ErrorCode).toBe(0);
		clock += 500;
		expect((await call('group_open_http_svc/send_broadcast_msg', { Random: 2, MsgBody: text('b') })).ErrorCode).toBe(10023);
		expect(sb.stats.throttled).toBe(1);
		clock += 600;
		expect((await call('group_open_http_svc/send_broadcast_msg', { Random: 2, MsgBody: text('b') })).ErrorCode).toBe(0);
	});

	test('per-group 40 messages/s → 10023; app-wide 200/s → 60007; batch 12,000 messages/min → 90057', async () => {
		sb.seedTencentGroup({ groupId: 'g', type: 'Public' });
		const codes: number[] = [];
		for (let i = 0; i < 41; i++) codes.push((await call('group_open_http_svc/send_group_msg', { GroupId: 'g', Random: i, MsgBody: text('m') })).ErrorCode);
		expect(codes.filter((c) => c === 0)).toHaveLength(40);
		expect(codes[40]).toBe(10023);

		sb.configure({ limitScale: 1 });
		const checks = await Promise.all(Array.from({ length: 101 }, () => call('im_open_login_svc/account_check', { CheckItem: [{ UserID: ADMIN }] })));
		expect(checks.filter((c) => c.ErrorCode === 60007)).toHaveLength(1);

		const ids = Array.from({ length: 500 }, (_, i) => `r${i}`);
		sb.seedTencentAccounts(ids);
		const batch = [];
		for (let i = 0; i < 25; i++) batch.push((await call('openim/batchsendmsg', { To_Account: ids, MsgRandom: i, MsgBody: text('b') })).ErrorCode);
		expect(batch.slice(0, 24).every((c) => c === 0)).toBe(true);
		expect(batch[24]).toBe(90057);
		expect(sb.stats.throttled).toBe(3);
	});

	test('enforceLimits: false lifts the frequency limits', async () => {
		sb.configure({ enforceLimits: false });
		sb.seedTencentGroup({ groupId: 'av', type: 'AVChatRoom' });
		for (const r of [1, 2, 3]) expect((await call('group_open_http_svc/send_broadcast_msg', { Random: r, MsgBody: text('x') })).ErrorCode).toBe(0);
	});
});

const ids = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i}`);

describe('sandbox: vendor-side validation of the new paths', () => {
	test.each([
		['im_open_login_svc/account_delete', { DeleteItem: ids('a', 101).map((UserID) => ({ UserID })) }, 70402],
		['im_open_login_svc/account_delete', { DeleteItem: [] }, 70402],
		['openim/query_online_status', { To_Account: ids('a', 501) }, 90018],
		['openim/query_online_status', { To_Account: 'a' }, 90028],
		['openim/query_online_status', { To_Account: ['a'], IsNeedDetail: 2 }, 90010],
		['group_open_http_svc/create_group', { Type: 'AVChatRoom', Name: 'live', MemberList: [{ Member_Account: 'administrator' }] }, 10007],
		['group_open_http_svc/create_group', { Type: 'Public', Name: 'n', Introduction: 'x'.repeat(241) }, 10004],
		['group_open_http_svc/create_group', { Type: 'Public', Name: 'n', ApplyJoinOption: 'Maybe' }, 10004],
		['group_open_http_svc/create_group', { Type: 'Public', Name: 'n', SupportTopic: 1 }, 10004],
		['group_open_http_svc/create_group', { Type: 'Public', Name: 'n', GroupId: '@TGS#_x' }, 10004],
		['group_open_http_svc/destroy_group', { GroupId: 'nope' }, 10010],
		['group_open_http_svc/get_appid_group_list', { Limit: 10001 }, 10004],
		['group_open_http_svc/get_appid_group_list', { GroupType: 'Secret' }, 10004],
		['group_open_http_svc/add_group_member', { GroupId: 'pub', MemberList: ids('a', 301).map((Member_Account) => ({ Member_Account })) }, 10005],
		['group_open_http_svc/add_group_member', { GroupId: 'pub', MemberList: [] }, 10004],
		['group_open_http_svc/add_group_member', { GroupId: 'pub', Silence: 2, MemberList: [{ Member_Account: 'a' }] }, 10004],
		['group_open_http_svc/delete_group_member', { GroupId: 'pub', MemberToDel_Account: ids('a', 101) }, 10005],
		['group_open_http_svc/get_online_member_num', { GroupId: 'com' }, 10007],
		['openconfigsvr/setnospeaking', { Set_Account: 'administrator' }, 70402],
		['openconfigsvr/setnospeaking', { Set_Account: 'administrator', C2CmsgNospeakingTime: 4294967296 }, 70402],
		['openconfigsvr/getnospeaking', { Get_Account: 'ghost' }, 70107],
	])('%s %j → %d', async (path, body, code) => {
		sb.seedTencentGroup({ groupId: 'pub', type: 'Public' });
		sb.seedTencentGroup({ groupId: 'com', type: 'Community' });
		expect((await call(path, body)).ErrorCode).toBe(code);
	});

	test('a Community may use the @TGS#_ prefix; a deleted ID is blocked from re-import on paid editions', async () => {
		expect(await call('group_open_http_svc/create_group', { Type: 'Community', Name: 'c', GroupId: '@TGS#_fans' })).toMatchObject({ ErrorCode: 0, GroupId: '@TGS#_fans' });
		sb.configure({ tencent: { reimportBlockSeconds: 7776000 } });
		sb.seedTencentAccounts(['u']);
		expect((await call('im_open_login_svc/account_delete', { DeleteItem: [{ UserID: 'u' }] })).ResultItem).toEqual([{ UserID: 'u', ResultCode: 0, ResultInfo: '' }]);
		expect((await call('im_open_login_svc/account_import', { UserID: 'u' })).ErrorCode).toBe(70399);
		expect((await call('im_open_login_svc/multiaccount_import', { Accounts: ['u', 'v'] })).FailAccounts).toEqual(['u']);
	});

	test('get_appid_group_list: Next is 0 when done; TotalCount counts the filtered type', async () => {
		for (const id of ['a', 'b', 'c']) sb.seedTencentGroup({ groupId: id, type: 'Public' });
		sb.seedTencentGroup({ groupId: 'live', type: 'AVChatRoom' });
		const p1 = await call('group_open_http_svc/get_appid_group_list', { Limit: 2, GroupType: 'Public' });
		expect(p1).toMatchObject({ TotalCount: 3, GroupIdList: [{ GroupId: 'a' }, { GroupId: 'b' }] });
		expect(p1.Next).toBeGreaterThan(0);
		clock += 1100; // 1 call/s (269/1614), enforced since issue 11
		const p2 = await call('group_open_http_svc/get_appid_group_list', { Limit: 2, GroupType: 'Public', Next: p1.Next });
		expect(p2).toMatchObject({ TotalCount: 3, GroupIdList: [{ GroupId: 'c' }], Next: 0 });
	});
});
