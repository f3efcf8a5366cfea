/* eslint-disable */
// Tencent Chat → Group Member: Get Many (get_group_member_info), Update (modify_group_member_info),
// Mute / Unmute (forbid_send_msg), Get Muted (get_group_muted_account), Ban / Unban / Get Banned
// (ban_group_member, unban_group_member, get_group_ban_member), Get Roles (get_role_in_group),
// Import (import_group_member). Real n8n engine against the sandbox.
if (!process.env.N8N_LOG_LEVEL) process.env.N8N_LOG_LEVEL = 'silent';
import { outputOf } from '../../harness/engine';
import type { RtcSandbox } from '../../sandbox/server';
import { extraOf } from '../../sandbox/tencent/groupExtra';
import { bodiesOf, rl } from './groupLists';
import { ids, indexes, itemsOf, pairs, tencentSuite } from './suite';

let sb: RtcSandbox;
const { run: execute, expectRefused } = tencentSuite((s) => (sb = s));
const run = async (...args: Parameters<typeof execute>) => (await execute(...args)).run;
const sent = (path: string) => bodiesOf(sb, path);
const codes = (r: any) => itemsOf(r).map((o) => o.json.code ?? o.json.status);
beforeEach(() => sb.configure({ tencent: { logBodies: true } }));

describe('Group Member → Get Many (get_group_member_info)', () => {
	test('Offset pages until MemberNum; one item per member, camelCase; Limit stops early', async () => {
		sb.seedTencentGroup({ groupId: 'g', type: 'Public', owner: 'boss', members: ids('m', 4) });
		const all = await run({ resource: 'groupMember', operation: 'getMany', group: rl('g'), returnAll: true, options: { pageSize: 2 } });
		expect(itemsOf(all).map((o) => o.json.memberAccount)).toEqual(['m0', 'm1', 'm2', 'm3', 'boss']);
		expect(itemsOf(all)[4].json).toMatchObject({ role: 'Owner', msgFlag: 'AcceptAndNotify', muteUntil: 0 });
		expect(sent('get_group_member_info').map((b) => [b.Offset, b.Limit])).toEqual([[0, 2], [2, 2], [4, 2]]);
		sb.state.tencent.requests.splice(0);
		const some = await run({ resource: 'groupMember', operation: 'getMany', group: rl('g'), limit: 3, options: { pageSize: 2, roles: ['Member'], fields: 'Role' } });
		expect(itemsOf(some).map((o) => o.json)).toEqual([{ memberAccount: 'm0', role: 'Member' }, { memberAccount: 'm1', role: 'Member' }, { memberAccount: 'm2', role: 'Member' }]);
		expect(sent('get_group_member_info')[0]).toEqual({ GroupId: 'g', MemberInfoFilter: ['Role'], MemberRoleFilter: ['Member'], Limit: 2, Offset: 0 });
	});

	test('Community groups page with the Next cursor', async () => {
		sb.seedTencentGroup({ groupId: 'c', type: 'Community', members: ids('u', 5) });
		const r = await run({ resource: 'groupMember', operation: 'getMany', group: rl('c'), returnAll: true, options: { community: true, pageSize: 2 } });
		expect(itemsOf(r)).toHaveLength(5);
		expect(sent('get_group_member_info').map((b) => b.Next)).toEqual(['', 'c2', 'c4']);
		expect(sent('get_group_member_info').every((b) => b.Offset === undefined)).toBe(true);
	});

	test('a missing group (10010) is an error item with continue-on-fail, paired', async () => {
		sb.seedTencentGroup({ groupId: 'g', type: 'Public', members: ['a'] });
		const r = await run({ resource: 'groupMember', operation: 'getMany', group: rl('={{ $json.g }}'), returnAll: true }, { items: [{ g: 'nope' }, { g: 'g' }], continueOnFail: true });
		expect(itemsOf(r).map((o) => o.json.code ?? o.json.memberAccount)).toEqual(['10010', 'a']);
		expect(pairs(r)).toEqual(indexes(2));
	});
});

describe('Group Member → Update (modify_group_member_info)', () => {
	test('role, name card, custom data stored; a non-member is 10007 with continue-on-fail', async () => {
		sb.seedTencentGroup({ groupId: 'g', type: 'Public', owner: 'boss', members: ['m'] });
		const params = { resource: 'groupMember', operation: 'update', group: rl('g'), member: '={{ $json.u }}', updateFields: { role: 'Admin', nameCard: 'Lead', custom: { pairs: [{ key: 'title', value: 'cto' }] } } };
		const r = await run(params, { items: [{ u: 'm' }, { u: 'x' }], continueOnFail: true });
		expect(codes(r)).toEqual(['updated', '10007']);
		expect(itemsOf(r)[0].json).toMatchObject({ member: 'm', updated: ['Role', 'NameCard', 'AppMemberDefinedData'] });
		expect(sent('modify_group_member_info')[0]).toEqual({ GroupId: 'g', Member_Account: 'm', Role: 'Admin', NameCard: 'Lead', AppMemberDefinedData: [{ Key: 'title', Value: 'cto' }] });
		const g = sb.state.tencent.groups.get('g')!;
		expect(g.admins!.has('m')).toBe(true);
		expect(extraOf(g).members.get('m')!.nameCard).toBe('Lead');
	});

	test('bad input names the field; nothing sent', async () => {
		await expectRefused({ resource: 'groupMember', operation: 'update', group: rl('g'), member: 'm', updateFields: { nameCard: 'x'.repeat(51) } }, 'Name Card', /limit is 50 bytes/);
		await expectRefused({ resource: 'groupMember', operation: 'update', group: rl('g'), member: 'm', updateFields: {} }, 'Update Fields');
	});
});

describe('Group Member → Mute / Unmute / Get Muted (forbid_send_msg, get_group_muted_account)', () => {
	test('600 members → calls of 500 and 100 with MuteTime; Get Muted lists them; Unmute clears', async () => {
		const members = ids('m', 600);
		sb.seedTencentGroup({ groupId: 'g', type: 'Public', members });
		const r = await run({ resource: 'groupMember', operation: 'mute', group: rl('g'), members: members.join(','), muteTime: 600 });
		expect(outputOf(r, 'Node')[0]).toMatchObject({ status: 'muted', memberCount: 600, calls: 2 });
		expect(sent('forbid_send_msg').map((b) => [b.Members_Account.length, b.MuteTime])).toEqual([[500, 600], [100, 600]]);
		const muted = await run({ resource: 'groupMember', operation: 'getMuted', group: rl('g') });
		expect(itemsOf(muted)).toHaveLength(600);
		expect(itemsOf(muted)[0].json).toMatchObject({ groupId: 'g', member: 'm0', mutedUntil: expect.any(Number) });
		await run({ resource: 'groupMember', operation: 'unmute', group: rl('g'), members: 'm0,m1' });
		expect(sent('forbid_send_msg')[2]).toEqual({ GroupId: 'g', Members_Account: ['m0', 'm1'], MuteTime: 0 });
		expect(itemsOf(await run({ resource: 'groupMember', operation: 'getMuted', group: rl('g') }))).toHaveLength(598);
	});

	test('an unknown topic (10010) fails the item with continue-on-fail; a duration of 0 is refused before sending', async () => {
		sb.seedTencentGroup({ groupId: 'c', type: 'Community', members: ['a'] });
		const r = await run({ resource: 'groupMember', operation: 'mute', group: rl('c'), members: 'a', muteTime: 60, options: { topicId: 'nope' } }, { continueOnFail: true });
		expect(itemsOf(r)[0].json.code).toBe('10010');
		expect(sent('forbid_send_msg')[0].TopicId).toBe('nope');
		sb.state.tencent.requests.splice(0);
		await expectRefused({ resource: 'groupMember', operation: 'mute', group: rl('c'), members: 'a', muteTime: 0 }, 'Duration (Seconds)', /between 1 and 4294967295/);
	});
});

describe('Group Member → Ban / Unban / Get Banned (audio-video groups)', () => {
	test('25 members → calls of 20 and 5; Get Banned pages of 100 by NextOffset; Unban', async () => {
		const members = ids('v', 150);
		sb.seedTencentGroup({ groupId: 'live', type: 'AVChatRoom', members });
		const r = await run({ resource: 'groupMember', operation: 'ban', group: rl('live'), members: members.slice(0, 25).join(','), duration: 3600, options: { description: 'spam' } });
		expect(outputOf(r, 'Node')[0]).toMatchObject({ status: 'banned', calls: 2 });
		expect(sent('ban_group_member').map((b) => [b.Members_Account.length, b.Duration, b.Description])).toEqual([[20, 3600, 'spam'], [5, 3600, 'spam']]);
		await run({ resource: 'groupMember', operation: 'ban', group: rl('live'), members: members.slice(25).join(','), duration: 60 });
		const banned = await run({ resource: 'groupMember', operation: 'getBanned', group: rl('live'), returnAll: true });
		expect(itemsOf(banned)).toHaveLength(150);
		expect(sent('get_group_ban_member').map((b) => [b.Offset, b.Limit])).toEqual([[0, 100], [100, 100]]);
		await run({ resource: 'groupMember', operation: 'unban', group: rl('live'), members: 'v0' });
		expect(extraOf(sb.state.tencent.groups.get('live')!).bans.has('v0')).toBe(false);
	});

	test('banning in a group that is not audio-video: 10007, with continue-on-fail the item reports it', async () => {
		sb.seedTencentGroup({ groupId: 'pub', type: 'Public', members: ['a'] });
		const r = await run({ resource: 'groupMember', operation: 'ban', group: rl('pub'), members: 'a', duration: 60 }, { continueOnFail: true });
		expect(itemsOf(r)[0].json).toMatchObject({ code: '10007' });
		const off = await run({ resource: 'groupMember', operation: 'ban', group: rl('pub'), members: 'a', duration: 60 });
		expect(off.data.resultData.error!.message).toMatch(/^Tencent Chat error 10007/);
	});
});

describe('Group Member → Get Roles / Import', () => {
	test('600 users → calls of 500 and 100; one item per user with Owner / Admin / Member / NotMember', async () => {
		sb.seedTencentGroup({ groupId: 'g', type: 'Public', owner: 'boss', members: ['m'] });
		const users = ['boss', 'm', ...ids('x', 598)];
		const r = await run({ resource: 'groupMember', operation: 'getRoles', group: rl('g'), members: users.join(',') });
		expect(sent('get_role_in_group').map((b) => b.User_Account.length)).toEqual([500, 100]);
		expect(itemsOf(r).slice(0, 3).map((o) => o.json.role)).toEqual(['Owner', 'Member', 'NotMember']);
		expect(itemsOf(r)).toHaveLength(600);
	});

	test('310 members → calls of 300 and 10 with JoinTime and Role; per-member Result', async () => {
		sb.seedTencentGroup({ groupId: 'g', type: 'Public', members: ['i0'] });
		const members = ids('i', 310);
		sb.seedTencentAccounts(members.slice(0, 309));
		const r = await run({ resource: 'groupMember', operation: 'import', group: rl('g'), members: members.join(','), options: { joinTime: 1600000000, admin: true } });
		const [out] = outputOf(r, 'Node') as any[];
		expect(out).toMatchObject({ status: 'processed', calls: 2 });
		expect(out.results.slice(0, 2)).toEqual([{ member: 'i0', result: 'alreadyMember', resultCode: 2 }, { member: 'i1', result: 'imported', resultCode: 1 }]);
		expect(out.results[309]).toEqual({ member: 'i309', result: 'failed', resultCode: 0 });
		expect(sent('import_group_member').map((b) => b.MemberList.length)).toEqual([300, 10]);
		expect(sent('import_group_member')[0].MemberList[1]).toEqual({ Member_Account: 'i1', Role: 'Admin', JoinTime: 1600000000 });
		expect(extraOf(sb.state.tencent.groups.get('g')!).members.get('i1')!.joinTime).toBe(1600000000);
	});
});
