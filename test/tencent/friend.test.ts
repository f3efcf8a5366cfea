/* eslint-disable */
// Tencent Chat → Friend: Add, Import, Update, Delete, Delete All, Check, Get, Get Many (sns/friend_*).
// Real n8n engine against the sandbox.
if (!process.env.N8N_LOG_LEVEL) process.env.N8N_LOG_LEVEL = 'silent';
import { snsState } from '../../sandbox/tencent/sns';
import { ids, indexes, pairs } from './suite';
import { userSuite } from './userSuite';

const { sandbox, run, json, calls, expectRefused } = userSuite();
const friendsOf = (a: string) => [...(snsState(sandbox().state.tencent).friends.get(a)?.keys() ?? [])];
const each = (list: string[]) => ({ items: list.map((f) => ({ f })) });
const base = (operation: string, extra: Record<string, unknown> = {}) => ({
	resource: 'friend',
	operation,
	account: 'me',
	otherAccount: '={{ $json.f }}',
	...extra,
});

describe('Friend → Add (friend_add)', () => {
	test('150 friends of one user → calls of 100 and 50, forced, both ways; the sandbox stores both sides', async () => {
		const fs = ids('f', 150);
		sandbox().seedTencentAccounts(['me', ...fs]);
		const r = await run(base('add', { addSource: 'Web', options: { force: true, remark: 'pal', groupNames: 'Team' } }), each(fs));
		expect(r.data.resultData.error).toBeUndefined();
		const sent = calls('sns/friend_add');
		expect(sent.map((c) => (c.body!.AddFriendItem as unknown[]).length)).toEqual([100, 50]);
		expect(sent[0].body).toMatchObject({ From_Account: 'me', AddType: 'Add_Type_Both', ForceAddFlags: 1 });
		expect((sent[0].body!.AddFriendItem as any[])[0]).toEqual({ To_Account: 'f0', AddSource: 'AddSource_Type_Web', Remark: 'pal', GroupName: 'Team' });
		expect(json(r)[0]).toMatchObject({ account: 'me', friend: 'f0', status: 'added', usersInCall: 100 });
		expect(friendsOf('me')).toHaveLength(150);
		expect(friendsOf('f3')).toEqual(['me']);
	});

	test('without Force a friend who must confirm is pending (30539); a blocked one fails (30515); unknown user fails (30003)', async () => {
		sandbox().seedTencentAccounts(['me', 'a', 'b']);
		await run({ resource: 'blocklist', operation: 'add', account: 'me', otherAccount: 'b' });
		const r = await run(base('add', { addSource: 'AddSource_Type_App' }), each(['a', 'b', 'ghost']));
		expect(json(r).map((o) => [o.status, o.code])).toEqual([
			['pending', '30539'],
			['failed', '30515'],
			['failed', '30003'],
		]);
		expect(json(r)[1].reason).toMatch(/blocklist/);
		expect(friendsOf('me')).toEqual([]);
	});

	test('unknown From_Account (30003) fails the whole call: error items with continue-on-fail, error without', async () => {
		const params = { ...base('add', { addSource: 'Web', options: { force: true } }), account: '={{ $json.u }}' };
		sandbox().seedTencentAccounts(['x', 'y']);
		const on = await run(params, {
			items: [
				{ u: 'x', f: 'y' },
				{ u: 'nobody', f: 'y' },
			],
			continueOnFail: true,
		});
		expect(json(on).map((o) => o.status ?? o.code)).toEqual(['added', '30003']);
		expect(pairs(on)).toEqual(indexes(2));
		const off = await run(params, { items: [{ u: 'nobody', f: 'y' }] });
		expect(off.data.resultData.error!.message).toMatch(/^Tencent Chat error 30003/);
	});

	test('bad input is refused before sending', async () => {
		await expectRefused(base('add', { addSource: 'far-too-long-source' }), 'Add Source');
		await expectRefused(base('add', { addSource: 'Web', options: { groupNames: 'a, b' } }), 'Friend List', /one friend list/);
		await expectRefused(base('add', { addSource: 'Web', options: { remark: 'x'.repeat(97) } }), 'Remark', /96 bytes/);
	});
});

describe('Friend → Import / Update / Get (friend_import, friend_update, friend_get_list)', () => {
	test('import with history and custom fields, update the remark and lists, read them back', async () => {
		sandbox().seedTencentAccounts(['me', 'a', 'b']);
		const imp = await run(
			base('import', {
				addSource: 'Legacy',
				customFields: { pairs: [{ key: 'level', value: 'close' }] },
				options: { addTime: 1600000000, groupNames: 'Family, Work' },
			}),
			each(['a', 'b', 'ghost']),
		);
		expect(calls('sns/friend_import')).toHaveLength(1);
		expect((calls('sns/friend_import')[0].body!.AddFriendItem as any[])[0]).toEqual({
			To_Account: 'a',
			AddSource: 'AddSource_Type_Legacy',
			GroupName: ['Family', 'Work'],
			AddTime: 1600000000,
			CustomItem: [{ Tag: 'Tag_SNS_Custom_level', Value: 'close' }],
		});
		expect(json(imp).map((o) => o.status)).toEqual(['imported', 'imported', 'failed']);
		expect(friendsOf('a')).toEqual([]); // one-way

		const up = await run(base('update', { updateFields: { remark: 'Annie', groupNames: 'Family' } }), each(['a', 'zed']));
		expect(json(up).map((o) => [o.status, o.code])).toEqual([
			['updated', undefined],
			['failed', '31704'],
		]);
		expect((calls('sns/friend_update')[0].body!.UpdateItem as any[])[0].SnsItem).toEqual([
			{ Tag: 'Tag_SNS_IM_Remark', Value: 'Annie' },
			{ Tag: 'Tag_SNS_IM_Group', Value: ['Family'] },
		]);

		const get = await run(
			base('get', { tags: ['Tag_SNS_IM_Remark', 'Tag_SNS_IM_Group', 'Tag_SNS_IM_AddTime'], options: { extraTags: 'Tag_SNS_Custom_level' } }),
			each(['a']),
		);
		expect(calls('sns/friend_get_list')[0].body).toEqual({
			From_Account: 'me',
			To_Account: ['a'],
			TagList: ['Tag_SNS_IM_Remark', 'Tag_SNS_IM_Group', 'Tag_SNS_IM_AddTime', 'Tag_SNS_Custom_level'],
		});
		expect(json(get)[0]).toMatchObject({
			account: 'me',
			friend: 'a',
			remark: 'Annie',
			friendLists: ['Family'],
			addTime: 1600000000,
			customFriendFields: { level: 'close' },
		});
	});

	test('update with nothing to change is refused', async () => {
		await expectRefused(base('update'), 'Update Fields', /nothing to update/);
	});
});

describe('Friend → Check / Delete / Delete All / Get Many', () => {
	const seedFriends = async (n: number) => {
		const fs = ids('g', n);
		sandbox().seedTencentAccounts(['me', ...fs]);
		await run(base('add', { addSource: 'Web', options: { force: true } }), each(fs));
		return fs;
	};

	test('check: both ways and one way; 1,200 pairs → calls of 1,000 and 200', async () => {
		const fs = await seedFriends(3);
		await run(base('delete', { deleteType: 'single' }), each(['g1']));
		const others = [...fs, ...ids('n', 1197)];
		const r = await run(base('check'), each(others));
		expect(calls('sns/friend_check').map((c) => (c.body!.To_Account as unknown[]).length)).toEqual([1000, 200]);
		expect(
			json(r)
				.slice(0, 4)
				.map((o) => [o.relation, o.isFriend, o.isFriendOf]),
		).toEqual([
			['CheckResult_Type_BothWay', true, true],
			['CheckResult_Type_BWithA', false, true],
			['CheckResult_Type_BothWay', true, true],
			['CheckResult_Type_NoRelation', false, false],
		]);
		const one = await run(base('check', { checkType: 'single' }), each(['g0']));
		expect(json(one)[0]).toMatchObject({ relation: 'CheckResult_Type_AWithB', isFriend: true, isFriendOf: null });
	});

	test('delete: both ways; a non-friend fails with 31704 on its own item', async () => {
		await seedFriends(2);
		const r = await run(base('delete'), each(['g0', 'stranger']));
		expect(json(r).map((o) => [o.status, o.code])).toEqual([
			['deleted', undefined],
			['failed', '31704'],
		]);
		expect(calls('sns/friend_delete')[0].body).toEqual({ From_Account: 'me', To_Account: ['g0', 'stranger'], DeleteType: 'Delete_Type_Both' });
		expect(friendsOf('me')).toEqual(['g1']);
		expect(friendsOf('g0')).toEqual([]);
	});

	test('get many: 250 friends in pages of 100 (NextStartIndex); Limit stops early; delete all clears', async () => {
		await seedFriends(250);
		const all = await run({ resource: 'friend', operation: 'getMany', account: 'me', returnAll: true });
		expect(calls('sns/friend_get').map((c) => c.body!.StartIndex)).toEqual([0, 100, 200]);
		expect(json(all)).toHaveLength(250);
		expect(json(all)[0]).toMatchObject({ account: 'me', friend: 'g0', addSource: 'AddSource_Type_Web' });
		const some = await run({ resource: 'friend', operation: 'getMany', account: 'me', limit: 120 });
		expect(json(some)).toHaveLength(120);
		expect(calls('sns/friend_get')).toHaveLength(5);
		const del = await run({ resource: 'friend', operation: 'deleteAll', account: 'me', deleteType: 'both' });
		expect(json(del)[0]).toMatchObject({ account: 'me', status: 'deleted', deleteType: 'Delete_Type_Both' });
		expect(friendsOf('me')).toEqual([]);
		expect(friendsOf('g5')).toEqual([]);
	});

	test('get many / delete all of an unknown user: 30003 error item with continue-on-fail', async () => {
		sandbox().seedTencentAccounts(['me']);
		const r = await run(
			{ resource: 'friend', operation: 'getMany', account: '={{ $json.u }}', returnAll: true },
			{ items: [{ u: 'ghost' }], continueOnFail: true },
		);
		expect(json(r).map((o) => o.code)).toEqual(['30003']);
		const d = await run({ resource: 'friend', operation: 'deleteAll', account: 'ghost' });
		expect(d.data.resultData.error!.message).toMatch(/^Tencent Chat error 30003/);
	});
});
