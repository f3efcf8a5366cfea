/* eslint-disable */
// Volcengine RTC → Conversation: Get Messages by ID (GetMessages), Get Many Messages
// (GetConversationMessages, at most 20 per call: doc 6348/337138), Delete Message (DeleteMessage,
// DeleteConversationMessage) and Update Message (ModifyMessage). Real n8n engine against the sandbox.
if (!process.env.N8N_LOG_LEVEL) process.env.N8N_LOG_LEVEL = 'silent'; // the engine would log every expected error
import type { IDataObject } from 'n8n-workflow';
import type { RtcSandbox } from '../../sandbox/server';
import { BIG_CONV, itemsOf, volcengineSuite, type RefusedCase } from './suite';

let sb: RtcSandbox;
const { run, calls, conv, expectRefused, urls, sent } = volcengineSuite((s) => (sb = s));

describe('Conversation (GetMessages, GetConversationMessages, DeleteMessage, DeleteConversationMessage, ModifyMessage)', () => {
	const op = (operation: string, extra: IDataObject = {}) => ({ resource: 'conversation', operation, conversationShortId: BIG_CONV, ...extra });
	let ids: string[];
	beforeEach(() => {
		const c = sb.seedVolcengineConversation({ conversationShortId: BIG_CONV, owner: '1', members: ['2'], messages: 45 });
		ids = c.messages.map((m) => m.messageId.toString());
	});

	test('Get Messages by ID: 46 ids → calls of ≤20; one item per id in order, found: false when missing', async () => {
		const wanted = [...ids, '123'];
		const { run: r } = await run(op('getMessages', { messageIds: wanted.join(',') }));
		expect(r.data.resultData.error).toBeUndefined();
		expect(calls('GetMessages').map((c) => c.size)).toEqual([20, 20, 6]);
		const out = itemsOf(r);
		expect(out.map((o) => o.json.messageId)).toEqual(wanted);
		expect(out[45].json).toEqual({ found: false, messageId: '123', conversationShortId: BIG_CONV });
		expect(out[0].json).toMatchObject({ found: true, conversationShortId: BIG_CONV, sender: '1', content: 'message 1', indexInConversation: '1', status: 0 });
		expect(out.every((o) => (o.pairedItem as any).item === 0)).toBe(true);
	});

	test('Get Many Messages: Return All follows NewCursor/HasMore, newest first', async () => {
		const { run: r } = await run(op('getManyMessages', { returnAll: true }));
		expect(r.data.resultData.error).toBeUndefined();
		const out = itemsOf(r);
		expect(out.map((o) => o.json.indexInConversation)).toEqual(Array.from({ length: 45 }, (_, i) => String(45 - i)));
		expect(calls('GetConversationMessages')).toHaveLength(3);
		expect(urls().filter((u) => u.includes('GetConversationMessages'))).toHaveLength(3);
	});

	test('Get Many Messages: Limit stops early and asks only for what is needed; oldest first from a cursor', async () => {
		const limited = await run(op('getManyMessages', { limit: 25 }));
		expect(itemsOf(limited.run)).toHaveLength(25);
		expect(calls('GetConversationMessages')).toHaveLength(2);
		sb.reset();
		sb.seedVolcengineConversation({ conversationShortId: BIG_CONV, owner: '1', messages: 45 });
		const forward = await run(op('getManyMessages', { limit: 10, options: { order: 'oldestFirst', cursor: '30', pageSize: 4 } }));
		expect(itemsOf(forward.run).map((o) => o.json.indexInConversation)).toEqual(['30', '31', '32', '33', '34', '35', '36', '37', '38', '39']);
		expect(calls('GetConversationMessages')).toHaveLength(3);
	});

	test('Get Many Messages: many input items, each gets its own messages paired', async () => {
		sb.seedVolcengineConversation({ conversationShortId: '42', owner: '1', messages: 3 });
		const { run: r } = await run(op('getManyMessages', { conversationShortId: '={{ $json.c }}', returnAll: true }), { items: [{ c: '42' }, { c: BIG_CONV }] });
		const out = itemsOf(r);
		expect(out).toHaveLength(48);
		expect(out.filter((o) => (o.pairedItem as any).item === 0).map((o) => o.json.conversationShortId)).toEqual(['42', '42', '42']);
	});

	test('Get Many Messages: a live group read oldest first is a vendor error (continue-on-fail on and off)', async () => {
		sb.seedVolcengineConversation({ conversationShortId: '77', type: 100, owner: '1', messages: 2 });
		const p = op('getManyMessages', { conversationShortId: '={{ $json.c }}', returnAll: true, options: { order: 'oldestFirst' } });
		const res = await run(p, { items: [{ c: '77' }] });
		expect(res.run.status).toBe('error');
		const { run: r } = await run(p, { items: [{ c: '77' }, { c: BIG_CONV }], continueOnFail: true });
		const out = itemsOf(r);
		expect(out[0].json).toMatchObject({ code: 'InvalidParameter' });
		expect(out[0].pairedItem).toEqual({ item: 0 });
		expect(out.slice(1)).toHaveLength(45);
	});

	test('Delete Message: one member by default (DeleteMessage), everyone (DeleteConversationMessage)', async () => {
		const one = await run(op('deleteMessage', { messageId: ids[0], participantUserId: '2' }));
		expect(itemsOf(one.run)[0].json).toMatchObject({ status: 'deleted', deleteFor: 'member', participantUserId: '2', messageId: ids[0] });
		expect(calls('DeleteMessage')).toHaveLength(1);
		expect([...conv(BIG_CONV).messages[0].hiddenFor]).toEqual([2n]);

		const all = await run(op('deleteMessage', { messageId: ids[1], deleteFor: 'everyone' }));
		expect(itemsOf(all.run)[0].json).toMatchObject({ status: 'deleted', deleteFor: 'everyone' });
		expect(conv(BIG_CONV).messages[1].deleteType).toBe(0);
		const read = await run(op('getMessages', { messageIds: ids[1] }));
		expect(itemsOf(read.run)[0].json.found).toBe(false);

		const butSender = await run(op('deleteMessage', { messageId: ids[2], deleteFor: 'everyoneButSender' }));
		expect(itemsOf(butSender.run)[0].json.status).toBe('deleted');
		expect(conv(BIG_CONV).messages[2].deleteType).toBe(1);
	});

	test('Delete Message: an unknown message is a vendor error (continue-on-fail on and off)', async () => {
		const p = op('deleteMessage', { messageId: '={{ $json.m }}', deleteFor: 'everyone' });
		expect((await run(p, { items: [{ m: '5' }] })).run.status).toBe('error');
		const { run: r } = await run(p, { items: [{ m: '5' }, { m: ids[3] }], continueOnFail: true });
		expect(itemsOf(r).map((o) => o.json.code ?? o.json.status)).toEqual(['InvalidParameter', 'deleted']);
	});

	test('Update Message: new content and Ext', async () => {
		const { run: r } = await run(op('updateMessage', { messageId: ids[4], updateFields: { content: 'edited', ext: { pairs: [{ key: 'edited', value: 'yes' }] } } }));
		expect(itemsOf(r)[0].json).toMatchObject({ status: 'updated', messageId: ids[4], updated: ['content', 'ext'] });
		expect(conv(BIG_CONV).messages[4]).toMatchObject({ content: 'edited', ext: { edited: 'yes' } });
	});

	test.each<RefusedCase>([
		['Message IDs only separators', () => op('getMessages', { messageIds: ' , ' }), 'Message IDs', /at least one message ID/],
		['Get Messages Batch Size 51', () => op('getMessages', { messageIds: '1', options: { batchSize: 51 } }), 'Batch Size', undefined],
		['Limit 0', () => op('getManyMessages', { limit: 0 }), 'Limit', undefined],
		['negative Start Cursor', () => op('getManyMessages', { options: { cursor: '-1' } }), 'Start Cursor', undefined],
		['Page Size 101', () => op('getManyMessages', { options: { pageSize: 101 } }), 'Page Size', undefined],
		['empty Member User ID', () => op('deleteMessage', { messageId: ids[0], participantUserId: '={{ "" }}' }), 'Member User ID', /is required/],
		['Update without fields', () => op('updateMessage', { messageId: ids[0], updateFields: {} }), 'Update Fields', undefined],
		['Content only spaces', () => op('updateMessage', { messageId: ids[0], updateFields: { content: '  ' } }), 'Content', /cannot be empty/],
	])('bad inputs are refused before anything is sent: %s', async (_label, params, field, reason) => {
		await expectRefused(params(), field, reason);
	});
});

describe('Conversation → Get Many Messages', () => {
	test('a saved Page Size above 20 is capped at 20; the sandbox refuses more, as documented', async () => {
		sb.seedVolcengineConversation({ conversationShortId: '42', owner: '1', messages: 45 });
		const { run: r } = await run({ resource: 'conversation', operation: 'getManyMessages', conversationShortId: '42', returnAll: true, options: { pageSize: 50 } });
		expect(r.data.resultData.error).toBeUndefined();
		expect(itemsOf(r)).toHaveLength(45);
		const reqs = sent('GetConversationMessages').map((b) => JSON.parse(b.replace(/:(\d{16,})/g, ':"$1"')));
		expect(reqs.map((b) => b.Limit)).toEqual([20, 20, 20]);
		// newest first starts from the largest Long (why this is safe: getManyMessages.operation.ts, README)
		expect(reqs[0]).toMatchObject({ Cursor: '9223372036854775807', Reverse: 1 });
		expect(calls('GetConversationMessages').every((c) => c.code === undefined)).toBe(true);
	});
});
