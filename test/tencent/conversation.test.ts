/* eslint-disable */
// Tencent Chat → Conversation: Get Many (recentcontact/get_list), Delete (recentcontact/delete),
// Get Unread Count (get_c2c_unread_msg_num), Set Group Unread Count (set_unread_msg_num), Create /
// Update / Delete Group (create/update/del_contact_group), Mark (mark_contact), Get Marks
// (search_contact_group), Get All Marks (get_contact_group). Real n8n engine against the sandbox.
if (!process.env.N8N_LOG_LEVEL) process.env.N8N_LOG_LEVEL = 'silent';
import { outputOf } from '../../harness/engine';
import type { RtcSandbox } from '../../sandbox/server';
import { sessionsOf } from '../../sandbox/tencent/sessionState';
import { ids, indexes, itemsOf, pairs, tencentSuite } from './suite';

let sb: RtcSandbox;
const { run: execute, calls, expectRefused } = tencentSuite((s) => (sb = s));
const run = async (...args: Parameters<typeof execute>) => (await execute(...args)).run;
const S = () => sessionsOf(sb.state.tencent);
const conv = 'conversation';

beforeEach(() => {
	sb.configure({ tencent: { logBodies: true } });
	sb.seedTencentAccounts(['alice', 'bob', 'carol']);
});

describe('Conversation → Get Many (get_list) / Delete (delete)', () => {
	beforeEach(() => {
		S().conversations.set('alice', [
			{ type: 1, peer: 'bob', msgTime: 1700000005, top: false },
			{ type: 2, peer: '@TGS#1', msgTime: 1700000004, top: true },
			{ type: 1, peer: 'carol', msgTime: 1700000003, top: false },
			{ type: 2, peer: '@TGS#2', msgTime: 1700000002, top: false },
		]);
	});

	test('Return All sends back the four cursors until CompleteFlag; pinned first; one item per conversation', async () => {
		S().conversationPage = 3;
		const r = await run({ resource: conv, operation: 'getMany', fromAccount: 'alice', returnAll: true });
		expect(itemsOf(r).map((o) => o.json)).toEqual([
			{ type: 'group', groupId: '@TGS#1', msgTime: 1700000004, topFlag: 1, pinned: true },
			{ type: 'c2c', peer: 'bob', msgTime: 1700000005, topFlag: 0, pinned: false },
			{ type: 'c2c', peer: 'carol', msgTime: 1700000003, topFlag: 0, pinned: false },
			{ type: 'group', groupId: '@TGS#2', msgTime: 1700000002, topFlag: 0, pinned: false },
		]);
		const bodies = calls('recentcontact/get_list').map((c) => c.body as any);
		expect(bodies[0]).toEqual({ From_Account: 'alice', TimeStamp: 0, StartIndex: 0, TopTimeStamp: 0, TopStartIndex: 0, AssistFlags: 63 });
		expect(bodies[1]).toMatchObject({ StartIndex: 2, TopStartIndex: 1 });
		expect(bodies[1].TimeStamp).toBeGreaterThan(0);
		expect(pairs(r)).toEqual(Array(4).fill({ item: 0 }));
	});

	test('Limit; an unknown user (50001) with continue-on-fail', async () => {
		const r = await run({ resource: conv, operation: 'getMany', fromAccount: '={{ $json.u }}', limit: 2 }, { items: [{ u: 'alice' }, { u: 'ghost' }], continueOnFail: true });
		expect(itemsOf(r).map((o) => o.json.code ?? o.json.type)).toEqual(['group', 'c2c', '50001']);
		expect(pairs(r)).toEqual([{ item: 0 }, { item: 0 }, { item: 1 }]);
	});

	test('Delete a group conversation sends ToGroupid; Clear Messages sends ClearRamble 1 and clears the history', async () => {
		sb.state.tencent.c2c.push({ from: 'alice', to: 'bob', msgKey: '1_1_1', msgSeq: 1, msgRandom: 1, msgTime: 1, msgLifeTime: 0, msgBody: [], via: 'sendmsg', recalled: false, at: 0 });
		const g = await run({ resource: conv, operation: 'delete', fromAccount: 'alice', conversationType: 'group', peerGroupId: '@TGS#1' });
		expect(outputOf(g, 'Node')[0]).toMatchObject({ status: 'deleted', user: 'alice', type: 'group', groupId: '@TGS#1', messagesCleared: false });
		expect(calls('recentcontact/delete')[0].body).toEqual({ From_Account: 'alice', Type: 2, ToGroupid: '@TGS#1' });
		const c = await run({ resource: conv, operation: 'delete', fromAccount: 'alice', peerAccount: 'bob', options: { clearRamble: true } });
		expect(outputOf(c, 'Node')[0]).toMatchObject({ status: 'deleted', type: 'c2c', peer: 'bob', messagesCleared: true });
		expect(calls('recentcontact/delete')[1].body).toEqual({ From_Account: 'alice', Type: 1, To_Account: 'bob', ClearRamble: 1 });
		expect(S().conversations.get('alice')!.map((x) => x.peer)).toEqual(['carol', '@TGS#2']);
		expect(sb.state.tencent.c2c).toHaveLength(0);
	});
});

describe('Conversation → Get Unread Count / Set Group Unread Count', () => {
	test('total and per peer; a peer that was never imported is listed as failed (70107)', async () => {
		for (const [from, t] of [['bob', 10], ['bob', 11], ['carol', 12]] as const) {
			sb.state.tencent.c2c.push({ from, to: 'alice', msgKey: `${t}_1_${t}`, msgSeq: t, msgRandom: 1, msgTime: t, msgLifeTime: 0, msgBody: [], via: 'sendmsg', recalled: false, at: 0 });
		}
		const r = await run({ resource: conv, operation: 'getUnreadCount', toAccount: 'alice', peers: 'bob, ghost' });
		expect(outputOf(r, 'Node')[0]).toMatchObject({ user: 'alice', totalUnread: 3, peers: [{ peer: 'bob', unread: 2 }], failed: [{ peerAccount: 'ghost', code: '70107' }] });
		expect(calls('get_c2c_unread_msg_num')[0].body).toEqual({ To_Account: 'alice', Peer_Account: ['bob', 'ghost'] });
		await run({ resource: 'message', operation: 'markRead', reportAccount: 'alice', peerAccount: 'bob', msgReadTime: 10 });
		const after = await run({ resource: conv, operation: 'getUnreadCount', toAccount: 'alice', peers: 'bob' });
		expect(outputOf(after, 'Node')[0]).toMatchObject({ totalUnread: 2, peers: [{ peer: 'bob', unread: 1 }] });
	});

	test('11 peers are refused before sending', async () => {
		await expectRefused({ resource: conv, operation: 'getUnreadCount', toAccount: 'alice', peers: ids('p', 11).join(',') }, 'Peer User IDs', /at most 10/);
	});

	test('set a member unread count; a non-member (10007) with continue-on-fail', async () => {
		sb.seedTencentGroup({ groupId: 'g', type: 'Public', members: ['alice'] });
		const r = await run({ resource: conv, operation: 'setGroupUnreadCount', groupId: 'g', memberAccount: '={{ $json.u }}', unreadMsgNum: 5 }, { items: [{ u: 'alice' }, { u: 'bob' }], continueOnFail: true });
		expect(itemsOf(r).map((o) => o.json.code ?? o.json.status)).toEqual(['updated', '10007']);
		expect(S().groupUnread.get('g')!.get('alice')).toBe(5);
		expect(calls('set_unread_msg_num')[0].body).toEqual({ GroupId: 'g', Member_Account: 'alice', UnreadMsgNum: 5 });
	});
});

describe('Conversation → groups and marks', () => {
	const create = (extra = {}) => ({ resource: conv, operation: 'createGroup', fromAccount: 'alice', groupName: 'Customers', contactsPeers: 'bob, carol', contactsGroups: '@TGS#1', ...extra });

	test('Create Group puts the conversations in; Update renames and adds/removes; Delete removes it', async () => {
		const r = await run(create());
		expect(outputOf(r, 'Node')[0]).toMatchObject({ status: 'created', user: 'alice', groupName: 'Customers', groupId: '1', conversationCount: 3, failed: [] });
		expect(calls('create_contact_group')[0].body).toEqual({
			From_Account: 'alice',
			GroupContactItem: [{ GroupName: 'Customers', ContactItem: [{ Type: 1, To_Account: 'bob' }, { Type: 1, To_Account: 'carol' }, { Type: 2, ToGroupId: '@TGS#1' }] }],
		});
		const up = await run({ resource: conv, operation: 'updateGroup', fromAccount: 'alice', groupName: 'Customers', addGroups: '@TGS#9', removePeers: 'carol' });
		expect(outputOf(up, 'Node')[0]).toMatchObject({ status: 'updated', groupName: 'Customers', conversationCount: 2 });
		expect((calls('update_contact_group')[0].body as any).UpdateGroup).toEqual({
			UpdateGroupType: 2,
			OldGroupName: 'Customers',
			ContactUpdateItem: [{ ContactOptType: 1, ContactItem: { Type: 2, ToGroupId: '@TGS#9' } }, { ContactOptType: 2, ContactItem: { Type: 1, To_Account: 'carol' } }],
		});
		expect([...S().contactGroups.get('alice')![0].members]).toEqual(['1:bob', '2:@TGS#1', '2:@TGS#9']);
		const ren = await run({ resource: conv, operation: 'updateGroup', fromAccount: 'alice', groupName: 'Customers', change: 'rename', newGroupName: 'Clients' });
		expect(outputOf(ren, 'Node')[0]).toMatchObject({ status: 'renamed', groupName: 'Clients', groupId: '1' });
		const del = await run({ resource: conv, operation: 'deleteGroup', fromAccount: 'alice', groupNames: 'Clients, Nope' });
		expect(outputOf(del, 'Node')[0]).toMatchObject({ status: 'deleted', groups: [{ groupName: 'Clients', groupId: '1' }] });
		expect(S().contactGroups.get('alice')).toEqual([]);
	});

	test('a name taken (51001) with continue-on-fail; over 1,000 tracked conversations fail one by one (51008)', async () => {
		await run(create());
		const again = await run(create(), { continueOnFail: true });
		expect(itemsOf(again)[0].json.code).toBe('51001');
		S().marks.set('alice', new Map(ids('1:x', 996).map((k) => [k, { standard: new Set([1]), at: 0 }])));
		const r = await run(create({ groupName: 'Big', contactsPeers: 'd1, d2', contactsGroups: '' }));
		expect(outputOf(r, 'Node')[0]).toMatchObject({ status: 'partial', conversationCount: 2, failed: [{ type: 'c2c', peer: 'd2', code: '51008' }] });
	});

	test('Mark: 150 items of one user → calls of 100 and 50; a conversation twice goes in the next call', async () => {
		const items = ids('u', 150).map((p) => ({ p }));
		const r = await run({ resource: conv, operation: 'mark', fromAccount: 'alice', peerAccount: '={{ $json.p }}', setMark: '1, 3', customMark: 'vip' }, { items });
		expect(r.data.resultData.error).toBeUndefined();
		expect(calls('mark_contact').map((c) => (c.body as any).MarkItem.length)).toEqual([100, 50]);
		expect((calls('mark_contact')[0].body as any).MarkItem[0]).toEqual({ OptType: 3, ContactItem: { Type: 1, To_Account: 'u0' }, SetMark: [1, 3], CustomMark: 'vip' });
		expect(itemsOf(r).every((o) => o.json.status === 'marked')).toBe(true);
		expect(pairs(r)).toEqual(indexes(150));
		const twice = await run({ resource: conv, operation: 'mark', fromAccount: 'alice', peerAccount: 'bob', clearMark: '={{ $json.b }}' }, { items: [{ b: '1' }, { b: '3' }] });
		expect(calls('mark_contact').slice(2).map((c) => (c.body as any).MarkItem.length)).toEqual([1, 1]);
		expect(itemsOf(twice).map((o) => o.json.status)).toEqual(['marked', 'marked']);
		expect((calls('mark_contact')[2].body as any).MarkItem[0]).toEqual({ OptType: 1, ContactItem: { Type: 1, To_Account: 'bob' }, ClearMark: [1] });
	});

	test('Get Marks and Get All Marks return marks with group names; Get All Marks pages by NextStartIndex', async () => {
		await run(create());
		await run({ resource: conv, operation: 'mark', fromAccount: 'alice', peerAccount: 'bob', setMark: '0, 2', customMark: 'vip' });
		const got = await run({ resource: conv, operation: 'getMarks', fromAccount: 'alice', contactsPeers: 'bob, nobody' });
		expect(itemsOf(got).map((o) => o.json)).toEqual([
			expect.objectContaining({ user: 'alice', type: 'c2c', peer: 'bob', standardMark: '101', customMark: 'vip', contactGroupId: ['1'], groupNames: ['Customers'] }),
		]);
		S().contactGroupPage = 2;
		const all = await run({ resource: conv, operation: 'getAllMarks', fromAccount: 'alice', returnAll: true });
		expect(itemsOf(all).map((o) => o.json.peer ?? o.json.groupId)).toEqual(['bob', 'carol', '@TGS#1']);
		expect(calls('get_contact_group').map((c) => (c.body as any).StartIndex)).toEqual([0, 2]);
	});

	test('bad input is refused before sending', async () => {
		await expectRefused(create({ groupName: 'x'.repeat(33) }), 'Group Name', /32 bytes/);
		await expectRefused(create({ contactsPeers: '', contactsGroups: '' }), 'Conversations', /at least 1/);
		await expectRefused({ resource: conv, operation: 'mark', fromAccount: 'alice', peerAccount: 'bob', setMark: '64' }, 'Set Standard Marks', /between 0 and 63/);
		await expectRefused({ resource: conv, operation: 'mark', fromAccount: 'alice', peerAccount: 'bob' }, 'Set Standard Marks', /nothing to change/);
	});
});

describe('Conversation → vendor errors with continue-on-fail (error item paired, the good item goes through)', () => {
	test.each([
		['delete', { operation: 'delete', peerAccount: 'bob' }, '50001'],
		['getUnreadCount', { operation: 'getUnreadCount', toAccount: '={{ $json.u }}' }, '20003'],
		['updateGroup', { operation: 'updateGroup', groupName: '={{ $json.u === "alice" ? "G" : "missing" }}', addPeers: 'bob' }, '51002'],
		['deleteGroup', { operation: 'deleteGroup', groupNames: 'G' }, '50001'],
		['getMarks', { operation: 'getMarks', contactsPeers: 'bob' }, '50001'],
		['getAllMarks', { operation: 'getAllMarks', returnAll: true }, '50001'],
	])('%s', async (_name, params, code) => {
		await run({ resource: conv, operation: 'createGroup', fromAccount: 'alice', groupName: 'G', contactsPeers: 'carol' });
		const items = _name === 'updateGroup' ? [{ u: 'alice' }, { u: 'bob' }] : [{ u: 'alice' }, { u: 'ghost' }];
		const r = await run({ resource: conv, fromAccount: _name === 'updateGroup' ? 'alice' : '={{ $json.u }}', ...params }, { items, continueOnFail: true });
		const out = itemsOf(r);
		expect(out.at(-1)!.json.code).toBe(code);
		expect(out.at(-1)!.pairedItem).toEqual({ item: 1 });
		expect(out.slice(0, -1).every((o) => o.json.code === undefined && (o.pairedItem as any).item === 0)).toBe(true);
	});
});
