/* eslint-disable */
// Tencent Chat → Group: Get (get_group_info), Update (modify_group_base_info), Change Owner
// (change_group_owner), Get Joined (get_joined_group_list), Import (import_group), and the group
// locator's list search (get_appid_group_list + get_group_info). Real n8n engine against the sandbox.
if (!process.env.N8N_LOG_LEVEL) process.env.N8N_LOG_LEVEL = 'silent';
import { outputOf } from '../../harness/engine';
import type { RtcSandbox } from '../../sandbox/server';
import { extraOf } from '../../sandbox/tencent/groupExtra';
import { bodiesOf, listSearch, rl } from './groupLists';
import { ids, indexes, itemsOf, pairs, tencentSuite } from './suite';

let sb: RtcSandbox;
const { run: execute, calls, expectRefused } = tencentSuite((s) => (sb = s));
const run = async (...args: Parameters<typeof execute>) => (await execute(...args)).run;
beforeEach(() => sb.configure({ tencent: { logBodies: true } }));

describe('Group → Get (get_group_info)', () => {
	test('60 items → 2 calls of 50 and 10; one item per group, camelCase, paired', async () => {
		const groups = ids('g', 60);
		for (const g of groups) sb.seedTencentGroup({ groupId: g, type: 'Public', owner: 'boss', name: `Team ${g}` });
		const r = await run({ resource: 'group', operation: 'get', group: rl('={{ $json.g }}') }, { items: groups.map((g) => ({ g })) });
		expect(r.data.resultData.error).toBeUndefined();
		const sent = bodiesOf(sb, 'get_group_info');
		expect(sent.map((b) => b.GroupIdList.length)).toEqual([50, 10]);
		const out = itemsOf(r);
		expect(out).toHaveLength(60);
		expect(out[59].json).toMatchObject({ groupId: 'g59', name: 'Team g59', ownerAccount: 'boss', type: 'Public', memberNum: 1, groupsInCall: 10 });
		expect(pairs(r)).toEqual(indexes(60));
	});

	test('filters are sent as ResponseFilter; items with other filters do not share a call', async () => {
		sb.seedTencentGroup({ groupId: 'a', type: 'Public', owner: 'boss', members: ['m1'] });
		const r = await run(
			{ resource: 'group', operation: 'get', group: rl('a'), options: { baseFields: '={{ $json.f }}', memberFields: 'Role' } },
			{ items: [{ f: 'Name' }, { f: 'Name,Type' }] },
		);
		expect(bodiesOf(sb, 'get_group_info').map((b) => b.ResponseFilter)).toEqual([
			{ GroupBaseInfoFilter: ['Name'], MemberInfoFilter: ['Role'] },
			{ GroupBaseInfoFilter: ['Name', 'Type'], MemberInfoFilter: ['Role'] },
		]);
		const [first] = outputOf(r, 'Node') as any[];
		expect(first.name).toBe('a');
		expect(first.type).toBeUndefined();
		expect(first.memberList).toEqual(expect.arrayContaining([{ memberAccount: 'm1', role: 'Member' }, { memberAccount: 'boss', role: 'Owner' }]));
	});

	test('a dismissed group (10010 inside the answer) fails only its item with continue-on-fail', async () => {
		sb.seedTencentGroup({ groupId: 'ok', type: 'Public' });
		const params = { resource: 'group', operation: 'get', group: rl('={{ $json.g }}') };
		const on = await run(params, { items: [{ g: 'ok' }, { g: 'gone' }], continueOnFail: true });
		expect(calls('get_group_info')).toHaveLength(1);
		expect(itemsOf(on).map((o) => o.json.code ?? o.json.groupId)).toEqual(['ok', '10010']);
		expect(pairs(on)).toEqual(indexes(2));
		const off = await run(params, { items: [{ g: 'gone' }] });
		expect(off.data.resultData.error!.message).toMatch(/^Tencent Chat error 10010/);
	});

	test('a plain string group ID (expression or older workflow) is read too', async () => {
		sb.seedTencentGroup({ groupId: 'plain', type: 'Public' });
		const r = await run({ resource: 'group', operation: 'get', group: 'plain' });
		expect(outputOf(r, 'Node')[0]).toMatchObject({ groupId: 'plain' });
	});
});

describe('Group → Update / Change Owner / Import', () => {
	test('update sends only the fields set and the sandbox stores them', async () => {
		sb.seedTencentGroup({ groupId: 'g', type: 'Public', owner: 'boss' });
		const r = await run({
			resource: 'group', operation: 'update', group: rl('g'),
			updateFields: { name: 'New name', muteAll: 'On', maxMembers: 500, appDefinedData: { pairs: [{ key: 'level', value: 'gold' }] } },
		});
		expect(outputOf(r, 'Node')[0]).toMatchObject({ status: 'updated', groupId: 'g', updated: ['Name', 'MaxMemberNum', 'AppDefinedData', 'MuteAllMember'] });
		expect(bodiesOf(sb, 'modify_group_base_info')[0]).toEqual({ GroupId: 'g', Name: 'New name', MaxMemberNum: 500, AppDefinedData: [{ Key: 'level', Value: 'gold' }], MuteAllMember: 'On' });
		const g = sb.state.tencent.groups.get('g')!;
		expect(g.name).toBe('New name');
		expect(extraOf(g).muteAll).toBe(true);
	});

	test('update with nothing to change is refused before sending; a name over 30 bytes too', async () => {
		await expectRefused({ resource: 'group', operation: 'update', group: rl('g'), updateFields: {} }, 'Update Fields', /at least one field/);
		await expectRefused({ resource: 'group', operation: 'update', group: rl('g'), updateFields: { name: 'x'.repeat(31) } }, 'Name', /limit is 30 bytes/);
	});

	test('change owner: stored; a non-member is refused (10007) with continue-on-fail', async () => {
		sb.seedTencentGroup({ groupId: 'g', type: 'Public', owner: 'boss', members: ['m1'] });
		const r = await run({ resource: 'group', operation: 'changeOwner', group: rl('g'), newOwner: '={{ $json.u }}' }, { items: [{ u: 'm1' }, { u: 'stranger' }], continueOnFail: true });
		expect(itemsOf(r).map((o) => o.json.status ?? o.json.code)).toEqual(['changed', '10007']);
		expect(bodiesOf(sb, 'change_group_owner')[0]).toEqual({ GroupId: 'g', NewOwner_Account: 'm1' });
		expect(sb.state.tencent.groups.get('g')!.owner).toBe('m1');
	});

	test('import: the group exists with its creation time; a used GroupId is 10021', async () => {
		sb.seedTencentAccounts(['boss']);
		const params = { resource: 'group', operation: 'import', type: 'Private', name: 'Old team', options: { groupId: '={{ $json.g }}', owner: 'boss', createTime: 1600000000 } };
		const r = await run(params, { items: [{ g: 'old_team' }, { g: 'old_team' }], continueOnFail: true });
		expect(itemsOf(r).map((o) => o.json.status ?? o.json.code)).toEqual(['imported', '10021']);
		expect(bodiesOf(sb, 'import_group')[0]).toEqual({ Type: 'Private', Name: 'Old team', GroupId: 'old_team', Owner_Account: 'boss', CreateTime: 1600000000 });
		expect(extraOf(sb.state.tencent.groups.get('old_team')!).createTime).toBe(1600000000);
	});
});

describe('Group → Get Joined (get_joined_group_list)', () => {
	test('Return All pages by Offset (page size 2) until TotalCount; Limit stops early', async () => {
		for (const g of ids('j', 5)) sb.seedTencentGroup({ groupId: g, type: 'Public', members: ['u'] });
		const all = await run({ resource: 'group', operation: 'getJoined', account: 'u', returnAll: true, options: { pageSize: 2 } });
		expect(itemsOf(all).map((o) => o.json.groupId)).toEqual(ids('j', 5));
		expect(bodiesOf(sb, 'get_joined_group_list').map((b) => [b.Offset, b.Limit])).toEqual([[0, 2], [2, 2], [4, 2]]);
		sb.state.tencent.requests.splice(0);
		const some = await run({ resource: 'group', operation: 'getJoined', account: 'u', limit: 3, options: { pageSize: 2 } });
		expect(itemsOf(some)).toHaveLength(3);
		expect(bodiesOf(sb, 'get_joined_group_list').map((b) => [b.Offset, b.Limit])).toEqual([[0, 2], [2, 1]]);
	});

	test('an unknown user (10019) is an error item with continue-on-fail', async () => {
		const r = await run({ resource: 'group', operation: 'getJoined', account: 'nobody', returnAll: true }, { continueOnFail: true });
		expect(itemsOf(r)[0].json.code).toBe('10019');
	});
});

describe('the group locator list (listSearch searchGroups)', () => {
	test('lists group IDs with their names, searchable by name or ID, paged by Next', async () => {
		sb.seedTencentGroup({ groupId: 'sales', type: 'Public', name: 'Sales Team' });
		sb.seedTencentGroup({ groupId: 'ops', type: 'Public', name: 'Operations' });
		const all = await listSearch(sb, 'searchGroups');
		expect(all.results).toEqual([{ name: 'Sales Team (sales)', value: 'sales' }, { name: 'Operations (ops)', value: 'ops' }]);
		expect(all.paginationToken).toBeUndefined();
		expect((await listSearch(sb, 'searchGroups', 'team')).results.map((x) => x.value)).toEqual(['sales']);
		expect((await listSearch(sb, 'searchGroups', 'OPS')).results.map((x) => x.value)).toEqual(['ops']);
		expect(bodiesOf(sb, 'get_appid_group_list')[0]).toEqual({ Limit: 200, Next: 0 });
		expect(bodiesOf(sb, 'get_group_info')[0]).toEqual({ GroupIdList: ['sales', 'ops'], ResponseFilter: { GroupBaseInfoFilter: ['Name'] } });
	});

	test('more than a page: the Next cursor is the pagination token', async () => {
		for (const g of ids('p', 201)) sb.seedTencentGroup({ groupId: g, type: 'Public' });
		const first = await listSearch(sb, 'searchGroups');
		expect(first.results).toHaveLength(200);
		expect(first.paginationToken).toMatch(/^\d+$/);
		expect(bodiesOf(sb, 'get_group_info').map((b) => b.GroupIdList.length)).toEqual([50, 50, 50, 50]);
		const second = await listSearch(sb, 'searchGroups', undefined, first.paginationToken);
		expect(second.results.map((x) => x.value)).toEqual(['p200']);
	});
});
