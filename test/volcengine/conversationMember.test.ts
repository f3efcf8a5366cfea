/* eslint-disable */
// Volcengine RTC → Conversation Member: Add (BatchAddConversationParticipant), Update
// (BatchModifyConversationParticipant), Remove (BatchDeleteConversationParticipant), Get
// (BatchGetConversationParticipant), Get Many (ScanConversationParticipantList), Check
// (IsUserInConversation), Add/Remove Admins (BatchAddManager/BatchRemoveManager), Update Live Group
// Member (BatchUpdateLiveParticipants), Get Live Group Status (QueryLiveParticipantStatus).
// Fields: Go SDK volc-sdk-golang service/im/model.go. Real n8n engine against the sandbox.
if (!process.env.N8N_LOG_LEVEL) process.env.N8N_LOG_LEVEL = 'silent'; // the engine would log every expected error
import type { IDataObject } from 'n8n-workflow';
import { detailsOf } from '../../sandbox/volcengine/memberState';
import type { RtcSandbox } from '../../sandbox/server';
import { BIG_CONV, BIG_USER, itemsOf, volcengineSuite, type RefusedCase } from './suite';

let sb: RtcSandbox;
const { run, calls, conv, expectRefused, sent, clearRequests } = volcengineSuite((s) => (sb = s));

/** Request bodies as received, every long number kept as text. */
const bodies = (action: string) => sent(action).map((b) => JSON.parse(b.replace(/([:\[,])\s*(\d{16,})/g, '$1"$2"')));
const ids = (n: number, from = 20001) => Array.from({ length: n }, (_, i) => String(from + i));
const op = (operation: string, extra: IDataObject = {}) => ({ resource: 'conversationMember', operation, conversationShortId: BIG_CONV, ...extra });
const LIVE = '77';

beforeEach(() => {
	sb.seedVolcengineConversation({ conversationShortId: BIG_CONV, owner: '1', members: ['2', '3'] });
	sb.seedVolcengineConversation({ conversationShortId: LIVE, type: 100, owner: '1', members: ['2', '3', '4'] });
	sb.seedVolcengineConversation({ conversationShortId: '11', type: 1, owner: '1', members: ['2'] });
});

describe('Conversation Member → Add / Update (one member per item, coalesced)', () => {
	test('Add: 60 items → calls of 50 and 10; profile stored; an owner role for a non-owner fails on its own item', async () => {
		const items = [...ids(59).map((id) => ({ id, role: 'member' })), { id: BIG_USER, role: 'owner' }];
		const params = op('add', {
			participantUserId: '={{ $json.id }}',
			operator: '1',
			memberFields: { nickName: '={{ "user " + $json.id }}', level: 3, role: '={{ $json.role }}', ext: { pairs: [{ key: 'team', value: 'support' }] } },
			options: { barrier: true },
		});
		const { run: r } = await run(params, { items });
		expect(r.data.resultData.error).toBeUndefined();
		expect(calls('BatchAddConversationParticipant').map((c) => c.size)).toEqual([50, 10]);
		const [first, second] = bodies('BatchAddConversationParticipant');
		expect(first).toMatchObject({ ConversationShortId: BIG_CONV, Operator: 1, Barrier: true });
		expect(first.ParticipantInfos[0]).toEqual({ ParticipantUserId: 20001, NickName: 'user 20001', Level: 3, Role: 0, Ext: { team: 'support' } });
		expect(second.ParticipantInfos[9]).toMatchObject({ ParticipantUserId: BIG_USER, Role: 1 });
		const out = itemsOf(r);
		out.forEach((o, i) => expect(o.pairedItem).toEqual({ item: i }));
		expect(out[0].json).toMatchObject({ status: 'added', participantUserId: '20001', conversationShortId: BIG_CONV, batchSize: 50 });
		expect(out[59].json).toMatchObject({ status: 'failed', participantUserId: BIG_USER, code: 'FailedUserIds', reason: expect.stringContaining('not added') });
		expect(conv(BIG_CONV).members.has(20030n)).toBe(true);
		expect(conv(BIG_CONV).members.has(BigInt(BIG_USER))).toBe(false);
		expect(detailsOf(conv(BIG_CONV)).members.get(20002n)).toMatchObject({ nickName: 'user 20002', level: 3, ext: { team: 'support' }, operator: 1n });
	});

	test('Add: a one-to-one chat is a vendor error (continue-on-fail off and on)', async () => {
		const params = op('add', { conversationShortId: '={{ $json.c }}', participantUserId: '5', operator: '1' });
		const off = await run(params, { items: [{ c: '11' }] });
		expect(off.run.status).toBe('error');
		const { run: r } = await run(params, { items: [{ c: '11' }, { c: BIG_CONV }], continueOnFail: true });
		const out = itemsOf(r);
		expect(out[0].json).toMatchObject({ code: 'InvalidParameter' });
		expect(out[0].pairedItem).toEqual({ item: 0 });
		expect(out[1].json).toMatchObject({ status: 'added', participantUserId: '5' });
		expect(calls('BatchAddConversationParticipant').filter((c) => c.code === 'InvalidParameter')).toHaveLength(2);
	});

	test('Update: only the fields given are sent; a member who is not in the group fails on its own item', async () => {
		const params = op('update', { participantUserId: '={{ $json.id }}', operator: '1', updateFields: { nickName: 'Bob', role: 'admin', blockTime: '1767225600' } });
		const { run: r } = await run(params, { items: [{ id: '2' }, { id: '99' }] });
		expect(bodies('BatchModifyConversationParticipant')).toEqual([
			{
				AppId: expect.any(Number),
				ConversationShortId: BIG_CONV,
				Operator: 1,
				ParticipantInfos: [
					{ ParticipantUserId: 2, NickName: 'Bob', Role: 2, BlockTime: 1767225600 },
					{ ParticipantUserId: 99, NickName: 'Bob', Role: 2, BlockTime: 1767225600 },
				],
			},
		]);
		expect(itemsOf(r).map((o) => [o.json.participantUserId, o.json.status])).toEqual([
			['2', 'updated'],
			['99', 'failed'],
		]);
		expect(conv(BIG_CONV).members.get(2n)).toBe(2);
		expect(detailsOf(conv(BIG_CONV)).members.get(2n)).toMatchObject({ nickName: 'Bob', blockTime: 1767225600n });
	});
});

describe('Conversation Member → Remove / Add Admins / Remove Admins (many users per item)', () => {
	test('Remove: 120 users → calls of 50, 50, 20 one after the other; non-members failed with code and reason', async () => {
		sb.seedVolcengineConversation({ conversationShortId: BIG_CONV, owner: '1', members: ids(118) });
		const { run: r } = await run(op('remove', { operator: '1', participantUserIds: [...ids(118), '5', '6'].join(',') }));
		expect(r.data.resultData.error).toBeUndefined();
		expect(calls('BatchDeleteConversationParticipant').map((c) => c.size)).toEqual([50, 50, 20]);
		expect(bodies('BatchDeleteConversationParticipant')[0]).toMatchObject({ Operator: 1, ConversationShortId: BIG_CONV });
		const [out] = itemsOf(r);
		expect(out.json).toMatchObject({ status: 'partial', userCount: 120, deliveredCount: 118, failedCount: 2, unknownCount: 0, notSentCount: 0, calls: 3 });
		expect(out.json.failed).toEqual([
			{ userId: '5', code: 'FailedUserIds', reason: 'Volcengine listed this user in FailedUserIds: not removed' },
			{ userId: '6', code: 'FailedUserIds', reason: 'Volcengine listed this user in FailedUserIds: not removed' },
		]);
		expect((out.json.removed as string[]).length).toBe(118);
		expect([...conv(BIG_CONV).members.keys()]).toEqual([1n]);
	});

	test('Remove: an unknown conversation is a vendor error (continue-on-fail off and on); the error keeps the summary', async () => {
		const params = op('remove', { conversationShortId: '={{ $json.c }}', operator: '1', participantUserIds: '2' });
		expect((await run(params, { items: [{ c: '404' }] })).run.status).toBe('error');
		const { run: r } = await run(params, { items: [{ c: '404' }, { c: BIG_CONV }], continueOnFail: true });
		const out = itemsOf(r);
		expect(out[0].json).toMatchObject({ code: 'InvalidParameter' });
		expect(JSON.stringify(out[0].json)).toContain('notSent');
		expect(out[1].json).toMatchObject({ status: 'removed', removed: ['2'] });
	});

	test('Add Admins / Remove Admins on a live group; a non-member fails; an ordinary group is refused by the vendor', async () => {
		const add = await run(op('addAdmins', { conversationShortId: LIVE, operator: '1', participantUserIds: '2, 3, 9' }));
		expect(itemsOf(add.run)[0].json).toMatchObject({ status: 'partial', promoted: ['2', '3'], failed: [{ userId: '9', code: 'FailedManagerUserIds' }] });
		expect(bodies('BatchAddManager')[0]).toMatchObject({ ConversationShortId: 77, Operator: 1, ManagerUserIds: [2, 3, 9] });
		expect(conv(LIVE).members.get(3n)).toBe(2);
		const remove = await run(op('removeAdmins', { conversationShortId: LIVE, operator: '1', participantUserIds: '3' }));
		expect(itemsOf(remove.run)[0].json).toMatchObject({ status: 'demoted', demoted: ['3'] });
		expect(bodies('BatchRemoveManager')[0].RemoveManagerUserIds).toEqual([3]);
		expect(conv(LIVE).members.get(3n)).toBe(0);
		const { run: r } = await run(op('addAdmins', { operator: '1', participantUserIds: '2' }), { continueOnFail: true });
		expect(itemsOf(r)[0].json).toMatchObject({ code: 'InvalidParameter' });
	});
});

describe('Conversation Member → reads', () => {
	test('Get: one item per user asked, in order, found: false for a non-member; calls of Batch Size', async () => {
		const { run: r } = await run(op('get', { participantUserIds: '3, 404, 1', options: { batchSize: 2 } }));
		expect(calls('BatchGetConversationParticipant').map((c) => c.size)).toEqual([2, 1]);
		const out = itemsOf(r);
		expect(out.map((o) => [o.json.participantUserId, o.json.found])).toEqual([
			['3', true],
			['404', false],
			['1', true],
		]);
		expect(out[2].json).toMatchObject({ conversationShortId: BIG_CONV, role: 1, operator: '1' });
		expect(out.every((o) => (o.pairedItem as any).item === 0)).toBe(true);
	});

	test('Get Many: Return All pages of 20 following NextCursor; Limit stops early; Only User IDs takes 50 a page', async () => {
		sb.seedVolcengineConversation({ conversationShortId: BIG_CONV, owner: '1', members: ids(44) });
		const all = await run(op('getMany', { returnAll: true }));
		expect(itemsOf(all.run).map((o) => o.json.participantUserId)).toEqual([...ids(44), '1']); // joining order (the seed adds the owner last)
		expect(bodies('ScanConversationParticipantList').map((b) => [b.Cursor, b.Limit])).toEqual([
			[0, 20],
			[20, 20],
			[40, 20],
		]);
		clearRequests();
		const limited = await run(op('getMany', { limit: 25, options: { onlyUserIds: true, pageSize: 50, reverse: true } }));
		expect(itemsOf(limited.run)).toHaveLength(25);
		expect(itemsOf(limited.run)[0].json).toEqual({ conversationShortId: BIG_CONV, participantUserId: '1' });
		expect(bodies('ScanConversationParticipantList').at(-1)).toMatchObject({ Limit: 25, OnlyUserIds: true, Reverse: true });
	});

	test('Get Many: online members of a live group with a mark; without it only the owner and admins', async () => {
		await run(op('updateLive', { conversationShortId: LIVE, participantUserId: '3', updateFields: { nickName: 'Speaker', marks: 'speaker' } }));
		const online = await run(op('getMany', { conversationShortId: LIVE, returnAll: true, options: { online: true, markType: 'speaker' } }));
		expect(itemsOf(online.run).map((o) => [o.json.participantUserId, o.json.nickName, o.json.marks])).toEqual([['3', 'Speaker', ['speaker']]]);
		const staff = await run(op('getMany', { conversationShortId: LIVE, returnAll: true }));
		expect(itemsOf(staff.run).map((o) => o.json.participantUserId)).toEqual(['1']);
	});

	test('Check: isMember true / false; an unknown conversation is a vendor error with continue-on-fail', async () => {
		const params = op('check', { conversationShortId: '={{ $json.c }}', participantUserId: '={{ $json.u }}' });
		const { run: r } = await run(params, { items: [{ c: BIG_CONV, u: '2' }, { c: BIG_CONV, u: '9' }, { c: '404', u: '2' }], continueOnFail: true });
		expect(itemsOf(r).map((o) => o.json.isMember ?? o.json.code)).toEqual([true, false, 'InvalidParameter']);
		expect(bodies('IsUserInConversation')[0]).toEqual({ AppId: expect.any(Number), ConversationShortId: BIG_CONV, ParticipantUserId: 2 });
	});
});

describe('Conversation Member → live groups', () => {
	test('Update Live Group Member: 12 items → calls of 10 and 2; FailedInfos code and message on their item; marks added', async () => {
		const items = [...['2', '3', '4'], ...ids(9)].map((id) => ({ id }));
		const { run: r } = await run(op('updateLive', { conversationShortId: LIVE, participantUserId: '={{ $json.id }}', updateFields: { avatarUrl: 'https://example.com/a.png', marks: 'vip' } }), { items });
		expect(calls('BatchUpdateLiveParticipants').map((c) => c.size)).toEqual([10, 2]);
		expect(bodies('BatchUpdateLiveParticipants')[0]).toMatchObject({ MarkAction: 1, ParticipantInfos: expect.arrayContaining([{ UserId: 2, AvatarUrl: 'https://example.com/a.png', Marks: ['vip'] }]) });
		const out = itemsOf(r);
		expect(out[0].json).toMatchObject({ status: 'updated', participantUserId: '2' });
		expect(out[3].json).toMatchObject({ status: 'failed', code: 'ParticipantNotInConversation', reason: 'participant not in conversation' });
		expect([...detailsOf(conv(LIVE)).members.get(4n)!.marks]).toEqual(['vip']);
	});

	test('Get Live Group Status: 250 users → calls of 200 and 50; one item per user', async () => {
		const { run: r } = await run(op('getLiveStatus', { conversationShortId: LIVE, participantUserIds: ['2', ...ids(249)] }));
		expect(calls('QueryLiveParticipantStatus').map((c) => c.size)).toEqual([200, 50]);
		const out = itemsOf(r);
		expect(out).toHaveLength(250);
		expect(out[0].json).toMatchObject({ found: true, participantUserId: '2', isInConversation: true, conversationShortId: LIVE });
		expect(out[1].json).toMatchObject({ participantUserId: '20001', isInConversation: false });
	});

	// The vendor refuses the first item (an unknown, one-to-one or not-live conversation); with continue-on-fail it
	// becomes an error item paired with its input and the second item still goes through.
	test.each<[string, IDataObject, string, string]>([
		['update', { participantUserId: '2', operator: '1', updateFields: { nickName: 'A' } }, '11', BIG_CONV],
		['get', { participantUserIds: '2' }, '404', BIG_CONV],
		['getMany', { returnAll: true }, '404', BIG_CONV],
		['removeAdmins', { operator: '1', participantUserIds: '2' }, BIG_CONV, LIVE],
		['updateLive', { participantUserId: '2', updateFields: { nickName: 'A' } }, BIG_CONV, LIVE],
		['getLiveStatus', { participantUserIds: '2' }, BIG_CONV, LIVE],
	])('%s: a vendor error fails only its item with continue-on-fail', async (operation, extra, bad, good) => {
		const params = op(operation, { ...extra, conversationShortId: '={{ $json.c }}' });
		expect((await run(params, { items: [{ c: bad }] })).run.status).toBe('error');
		const { run: r } = await run(params, { items: [{ c: bad }, { c: good }], continueOnFail: true });
		const out = itemsOf(r);
		expect(out[0].json).toMatchObject({ code: 'InvalidParameter' });
		expect(out[0].pairedItem).toEqual({ item: 0 });
		expect(out.slice(1).length).toBeGreaterThan(0);
		expect(out.slice(1).every((o) => o.json.code === undefined && (o.pairedItem as any).item === 1)).toBe(true);
	});

	test.each<RefusedCase>([
		['Member User IDs only separators', () => op('remove', { operator: '1', participantUserIds: ' , ' }), 'Member User IDs', /at least one user/],
		['Operator above int64', () => op('remove', { operator: '9223372036854775808', participantUserIds: '2' }), 'Operator User ID', undefined],
		['Batch Size 201', () => op('remove', { operator: '1', participantUserIds: '2', options: { batchSize: 201 } }), 'Batch Size', undefined],
		['Update without fields', () => op('update', { participantUserId: '2', operator: '1', updateFields: {} }), 'Update Fields', undefined],
		['Level negative', () => op('add', { participantUserId: '2', operator: '1', memberFields: { level: -1 } }), 'Level', undefined],
		['Live update with marks only', () => op('updateLive', { participantUserId: '2', updateFields: { marks: 'vip' } }), 'Update Fields', /Nickname, Avatar URL or Extra Fields/],
		['Page Size 21 with details', () => op('getMany', { options: { pageSize: 21 } }), 'Page Size', undefined],
		['Live status Batch Size 201', () => op('getLiveStatus', { participantUserIds: '2', options: { batchSize: 201 } }), 'Batch Size', undefined],
	])('bad inputs are refused before anything is sent: %s', async (_label, params, field, reason) => {
		await expectRefused(params(), field, reason);
	});
});
