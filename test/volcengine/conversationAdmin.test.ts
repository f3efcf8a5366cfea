/* eslint-disable */
// Volcengine RTC → Conversation administration (issue 14): Create (CreateConversation), Delete
// (DestroyConversation), Update (ModifyConversation), Get (BatchGetConversations), Get Many
// (GetUserConversations), Get Member Count, Get / Update Member Settings, Mark / Get Marks, Get Read
// Receipts, Get / Set Read Positions. Bodies per volc-sdk-golang service/im/model.go. Real n8n
// engine against the sandbox.
if (!process.env.N8N_LOG_LEVEL) process.env.N8N_LOG_LEVEL = 'silent'; // the engine would log every expected error
import type { IDataObject } from 'n8n-workflow';
import type { RtcSandbox } from '../../sandbox/server';
import { BIG_CONV, BIG_USER, itemsOf, volcengineSuite, type RefusedCase } from './suite';

let sb: RtcSandbox;
const { run, calls, conv, sent, expectRefused } = volcengineSuite((s) => (sb = s));

const op = (operation: string, extra: IDataObject = {}) => ({ resource: 'conversation', operation, ...extra });
const byId = (value: string) => ({ __rl: true, mode: 'id', value });
/** Request bodies of one Action, int64s kept as strings. */
const bodies = (action: string) => sent(action).map((b) => JSON.parse(b.replace(/:(-?\d{16,})/g, ':"$1"')));

describe('Conversation → Create, Update, Delete', () => {
	test('Create a group: profile sent, an Idempotency Key drawn per item, a repeat answers "exists"', async () => {
		const params = op('create', { conversationType: 'group', ownerUserId: BIG_USER, additionalFields: { name: 'Order 1042', notice: 'Be kind', ext: { pairs: [{ key: 'orderId', value: '1042' }] } } });
		const { run: r } = await run(params);
		expect(r.data.resultData.error).toBeUndefined();
		const out = itemsOf(r)[0].json;
		expect(out).toMatchObject({ status: 'created', name: 'Order 1042', ownerUserId: BIG_USER, conversationType: 2, conversationTypeName: 'group' });
		const [body] = bodies('CreateConversation');
		expect(body).toMatchObject({ OwnerUserId: BIG_USER, ConversationCoreInfo: { ConversationType: 2, Name: 'Order 1042', Notice: 'Be kind', Ext: { orderId: '1042' } } });
		expect(body.IdempotentId).toMatch(/^[0-9a-f-]{36}$/);
		expect(out.idempotentId).toBe(body.IdempotentId);
		expect(conv(String(out.conversationShortId)).owner).toBe(BigInt(BIG_USER));

		const again = await run(op('create', { conversationType: 'group', ownerUserId: '1', additionalFields: { idempotentId: 'order-1042' } }), { items: [{}, {}] });
		const twice = itemsOf(again.run).map((o) => o.json);
		expect(twice.map((o) => o.status)).toEqual(['created', 'exists']);
		expect(twice[1].conversationShortId).toBe(twice[0].conversationShortId);
	});

	test('Create a one-to-one chat: Other User ID sent, no Idempotency Key invented (the vendor keys it by the two users)', async () => {
		const { run: r } = await run(op('create', { conversationType: 'oneToOne', ownerUserId: '1', otherUserId: '2' }), { items: [{}, {}] });
		const out = itemsOf(r).map((o) => o.json);
		expect(out.map((o) => o.status)).toEqual(['created', 'exists']);
		expect(out[0]).toMatchObject({ otherUserId: '2', conversationTypeName: 'oneToOne' });
		expect(bodies('CreateConversation').map((b) => [b.OtherUserId, 'IdempotentId' in b])).toEqual([[2, false], [2, false]]);
	});

	test('Update: only the fields set are sent; Delete: the owner dissolves it; a non-owner is a vendor error (continue-on-fail)', async () => {
		sb.seedVolcengineConversation({ conversationShortId: BIG_CONV, owner: '1', members: ['2'] });
		const { run: u } = await run(op('update', { conversationShortId: byId(BIG_CONV), updateFields: { name: 'Renamed', ownerUserId: '2' } }));
		expect(itemsOf(u)[0].json).toMatchObject({ status: 'updated', conversationShortId: BIG_CONV, updated: ['name', 'ownerUserId'] });
		expect(bodies('ModifyConversation')[0]).toEqual({ AppId: expect.any(Number), ConversationCoreInfo: { ConversationShortId: BIG_CONV, Name: 'Renamed', OwnerUserId: 2 } });
		expect(conv(BIG_CONV).owner).toBe(2n);

		const p = op('delete', { conversationShortId: byId(BIG_CONV), ownerUserId: '={{ $json.owner }}' });
		expect((await run(p, { items: [{ owner: '1' }] })).run.status).toBe('error');
		const { run: d } = await run(p, { items: [{ owner: '1' }, { owner: '2' }], continueOnFail: true });
		expect(itemsOf(d).map((o) => o.json.code ?? o.json.status)).toEqual(['AccessDenied', 'deleted']);
		expect(sb.state.volcengine.conversations.get(itemsOf(d)[1].json.appId as number)?.has(BigInt(BIG_CONV)) ?? false).toBe(false);
	});
});

describe('Conversation → Get, Get Many, Get Member Count', () => {
	beforeEach(() => {
		for (let i = 1; i <= 45; i++) sb.seedVolcengineConversation({ conversationShortId: String(1000 + i), owner: '1', members: ['2'] });
	});

	test('Get: 45 items → calls of ≤20 (ids coalesced), found: false for an unknown one; the locator and a plain id both work', async () => {
		const items = Array.from({ length: 45 }, (_, i) => ({ c: String(1000 + i + 1) }));
		items[3] = { c: '999' };
		const { run: r } = await run(op('get', { conversationShortId: { __rl: true, mode: 'id', value: '={{ $json.c }}' } }), { items });
		expect(r.data.resultData.error).toBeUndefined();
		expect(calls('BatchGetConversations').map((c) => c.size)).toEqual([20, 20, 5]);
		const out = itemsOf(r);
		out.forEach((o, i) => expect(o.pairedItem).toEqual({ item: i }));
		expect(out[3].json).toMatchObject({ found: false, conversationShortId: '999' });
		expect(out[0].json).toMatchObject({ found: true, conversationShortId: '1001', ownerUserId: '1' });
		expect(out[0].json.memberCount).toBeUndefined();
		expect(bodies('BatchGetConversations')[0].SkipMemberCount).toBe(true);

		// a saved workflow's plain string (the older field type) still works
		const plain = await run(op('get', { conversationShortId: '1002', options: { withMemberCount: true } }));
		expect(itemsOf(plain.run)[0].json).toMatchObject({ found: true, conversationShortId: '1002', memberCount: 2 });
	});

	test('Get Many: Return All follows NextCursor in pages of 20; Limit stops early', async () => {
		const all = await run(op('getMany', { participantUserId: '2', returnAll: true, options: { dataType: 'created' } }));
		const out = itemsOf(all.run).map((o) => o.json.conversationShortId);
		expect(out).toEqual(Array.from({ length: 45 }, (_, i) => String(1000 + i + 1)));
		expect(bodies('GetUserConversations').map((b) => [b.Cursor, b.Limit, b.DataType])).toEqual([[0, 20, 1], [20, 20, 1], [40, 20, 1]]);
		sb.state.volcengine.requests.length = 0;
		const some = await run(op('getMany', { participantUserId: '2', limit: 25 }));
		expect(itemsOf(some.run)).toHaveLength(25);
		expect(calls('GetUserConversations')).toHaveLength(2);
	});

	test('Get Many: Page Size above 20 is refused before anything is sent; a vendor error fails the item (continue-on-fail)', async () => {
		await expectRefused(op('getMany', { participantUserId: '2', options: { pageSize: 21 } }), 'Page Size');
		const { run: r } = await run(op('getMany', { participantUserId: '2', returnAll: true, appId: '={{ $json.app }}' }), { items: [{ app: '999' }], continueOnFail: true });
		expect(itemsOf(r)[0].json).toMatchObject({ code: 'InvalidParameter.NotExistAppId' });
	});

	test('Get Member Count', async () => {
		const { run: r } = await run(op('getMemberCount', { conversationShortId: byId('1001') }));
		expect(itemsOf(r)[0].json).toMatchObject({ conversationShortId: '1001', memberCount: 2 });
		expect(calls('GetConversationUserCount')).toHaveLength(1);
	});
});

describe('Conversation → member settings, marks, read positions, read receipts', () => {
	let ids: string[];
	beforeEach(() => {
		const c = sb.seedVolcengineConversation({ conversationShortId: BIG_CONV, owner: '1', members: ['2', '3'], messages: 5 });
		ids = c.messages.map((m) => m.messageId.toString());
	});
	const inConv = (operation: string, extra: IDataObject = {}) => op(operation, { conversationShortId: byId(BIG_CONV), ...extra });

	test('Update Member Settings: mute, then pin without unmuting (the current IsMute is read first)', async () => {
		const muted = await run(inConv('updateSettings', { participantUserId: '2', updateFields: { mute: true } }));
		expect(itemsOf(muted.run)[0].json).toMatchObject({ status: 'updated', isMute: true, updated: ['mute'] });
		expect(calls('GetConversationSetting')).toHaveLength(0);
		const pinned = await run(inConv('updateSettings', { participantUserId: '2', updateFields: { pinned: true } }));
		expect(itemsOf(pinned.run)[0].json).toMatchObject({ status: 'updated', isMute: true, isStickTop: true, updated: ['pinned'] });
		expect(calls('GetConversationSetting')).toHaveLength(1);
		const [, second] = bodies('ModifyConversationSetting');
		expect(second.ConversationSettingInfo).toMatchObject({ IsMute: true, IsStickTop: true });
		expect(Number(second.ConversationSettingInfo.StickTopTime)).toBeGreaterThan(0);

		const { run: g } = await run(inConv('getSettings', { participantUserId: '2' }));
		expect(itemsOf(g)[0].json).toMatchObject({ participantUserId: '2', conversationShortId: BIG_CONV, isMute: true, isStickTop: true, isSetFavorite: false, readIndex: '0' });
	});

	test('Get Member Settings of a non-member is a vendor error (continue-on-fail on and off)', async () => {
		const p = inConv('getSettings', { participantUserId: '={{ $json.u }}' });
		expect((await run(p, { items: [{ u: '9' }] })).run.status).toBe('error');
		const { run: r } = await run(p, { items: [{ u: '9' }, { u: '3' }], continueOnFail: true });
		expect(itemsOf(r).map((o) => o.json.code ?? o.json.participantUserId)).toEqual(['InvalidParameter', '3']);
	});

	test('Mark: add then remove; Get Marks reads them', async () => {
		await run(inConv('mark', { markTypes: 'vip, escalated, vip', options: { operator: '1' } }));
		expect(bodies('MarkConversation')[0]).toMatchObject({ MarkTypes: ['vip', 'escalated'], MarkAction: 1, Operator: 1 });
		const removed = await run(inConv('mark', { markAction: 'remove', markTypes: ['vip'] }));
		expect(itemsOf(removed.run)[0].json).toMatchObject({ status: 'unmarked', markTypes: ['vip'] });
		const { run: r } = await run(inConv('getMarks'));
		expect(itemsOf(r)[0].json).toMatchObject({ conversationShortId: BIG_CONV, markTypes: ['escalated'] });
	});

	test('Set Read Position, Get Read Positions and Get Read Receipts agree; moving back is a vendor error', async () => {
		const set = await run(inConv('setReadIndex', { participantUserId: '2', readIndex: '3' }));
		expect(itemsOf(set.run)[0].json).toMatchObject({ status: 'updated', participantUserId: '2', readIndex: '3' });
		const back = await run(inConv('setReadIndex', { participantUserId: '2', readIndex: '2' }), { continueOnFail: true });
		expect(itemsOf(back.run)[0].json).toMatchObject({ code: 'InvalidParameter' });

		const { run: idx } = await run(inConv('getReadIndexes'));
		expect(itemsOf(idx).map((o) => o.json)).toEqual([{ conversationShortId: BIG_CONV, participantUserId: '2', readIndex: '3', requestId: expect.any(String) }]);

		const wanted = [...ids, '123'];
		const { run: rr } = await run(inConv('getReadReceipts', { messageIds: wanted.join(','), options: { batchSize: 2 } }));
		expect(calls('GetMessagesReadReceipt').map((c) => c.size)).toEqual([2, 2, 2]);
		const out = itemsOf(rr).map((o) => o.json);
		expect(out.map((o) => o.messageId)).toEqual(wanted);
		expect(out[2]).toMatchObject({ found: true, readUserIds: ['2'], unReadUserIds: ['3'] });
		expect(out[3]).toMatchObject({ found: true, readUserIds: [], unReadUserIds: ['2', '3'] });
		expect(out[5]).toEqual({ found: false, messageId: '123', conversationShortId: BIG_CONV });
	});

	test.each<RefusedCase>([
		['Conversation not a number', () => op('getMarks', { conversationShortId: byId('={{ "abc" }}') }), 'Conversation', /digits only/],
		['Conversation empty', () => op('getMarks', { conversationShortId: '={{ "" }}' }), 'Conversation', /is required/],
		['Update without fields', () => op('update', { conversationShortId: byId('1'), updateFields: {} }), 'Update Fields', undefined],
		['Member settings without fields', () => op('updateSettings', { conversationShortId: byId('1'), participantUserId: '2', updateFields: {} }), 'Update Fields', undefined],
		['Read Position 0', () => op('setReadIndex', { conversationShortId: byId('1'), participantUserId: '2', readIndex: '0' }), 'Read Position', undefined],
		['Marks only separators', () => op('mark', { conversationShortId: byId('1'), markTypes: ' , ' }), 'Marks', /at least one mark/],
		['One-to-one without Other User ID', () => op('create', { conversationType: 'oneToOne', ownerUserId: '1', otherUserId: '={{ "" }}' }), 'Other User ID', /is required/],
		['Read receipts Batch Size 51', () => op('getReadReceipts', { conversationShortId: byId('1'), messageIds: '1', options: { batchSize: 51 } }), 'Batch Size', undefined],
	])('bad inputs are refused before anything is sent: %s', async (_label, params, field, reason) => {
		await expectRefused(params(), field, reason);
	});
});
