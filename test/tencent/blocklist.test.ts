/* eslint-disable */
// Tencent Chat → Blocklist: Add, Delete, Get Many (black_list_get pages), Check (sns/black_list_*);
// Friend List: Add, Delete, Get (sns/group_*). Real n8n engine against the sandbox.
if (!process.env.N8N_LOG_LEVEL) process.env.N8N_LOG_LEVEL = 'silent';
import { snsState } from '../../sandbox/tencent/sns';
import { ids, indexes, pairs } from './suite';
import { userSuite } from './userSuite';

const { sandbox, run, json, calls, expectRefused } = userSuite();
const blockedBy = (a: string) => [...(snsState(sandbox().state.tencent).blocked.get(a)?.keys() ?? [])];
const each = (list: string[]) => ({ items: list.map((f) => ({ f })) });
const base = (operation: string, extra: Record<string, unknown> = {}) => ({
	resource: 'blocklist',
	operation,
	account: 'me',
	otherAccount: '={{ $json.f }}',
	...extra,
});

describe('Blocklist → Add / Delete / Check', () => {
	test('1,500 users → calls of 1,000 and 500; an unknown user fails on its own item; blocking ends a friendship', async () => {
		const us = ids('b', 1500);
		sandbox().seedTencentAccounts(['me', ...us.filter((u) => u !== 'b9')]);
		await run({ resource: 'friend', operation: 'add', account: 'me', otherAccount: 'b1', addSource: 'Web', options: { force: true } });
		const r = await run(base('add'), each(us));
		expect(calls('sns/black_list_add').map((c) => (c.body!.To_Account as unknown[]).length)).toEqual([1000, 500]);
		expect(json(r)[0]).toMatchObject({ account: 'me', blockedAccount: 'b0', status: 'blocked', usersInCall: 1000 });
		expect(json(r)[9]).toMatchObject({ blockedAccount: 'b9', status: 'failed', code: '30003' });
		expect(blockedBy('me')).toHaveLength(1499);
		expect(snsState(sandbox().state.tencent).friends.get('b1')?.has('me')).toBe(false);
	});

	test('check both ways / one way, then unblock', async () => {
		sandbox().seedTencentAccounts(['me', 'x', 'y', 'z']);
		await run(base('add'), each(['x']));
		await run({ ...base('add'), account: 'y' }, each(['me']));
		const r = await run(base('check'), each(['x', 'y', 'z']));
		expect(calls('sns/black_list_check')).toHaveLength(1);
		expect(calls('sns/black_list_check')[0].body).toEqual({ From_Account: 'me', To_Account: ['x', 'y', 'z'], CheckType: 'BlackCheckResult_Type_Both' });
		expect(json(r).map((o) => [o.relation, o.blocks, o.blockedBy])).toEqual([
			['BlackCheckResult_Type_AWithB', true, false],
			['BlackCheckResult_Type_BWithA', false, true],
			['BlackCheckResult_Type_NO', false, false],
		]);
		const one = await run(base('check', { checkType: 'single' }), each(['y']));
		expect(json(one)[0]).toMatchObject({ relation: 'BlackCheckResult_Type_NO', blocks: false, blockedBy: null });
		const del = await run(base('delete'), each(['x']));
		expect(json(del)[0]).toMatchObject({ blockedAccount: 'x', status: 'unblocked' });
		expect(calls('sns/black_list_delete')[0].body).toEqual({ From_Account: 'me', To_Account: ['x'] });
		expect(blockedBy('me')).toEqual([]);
	});

	test('unknown From_Account (30003): error items with continue-on-fail, error without', async () => {
		sandbox().seedTencentAccounts(['me', 'x']);
		const params = { ...base('add'), account: '={{ $json.u }}' };
		const on = await run(params, {
			items: [
				{ u: 'me', f: 'x' },
				{ u: 'ghost', f: 'x' },
			],
			continueOnFail: true,
		});
		expect(json(on).map((o) => o.status ?? o.code)).toEqual(['blocked', '30003']);
		expect(pairs(on)).toEqual(indexes(2));
		const off = await run(params, { items: [{ u: 'ghost', f: 'x' }] });
		expect(off.data.resultData.error!.message).toMatch(/^Tencent Chat error 30003/);
	});

	test('bad input: a batch size over 1,000 is refused before sending', async () => {
		await expectRefused(base('add', { otherAccount: 'x', options: { batchSize: 1001 } }), 'Batch Size', /between 1 and 1000/);
	});
});

describe('Blocklist → Get Many (black_list_get)', () => {
	test('250 blocked users in pages of 100: StartIndex follows the answer, LastSequence the returned sequence; Limit stops early', async () => {
		const us = ids('k', 250);
		sandbox().seedTencentAccounts(['me', ...us]);
		await run(base('add'), each(us));
		const all = await run({ resource: 'blocklist', operation: 'getMany', account: 'me', returnAll: true });
		const bodies = calls('sns/black_list_get').map((c) => c.body as any);
		expect(bodies.map((b) => [b.StartIndex, b.MaxLimited])).toEqual([
			[0, 100],
			[100, 100],
			[200, 100],
		]);
		expect(bodies[0].LastSequence).toBe(0);
		expect(Number(bodies[1].LastSequence)).toBeGreaterThan(0);
		expect(json(all)).toHaveLength(250);
		expect(json(all)[0]).toMatchObject({ account: 'me', blockedAccount: 'k0', blockedAt: expect.any(Number) });
		const some = await run({ resource: 'blocklist', operation: 'getMany', account: 'me', limit: 30, options: { pageSize: 20 } });
		expect(json(some)).toHaveLength(30);
		expect(
			calls('sns/black_list_get')
				.slice(3)
				.map((c) => (c.body as any).StartIndex),
		).toEqual([0, 20]);
	});

	test('a sequence above 2^53 goes back with the exact digits', async () => {
		sandbox().seedTencentAccounts(['me', 'k1']);
		await run(base('add'), each(['k1']));
		sandbox().configure({
			tencent: {
				logBodies: true,
				scripted: [
					{
						path: 'sns/black_list_get',
						times: 1,
						body: {
							ActionStatus: 'OK',
							ErrorCode: 0,
							ErrorInfo: '',
							BlackListItem: [{ To_Account: 'k0', AddBlackTimeStamp: 1 }],
							StartIndex: 1,
							CurruentSequence: 9007199254740993n,
						},
					},
				],
			},
		});
		const r = await run({ resource: 'blocklist', operation: 'getMany', account: 'me', returnAll: true, options: { pageSize: 1 } });
		expect(json(r).map((o) => o.blockedAccount)).toEqual(['k0']);
		const [, second] = calls('sns/black_list_get');
		expect((second.body as any).LastSequence).toBe(9007199254740993n);
	});
});

describe('Friend List → Add / Get / Delete (group_add, group_get, group_delete)', () => {
	test('create two lists with friends, read them (one item per list), delete one', async () => {
		sandbox().seedTencentAccounts(['me', 'a', 'b']);
		await run({ resource: 'friend', operation: 'add', account: 'me', otherAccount: '={{ $json.f }}', addSource: 'Web', options: { force: true } }, each(['a']));
		const add = await run({ resource: 'friendList', operation: 'add', account: 'me', listNames: 'Family, Work', friends: 'a, b' });
		expect(calls('sns/group_add')[0].body).toEqual({ From_Account: 'me', GroupName: ['Family', 'Work'], To_Account: ['a', 'b'] });
		expect(json(add)[0]).toMatchObject({
			status: 'created',
			listNames: ['Family', 'Work'],
			failedCount: 1,
			friends: [
				{ friend: 'a', status: 'added' },
				{ friend: 'b', status: 'failed', code: '31704' },
			],
		});
		const get = await run({ resource: 'friendList', operation: 'get', account: 'me', needFriend: true });
		expect(calls('sns/group_get')[0].body).toEqual({ From_Account: 'me', LastSequence: 0, NeedFriend: 'Need_Friend_Type_Yes' });
		expect(json(get).map((o) => [o.listName, o.friendCount, o.friends])).toEqual([
			['Family', 1, ['a']],
			['Work', 1, ['a']],
		]);
		const del = await run({ resource: 'friendList', operation: 'delete', account: 'me', listNames: 'Work' });
		expect(json(del)[0]).toMatchObject({ status: 'deleted', listNames: ['Work'] });
		expect(calls('sns/group_delete')[0].body).toEqual({ From_Account: 'me', GroupName: ['Work'] });
		const after = await run({ resource: 'friendList', operation: 'get', account: 'me', listNames: 'Family' });
		expect(json(after).map((o) => o.listName)).toEqual(['Family']);
	});

	test('a list that already exists (30001): error item with continue-on-fail; without it the run fails', async () => {
		sandbox().seedTencentAccounts(['me']);
		const params = { resource: 'friendList', operation: 'add', account: 'me', listNames: '={{ $json.n }}' };
		const on = await run(params, { items: [{ n: 'One' }, { n: 'One' }], continueOnFail: true });
		expect(json(on).map((o) => o.status ?? o.code)).toEqual(['created', '30001']);
		const off = await run(params, { items: [{ n: 'One' }] });
		expect(off.data.resultData.error!.message).toMatch(/^Tencent Chat error 30001/);
	});

	test('bad input: no names, a name over 30 bytes', async () => {
		await expectRefused({ resource: 'friendList', operation: 'add', account: 'me', listNames: ' , ' }, 'Friend List Names', /at least one/);
		await expectRefused({ resource: 'friendList', operation: 'delete', account: 'me', listNames: 'x'.repeat(31) }, 'Friend List Names[0]', /30 bytes/);
	});
});
