/* eslint-disable */
// Volcengine RTC → User: Register (RegisterUsers), Unregister (UnRegisterUsers), Get (BatchGetUser),
// Update (BatchUpdateUser) and Get Online Status (QueryOnlineStatus). Real n8n engine against the
// sandbox. The plain-tag rule for Register and Update is in tags.test.ts.
if (!process.env.N8N_LOG_LEVEL) process.env.N8N_LOG_LEVEL = 'silent'; // the engine would log every expected error
import type { IDataObject } from 'n8n-workflow';
import type { RtcSandbox } from '../../sandbox/server';
import { APP, BIG_USER, itemsOf, volcengineSuite, type RefusedCase } from './suite';

let sb: RtcSandbox;
const { run, calls, errorOf, expectRefused } = volcengineSuite((s) => (sb = s));

describe('User (RegisterUsers, UnRegisterUsers, BatchGetUser, BatchUpdateUser, QueryOnlineStatus)', () => {
	const user = (operation: string, extra: IDataObject = {}) => ({ resource: 'user', operation, userId: '={{ $json.id }}', ...extra });
	const idItems = (n: number, from = 50001) => Array.from({ length: n }, (_, i) => ({ id: String(from + i) }));
	const users = () => sb.state.volcengine.users.get(APP) ?? new Map();

	test('Register: 45 items → 3 calls of ≤20; profile fields stored; FailedInfos go back to their item', async () => {
		sb.configure({ volcengine: { failUsers: ['50007'] } });
		const params = user('register', {
			additionalFields: {
				nickName: '={{ "user " + $json.id }}',
				portrait: 'https://example.com/a.png',
				tags: { pairs: [{ key: 'level', value: 'vip' }] },
				ext: { pairs: [{ key: 'city', value: 'sh' }] },
				isRobot: false,
			},
		});
		const { run: r } = await run(params, { items: idItems(45) });
		expect(r.data.resultData.error).toBeUndefined();
		expect(calls('RegisterUsers').map((c) => c.size)).toEqual([20, 20, 5]);
		const out = itemsOf(r);
		out.forEach((o, i) => expect(o.pairedItem).toEqual({ item: i }));
		expect(out.filter((o) => o.json.status === 'failed').map((o) => o.json.userId)).toEqual(['50007']);
		expect(out[6].json).toMatchObject({ status: 'failed', code: 'InternalError.User' });
		expect(out[0].json).toMatchObject({ userId: '50001', status: 'registered', batchSize: 20 });
		const u = users().get(50002n)!;
		expect(u).toMatchObject({ nickName: 'user 50002', portrait: 'https://example.com/a.png', ext: { city: 'sh' }, isRobot: false });
		expect(Object.fromEntries(u.tags)).toEqual({ level: 'vip' });
		expect(users().has(50007n)).toBe(false);
	});

	test('Unregister: 25 items → 3 calls of ≤10; a user not registered fails on its own item', async () => {
		sb.seedVolcengineUsers(APP, idItems(25).filter((x) => x.id !== '50010').map((x) => ({ userId: x.id })));
		const { run: r } = await run(user('unregister'), { items: idItems(25) });
		expect(calls('UnRegisterUsers').map((c) => c.size)).toEqual([10, 10, 5]);
		const out = itemsOf(r);
		expect(out.filter((o) => o.json.status === 'failed').map((o) => [o.json.userId, o.json.code])).toEqual([['50010', 'UserNotFound']]);
		expect(users().size).toBe(0);
	});

	test('Get: 120 items → 3 calls of ≤50; NotFoundUsers map to their items; ids above 2^53 exact', async () => {
		const items = [...idItems(119), { id: BIG_USER }];
		sb.seedVolcengineProfiles(APP, [
			...idItems(119).filter((x) => x.id !== '50033').map((x) => ({ userId: x.id })),
			{ userId: BIG_USER, nickName: 'Big', ext: { k: 'v' }, tags: { level: 'vip' } },
		]);
		const { run: r } = await run(user('get'), { items });
		expect(r.data.resultData.error).toBeUndefined();
		expect(calls('BatchGetUser').map((c) => c.size)).toEqual([50, 50, 20]);
		const out = itemsOf(r);
		expect(out).toHaveLength(120);
		out.forEach((o, i) => expect(o.pairedItem).toEqual({ item: i }));
		expect(out.filter((o) => !o.json.found).map((o) => o.json.userId)).toEqual(['50033']);
		expect(out[119].json).toMatchObject({ found: true, userId: BIG_USER, nickName: 'Big', ext: { k: 'v' }, tags: ['level:vip'] });
	});

	test('Update (keep unset fields): reads the profile first, changes only what is set; unknown users are not sent', async () => {
		sb.seedVolcengineProfiles(APP, [
			{ userId: '61', nickName: 'Ann', portrait: 'https://x/ann.png', tags: { level: 'vip' }, ext: { a: '1' } },
			{ userId: '62', nickName: 'Bob' },
		]);
		const items = [{ id: '61' }, { id: '63' }, { id: '62' }];
		const { run: r } = await run(user('update', { updateFields: { portrait: 'https://x/new.png' } }), { items });
		expect(r.data.resultData.error).toBeUndefined();
		expect(calls('BatchGetUser').map((c) => c.size)).toEqual([3]);
		expect(calls('BatchUpdateUser').map((c) => c.size)).toEqual([2]);
		const out = itemsOf(r);
		expect(out.map((o) => [o.json.userId, o.json.status, o.json.code ?? null])).toEqual([
			['61', 'updated', null],
			['63', 'failed', 'UserNotFound'],
			['62', 'updated', null],
		]);
		expect(users().get(61n)).toMatchObject({ nickName: 'Ann', portrait: 'https://x/new.png', ext: { a: '1' } });
		expect(Object.fromEntries(users().get(61n)!.tags)).toEqual({ level: 'vip' });
		expect(users().get(62n)).toMatchObject({ nickName: 'Bob', portrait: 'https://x/new.png' });
	});

	test('Update (clear unset fields): one call, the profile becomes exactly what is set', async () => {
		sb.seedVolcengineProfiles(APP, [{ userId: '71', nickName: 'Ann', ext: { a: '1' } }]);
		const { run: r } = await run(user('update', { updateFields: { nickName: 'Anna' }, options: { unsetFields: 'clear' } }), { items: [{ id: '71' }] });
		expect(calls('BatchGetUser')).toHaveLength(0);
		expect(itemsOf(r)[0].json).toMatchObject({ status: 'updated', unsetFields: 'cleared', updated: ['nickName'] });
		expect(users().get(71n)).toMatchObject({ nickName: 'Anna', portrait: '', ext: {} });
	});

	test('Get Online Status: 230 items → 3 calls of ≤100; connections with exact ids', async () => {
		sb.seedVolcengineOnline(APP, '50002', [{ ConnId: 9223372036854775000n, DeviceId: 'dev-1', Platform: 'ios', ClientVersion: '1.2.0' }]);
		const { run: r } = await run(user('getOnlineStatus'), { items: idItems(230) });
		expect(calls('QueryOnlineStatus').map((c) => c.size)).toEqual([100, 100, 30]);
		const out = itemsOf(r);
		expect(out).toHaveLength(230);
		expect(out[1].json).toMatchObject({ userId: '50002', online: true, connections: [{ connId: '9223372036854775000', deviceId: 'dev-1', platform: 'ios' }] });
		expect(out[0].json).toMatchObject({ userId: '50001', online: false, connections: [] });
	});

	test('a whole-call vendor error: every item of that call fails, with and without continue-on-fail', async () => {
		const res = await run(user('get', { appId: '999' }), { items: idItems(3) });
		expect(res.run.status).toBe('error');
		expect(errorOf(res).message).toContain('InvalidParameter.NotExistAppId');
		const { run: r } = await run(user('register', { appId: '={{ $json.app }}' }), {
			items: [
				{ id: '1', app: '999' },
				{ id: '2', app: '999' },
				{ id: '3', app: String(APP) },
			],
			continueOnFail: true,
		});
		const out = itemsOf(r);
		expect(out.map((o) => [o.json.code ?? o.json.status, o.pairedItem])).toEqual([
			['InvalidParameter.NotExistAppId', { item: 0 }],
			['InvalidParameter.NotExistAppId', { item: 1 }],
			['registered', { item: 2 }],
		]);
	});

	test.each<RefusedCase>([
		['User ID not digits', () => user('register', { userId: 'u1' }), 'User ID', /digits only/],
		['Nickname over 100 bytes', () => user('register', { userId: '1', additionalFields: { nickName: 'é'.repeat(51) } }), 'Nickname', /100 bytes/],
		['reserved Ext key', () => user('register', { userId: '1', additionalFields: { ext: { pairs: [{ key: 's:x', value: '1' }] } } }), 'Extra Fields (Ext)', /reserved/],
		['21 Ext fields', () => user('register', { userId: '1', additionalFields: { ext: { pairs: Array.from({ length: 21 }, (_, i) => ({ key: `k${i}`, value: 'v' })) } } }), 'Extra Fields (Ext)', /limit is 20/],
		['Register Batch Size 21', () => user('register', { userId: '1', options: { batchSize: 21 } }), 'Batch Size', /between 1 and 20/],
		['Unregister Batch Size 11', () => user('unregister', { userId: '1', options: { batchSize: 11 } }), 'Batch Size', /between 1 and 10/],
		['Update without fields', () => user('update', { userId: '1' }), 'Update Fields', undefined],
		['User ID 2^63', () => user('getOnlineStatus', { userId: '9223372036854775808' }), 'User ID', undefined],
	])('bad inputs are refused before anything is sent: %s', async (_label, params, field, reason) => {
		await expectRefused(params(), field, reason);
	});
});
