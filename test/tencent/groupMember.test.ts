/* eslint-disable */
// Tencent Chat → Group Member: Add (add_group_member), Delete (delete_group_member), Get Online
// Count (get_online_member_num) (tencent-chat.md §6). Real n8n engine against the sandbox.
if (!process.env.N8N_LOG_LEVEL) process.env.N8N_LOG_LEVEL = 'silent'; // the engine would log every expected error
import type { IDataObject } from 'n8n-workflow';
import { outputOf } from '../../harness/engine';
import type { RtcSandbox } from '../../sandbox/server';
import { ids, indexes, itemsOf, pairs, tencentSuite } from './suite';

let sb: RtcSandbox;
const { run: execute, calls } = tencentSuite((s) => (sb = s));
/** The run alone (status, data) of one engine run. */
const run = async (...args: Parameters<typeof execute>) => (await execute(...args)).run;

describe('Group Member → Add (add_group_member)', () => {
	beforeEach(() => {
		sb.seedTencentGroup({ groupId: 'g', type: 'Public', owner: 'boss', members: ['m0'] });
	});

	test('45 members → 3 calls at the default 20; per-member Result in the output', async () => {
		const members = ids('m', 45);
		sb.seedTencentAccounts(members.filter((m) => m !== 'm44'));
		const r = await run({ resource: 'groupMember', operation: 'add', groupId: 'g', members: members.join('\n') });
		expect(r.data.resultData.error).toBeUndefined();
		expect(calls('add_group_member')).toHaveLength(3);
		const [out] = outputOf(r, 'Node') as any[];
		expect(out).toMatchObject({ status: 'partial', memberCount: 45, addedCount: 43, alreadyMemberCount: 1, failedCount: 1, calls: 3, alreadyMembers: ['m0'] });
		expect(out.failed).toEqual([{ member: 'm44', result: 'failed', resultCode: 0, reason: expect.stringMatching(/^Tencent did not add this member/) }]);
		expect(sb.state.tencent.groups.get('g')!.members.size).toBe(45); // boss + m0…m43
	});

	test('Batch Size up to 300 goes in one call; per-member output', async () => {
		const members = ids('u', 250);
		sb.seedTencentAccounts(members);
		const r = await run({ resource: 'groupMember', operation: 'add', groupId: 'g', members: `={{ ${JSON.stringify(members)} }}`, options: { batchSize: 300, output: 'perMember', silence: true } });
		expect(calls('add_group_member')).toHaveLength(1);
		const out = itemsOf(r);
		expect(out).toHaveLength(250);
		expect(out[0].json).toMatchObject({ groupId: 'g', member: 'u0', result: 'added', resultCode: 1 });
		expect(out.every((o) => (o.pairedItem as any).item === 0)).toBe(true);
	});

	test('invitees waiting for confirmation are reported as pending (Result 3)', async () => {
		sb.seedTencentGroup({ groupId: 'w', type: 'Private', inviteNeedsConfirmation: true });
		sb.seedTencentAccounts(['i1']);
		const r = await run({ resource: 'groupMember', operation: 'add', groupId: 'w', members: 'i1' });
		expect(outputOf(r, 'Node')[0]).toMatchObject({ status: 'added', pending: ['i1'], pendingCount: 1 });
	});

	test('AVChatRoom (10007): error without continue-on-fail, error item with it', async () => {
		sb.seedTencentGroup({ groupId: 'live', type: 'AVChatRoom' });
		sb.seedTencentAccounts(['x']);
		const params = { resource: 'groupMember', operation: 'add', groupId: '={{ $json.g }}', members: 'x' };
		const off = await run(params, { items: [{ g: 'live' }] });
		expect(off.data.resultData.error!.message).toMatch(/^Tencent Chat error 10007/);
		const on = await run(params, { items: [{ g: 'g' }, { g: 'live' }], continueOnFail: true });
		// the error item keeps the summary (status "failed") next to the vendor's code
		expect(itemsOf(on).map((o) => o.json.code ?? o.json.status)).toEqual(['added', '10007']);
		expect(pairs(on)).toEqual(indexes(2));
	});

	test('a later chunk refused (10014 group full): the item reports what was added and what was not sent', async () => {
		sb.seedTencentGroup({ groupId: 'small', type: 'Public', maxMemberCount: 25 });
		const members = ids('s', 30);
		sb.seedTencentAccounts(members);
		const r = await run({ resource: 'groupMember', operation: 'add', groupId: 'small', members: members.join(',') });
		expect(r.data.resultData.error).toBeUndefined();
		const [out] = outputOf(r, 'Node') as any[];
		expect(out).toMatchObject({ status: 'partial', addedCount: 20, notSentCount: 10, error: { code: '10014' } });
		expect(out.notSent).toEqual(members.slice(20));
	});

	test('a vendor that allows only 20 per call refuses a larger batch (10005)', async () => {
		sb.configure({ tencent: { addGroupMemberMax: 20 } });
		const members = ids('q', 21);
		sb.seedTencentAccounts(members);
		const r = await run({ resource: 'groupMember', operation: 'add', groupId: 'g', members: members.join(','), options: { batchSize: 21 } });
		expect(r.data.resultData.error!.message).toMatch(/^Tencent Chat error 10005/);
	});
});

describe('Group Member → Delete (delete_group_member) / Get Online Count (get_online_member_num)', () => {
	test('250 members → calls of 100/100/50 with Silence and Reason; non-members succeed', async () => {
		const members = ids('r', 250);
		sb.seedTencentGroup({ groupId: 'g', type: 'Public', owner: 'boss', members: members.slice(0, 240) });
		const r = await run({ resource: 'groupMember', operation: 'delete', groupId: 'g', members: members.join(','), options: { silence: true, reason: 'cleanup' } });
		expect(r.data.resultData.error).toBeUndefined();
		expect(calls('delete_group_member')).toHaveLength(3);
		expect(outputOf(r, 'Node')[0]).toMatchObject({ status: 'removed', removedCount: 250, calls: 3 });
		expect([...sb.state.tencent.groups.get('g')!.members]).toEqual(['boss']);
	});

	test('AVChatRoom (10004) with continue-on-fail: error item paired to its input', async () => {
		sb.seedTencentGroup({ groupId: 'live', type: 'AVChatRoom', members: ['a'] });
		sb.seedTencentGroup({ groupId: 'pub', type: 'Public', members: ['a'] });
		const params = { resource: 'groupMember', operation: 'delete', groupId: '={{ $json.g }}', members: 'a' };
		const on = await run(params, { items: [{ g: 'live' }, { g: 'pub' }], continueOnFail: true });
		// the error item keeps the summary (status "failed") next to the vendor's code
		expect(itemsOf(on).map((o) => o.json.code ?? o.json.status)).toEqual(['10004', 'removed']);
		expect(pairs(on)).toEqual(indexes(2));
		const off = await run(params, { items: [{ g: 'live' }] });
		expect(off.data.resultData.error!.message).toMatch(/^Tencent Chat error 10004/);
	});

	test('online member count counts connected members only', async () => {
		sb.seedTencentGroup({ groupId: 'live', type: 'AVChatRoom', members: ['a', 'b', 'c', 'd'] });
		sb.seedTencentOnline('a', 'Online');
		sb.seedTencentOnline('b', [{ Platform: 'PC', Status: 'Online' }, { Platform: 'iPhone', Status: 'PushOnline' }]);
		sb.seedTencentOnline('c', 'PushOnline');
		sb.seedTencentOnline('outsider', 'Online');
		const r = await run({ resource: 'groupMember', operation: 'getOnlineCount', groupId: '={{ $json.g }}' }, { items: [{ g: 'live' }, { g: 'nope' }], continueOnFail: true });
		expect(itemsOf(r).map((o) => o.json.onlineMemberCount ?? o.json.code)).toEqual([2, '10010']);
	});
});

describe('validation before sending (field and item named, nothing sent)', () => {
	const long = (n: number) => 'x'.repeat(n);
	const cases: Array<[string, IDataObject, RegExp]> = [
		['add members: none', { resource: 'groupMember', operation: 'add', groupId: 'g', members: ' , ' }, /Invalid "Member User IDs" in item 0: needs at least one user ID/],
		['add members: batch size 301', { resource: 'groupMember', operation: 'add', groupId: 'g', members: 'a', options: { batchSize: 301 } }, /Invalid "Batch Size" in item 0: must be between 1 and 300/],
		['add members: member over 32 bytes', { resource: 'groupMember', operation: 'add', groupId: 'g', members: `a, ${long(33)}` }, /Invalid "Member User IDs\[1\]" in item 0/],
		['delete members: no group', { resource: 'groupMember', operation: 'delete', groupId: '={{ null }}', members: 'a' }, /Invalid "Group ID" in item 0/],
		['online count: group ID over 48 bytes', { resource: 'groupMember', operation: 'getOnlineCount', groupId: long(49) }, /Invalid "Group ID" in item 0: is longer than 48 bytes/],
	];
	test.each(cases)('%s', async (_name, params, message) => {
		const r = await run(params);
		expect(r.status).toBe('error');
		expect(r.data.resultData.error!.message).toMatch(message);
		expect(sb.state.tencent.requests).toHaveLength(0);
	});
});
