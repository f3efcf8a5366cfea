/* eslint-disable */
// Volcengine RTC → Message: Send to Users (BatchSendMessage), Send to Conversation (SendMessage),
// Send to Groups (BatchSendGroupMessage), Recall (RecallMessage), Broadcast to Users
// (UserBroadcast), and the input order per conversation when an earlier item is retried. Real n8n
// engine against the sandbox; the blocks that check the sandbox configured as the real vendor
// behaves (issue 11) name their source.
if (!process.env.N8N_LOG_LEVEL) process.env.N8N_LOG_LEVEL = 'silent'; // the engine would log every expected error
import type { IDataObject } from 'n8n-workflow';
import { outputOf } from '../../harness/engine';
import { volcWorkflow } from '../../harness/fixtures';
import { volcengineEngine } from '../../harness/registry';
import type { RtcSandbox } from '../../sandbox/server';
import { APP, BIG_CONV, BIG_USER, itemsOf, volcengineSuite, type RefusedCase } from './suite';

let sb: RtcSandbox;
const { run, calls, conv, errorOf, expectRefused, urls, throttleOnce } = volcengineSuite((s) => (sb = s));

const send = (extra: Record<string, unknown> = {}) => ({
	resource: 'message',
	operation: 'sendToUsers',
	sender: '10001',
	content: '{"text":"hi"}',
	msgType: 10001,
	...extra,
});

describe('Message → Send to Users (BatchSendMessage)', () => {
	test('1,201 receivers in one item → 3 calls of ≤500, every receiver delivered once, ids as exact strings', async () => {
		const receivers = Array.from({ length: 1201 }, (_, i) => String(20001 + i)).join(',');
		const { run } = await volcengineEngine(sb.url).run(volcWorkflow(send({ receivers })));
		expect(run.data.resultData.error).toBeUndefined();
		const reqs = calls('BatchSendMessage');
		expect(reqs.map((r) => r.receivers)).toEqual([500, 500, 201]);
		expect(reqs.every((r) => r.code === undefined)).toBe(true);
		const [out] = outputOf(run, 'Node') as any[];
		expect(out).toMatchObject({ status: 'sent', receiverCount: 1201, deliveredCount: 1201, failedCount: 0, calls: 3 });
		const delivered = sb.state.volcengine.messages;
		expect(delivered).toHaveLength(1201);
		expect(new Set(delivered.map((m) => m.receiver)).size).toBe(1201);
		// message ids are above 2^53: the output must carry them exactly, as strings
		const first = delivered[0];
		expect(first.messageId > 2n ** 53n).toBe(true);
		expect(out.messageIds[String(first.receiver)]).toBe(first.messageId.toString());
		expect(out.requestIds).toHaveLength(3);
	});

	test('ids above 2^53 round-trip exactly: receivers from an expression array, sender as text', async () => {
		const big = ['9223372036854775807', '9007199254740993', '9007199254740995'];
		const wf = volcWorkflow(send({ sender: '9007199254740993', receivers: '={{ $json.to }}' }), { items: [{ to: big }] });
		const { run } = await volcengineEngine(sb.url).run(wf);
		expect(run.data.resultData.error).toBeUndefined();
		const got = sb.state.volcengine.messages.map((m) => m.receiver.toString());
		expect(got).toEqual(big);
		expect(sb.state.volcengine.messages[0].sender).toBe(9007199254740993n);
		const [out] = outputOf(run, 'Node') as any[];
		expect(Object.keys(out.messageIds).sort()).toEqual([...big].sort());
		expect(out.sender).toBe('9007199254740993');
	});

	test('many items: each output is paired with its input item', async () => {
		const items = [{ to: '30001,30002' }, { to: '30003' }, { to: ['30004', '30005', '30006'] }];
		const { run } = await volcengineEngine(sb.url).run(volcWorkflow(send({ receivers: '={{ $json.to }}' }), { items }));
		const out = itemsOf(run);
		expect(out.map((o) => o.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(out.map((o) => o.json.receiverCount)).toEqual([2, 1, 3]);
		expect(calls('BatchSendMessage')).toHaveLength(3);
	});

	test('failed receivers reported by the vendor become output, not silence', async () => {
		sb.configure({ volcengine: { failReceivers: ['40002'] } });
		const { run } = await volcengineEngine(sb.url).run(volcWorkflow(send({ receivers: '40001,40002,40003' })));
		const [out] = outputOf(run, 'Node') as any[];
		expect(out).toMatchObject({ status: 'partial', deliveredCount: 2, failedCount: 1, failedReceivers: ['40002'] });
	});

	test('one item per receiver output', async () => {
		sb.configure({ volcengine: { failReceivers: ['40002'] } });
		const { run } = await volcengineEngine(sb.url).run(
			volcWorkflow(send({ receivers: '40001,40002,40001', options: { output: 'perReceiver' } })),
		);
		const out = itemsOf(run);
		expect(out.map((o) => [o.json.receiver, o.json.status])).toEqual([
			['40001', 'delivered'],
			['40002', 'failed'],
		]);
		expect(out.every((o) => (o.pairedItem as any).item === 0)).toBe(true);
		expect(typeof out[0].json.messageId).toBe('string');
	});

	test('vendor error without continue-on-fail fails the node with code and request id', async () => {
		const { run } = await volcengineEngine(sb.url).run(volcWorkflow(send({ appId: '999', receivers: '1' })));
		expect(run.status).toBe('error');
		const err = run.data.resultData.error as any;
		expect(err.message).toContain('InvalidParameter.NotExistAppId');
		expect(err.description).toMatch(/Request ID: sandbox-/);
	});

	test('vendor error with continue-on-fail: one error item paired to its input, the others go on', async () => {
		const items = [{ app: '123456' }, { app: '999' }, { app: '123456' }];
		const wf = volcWorkflow(send({ appId: '={{ $json.app }}', receivers: '50001' }), { items, continueOnFail: true });
		const { run } = await volcengineEngine(sb.url).run(wf);
		expect(run.status).toBe('success');
		const out = itemsOf(run);
		expect(out.map((o) => o.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(out[0].json.status).toBe('sent');
		expect(out[1].json).toMatchObject({ code: 'InvalidParameter.NotExistAppId' });
		expect(String(out[1].json.error)).toContain('AppId 999 does not exist');
		expect(out[1].json.requestId).toMatch(/^sandbox-/);
		expect(sb.state.volcengine.messages).toHaveLength(2);
	});

	test('throttled calls are retried and nothing is lost', async () => {
		// the first of the 3 calls of this item meets the vendor's throttle answer (FlowLimitExceeded)
		const receivers = Array.from({ length: 1500 }, (_, i) => String(60001 + i)).join('\n');
		throttleOnce('BatchSendMessage');
		const { run } = await volcengineEngine(sb.url).run(volcWorkflow(send({ receivers })));
		expect(run.data.resultData.error).toBeUndefined();
		expect(calls('BatchSendMessage').filter((r) => r.code === 'FlowLimitExceeded.QPSOverLimit')).toHaveLength(1);
		expect(sb.state.volcengine.messages).toHaveLength(1500);
		expect((outputOf(run, 'Node')[0] as any).deliveredCount).toBe(1500);
	});
});

describe('Message → Send to Users: receivers named in neither UserMessageId nor FailedReceiver', () => {
	const send = (extra: IDataObject = {}) => ({ resource: 'message', operation: 'sendToUsers', sender: '10001', content: 'hi', msgType: 10001, ...extra });

	test('a receiver left out of the answer is unknown (summary and per receiver)', async () => {
		sb.configure({ volcengine: { omitReceivers: ['50002'] } });
		const { run: r } = await run(send({ receivers: '50001,50002,50003' }));
		expect(itemsOf(r)[0].json).toMatchObject({ deliveredCount: 2, unknownCount: 1, failedCount: 0, unknownReceivers: ['50002'] });
		expect(itemsOf(r)[0].json.status).not.toBe('sent');
		expect(Object.keys(itemsOf(r)[0].json.messageIds as object).sort()).toEqual(['50001', '50003']);
		const per = await run(send({ receivers: '50001,50002', options: { output: 'perReceiver' } }));
		expect(itemsOf(per.run).map((o) => [o.json.receiver, o.json.status])).toEqual([
			['50001', 'delivered'],
			['50002', 'unknown'],
		]);
	});

	test('the SDK answer shape (UserMessageId only): a failed receiver is unknown, never delivered', async () => {
		sb.configure({ volcengine: { batchSendAnswer: 'sdk', failReceivers: ['50003'] } });
		const { run: r } = await run(send({ receivers: '50001,50003' }));
		expect(itemsOf(r)[0].json).toMatchObject({ deliveredCount: 1, unknownCount: 1, unknownReceivers: ['50003'] });
		expect(sb.state.volcengine.messages.map((m) => String(m.receiver))).toEqual(['50001']);
	});
});

describe('Message → Send to Conversation (SendMessage)', () => {
	const send = (extra: IDataObject = {}) => ({
		resource: 'message',
		operation: 'sendToConversation',
		sender: '10001',
		conversationShortId: '7000001',
		msgType: 10001,
		content: '{"text":"hi"}',
		...extra,
	});
	beforeEach(() => sb.seedVolcengineConversation({ conversationShortId: '7000001', members: ['10001', '10002'] }));

	test('sends, returns the message id as a string and the ClientMsgId drawn for the item', async () => {
		const { run: r } = await run(send());
		expect(r.data.resultData.error).toBeUndefined();
		const [out] = itemsOf(r);
		const stored = conv('7000001').messages;
		expect(stored).toHaveLength(1);
		expect(out.json).toMatchObject({ status: 'sent', conversationShortId: '7000001', sender: '10001', messageId: stored[0].messageId.toString() });
		expect(out.json.clientMsgId).toMatch(/^[0-9a-f-]{36}$/);
		expect(stored[0].clientMsgId).toBe(out.json.clientMsgId);
		expect(stored[0].messageId > 2n ** 53n).toBe(true);
		expect(urls()[0]).toContain('Action=SendMessage&Version=2020-12-01');
	});

	test('ids above 2^53 round-trip exactly (conversation, sender, mentions, quote)', async () => {
		sb.seedVolcengineConversation({ conversationShortId: BIG_CONV, members: [BIG_USER, '9223372036854775806'], messages: [{ sender: BIG_USER, content: 'first' }] });
		const quoted = conv(BIG_CONV).messages[0].messageId.toString();
		const { run: r } = await run(
			send({
				sender: BIG_USER,
				conversationShortId: BIG_CONV,
				options: { mentionedUsers: '9223372036854775806', referencedMessageId: quoted, referenceHint: 'first' },
			}),
		);
		expect(r.data.resultData.error).toBeUndefined();
		const m = conv(BIG_CONV).messages[1];
		expect(m.sender).toBe(BigInt(BIG_USER));
		expect(m.mentionedUsers).toEqual([9223372036854775806n]);
		expect(m.refMsgInfo).toEqual({ ReferencedMessageId: BigInt(quoted), Hint: 'first' });
		expect(itemsOf(r)[0].json).toMatchObject({ conversationShortId: BIG_CONV, sender: BIG_USER, messageId: m.messageId.toString() });
	});

	test('ClientMsgId from an expression: a repeated key is not sent twice (vendor de-dup), pairing kept', async () => {
		const items = [{ key: 'order-1' }, { key: 'order-2' }, { key: 'order-1' }];
		const { run: r } = await run(send({ options: { clientMsgId: '={{ $json.key }}' } }), { items });
		const out = itemsOf(r);
		expect(out.map((o) => o.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(out.map((o) => o.json.clientMsgId)).toEqual(['order-1', 'order-2', 'order-1']);
		expect(out[2].json.messageId).toBe(out[0].json.messageId);
		expect(conv('7000001').messages).toHaveLength(2);
	});

	test('a retried request keeps its ClientMsgId: throttled once, stored once', async () => {
		throttleOnce('SendMessage');
		const { run: r } = await run(send());
		expect(r.data.resultData.error).toBeUndefined();
		expect(calls('SendMessage').map((c) => c.code)).toEqual(['FlowLimitExceeded.QPSOverLimit', undefined]);
		expect(conv('7000001').messages).toHaveLength(1);
		expect(conv('7000001').messages[0].clientMsgId).toBe(itemsOf(r)[0].json.clientMsgId);
	});

	test('30 items: one message each, every output paired with its item, distinct ClientMsgIds', async () => {
		const items = Array.from({ length: 30 }, (_, i) => ({ text: `m${i}` }));
		const { run: r } = await run(send({ content: '={{ $json.text }}' }), { items });
		const out = itemsOf(r);
		expect(out).toHaveLength(30);
		out.forEach((o, i) => expect(o.pairedItem).toEqual({ item: i }));
		expect(new Set(out.map((o) => o.json.clientMsgId)).size).toBe(30);
		expect(conv('7000001').messages.map((m) => m.content)).toEqual(items.map((x) => x.text));
	});

	test('vendor error (sender not a member): fails the node without continue-on-fail', async () => {
		const res = await run(send({ sender: '99999' }));
		expect(res.run.status).toBe('error');
		expect(errorOf(res).message).toContain('InvalidParameter');
		expect(errorOf(res).description).toMatch(/Request ID: sandbox-/);
	});

	test('vendor error with continue-on-fail: error item paired to its input, the others are sent', async () => {
		const items = [{ s: '10001' }, { s: '99999' }, { s: '10002' }];
		const { run: r } = await run(send({ sender: '={{ $json.s }}' }), { items, continueOnFail: true });
		expect(r.status).toBe('success');
		const out = itemsOf(r);
		expect(out.map((o) => o.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(out[1].json).toMatchObject({ code: 'InvalidParameter' });
		expect(String(out[1].json.error)).toContain('not a member');
		expect([out[0].json.status, out[2].json.status]).toEqual(['sent', 'sent']);
	});

	test.each<RefusedCase>([
		['Conversation ID not digits', () => send({ conversationShortId: 'abc' }), 'Conversation ID', /digits only/],
		['Sender above 2^53 as a JS number', () => send({ sender: '={{ 9007199254740994 }}' }), 'Sender User ID', /above 2\^53/],
		['a Mentioned User ID not an id', () => send({ options: { mentionedUsers: '1, x' } }), 'Mentioned User IDs[1]', undefined],
		['Client Message ID over 128 bytes', () => send({ options: { clientMsgId: 'x'.repeat(129) } }), 'Client Message ID', /128 bytes/],
		['Priority 3', () => send({ options: { priority: 3 } }), 'Priority', /between 0 and 2/],
	])('bad inputs are refused before anything is sent: %s', async (_label, params, field, reason) => {
		await expectRefused(params(), field, reason);
	});
});

describe('Message → Send to Groups (BatchSendGroupMessage)', () => {
	const ids = (n: number, from = 8000001) => Array.from({ length: n }, (_, i) => String(from + i));
	const groups = (extra: IDataObject = {}) => ({
		resource: 'message',
		operation: 'sendToGroups',
		sender: '10001',
		conversationType: 2,
		msgType: 10001,
		content: 'maintenance tonight',
		...extra,
	});
	beforeEach(() => {
		for (const id of ids(45)) sb.seedVolcengineConversation({ conversationShortId: id, members: ['10001'] });
	});

	test('45 conversations → 3 calls of ≤20; each call its own stable ClientMsgId', async () => {
		const { run: r } = await run(groups({ conversationShortIds: ids(45).join(','), options: { clientMsgId: 'notice-7' } }));
		expect(r.data.resultData.error).toBeUndefined();
		expect(calls('BatchSendGroupMessage').map((c) => c.size)).toEqual([20, 20, 5]);
		const [out] = itemsOf(r);
		expect(out.json).toMatchObject({ status: 'sent', conversationCount: 45, sentCount: 45, notSentCount: 0, calls: 3 });
		expect(out.json.clientMsgIds).toEqual(['notice-7', 'notice-7-1', 'notice-7-2']);
		for (const id of ids(45)) expect(conv(id).messages.map((m) => m.content)).toEqual(['maintenance tonight']);
		expect(conv(ids(45)[44]).messages[0].clientMsgId).toBe('notice-7-2');
	});

	test('re-running with the same ClientMsgId sends nothing twice', async () => {
		const p = groups({ conversationShortIds: ids(25).join('\n'), options: { clientMsgId: 'same' } });
		await run(p);
		await run(p);
		for (const id of ids(25)) expect(conv(id).messages).toHaveLength(1);
	});

	test('a conversation of another type: vendor error, with and without continue-on-fail', async () => {
		sb.seedVolcengineConversation({ conversationShortId: '9100001', type: 100, members: ['10001'] });
		const res = await run(groups({ conversationShortIds: '9100001' }));
		expect(res.run.status).toBe('error');
		expect(errorOf(res).message).toContain('not ConversationType 2');
		const items = [{ c: ids(2).join(',') }, { c: '9100001' }];
		const { run: r } = await run(groups({ conversationShortIds: '={{ $json.c }}' }), { items, continueOnFail: true });
		const out = itemsOf(r);
		// the error item keeps the summary (status "failed") next to the vendor's code
		expect(out.map((o) => [o.json.code ?? o.json.status, o.pairedItem])).toEqual([
			['sent', { item: 0 }],
			['InvalidParameter', { item: 1 }],
		]);
	});

	test('a later call failing gives a partial result naming the conversations not sent', async () => {
		const list = [...ids(30), '8999999', ...ids(15, 8000031)]; // 8999999 does not exist: second call fails
		const { run: r } = await run(groups({ conversationShortIds: list.join(',') }));
		const [out] = itemsOf(r);
		expect(out.json).toMatchObject({ status: 'partial', sentCount: 20, notSentCount: 26, calls: 2 });
		expect((out.json.notSentConversations as string[])[0]).toBe(ids(30)[20]);
		expect((out.json.error as IDataObject).code).toBe('InvalidParameter');
	});

	test.each<RefusedCase>([
		['no Conversation IDs', () => groups({ conversationShortIds: '={{ [] }}' }), 'Conversation IDs', /at least one conversation/],
		['a negative Conversation ID', () => groups({ conversationShortIds: '1,2,-3' }), 'Conversation IDs[2]', undefined],
		['Batch Size 21', () => groups({ conversationShortIds: '1', options: { batchSize: 21 } }), 'Batch Size', /between 1 and 20/],
	])('bad inputs are refused before anything is sent: %s', async (_label, params, field, reason) => {
		await expectRefused(params(), field, reason);
	});
});

describe('Message → Recall (RecallMessage)', () => {
	const recall = (extra: IDataObject = {}) => ({ resource: 'message', operation: 'recall', conversationShortId: BIG_CONV, ...extra });
	let first: string;
	let second: string;
	beforeEach(() => {
		const c = sb.seedVolcengineConversation({
			conversationShortId: BIG_CONV,
			owner: '1',
			admins: ['2'],
			members: [BIG_USER, '3'],
			messages: [{ sender: BIG_USER, content: 'oops' }, { sender: '3', content: 'hello' }],
		});
		[first, second] = c.messages.map((m) => m.messageId.toString());
	});

	test('a member recalls their own message; the owner recalls another one; ids are exact', async () => {
		const items = [
			{ m: '', p: BIG_USER, role: 'member' },
			{ m: '', p: '1', role: 'owner' },
		];
		items[0].m = first;
		items[1].m = second;
		const { run: r } = await run(recall({ messageId: '={{ $json.m }}', participantUserId: '={{ $json.p }}', recallRole: '={{ $json.role }}' }), { items });
		expect(r.data.resultData.error).toBeUndefined();
		const out = itemsOf(r);
		expect(out[0].json).toMatchObject({ status: 'recalled', messageId: first, recalledBy: BIG_USER, conversationShortId: BIG_CONV, recallRole: 'member' });
		expect(out[1].json).toMatchObject({ status: 'recalled', recallRole: 'owner' });
		expect(conv(BIG_CONV).messages.map((m) => m.status)).toEqual([3, 3]);
	});

	test("recalling someone else's message as a member: vendor error, with and without continue-on-fail", async () => {
		const bad = recall({ messageId: second, participantUserId: BIG_USER });
		const res = await run(bad);
		expect(res.run.status).toBe('error');
		expect(errorOf(res).message).toContain('AccessDenied');
		const { run: r } = await run(recall({ messageId: '={{ $json.m }}', participantUserId: BIG_USER }), {
			items: [{ m: second }, { m: first }],
			continueOnFail: true,
		});
		const out = itemsOf(r);
		expect(out.map((o) => o.json.code ?? o.json.status)).toEqual(['AccessDenied', 'recalled']);
		expect(out.map((o) => o.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	});

	test.each<RefusedCase>([
		['empty Message ID', () => recall({ messageId: '={{ "" }}', participantUserId: '1' }), 'Message ID', /is required/],
		['unknown Recalled As role', () => recall({ messageId: first, participantUserId: '1', recallRole: 'boss' }), 'Recalled As', undefined],
	])('bad inputs are refused before anything is sent: %s', async (_label, params, field, reason) => {
		await expectRefused(params(), field, reason);
	});
});

describe('Message → Broadcast to Users (UserBroadcast)', () => {
	const bcast = (extra: Record<string, unknown> = {}) => ({
		resource: 'message',
		operation: 'broadcast',
		sender: '10001',
		content: 'sale starts now',
		msgType: 10001,
		msgTtl: 3600,
		...extra,
	});

	beforeEach(() =>
		sb.seedVolcengineUsers(APP, [
			{ userId: '1', tags: { level: 'vip', city: 'sh' } },
			{ userId: '2', tags: { level: 'vip', city: 'bj' } },
			{ userId: '3', tags: { level: 'basic', city: 'sh' } },
			{ userId: '4' },
		]),
	);

	test('tag filter, match any', async () => {
		const tags = { pairs: [{ key: 'level', value: 'vip' }, { key: 'city', value: 'sh' }] };
		const { run } = await volcengineEngine(sb.url).run(volcWorkflow(bcast({ tags, tagMatch: 'any' })));
		expect(run.data.resultData.error).toBeUndefined();
		expect(sb.state.volcengine.broadcasts[0]).toMatchObject({ tags: ['level:vip', 'city:sh'], tagOp: 0 });
		expect(sb.state.volcengine.broadcasts[0].recipients.map(String).sort()).toEqual(['1', '2', '3']);
		expect(outputOf(run, 'Node')[0]).toMatchObject({ status: 'accepted', tags: ['level:vip', 'city:sh'], tagMatch: 'any' });
	});

	test('tag filter, match all', async () => {
		const tags = { pairs: [{ key: 'level', value: 'vip' }, { key: 'city', value: 'sh' }] };
		await volcengineEngine(sb.url).run(volcWorkflow(bcast({ tags, tagMatch: 'all' })));
		expect(sb.state.volcengine.broadcasts[0].tagOp).toBe(1);
		expect(sb.state.volcengine.broadcasts[0].recipients.map(String)).toEqual(['1']);
	});

	test('an empty tag filter is refused unless "Send to All Users" is on; nothing is sent', async () => {
		const { run } = await volcengineEngine(sb.url).run(volcWorkflow(bcast()));
		expect(run.status).toBe('error');
		expect(run.data.resultData.error!.message).toBe('"Tags" is empty in item 0');
		expect(sb.state.volcengine.requests).toHaveLength(0);

		const all = await volcengineEngine(sb.url).run(volcWorkflow(bcast({ sendToAllUsers: true })));
		expect(all.run.data.resultData.error).toBeUndefined();
		expect(sb.state.volcengine.broadcasts[0].recipients.map(String).sort()).toEqual(['1', '2', '3', '4']);
		expect(sb.state.volcengine.broadcasts[0].tags).toEqual([]);
	});

	test('the vendor daily cap surfaces as an error per item with continue-on-fail', async () => {
		sb.configure({ volcengine: { broadcastsPerDay: 1 } });
		const wf = volcWorkflow(bcast({ sendToAllUsers: true }), { items: [{}, {}], continueOnFail: true });
		const { run } = await volcengineEngine(sb.url).run(wf);
		const out = itemsOf(run);
		expect(out[0].json.status).toBe('accepted');
		expect(out[1].json.code).toBe('FlowLimitExceeded');
	});
});

describe('input order per conversation survives a retry of an earlier item', () => {
	test('SendMessage: item 0 refused once (retryable), each conversation stores its items in input order', async () => {
		sb.seedVolcengineConversation({ conversationShortId: '7000001', members: ['10001'] });
		sb.seedVolcengineConversation({ conversationShortId: '7000002', members: ['10001'] });
		sb.configure({ volcengine: { refuseOnce: [{ action: 'SendMessage', content: 'm0' }] } });
		const items = [0, 1, 2, 3, 4].map((i) => ({ text: `m${i}`, conv: i === 2 ? '7000002' : '7000001' }));
		const { run: r } = await run(
			{ resource: 'message', operation: 'sendToConversation', sender: '10001', conversationShortId: '={{ $json.conv }}', msgType: 10001, content: '={{ $json.text }}' },
			{ items },
		);
		expect(r.data.resultData.error).toBeUndefined();
		expect(calls('SendMessage')[0].code).toBe('InternalError');
		const stored = (id: string) => sb.state.volcengine.conversations.get(APP)!.get(BigInt(id))!.messages.map((m) => m.content);
		expect(stored('7000001')).toEqual(['m0', 'm1', 'm3', 'm4']);
		expect(stored('7000002')).toEqual(['m2']);
		expect(itemsOf(r).map((o) => o.json.status)).toEqual(['sent', 'sent', 'sent', 'sent', 'sent']);
	});

	test('BatchSendGroupMessage: item 0 refused once, every shared group stores the items in input order', async () => {
		for (const id of ['801', '802', '803']) sb.seedVolcengineConversation({ conversationShortId: id, members: ['10001'] });
		sb.configure({ volcengine: { refuseOnce: [{ action: 'BatchSendGroupMessage', content: 'g0' }] } });
		const items = [
			{ text: 'g0', to: '801,802' },
			{ text: 'g1', to: '802,803' },
			{ text: 'g2', to: '801,803' },
		];
		const { run: r } = await run(
			{ resource: 'message', operation: 'sendToGroups', sender: '10001', conversationType: 2, conversationShortIds: '={{ $json.to }}', msgType: 10001, content: '={{ $json.text }}' },
			{ items },
		);
		expect(r.data.resultData.error).toBeUndefined();
		const stored = (id: string) => sb.state.volcengine.conversations.get(APP)!.get(BigInt(id))!.messages.map((m) => m.content);
		expect(stored('801')).toEqual(['g0', 'g2']);
		expect(stored('802')).toEqual(['g0', 'g1']);
		expect(stored('803')).toEqual(['g1', 'g2']);
	});
});

describe('the message composer (version 1.1): Message → Text or Raw', () => {
	const v11 = (params: IDataObject, o: { items?: IDataObject[]; continueOnFail?: boolean } = {}) =>
		volcengineEngine(sb.url).run(volcWorkflow(params, { ...o, typeVersion: 1.1 }));
	const base = { resource: 'message', operation: 'sendToUsers', sender: '10001', receivers: '20001,20002' };

	test('Text (the default): MsgType 10001 with Content {"text": …}, quotes and newlines escaped', async () => {
		const { run } = await v11({ ...base, text: 'Hello "Ann"\nsee you' });
		expect((outputOf(run, 'Node') as any[])[0]).toMatchObject({ status: 'sent', deliveredCount: 2 });
		const [m] = sb.state.volcengine.messages;
		expect(m.msgType).toBe(10001);
		expect(JSON.parse(m.content as string)).toEqual({ text: 'Hello "Ann"\nsee you' });
	});

	test('Raw: Message Type and Content as typed', async () => {
		const { run } = await v11({ ...base, messageFormat: 'raw', msgType: 20005, content: '{"card":1}' });
		expect(run.data.resultData.error).toBeUndefined();
		expect(sb.state.volcengine.messages.map((m) => [m.msgType, m.content])).toEqual([
			[20005, '{"card":1}'],
			[20005, '{"card":1}'],
		]);
	});

	test('an empty Text is refused before anything is sent, naming the field and the item', async () => {
		const { run } = await v11({ ...base, text: '={{ "" }}' });
		expect(run.data.resultData.error!.message).toMatch(/^Invalid "Text" in item 0/);
		expect(calls('BatchSendMessage')).toHaveLength(0);
	});

	test('the same composer on Send to Conversation', async () => {
		sb.seedVolcengineConversation({ conversationShortId: '7000001', members: ['10001', '10002'] });
		const { run } = await v11({ resource: 'message', operation: 'sendToConversation', sender: '10001', conversationShortId: '7000001', text: 'hi all' });
		expect(run.data.resultData.error).toBeUndefined();
		expect(calls('SendMessage')).toHaveLength(1);
		expect(conv('7000001').messages.at(-1)).toMatchObject({ msgType: 10001, content: '{"text":"hi all"}' });
	});

	test('version 1 (saved workflows) keeps Message Type + Content: no composer', async () => {
		const { run: r1 } = await volcengineEngine(sb.url).run(volcWorkflow({ ...base, msgType: 10001, content: 'plain' }));
		expect(r1.data.resultData.error).toBeUndefined();
		expect(sb.state.volcengine.messages[0].content).toBe('plain');
	});
});
