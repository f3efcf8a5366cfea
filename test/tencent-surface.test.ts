/* eslint-disable */
// Tencent Chat accounts, group administration, group members and global mute (tencent-chat.md §5, §6)
// through the real n8n engine against the sandbox.
import type { IDataObject } from 'n8n-workflow';
import { itemsOf } from './helpers/fixtures';
import { outputOf } from './helpers/n8n-engine';
import { tencentEngine, tencentWorkflow } from './helpers/tencent';
import { startSandbox, type RtcSandbox } from '../sandbox/server';
import { SANDBOX_TENCENT } from '../sandbox/demo-credentials';
import { genUserSig } from '../nodes/TencentChat/transport/usersig';

let sb: RtcSandbox;
beforeAll(async () => {
	sb = await startSandbox();
});
afterAll(() => sb.close());
beforeEach(() => sb.reset());

const calls = (suffix: string) => sb.state.tencent.requests.filter((r) => r.path.endsWith(`/${suffix}`));
const run = async (params: IDataObject, o: { items?: IDataObject[]; continueOnFail?: boolean } = {}) =>
	(await tencentEngine(sb.url).run(tencentWorkflow(params, o))).run;
const ids = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i}`);
const pairs = (r: any) => itemsOf(r).map((o) => o.pairedItem);
const indexes = (n: number) => Array.from({ length: n }, (_, item) => ({ item }));

describe('Account → Import (account_import)', () => {
	test('imports with nickname and avatar; output per item', async () => {
		const r = await run({ resource: 'account', operation: 'import', account: 'alice', nick: 'Alice', faceUrl: 'https://x.test/a.png' });
		expect(r.data.resultData.error).toBeUndefined();
		expect(outputOf(r, 'Node')).toMatchObject([{ account: 'alice', status: 'imported', nick: 'Alice', faceUrl: 'https://x.test/a.png' }]);
		expect(sb.state.tencent.accounts.has('alice')).toBe(true);
		expect(sb.state.tencent.profiles.get('alice')).toEqual({ nick: 'Alice', faceUrl: 'https://x.test/a.png' });
		expect(calls('account_import')[0].code).toBe(0);
	});

	test('vendor error 70399: stops without continue-on-fail; an error item paired to its input with it', async () => {
		sb.configure({ tencent: { reimportBlockSeconds: 7776000 } });
		sb.state.tencent.deleted.set('gone', Date.now());
		const params = { resource: 'account', operation: 'import', account: '={{ $json.u }}' };
		const items = [{ u: 'a' }, { u: 'gone' }, { u: 'b' }];
		const off = await run(params, { items });
		expect(off.status).toBe('error');
		expect(off.data.resultData.error!.message).toMatch(/^Tencent Chat error 70399/);
		const on = await run(params, { items, continueOnFail: true });
		const out = itemsOf(on);
		expect(out.map((o) => o.json.status ?? o.json.code)).toEqual(['imported', '70399', 'imported']);
		expect(pairs(on)).toEqual(indexes(3));
	});
});

describe('Account → Import Many (multiaccount_import)', () => {
	test('250 items → 3 calls of 100/100/50 (AccountList form); FailAccounts mapped to their items', async () => {
		sb.configure({ tencent: { reimportBlockSeconds: 7776000 } });
		sb.state.tencent.deleted.set('m7', Date.now());
		sb.state.tencent.deleted.set('m180', Date.now());
		const items = ids('m', 250).map((u, i) => ({ u, n: `Nick ${i}` }));
		const r = await run({ resource: 'account', operation: 'importMany', account: '={{ $json.u }}', nick: '={{ $json.n }}' }, { items });
		expect(r.data.resultData.error).toBeUndefined();
		expect(calls('multiaccount_import')).toHaveLength(3);
		const out = itemsOf(r);
		expect(out).toHaveLength(250);
		expect(pairs(r)).toEqual(indexes(250));
		expect(out.map((o) => o.json.usersInCall)).toEqual([...Array(100).fill(100), ...Array(100).fill(100), ...Array(50).fill(50)]);
		expect(out[7].json).toMatchObject({ account: 'm7', status: 'failed' });
		expect(out[180].json).toMatchObject({ account: 'm180', status: 'failed' });
		expect(out[8].json).toMatchObject({ account: 'm8', status: 'imported', nick: 'Nick 8' });
		expect(out.filter((o) => o.json.status === 'imported')).toHaveLength(248);
		expect(sb.state.tencent.profiles.get('m249')).toEqual({ nick: 'Nick 249' });
		expect(sb.state.tencent.accounts.has('m7')).toBe(false);
	});

	test('the same user twice goes into separate calls; batch size is honoured', async () => {
		const items = [{ u: 'x' }, { u: 'y' }, { u: 'x' }, { u: 'z' }];
		const r = await run({ resource: 'account', operation: 'importMany', account: '={{ $json.u }}', options: { batchSize: 3 } }, { items });
		expect(calls('multiaccount_import')).toHaveLength(2);
		expect(itemsOf(r).map((o) => o.json.usersInCall)).toEqual([2, 2, 2, 2]);
	});
});

describe('Account → Check (account_check)', () => {
	test('150 items → 2 calls; Imported / NotImported per item', async () => {
		const accounts = ids('c', 150);
		sb.seedTencentAccounts(accounts.filter((_, i) => i % 3 === 0));
		const r = await run({ resource: 'account', operation: 'check', account: '={{ $json.u }}' }, { items: accounts.map((u) => ({ u })) });
		expect(calls('account_check')).toHaveLength(2);
		const out = itemsOf(r);
		expect(pairs(r)).toEqual(indexes(150));
		expect(out[0].json).toMatchObject({ account: 'c0', imported: true, accountStatus: 'Imported' });
		expect(out[1].json).toMatchObject({ account: 'c1', imported: false, accountStatus: 'NotImported' });
		expect(out.filter((o) => o.json.imported)).toHaveLength(50);
	});
});

describe('Account → Delete (account_delete)', () => {
	test('deletes per item; an unknown account is reported failed with its ResultCode; memberships go too', async () => {
		sb.seedTencentGroup({ groupId: 'g', type: 'Public', owner: 'd0', members: ['d1'] });
		sb.seedTencentAccounts(['d2']);
		const items = [{ u: 'd0' }, { u: 'd1' }, { u: 'nobody' }, { u: 'd2' }];
		const r = await run({ resource: 'account', operation: 'delete', account: '={{ $json.u }}' }, { items });
		expect(r.data.resultData.error).toBeUndefined();
		expect(calls('account_delete')).toHaveLength(1);
		expect(itemsOf(r).map((o) => [o.json.account, o.json.status, o.json.errorCode])).toEqual([
			['d0', 'deleted', undefined],
			['d1', 'deleted', undefined],
			['nobody', 'failed', 70107],
			['d2', 'deleted', undefined],
		]);
		expect(pairs(r)).toEqual(indexes(4));
		const g = sb.state.tencent.groups.get('g')!;
		expect([...g.members]).toEqual([]);
		expect(g.owner).toBeUndefined();
		expect(['d0', 'd1', 'd2'].some((a) => sb.state.tencent.accounts.has(a))).toBe(false);
	});

	test('130 items → calls of 100 and 30', async () => {
		const accounts = ids('z', 130);
		sb.seedTencentAccounts(accounts);
		await run({ resource: 'account', operation: 'delete', account: '={{ $json.u }}' }, { items: accounts.map((u) => ({ u })) });
		expect(calls('account_delete')).toHaveLength(2);
		expect(accounts.some((a) => sb.state.tencent.accounts.has(a))).toBe(false);
	});

	test('deletion not enabled (71000): error, or one error item per item of the call with continue-on-fail', async () => {
		sb.configure({ tencent: { accountDeleteDisabled: true } });
		sb.seedTencentAccounts(['a', 'b']);
		const params = { resource: 'account', operation: 'delete', account: '={{ $json.u }}' };
		const off = await run(params, { items: [{ u: 'a' }, { u: 'b' }] });
		expect(off.data.resultData.error!.message).toMatch(/^Tencent Chat error 71000/);
		const on = await run(params, { items: [{ u: 'a' }, { u: 'b' }], continueOnFail: true });
		expect(itemsOf(on).map((o) => o.json.code)).toEqual(['71000', '71000']);
		expect(pairs(on)).toEqual(indexes(2));
		expect(sb.state.tencent.accounts.has('a')).toBe(true);
	});
});

describe('Account → Query Online Status (query_online_status)', () => {
	test('600 items → calls of 500 and 100; statuses and ErrorList (70107) per item', async () => {
		const accounts = ids('o', 600);
		sb.seedTencentAccounts(accounts.filter((a) => a !== 'o550'));
		sb.seedTencentOnline('o1', 'Online');
		sb.seedTencentOnline('o2', 'PushOnline');
		sb.seedTencentOnline('o520', [{ Platform: 'Web', Status: 'Online' }]);
		const r = await run({ resource: 'account', operation: 'queryOnlineStatus', account: '={{ $json.u }}' }, { items: accounts.map((u) => ({ u })) });
		expect(r.data.resultData.error).toBeUndefined();
		expect(calls('query_online_status')).toHaveLength(2);
		const out = itemsOf(r);
		expect(out).toHaveLength(600);
		expect(pairs(r)).toEqual(indexes(600));
		expect(out[0].json).toMatchObject({ account: 'o0', onlineStatus: 'Offline', online: false, usersInCall: 500 });
		expect(out[1].json).toMatchObject({ account: 'o1', onlineStatus: 'Online', online: true });
		expect(out[2].json).toMatchObject({ account: 'o2', onlineStatus: 'PushOnline', online: false });
		expect(out[520].json).toMatchObject({ account: 'o520', onlineStatus: 'Online', usersInCall: 100 });
		expect(out[550].json).toMatchObject({ account: 'o550', status: 'failed', errorCode: 70107 });
		expect(out[0].json.detail).toBeUndefined();
	});

	test('Include Device Details sends IsNeedDetail and returns platforms', async () => {
		sb.seedTencentOnline('p', [
			{ Platform: 'Android', Status: 'PushOnline' },
			{ Platform: 'Mac', Status: 'Online' },
		]);
		const r = await run({ resource: 'account', operation: 'queryOnlineStatus', account: 'p', options: { detail: true } });
		expect(outputOf(r, 'Node')[0]).toMatchObject({
			account: 'p',
			onlineStatus: 'Online',
			detail: [
				{ Platform: 'Android', Status: 'PushOnline' },
				{ Platform: 'Mac', Status: 'Online' },
			],
		});
	});

	test('items that differ in Include Device Details do not share a call', async () => {
		sb.seedTencentAccounts(['a', 'b', 'c']);
		const items = [{ u: 'a', d: false }, { u: 'b', d: true }, { u: 'c', d: true }];
		const r = await run({ resource: 'account', operation: 'queryOnlineStatus', account: '={{ $json.u }}', options: { detail: '={{ $json.d }}' } }, { items });
		expect(calls('query_online_status')).toHaveLength(2);
		expect(itemsOf(r).map((o) => o.json.detail)).toEqual([undefined, [], []]);
	});
});

describe('Group → Create / Destroy', () => {
	test('create with custom ID, owner, texts, join option and initial members', async () => {
		sb.seedTencentAccounts(['owner', 'm1', 'm2']);
		const r = await run({
			resource: 'group',
			operation: 'create',
			groupType: 'Public',
			name: '项目组',
			options: {
				groupId: 'proj-1',
				owner: 'owner',
				introduction: 'About us',
				notification: 'Be nice',
				applyJoinOption: 'FreeAccess',
				maxMemberCount: 50,
				members: 'm1, m2, owner, m1',
			},
		});
		expect(r.data.resultData.error).toBeUndefined();
		expect(outputOf(r, 'Node')[0]).toMatchObject({ status: 'created', groupId: 'proj-1', type: 'Public', owner: 'owner', initialMembers: ['m1', 'm2'] });
		const g = sb.state.tencent.groups.get('proj-1')!;
		expect(g).toMatchObject({ name: '项目组', owner: 'owner', introduction: 'About us', notification: 'Be nice', applyJoinOption: 'FreeAccess', maxMemberCount: 50 });
		expect([...g.members].sort()).toEqual(['m1', 'm2', 'owner']);
	});

	test('without a custom ID Tencent generates an @TGS# ID; a Community may enable topics', async () => {
		const r = await run({ resource: 'group', operation: 'create', groupType: 'Community', name: 'fans', options: { supportTopic: true } });
		const [out] = outputOf(r, 'Node') as any[];
		expect(out.groupId).toMatch(/^@TGS#/);
		expect(sb.state.tencent.groups.get(out.groupId)).toMatchObject({ type: 'Community', supportTopic: true });
	});

	test('a taken ID (10021): error without continue-on-fail, error item with it; the others are created', async () => {
		sb.seedTencentGroup({ groupId: 'taken', type: 'Public' });
		const params = { resource: 'group', operation: 'create', groupType: 'Private', name: '={{ $json.id }}', options: { groupId: '={{ $json.id }}' } };
		const off = await run(params, { items: [{ id: 'taken' }] });
		expect(off.data.resultData.error!.message).toMatch(/^Tencent Chat error 10021/);
		const on = await run(params, { items: [{ id: 'new1' }, { id: 'taken' }, { id: 'new2' }], continueOnFail: true });
		expect(itemsOf(on).map((o) => o.json.status ?? o.json.code)).toEqual(['created', '10021', 'created']);
		expect(pairs(on)).toEqual(indexes(3));
	});

	test('destroy; an unknown group is 10010', async () => {
		sb.seedTencentGroup({ groupId: 'd1', type: 'Public' });
		const items = [{ g: 'd1' }, { g: 'd1' }];
		const r = await run({ resource: 'group', operation: 'destroy', groupId: '={{ $json.g }}' }, { items, continueOnFail: true });
		expect(itemsOf(r).map((o) => o.json.status ?? o.json.code)).toEqual(['destroyed', '10010']);
		expect(sb.state.tencent.groups.has('d1')).toBe(false);
		const off = await run({ resource: 'group', operation: 'destroy', groupId: 'd1' });
		expect(off.data.resultData.error!.message).toMatch(/^Tencent Chat error 10010/);
	});
});

describe('Group → List All (get_appid_group_list)', () => {
	beforeEach(() => {
		for (let i = 0; i < 25; i++) sb.seedTencentGroup({ groupId: `g${String(i).padStart(2, '0')}`, type: i % 5 === 0 ? 'AVChatRoom' : 'Public' });
	});

	test('Return All walks every page with Next; one item per group, all paired to the input item', async () => {
		const r = await run({ resource: 'group', operation: 'listAll', returnAll: true, options: { pageSize: 10 } });
		expect(calls('get_appid_group_list')).toHaveLength(3);
		const out = itemsOf(r);
		expect(out.map((o) => o.json.groupId)).toEqual(Array.from({ length: 25 }, (_, i) => `g${String(i).padStart(2, '0')}`));
		expect(out.every((o) => (o.pairedItem as any).item === 0)).toBe(true);
		expect(out[0].json).toMatchObject({ totalCount: 25, page: 1 });
		expect(out[24].json).toMatchObject({ page: 3 });
	});

	test('Limit stops early and never asks for more than it needs', async () => {
		const r = await run({ resource: 'group', operation: 'listAll', returnAll: false, limit: 12, options: { pageSize: 10 } });
		expect(calls('get_appid_group_list')).toHaveLength(2);
		expect(itemsOf(r)).toHaveLength(12);
		const one = await run({ resource: 'group', operation: 'listAll', returnAll: false, limit: 3 });
		expect(outputOf(one, 'Node').map((o: any) => o.groupId)).toEqual(['g00', 'g01', 'g02']);
	});

	test('Group Type filter; every input item gets its own listing', async () => {
		const r = await run({ resource: 'group', operation: 'listAll', returnAll: true, options: { groupType: 'AVChatRoom' } }, { items: [{}, {}] });
		const out = itemsOf(r);
		expect(out).toHaveLength(10);
		expect(out.slice(0, 5).map((o) => o.json.groupId)).toEqual(['g00', 'g05', 'g10', 'g15', 'g20']);
		expect(out.map((o) => (o.pairedItem as any).item)).toEqual([0, 0, 0, 0, 0, 1, 1, 1, 1, 1]);
		expect(out[0].json.totalCount).toBe(5);
	});
});

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
		expect(out.failed).toEqual([{ member: 'm44', result: 'failed', resultCode: 0 }]);
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

describe('Global Mute → Set / Get (setnospeaking / getnospeaking)', () => {
	const text = (t: string) => ({ messageFormat: 'text', text: t });

	test('mute C2C for a duration and groups permanently; sends fail with 20012 / 10017; unmute lifts it', async () => {
		sb.seedTencentAccounts(['spammer', 'bob']);
		sb.seedTencentGroup({ groupId: 'g', type: 'Public', members: ['spammer', 'bob'] });
		const set = await run({ resource: 'globalMute', operation: 'set', account: 'spammer', c2cMute: 'duration', c2cSeconds: 600, groupMute: 'permanent' });
		expect(outputOf(set, 'Node')[0]).toMatchObject({ account: 'spammer', status: 'set', c2cMuteSeconds: 600, groupMuteSeconds: 4294967295 });
		expect(sb.state.tencent.mutes.get('spammer')!.groupUntil).toBe(Infinity);

		const got = await run({ resource: 'globalMute', operation: 'get', account: 'spammer' });
		const g = outputOf(got, 'Node')[0] as any;
		expect(g).toMatchObject({ account: 'spammer', c2cMuted: true, c2cPermanent: false, groupMuted: true, groupPermanent: true, groupMuteSeconds: 4294967295 });
		expect(g.c2cMuteSeconds).toBeGreaterThan(595);
		expect(g.c2cMuteSeconds).toBeLessThanOrEqual(600);

		const c2c = await run({ resource: 'message', operation: 'sendToUser', fromAccount: 'spammer', toAccount: 'bob', ...text('buy now') });
		expect(c2c.data.resultData.error!.message).toMatch(/^Tencent Chat error 20012/);
		const grp = await run({ resource: 'group', operation: 'sendMessage', groupId: 'g', fromAccount: 'spammer', ...text('buy now') });
		expect(grp.data.resultData.error!.message).toMatch(/^Tencent Chat error 10017/);
		expect(sb.state.tencent.c2c).toHaveLength(0);

		await run({ resource: 'globalMute', operation: 'set', account: 'spammer', c2cMute: 'unmute', groupMute: 'unmute' });
		const again = await run({ resource: 'group', operation: 'sendMessage', groupId: 'g', fromAccount: 'spammer', ...text('sorry') });
		expect(again.data.resultData.error).toBeUndefined();
		const cleared = await run({ resource: 'globalMute', operation: 'get', account: 'spammer' });
		expect(outputOf(cleared, 'Node')[0]).toMatchObject({ c2cMuted: false, groupMuted: false, c2cMuteSeconds: 0, groupMuteSeconds: 0 });
	});

	test('only the chosen kind is sent; the other is left unchanged', async () => {
		sb.seedTencentAccounts(['u']);
		await run({ resource: 'globalMute', operation: 'set', account: 'u', groupMute: 'permanent' });
		await run({ resource: 'globalMute', operation: 'set', account: 'u', c2cMute: 'duration', c2cSeconds: 60 });
		const got = await run({ resource: 'globalMute', operation: 'get', account: 'u' });
		expect(outputOf(got, 'Node')[0]).toMatchObject({ c2cMuted: true, groupPermanent: true });
	});

	test('getnospeaking answers without ActionStatus; the node still succeeds', async () => {
		sb.seedTencentAccounts(['u']);
		const answer = await raw('openconfigsvr/getnospeaking', { Get_Account: 'u' });
		expect(answer).toMatchObject({ ErrorCode: 0, C2CmsgNospeakingTime: 0, GroupmsgNospeakingTime: 0 });
		expect('ActionStatus' in answer).toBe(false);
		const r = await run({ resource: 'globalMute', operation: 'get', account: 'u' });
		expect(r.data.resultData.error).toBeUndefined();
		expect(calls('getnospeaking').map((c) => c.code)).toEqual([0, 0]);
	});

	test('unknown account (70107): error, or error item with continue-on-fail', async () => {
		sb.seedTencentAccounts(['known']);
		const params = { resource: 'globalMute', operation: 'set', account: '={{ $json.u }}', c2cMute: 'permanent' };
		const off = await run(params, { items: [{ u: 'ghost' }] });
		expect(off.data.resultData.error!.message).toMatch(/^Tencent Chat error 70107/);
		const on = await run(params, { items: [{ u: 'ghost' }, { u: 'known' }], continueOnFail: true });
		expect(itemsOf(on).map((o) => o.json.status ?? o.json.code)).toEqual(['70107', 'set']);
		expect(pairs(on)).toEqual(indexes(2));
	});
});

/** A raw signed call to the sandbox, for vendor-side rules the node never lets through. */
async function raw(path: string, body: unknown): Promise<any> {
	const usersig = genUserSig({ sdkAppId: SANDBOX_TENCENT.sdkAppId, key: SANDBOX_TENCENT.secretKey, identifier: SANDBOX_TENCENT.adminUserId, expireSeconds: 3600, nowSeconds: Math.floor(Date.now() / 1000) });
	const q = `sdkappid=${SANDBOX_TENCENT.sdkAppId}&identifier=${SANDBOX_TENCENT.adminUserId}&usersig=${usersig}&random=7&contenttype=json`;
	return await fetch(`${sb.url}/v4/${path}?${q}`, { method: 'POST', body: JSON.stringify(body) }).then((x) => x.json());
}

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
		expect((await raw(path, body)).ErrorCode).toBe(code);
	});

	test('a Community may use the @TGS#_ prefix; a deleted ID is blocked from re-import on paid editions', async () => {
		expect(await raw('group_open_http_svc/create_group', { Type: 'Community', Name: 'c', GroupId: '@TGS#_fans' })).toMatchObject({ ErrorCode: 0, GroupId: '@TGS#_fans' });
		sb.configure({ tencent: { reimportBlockSeconds: 7776000 } });
		sb.seedTencentAccounts(['u']);
		expect((await raw('im_open_login_svc/account_delete', { DeleteItem: [{ UserID: 'u' }] })).ResultItem).toEqual([{ UserID: 'u', ResultCode: 0, ResultInfo: '' }]);
		expect((await raw('im_open_login_svc/account_import', { UserID: 'u' })).ErrorCode).toBe(70399);
		expect((await raw('im_open_login_svc/multiaccount_import', { Accounts: ['u', 'v'] })).FailAccounts).toEqual(['u']);
	});

	test('get_appid_group_list: Next is 0 when done; TotalCount counts the filtered type', async () => {
		for (const id of ['a', 'b', 'c']) sb.seedTencentGroup({ groupId: id, type: 'Public' });
		sb.seedTencentGroup({ groupId: 'live', type: 'AVChatRoom' });
		const p1 = await raw('group_open_http_svc/get_appid_group_list', { Limit: 2, GroupType: 'Public' });
		expect(p1).toMatchObject({ TotalCount: 3, GroupIdList: [{ GroupId: 'a' }, { GroupId: 'b' }] });
		expect(p1.Next).toBeGreaterThan(0);
		await new Promise((r) => setTimeout(r, 1100)); // 1 call/s (269/1614), enforced since issue 11
		const p2 = await raw('group_open_http_svc/get_appid_group_list', { Limit: 2, GroupType: 'Public', Next: p1.Next });
		expect(p2).toMatchObject({ TotalCount: 3, GroupIdList: [{ GroupId: 'c' }], Next: 0 });
	});
});

describe('validation before sending (field and item named, nothing sent)', () => {
	const long = (n: number) => 'x'.repeat(n);
	const cases: Array<[string, IDataObject, RegExp]> = [
		['import: user ID over 32 bytes', { resource: 'account', operation: 'import', account: long(33) }, /Invalid "User ID" in item 0: .* longer than 32 bytes/],
		['import: nickname over 500 bytes', { resource: 'account', operation: 'import', account: 'a', nick: long(501) }, /Invalid "Nickname" in item 0: is 501 bytes; the limit is 500 bytes/],
		['import many: empty user ID', { resource: 'account', operation: 'importMany', account: '={{ "" }}' }, /Invalid "User ID" in item 0: is required/],
		['import many: batch size 101', { resource: 'account', operation: 'importMany', account: 'a', options: { batchSize: 101 } }, /Invalid "Batch Size" in item 0: must be between 1 and 100/],
		['check: user ID as an object', { resource: 'account', operation: 'check', account: '={{ {a: 1} }}' }, /Invalid "User ID" in item 0: must be a user ID/],
		['delete: empty user ID', { resource: 'account', operation: 'delete', account: '={{ "" }}' }, /Invalid "User ID" in item 0/],
		['online status: batch size 501', { resource: 'account', operation: 'queryOnlineStatus', account: 'a', options: { batchSize: 501 } }, /Invalid "Batch Size" in item 0: must be between 1 and 500/],
		['create: name over 30 bytes', { resource: 'group', operation: 'create', groupType: 'Public', name: '一二三四五六七八九十一' }, /Invalid "Name" in item 0: is 33 bytes; the limit is 30 bytes/],
		['create: empty name', { resource: 'group', operation: 'create', groupType: 'Public', name: '={{ "  " }}' }, /Invalid "Name" in item 0: is required/],
		['create: introduction over 240 bytes', { resource: 'group', operation: 'create', groupType: 'Public', name: 'n', options: { introduction: long(241) } }, /Invalid "Introduction" in item 0: is 241 bytes/],
		['create: notification over 300 bytes', { resource: 'group', operation: 'create', groupType: 'Public', name: 'n', options: { notification: long(301) } }, /Invalid "Notification" in item 0: is 301 bytes/],
		['create: custom ID starting with @TGS#', { resource: 'group', operation: 'create', groupType: 'Public', name: 'n', options: { groupId: '@TGS#abc' } }, /Invalid "Custom Group ID" in item 0: must not start with @TGS#/],
		['create: custom ID over 48 bytes', { resource: 'group', operation: 'create', groupType: 'Public', name: 'n', options: { groupId: long(49) } }, /Invalid "Custom Group ID" in item 0: is 49 bytes/],
		['create: custom ID with a space', { resource: 'group', operation: 'create', groupType: 'Public', name: 'n', options: { groupId: 'a b' } }, /printable ASCII without spaces/],
		['create: members for an AVChatRoom', { resource: 'group', operation: 'create', groupType: 'AVChatRoom', name: 'n', options: { members: 'a' } }, /Invalid "Initial Member User IDs" in item 0: audio-video groups/],
		['create: topics outside a Community', { resource: 'group', operation: 'create', groupType: 'Public', name: 'n', options: { supportTopic: true } }, /Invalid "Enable Topics" in item 0/],
		['create: 501 initial members', { resource: 'group', operation: 'create', groupType: 'Public', name: 'n', options: { members: `={{ ${JSON.stringify(ids('k', 501))} }}` } }, /at most 500 members/],
		['create: unknown type from an expression', { resource: 'group', operation: 'create', groupType: '={{ "Secret" }}', name: 'n' }, /Invalid "Group Type" in item 0: must be one of/],
		['destroy: empty group ID', { resource: 'group', operation: 'destroy', groupId: '={{ "" }}' }, /Invalid "Group ID" in item 0/],
		['list all: limit 0', { resource: 'group', operation: 'listAll', returnAll: false, limit: '={{ 0 }}' }, /Invalid "Limit" in item 0: must be between 1/],
		['list all: page size over 10,000', { resource: 'group', operation: 'listAll', returnAll: true, options: { pageSize: 10001 } }, /Invalid "Page Size" in item 0/],
		['add members: none', { resource: 'groupMember', operation: 'add', groupId: 'g', members: ' , ' }, /Invalid "Member User IDs" in item 0: needs at least one user ID/],
		['add members: batch size 301', { resource: 'groupMember', operation: 'add', groupId: 'g', members: 'a', options: { batchSize: 301 } }, /Invalid "Batch Size" in item 0: must be between 1 and 300/],
		['add members: member over 32 bytes', { resource: 'groupMember', operation: 'add', groupId: 'g', members: `a, ${long(33)}` }, /Invalid "Member User IDs\[1\]" in item 0/],
		['delete members: no group', { resource: 'groupMember', operation: 'delete', groupId: '={{ null }}', members: 'a' }, /Invalid "Group ID" in item 0/],
		['online count: group ID over 48 bytes', { resource: 'groupMember', operation: 'getOnlineCount', groupId: long(49) }, /Invalid "Group ID" in item 0: is longer than 48 bytes/],
		['mute: nothing to set', { resource: 'globalMute', operation: 'set', account: 'a' }, /Nothing to set in item 0/],
		['mute: zero seconds', { resource: 'globalMute', operation: 'set', account: 'a', c2cMute: 'duration', c2cSeconds: 0 }, /Invalid "One-to-One Mute Seconds" in item 0: must be between 1 and 4294967294/],
		['mute: 4294967295 seconds as a duration', { resource: 'globalMute', operation: 'set', account: 'a', groupMute: 'duration', groupSeconds: 4294967295 }, /Invalid "Group Mute Seconds" in item 0/],
		['get mute: user ID over 32 bytes', { resource: 'globalMute', operation: 'get', account: long(33) }, /Invalid "User ID" in item 0/],
	];
	test.each(cases)('%s', async (_name, params, message) => {
		const r = await run(params);
		expect(r.status).toBe('error');
		expect(r.data.resultData.error!.message).toMatch(message);
		expect(sb.state.tencent.requests).toHaveLength(0);
	});

	test('with continue-on-fail only the invalid item becomes an error; coalesced calls carry the rest', async () => {
		const items = [{ u: 'a' }, { u: long(40) }, { u: 'b' }];
		const r = await run({ resource: 'account', operation: 'importMany', account: '={{ $json.u }}' }, { items, continueOnFail: true });
		const out = itemsOf(r);
		expect(out.map((o) => o.json.status ?? 'error')).toEqual(['imported', 'error', 'imported']);
		expect(String(out[1].json.error)).toMatch(/in item 1/);
		expect(calls('multiaccount_import')).toHaveLength(1);
		expect(pairs(r)).toEqual(indexes(3));
	});
});
