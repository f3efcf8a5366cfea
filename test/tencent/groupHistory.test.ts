/* eslint-disable */
// Tencent Chat → Group: Import Messages (import_group_msg), Modify Message (modify_group_msg),
// Get Messages (group_msg_get_simple), Delete Messages by Sender (delete_group_msg_by_sender),
// Get Read Receipts / Details (get_group_msg_receipt[_detail]), Get / Set Message Extensions
// (group_get_key_values / group_set_key_values). Real n8n engine against the sandbox.
if (!process.env.N8N_LOG_LEVEL) process.env.N8N_LOG_LEVEL = 'silent';
import { outputOf } from '../../harness/engine';
import type { RtcSandbox } from '../../sandbox/server';
import { sessionsOf } from '../../sandbox/tencent/sessionState';
import { ids, indexes, itemsOf, pairs, tencentSuite, text } from './suite';

let sb: RtcSandbox;
const { run: execute, calls, expectRefused } = tencentSuite((s) => (sb = s));
const run = async (...args: Parameters<typeof execute>) => (await execute(...args)).run;
const g = () => sb.state.tencent.groups.get('g')!;

beforeEach(() => {
	sb.configure({ tencent: { logBodies: true } });
	sb.seedTencentGroup({ groupId: 'g', type: 'Public', owner: 'boss', members: ['m0', 'm1', 'm2', 'm3'] });
	sb.seedTencentGroup({ groupId: 'live', type: 'AVChatRoom', members: ['m0'] });
});

describe('Group → Import Messages (import_group_msg)', () => {
	const params = { resource: 'group', operation: 'importMessages', groupId: '={{ $json.g }}', fromAccount: 'm0', sendTime: '={{ $json.t }}', messageFormat: 'text', text: '={{ "old " + $json.t }}' };

	test('9 items of one group → calls of 7 and 2; each item gets its MsgSeq; the group stores them', async () => {
		const items = Array.from({ length: 9 }, (_, i) => ({ g: 'g', t: 1600000000 + i }));
		const r = await run(params, { items });
		expect(r.data.resultData.error).toBeUndefined();
		expect(calls('import_group_msg').map((c) => (c.body as any).MsgList.length)).toEqual([7, 2]);
		const out = itemsOf(r).map((o) => o.json) as any[];
		expect(out.map((o) => o.status)).toEqual(Array(9).fill('imported'));
		expect(out.map((o) => o.msgSeq)).toEqual(g().messages.map((m) => String(m.msgSeq)));
		expect(out[0]).toMatchObject({ groupId: 'g', from: 'm0', sendTime: 1600000000, messagesInCall: 7 });
		expect((calls('import_group_msg')[0].body as any).MsgList[0]).toMatchObject({ From_Account: 'm0', SendTime: 1600000000, MsgBody: [{ MsgType: 'TIMTextElem', MsgContent: { Text: 'old 1600000000' } }] });
		expect(g().messages[8]).toMatchObject({ from: 'm0', msgTime: 1600000008, via: 'import_group_msg' });
		expect(pairs(r)).toEqual(indexes(9));
	});

	test('a per-message Result (10004 future time) fails that item only; a live group (10007) fails its call', async () => {
		const future = Math.floor(Date.now() / 1000) + 86400;
		const r = await run(params, { items: [{ g: 'g', t: 1600000000 }, { g: 'g', t: future }, { g: 'live', t: 1600000000 }], continueOnFail: true });
		expect(itemsOf(r).map((o) => o.json.code ?? o.json.status)).toEqual(['imported', '10004', '10007']);
		expect(itemsOf(r)[1].json).toMatchObject({ status: 'failed', reason: 'the send time is not valid' });
		const off = await run(params, { items: [{ g: 'live', t: 1600000000 }] });
		expect(off.data.resultData.error!.message).toMatch(/^Tencent Chat error 10007/);
	});
});

describe('Group → Get Messages (group_msg_get_simple) / Modify Message / Delete Messages by Sender', () => {
	test('Return All pages below the last MsgSeq; one item per message, newest first, MsgSeq as text', async () => {
		sb.seedTencentGroupMessages('g', 45);
		const r = await run({ resource: 'group', operation: 'getMessages', groupId: 'g', returnAll: true });
		const out = outputOf(r, 'Node') as any[];
		expect(out).toHaveLength(45);
		expect(out[0]).toMatchObject({ fromAccount: 'boss', msgSeq: '45', msgBody: [{ MsgType: 'TIMTextElem', MsgContent: { Text: 'message 45' } }] });
		expect(out.at(-1).msgSeq).toBe('1');
		expect(calls('group_msg_get_simple').map((c) => (c.body as any).ReqMsgSeq)).toEqual([undefined, 25, 5]);
		expect((calls('group_msg_get_simple')[0].body as any).ReqMsgNumber).toBe(20);
	});

	test('Limit, Before Sequence Number; a MsgSeq above 2^53 is sent exactly', async () => {
		sb.seedTencentGroupMessages('g', 10);
		const r = await run({ resource: 'group', operation: 'getMessages', groupId: 'g', limit: 3, options: { reqMsgSeq: '8', pageSize: 2 } });
		expect(itemsOf(r).map((o) => o.json.msgSeq)).toEqual(['8', '7', '6']);
		expect(calls('group_msg_get_simple').map((c) => [(c.body as any).ReqMsgSeq, (c.body as any).ReqMsgNumber])).toEqual([[8, 2], [6, 1]]);
		await run({ resource: 'group', operation: 'getMessages', groupId: 'g', limit: 1, options: { reqMsgSeq: '9007199254740993' } });
		expect((calls('group_msg_get_simple').at(-1)!.body as any).ReqMsgSeq).toBe(9007199254740993n);
	});

	test('Modify Message replaces the stored body; an unknown MsgSeq is 10010', async () => {
		const [m] = sb.seedTencentGroupMessages('g', 1);
		const r = await run(
			{ resource: 'group', operation: 'modifyMessage', groupId: 'g', msgSeq: '={{ $json.s }}', ...text('fixed'), messageOptions: { cloudCustomData: 'c' } },
			{ items: [{ s: String(m.msgSeq) }, { s: '99' }], continueOnFail: true },
		);
		expect(itemsOf(r).map((o) => o.json.code ?? o.json.status)).toEqual(['updated', '10010']);
		expect(itemsOf(r)[0].json).toMatchObject({ groupId: 'g', msgSeq: '1' });
		expect(m).toMatchObject({ msgBody: [{ MsgType: 'TIMTextElem', MsgContent: { Text: 'fixed' } }], cloudCustomData: 'c' });
		expect(calls('openim/modify_group_msg')[0].body).toMatchObject({ GroupId: 'g', MsgSeq: 1, CloudCustomData: 'c' });
	});

	test("Delete Messages by Sender removes that member's messages; live groups refuse (10007)", async () => {
		sb.seedTencentGroupMessages('g', [{ from: 'm1' }, { from: 'm2' }, { from: 'm1' }]);
		const r = await run({ resource: 'group', operation: 'deleteMessagesBySender', groupId: '={{ $json.g }}', senderAccount: 'm1' }, { items: [{ g: 'g' }, { g: 'live' }], continueOnFail: true });
		expect(itemsOf(r).map((o) => o.json.code ?? o.json.status)).toEqual(['deleted', '10007']);
		expect(g().messages.map((m) => m.from)).toEqual(['m2']);
		expect(calls('delete_group_msg_by_sender')[0].body).toEqual({ GroupId: 'g', Sender_Account: 'm1' });
	});
});

describe('Group → Get Read Receipts / Get Read Receipt Details', () => {
	beforeEach(() => {
		sb.seedTencentGroupMessages('g', 2);
		sessionsOf(sb.state.tencent).groupReads.set('g:1', new Set(['m0', 'm2']));
	});

	test('counts per message in one call, with the per-message code', async () => {
		const r = await run({ resource: 'group', operation: 'getReadReceipts', groupId: 'g', msgSeqs: '1, 2, 7' });
		expect(itemsOf(r).map((o) => o.json)).toEqual([
			expect.objectContaining({ groupId: 'g', msgSeq: '1', readNum: 2, unreadNum: 2, code: '0' }),
			expect.objectContaining({ msgSeq: '2', readNum: 0, unreadNum: 4, code: '0' }),
			expect.objectContaining({ msgSeq: '7', code: '10010', status: 'failed' }),
		]);
		expect(calls('get_group_msg_receipt')).toHaveLength(1);
		expect(calls('get_group_msg_receipt')[0].body).toEqual({ GroupId: 'g', MsgSeqList: [{ MsgSeq: 1 }, { MsgSeq: 2 }, { MsgSeq: 7 }] });
	});

	test('details page by Cursor until IsFinished; a live group refuses (10007)', async () => {
		const r = await run({ resource: 'group', operation: 'getReadReceiptDetails', groupId: 'g', msgSeq: '1', filter: 'unread', returnAll: true, options: { pageSize: 1 } });
		expect(itemsOf(r).map((o) => o.json)).toEqual([{ msgSeq: '1', account: 'm1', read: false }, { msgSeq: '1', account: 'm3', read: false }]);
		expect(calls('get_group_msg_receipt_detail').map((c) => (c.body as any).Cursor)).toEqual(['', '1']);
		expect(calls('get_group_msg_receipt_detail')[0].body).toEqual({ GroupId: 'g', MsgSeq: 1, Filter: 1, Cursor: '', Count: 1 });
		const live = await run({ resource: 'group', operation: 'getReadReceiptDetails', groupId: 'live', msgSeq: '1', returnAll: true }, { continueOnFail: true });
		expect(itemsOf(live)[0].json.code).toBe('10007');
	});

	test('bad MsgSeq list refused before sending', async () => {
		await expectRefused({ resource: 'group', operation: 'getReadReceipts', groupId: 'g', msgSeqs: '1, x' }, 'Message Sequence Numbers[1]', /int64/);
	});
});

describe('Group → Set / Get Message Extensions (group_set_key_values / group_get_key_values)', () => {
	test('set in calls of 20, then read back page by page; MsgSeq sent as given', async () => {
		sb.seedTencentGroupMessages('g', 1);
		const keys = ids('k', 22);
		const set = await run({ resource: 'group', operation: 'setMessageExtensions', groupId: 'g', msgSeq: '1', extensions: { pairs: keys.map((key) => ({ key, value: 'v', seq: '0' })) } });
		expect(outputOf(set, 'Node')[0]).toMatchObject({ status: 'updated', groupId: 'g', msgSeq: '1' });
		expect(calls('group_set_key_values').map((c) => (c.body as any).ExtensionList.length)).toEqual([20, 2]);
		expect(calls('group_set_key_values')[0].body).toMatchObject({ GroupId: 'g', MsgSeq: 1, OperateType: 1 });
		sessionsOf(sb.state.tencent).extensionPage = 10;
		const got = await run({ resource: 'group', operation: 'getMessageExtensions', groupId: 'g', msgSeq: '1', returnAll: true });
		expect(itemsOf(got).map((o) => o.json.key)).toEqual(keys);
		expect(calls('group_get_key_values')).toHaveLength(3);
		const live = await run({ resource: 'group', operation: 'getMessageExtensions', groupId: 'live', msgSeq: '1', returnAll: true }, { continueOnFail: true });
		expect(itemsOf(live)[0].json.code).toBe('10007');
	});
});

describe('Group → vendor errors with continue-on-fail', () => {
	test('Get Messages and Set Message Extensions: an unknown group or message is 10010, paired to its item', async () => {
		sb.seedTencentGroupMessages('g', 1);
		const msgs = await run({ resource: 'group', operation: 'getMessages', groupId: '={{ $json.g }}', returnAll: true }, { items: [{ g: 'nope' }, { g: 'g' }], continueOnFail: true });
		expect(itemsOf(msgs).map((o) => [o.json.code ?? o.json.msgSeq, (o.pairedItem as any).item])).toEqual([['10010', 0], ['1', 1]]);
		const ext = await run(
			{ resource: 'group', operation: 'setMessageExtensions', groupId: 'g', msgSeq: '={{ $json.s }}', extensions: { pairs: [{ key: 'k', value: 'v', seq: '0' }] } },
			{ items: [{ s: '5' }, { s: '1' }], continueOnFail: true },
		);
		expect(itemsOf(ext).map((o) => o.json.code ?? o.json.status)).toEqual(['10010', 'updated']);
	});
});

