/* eslint-disable */
// Volcengine RTC → Blocklist (issue 14): Add (AddBlackList), Remove (RemoveBlackList), Update
// (UpdateBlackList), Check (IsInBlackList), Get Many (GetBlackList, newest first). At most 10 users
// per call (volc-sdk-golang service/im/model.go AddBlackListBody …). Real n8n engine against the sandbox.
if (!process.env.N8N_LOG_LEVEL) process.env.N8N_LOG_LEVEL = 'silent';
import type { IDataObject } from 'n8n-workflow';
import type { RtcSandbox } from '../../sandbox/server';
import { relationsOf } from '../../sandbox/volcengine/relations';
import { APP, BIG_USER, itemsOf, volcengineSuite, type RefusedCase } from './suite';

let sb: RtcSandbox;
const { run, calls, sent, expectRefused } = volcengineSuite((s) => (sb = s));

const block = (operation: string, extra: IDataObject = {}) => ({ resource: 'blocklist', operation, userId: '1', blockedUserId: '={{ $json.b }}', ...extra });
const items = (n: number, from = 30001) => Array.from({ length: n }, (_, i) => ({ b: String(from + i) }));
const blocked = () => relationsOf(sb.state.volcengine).blocks.get(`${APP}|0|1`) ?? new Map();
const bodies = (action: string) => sent(action).map((b) => JSON.parse(b.replace(/:(\d{16,})/g, ':"$1"')));

describe('Blocklist (AddBlackList, RemoveBlackList, UpdateBlackList, IsInBlackList, GetBlackList)', () => {
	test('Add: 12 items → calls of 10 and 2, Ext per entry; FailedInfos fail their own item', async () => {
		sb.configure({ volcengine: { failUsers: ['30002'] } });
		const { run: r } = await run(block('add', { additionalFields: { blockedUserExt: { pairs: [{ key: 'why', value: '={{ "spam " + $json.b }}' }] } } }), { items: items(12) });
		expect(r.data.resultData.error).toBeUndefined();
		expect(calls('AddBlackList').map((c) => c.size)).toEqual([10, 2]);
		expect(bodies('AddBlackList')[0].BlackListInfos[0]).toEqual({ BlackListUserId: 30001, BlackListUserExt: { why: 'spam 30001' } });
		const out = itemsOf(r).map((o) => o.json);
		expect(out[1]).toMatchObject({ status: 'failed', blockedUserId: '30002', code: 'InternalError.User' });
		expect(out.filter((o) => o.status === 'added')).toHaveLength(11);
		expect(blocked().size).toBe(11);
	});

	test('Check, Update (Ext keys merged), Get Many newest first with a friend shown, Remove', async () => {
		await run(block('add'), { items: items(22) });
		await run({ resource: 'friend', operation: 'add', userId: '1', friendUserId: '30022' });
		const { run: c } = await run(block('check'), { items: [{ b: '30001' }, { b: '5' }] });
		expect(itemsOf(c).map((o) => [o.json.blockedUserId, o.json.blocked])).toEqual([['30001', true], ['5', false]]);

		await run(block('update', { blockedUserExt: { pairs: [{ key: 'a', value: '1' }] } }), { items: [{ b: '30001' }] });
		await run(block('update', { blockedUserExt: { pairs: [{ key: 'b', value: '2' }] } }), { items: [{ b: '30001' }] });
		expect(blocked().get(30001n).ext).toEqual({ a: '1', b: '2' });

		const { run: all } = await run({ resource: 'blocklist', operation: 'getMany', userId: '1', returnAll: true });
		const out = itemsOf(all).map((o) => o.json);
		expect(out.map((o) => o.blockedUserId)).toEqual(items(22).map((i) => i.b).reverse());
		expect(out[0]).toMatchObject({ userId: '1', blockedUserId: '30022', blockedUserExt: {}, friendUserInfo: { friendUserId: '30022' } });
		expect(out[21]).toMatchObject({ blockedUserId: '30001', blockedUserExt: { a: '1', b: '2' } });
		expect(out[1].friendUserInfo).toBeUndefined();
		expect(bodies('GetBlackList').map((b) => [b.Cursor, b.Limit])).toEqual([[0, 20], [20, 20]]);

		const { run: rm } = await run(block('remove'), { items: [{ b: '30001' }, { b: '30002' }] });
		expect(itemsOf(rm).map((o) => o.json.status)).toEqual(['removed', 'removed']);
		expect(blocked().size).toBe(20);
	});

	test('Update of a user not on the list fails its item; a vendor error with continue-on-fail on and off', async () => {
		const { run: u } = await run(block('update', { blockedUserExt: { pairs: [{ key: 'a', value: '1' }] } }), { items: [{ b: '9' }] });
		expect(itemsOf(u)[0].json).toMatchObject({ status: 'failed', code: 'InvalidParameter', blockedUserId: '9' });
		const p = block('remove', { userId: BIG_USER, appId: '={{ $json.app }}' });
		expect((await run(p, { items: [{ b: '1', app: '999' }] })).run.status).toBe('error');
		const { run: r } = await run(p, { items: [{ b: '1', app: '999' }, { b: '2', app: String(APP) }], continueOnFail: true });
		expect(itemsOf(r).map((o) => o.json.code ?? o.json.status)).toEqual(['InvalidParameter.NotExistAppId', 'removed']);
	});

	test.each<RefusedCase>([
		['Blocked User ID not a number', () => block('add', { blockedUserId: '={{ "bob" }}' }), 'Blocked User ID', /digits only/],
		['Update without Ext', () => block('update', { blockedUserId: '1' }), 'Extra Fields (Ext)', /is empty/],
		['Batch Size 0', () => block('check', { blockedUserId: '1', options: { batchSize: 0 } }), 'Batch Size', undefined],
		['Inbox Type negative', () => block('check', { blockedUserId: '1', options: { inboxType: -1 } }), 'Inbox Type', undefined],
	])('bad inputs are refused before anything is sent: %s', async (_label, params, field, reason) => {
		await expectRefused(params(), field, reason);
	});
});
