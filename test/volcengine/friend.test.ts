/* eslint-disable */
// Volcengine RTC → Friend (issue 14): Add (AddFriend), Remove (DeleteFriend), Update (UpdateFriend),
// Check (IsFriend), Get Many (ListFriend). At most 10 friends per call (volc-sdk-golang
// service/im/model.go AddFriendBody …). Real n8n engine against the sandbox.
if (!process.env.N8N_LOG_LEVEL) process.env.N8N_LOG_LEVEL = 'silent';
import type { IDataObject } from 'n8n-workflow';
import type { RtcSandbox } from '../../sandbox/server';
import { relationsOf } from '../../sandbox/volcengine/relations';
import { APP, BIG_USER, itemsOf, volcengineSuite, type RefusedCase } from './suite';

let sb: RtcSandbox;
const { run, calls, sent, expectRefused } = volcengineSuite((s) => (sb = s));

const friend = (operation: string, extra: IDataObject = {}) => ({ resource: 'friend', operation, userId: BIG_USER, friendUserId: '={{ $json.f }}', ...extra });
const items = (n: number, from = 20001) => Array.from({ length: n }, (_, i) => ({ f: String(from + i) }));
const friendsOf = (user: string) => [...(relationsOf(sb.state.volcengine).friends.get(`${APP}|0|${user}`)?.keys() ?? [])].map(String);
const bodies = (action: string) => sent(action).map((b) => JSON.parse(b.replace(/:(\d{16,})/g, ':"$1"')));

describe('Friend (AddFriend, DeleteFriend, UpdateFriend, IsFriend, ListFriend)', () => {
	test('Add: 23 items of one user → calls of 10, 10, 3; Ext sent; a FailedInfos entry fails its own item only', async () => {
		sb.configure({ volcengine: { failUsers: ['20005'] } });
		const { run: r } = await run(friend('add', { additionalFields: { ext: { pairs: [{ key: 'source', value: 'import' }] } } }), { items: items(23) });
		expect(r.data.resultData.error).toBeUndefined();
		expect(calls('AddFriend').map((c) => c.size)).toEqual([10, 10, 3]);
		expect(bodies('AddFriend')[0]).toMatchObject({ UserId: BIG_USER, Ext: { source: 'import' } });
		const out = itemsOf(r);
		out.forEach((o, i) => expect(o.pairedItem).toEqual({ item: i }));
		expect(out[4].json).toMatchObject({ status: 'failed', friendUserId: '20005', code: 'InternalError.User', reason: expect.stringContaining('20005') });
		expect(out.filter((o) => o.json.status === 'added')).toHaveLength(22);
		expect(friendsOf(BIG_USER)).toHaveLength(22);
	});

	test('Add: items with different Ext do not share a call; different users never share one', async () => {
		await run(friend('add', { userId: '={{ $json.u }}', additionalFields: { ext: { pairs: [{ key: 'tag', value: '={{ $json.t }}' }] } } }), {
			items: [{ u: '1', f: '2', t: 'a' }, { u: '1', f: '3', t: 'b' }, { u: '4', f: '2', t: 'a' }, { u: '1', f: '5', t: 'a' }],
		});
		expect(bodies('AddFriend').map((b) => [b.UserId, b.FriendUserIds])).toEqual([[1, [2, 5]], [1, [3]], [4, [2]]]);
	});

	test('Check, Update, Get Many (Return All pages of 20 via NextCursor), Remove', async () => {
		await run(friend('add'), { items: items(25) });
		const { run: c } = await run(friend('check'), { items: [{ f: '20003' }, { f: '99' }] });
		expect(itemsOf(c).map((o) => [o.json.friendUserId, o.json.isFriend])).toEqual([['20003', true], ['99', false]]);
		expect(calls('IsFriend')).toHaveLength(1);

		const { run: u } = await run(friend('update', { updateFields: { alias: 'Bob' } }), { items: [{ f: '20001' }] });
		expect(itemsOf(u)[0].json).toMatchObject({ status: 'updated', friendUserId: '20001' });
		expect(bodies('UpdateFriend')[0].FriendInfos).toEqual([{ FriendUserId: 20001, Alias: 'Bob' }]);

		const { run: all } = await run({ resource: 'friend', operation: 'getMany', userId: BIG_USER, returnAll: true });
		const out = itemsOf(all).map((o) => o.json);
		expect(out.map((o) => o.friendUserId)).toEqual(items(25).map((i) => i.f));
		expect(out[0]).toMatchObject({ userId: BIG_USER, friendUserId: '20001', alias: 'Bob' });
		expect(bodies('ListFriend').map((b) => [b.Cursor, b.Limit])).toEqual([[0, 20], [20, 20]]);
		const { run: some } = await run({ resource: 'friend', operation: 'getMany', userId: BIG_USER, limit: 3 });
		expect(itemsOf(some)).toHaveLength(3);
		expect(bodies('ListFriend')[2].Limit).toBe(3);

		const { run: rm } = await run(friend('remove'), { items: [{ f: '20001' }, { f: '20002' }] });
		expect(itemsOf(rm).map((o) => o.json.status)).toEqual(['removed', 'removed']);
		expect(bodies('DeleteFriend')[0].DeleteUserIds).toEqual([20001, 20002]);
		expect(friendsOf(BIG_USER)).toHaveLength(23);
	});

	test('Update of a user who is not a friend fails its item (FailedInfos); a vendor error with continue-on-fail', async () => {
		const { run: u } = await run(friend('update', { updateFields: { alias: 'X' } }), { items: [{ f: '77' }] });
		expect(itemsOf(u)[0].json).toMatchObject({ status: 'failed', code: 'InvalidParameter' });
		const p = friend('check', { appId: '={{ $json.app }}' });
		expect((await run(p, { items: [{ f: '1', app: '999' }] })).run.status).toBe('error');
		const { run: r } = await run(p, { items: [{ f: '1', app: '999' }, { f: '2', app: String(APP) }], continueOnFail: true });
		expect(itemsOf(r).map((o) => o.json.code ?? o.json.isFriend)).toEqual(['InvalidParameter.NotExistAppId', false]);
	});

	test.each<RefusedCase>([
		['Friend User ID empty', () => friend('add', { friendUserId: '={{ "" }}' }), 'Friend User ID', /is required/],
		['Friend User ID above 2^53 as a number', () => friend('check', { friendUserId: '={{ 9007199254740993 }}' }), 'Friend User ID', /2\^53/],
		['Batch Size 11', () => friend('remove', { friendUserId: '1', options: { batchSize: 11 } }), 'Batch Size', undefined],
		['Update without fields', () => friend('update', { friendUserId: '1', updateFields: {} }), 'Update Fields', undefined],
		['Get Many Limit 0', () => ({ resource: 'friend', operation: 'getMany', userId: '1', limit: 0 }), 'Limit', undefined],
	])('bad inputs are refused before anything is sent: %s', async (_label, params, field, reason) => {
		await expectRefused(params(), field, reason);
	});
});
