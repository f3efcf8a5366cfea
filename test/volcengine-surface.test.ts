/* eslint-disable */
// The rest of the Volcengine API surface (issue 8): messages into conversations, groups and
// recall; the user registry; conversation message management; real-time signalling (RTS) in and
// outside rooms. Real n8n engine against the sandbox.
if (!process.env.N8N_LOG_LEVEL) process.env.N8N_LOG_LEVEL = 'silent'; // the engine would log every expected error
import type { IDataObject } from 'n8n-workflow';
import { itemsOf } from './helpers/fixtures';
import { volcengineEngine, volcWorkflow } from './helpers/volcengine';
import { startSandbox, type RtcSandbox } from '../sandbox/server';
import { SANDBOX_RTC_APP_ID } from '../sandbox/volcengine';
import type { RawRequest } from '../sandbox/types';

let sb: RtcSandbox;
let urls: string[] = [];
beforeAll(async () => {
	sb = await startSandbox();
	const handle = sb.handle.bind(sb);
	sb.handle = async (req: RawRequest) => {
		urls.push(req.url);
		return handle(req);
	};
});
afterAll(() => sb.close());
beforeEach(() => {
	sb.reset();
	urls = [];
});

const APP = 123456;
const BIG_CONV = '9223372036854775807'; // int64 max
const BIG_USER = '9007199254740993'; // 2^53 + 1: not representable as a JS number
const run = (params: IDataObject, o: { items?: IDataObject[]; continueOnFail?: boolean } = {}) =>
	volcengineEngine(sb.url).run(volcWorkflow(params, o));
const calls = (action: string) => sb.state.volcengine.requests.filter((r) => r.action === action);
const conv = (id: string) => sb.state.volcengine.conversations.get(APP)!.get(BigInt(id))!;
const errorOf = (r: Awaited<ReturnType<typeof run>>) => r.run.data.resultData.error as any;

/** Bad input: the run fails naming the field and item, and nothing reaches the sandbox. */
async function expectRefused(params: IDataObject, field: string, reason?: RegExp) {
	const { run: r } = await run(params);
	expect(r.status).toBe('error');
	const message = (r.data.resultData.error as any).message as string;
	expect(message).toContain(`"${field}"`);
	expect(message).toContain('item 0');
	if (reason) expect(message).toMatch(reason);
	expect(sb.state.volcengine.requests).toHaveLength(0);
}

// ── Message → Send to Conversation (SendMessage) ───────────────────────────────────────────────────

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
		expect(urls[0]).toContain('Action=SendMessage&Version=2020-12-01');
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
		const orig = sb.quotas.take.bind(sb.quotas);
		let throttled = false;
		sb.quotas.take = (key, limit, windowMs, n, now, scale) => {
			if (key === 'volc:SendMessage' && !throttled) return !(throttled = true);
			return orig(key, limit, windowMs, n, now, scale);
		};
		const { run: r } = await run(send());
		sb.quotas.take = orig;
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

	test('bad inputs are refused before anything is sent', async () => {
		await expectRefused(send({ conversationShortId: 'abc' }), 'Conversation ID', /digits only/);
		await expectRefused(send({ sender: '={{ 9007199254740994 }}' }), 'Sender User ID', /above 2\^53/);
		await expectRefused(send({ options: { mentionedUsers: '1, x' } }), 'Mentioned User IDs[1]');
		await expectRefused(send({ options: { clientMsgId: 'x'.repeat(129) } }), 'Client Message ID', /128 bytes/);
		await expectRefused(send({ options: { priority: 3 } }), 'Priority', /between 0 and 2/);
	});
});

// ── Message → Send to Groups (BatchSendGroupMessage) ───────────────────────────────────────────────

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

	test('bad inputs are refused before anything is sent', async () => {
		await expectRefused(groups({ conversationShortIds: '={{ [] }}' }), 'Conversation IDs', /at least one conversation/);
		await expectRefused(groups({ conversationShortIds: '1,2,-3' }), 'Conversation IDs[2]');
		await expectRefused(groups({ conversationShortIds: '1', options: { batchSize: 21 } }), 'Batch Size', /between 1 and 20/);
	});
});

// ── Message → Recall (RecallMessage) ───────────────────────────────────────────────────────────────

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

	test('bad inputs are refused before anything is sent', async () => {
		await expectRefused(recall({ messageId: '={{ "" }}', participantUserId: '1' }), 'Message ID', /is required/);
		await expectRefused(recall({ messageId: first, participantUserId: '1', recallRole: 'boss' }), 'Recalled As');
	});
});

// ── User → Register / Unregister / Get / Update / Get Online Status ──────────────────────────────────

describe('User (RegisterUsers, UnRegisterUsers, BatchGetUser, BatchUpdateUser, QueryOnlineStatus)', () => {
	const user = (operation: string, extra: IDataObject = {}) => ({ resource: 'user', operation, userId: '={{ $json.id }}', ...extra });
	const idItems = (n: number, from = 50001) => Array.from({ length: n }, (_, i) => ({ id: String(from + i) }));
	const users = () => sb.state.volcengine.users.get(APP) ?? new Map();

	test('Register: 45 items → 3 calls of ≤20; profile fields stored; FailedInfos go back to their item', async () => {
		sb.configure({ volcengine: { failUsers: ['50007'] } });
		const params = user('register', {
			additionalFields: {
				nickName: '={{ "user " + $json.id }}',
				portrait: 'https://example.com/a.png',
				tags: { pairs: [{ key: 'level', value: 'vip' }] },
				ext: { pairs: [{ key: 'city', value: 'sh' }] },
				isRobot: false,
			},
		});
		const { run: r } = await run(params, { items: idItems(45) });
		expect(r.data.resultData.error).toBeUndefined();
		expect(calls('RegisterUsers').map((c) => c.size)).toEqual([20, 20, 5]);
		const out = itemsOf(r);
		out.forEach((o, i) => expect(o.pairedItem).toEqual({ item: i }));
		expect(out.filter((o) => o.json.status === 'failed').map((o) => o.json.userId)).toEqual(['50007']);
		expect(out[6].json).toMatchObject({ status: 'failed', code: 'InternalError.User' });
		expect(out[0].json).toMatchObject({ userId: '50001', status: 'registered', batchSize: 20 });
		const u = users().get(50002n)!;
		expect(u).toMatchObject({ nickName: 'user 50002', portrait: 'https://example.com/a.png', ext: { city: 'sh' }, isRobot: false });
		expect(Object.fromEntries(u.tags)).toEqual({ level: 'vip' });
		expect(users().has(50007n)).toBe(false);
	});

	test('Unregister: 25 items → 3 calls of ≤10; a user not registered fails on its own item', async () => {
		sb.seedVolcengineUsers(APP, idItems(25).filter((x) => x.id !== '50010').map((x) => ({ userId: x.id })));
		const { run: r } = await run(user('unregister'), { items: idItems(25) });
		expect(calls('UnRegisterUsers').map((c) => c.size)).toEqual([10, 10, 5]);
		const out = itemsOf(r);
		expect(out.filter((o) => o.json.status === 'failed').map((o) => [o.json.userId, o.json.code])).toEqual([['50010', 'UserNotFound']]);
		expect(users().size).toBe(0);
	});

	test('Get: 120 items → 3 calls of ≤50; NotFoundUsers map to their items; ids above 2^53 exact', async () => {
		const items = [...idItems(119), { id: BIG_USER }];
		sb.seedVolcengineProfiles(APP, [
			...idItems(119).filter((x) => x.id !== '50033').map((x) => ({ userId: x.id })),
			{ userId: BIG_USER, nickName: 'Big', ext: { k: 'v' }, tags: { level: 'vip' } },
		]);
		const { run: r } = await run(user('get'), { items });
		expect(r.data.resultData.error).toBeUndefined();
		expect(calls('BatchGetUser').map((c) => c.size)).toEqual([50, 50, 20]);
		const out = itemsOf(r);
		expect(out).toHaveLength(120);
		out.forEach((o, i) => expect(o.pairedItem).toEqual({ item: i }));
		expect(out.filter((o) => !o.json.found).map((o) => o.json.userId)).toEqual(['50033']);
		expect(out[119].json).toMatchObject({ found: true, userId: BIG_USER, nickName: 'Big', ext: { k: 'v' }, tags: ['level:vip'] });
	});

	test('Update (keep unset fields): reads the profile first, changes only what is set; unknown users are not sent', async () => {
		sb.seedVolcengineProfiles(APP, [
			{ userId: '61', nickName: 'Ann', portrait: 'https://x/ann.png', tags: { level: 'vip' }, ext: { a: '1' } },
			{ userId: '62', nickName: 'Bob' },
		]);
		const items = [{ id: '61' }, { id: '63' }, { id: '62' }];
		const { run: r } = await run(user('update', { updateFields: { portrait: 'https://x/new.png' } }), { items });
		expect(r.data.resultData.error).toBeUndefined();
		expect(calls('BatchGetUser').map((c) => c.size)).toEqual([3]);
		expect(calls('BatchUpdateUser').map((c) => c.size)).toEqual([2]);
		const out = itemsOf(r);
		expect(out.map((o) => [o.json.userId, o.json.status, o.json.code ?? null])).toEqual([
			['61', 'updated', null],
			['63', 'failed', 'UserNotFound'],
			['62', 'updated', null],
		]);
		expect(users().get(61n)).toMatchObject({ nickName: 'Ann', portrait: 'https://x/new.png', ext: { a: '1' } });
		expect(Object.fromEntries(users().get(61n)!.tags)).toEqual({ level: 'vip' });
		expect(users().get(62n)).toMatchObject({ nickName: 'Bob', portrait: 'https://x/new.png' });
	});

	test('Update (clear unset fields): one call, the profile becomes exactly what is set', async () => {
		sb.seedVolcengineProfiles(APP, [{ userId: '71', nickName: 'Ann', ext: { a: '1' } }]);
		const { run: r } = await run(user('update', { updateFields: { nickName: 'Anna' }, options: { unsetFields: 'clear' } }), { items: [{ id: '71' }] });
		expect(calls('BatchGetUser')).toHaveLength(0);
		expect(itemsOf(r)[0].json).toMatchObject({ status: 'updated', unsetFields: 'cleared', updated: ['nickName'] });
		expect(users().get(71n)).toMatchObject({ nickName: 'Anna', portrait: '', ext: {} });
	});

	test('Get Online Status: 230 items → 3 calls of ≤100; connections with exact ids', async () => {
		sb.seedVolcengineOnline(APP, '50002', [{ ConnId: 9223372036854775000n, DeviceId: 'dev-1', Platform: 'ios', ClientVersion: '1.2.0' }]);
		const { run: r } = await run(user('getOnlineStatus'), { items: idItems(230) });
		expect(calls('QueryOnlineStatus').map((c) => c.size)).toEqual([100, 100, 30]);
		const out = itemsOf(r);
		expect(out).toHaveLength(230);
		expect(out[1].json).toMatchObject({ userId: '50002', online: true, connections: [{ connId: '9223372036854775000', deviceId: 'dev-1', platform: 'ios' }] });
		expect(out[0].json).toMatchObject({ userId: '50001', online: false, connections: [] });
	});

	test('a whole-call vendor error: every item of that call fails, with and without continue-on-fail', async () => {
		const res = await run(user('get', { appId: '999' }), { items: idItems(3) });
		expect(res.run.status).toBe('error');
		expect(errorOf(res).message).toContain('InvalidParameter.NotExistAppId');
		const { run: r } = await run(user('register', { appId: '={{ $json.app }}' }), {
			items: [
				{ id: '1', app: '999' },
				{ id: '2', app: '999' },
				{ id: '3', app: String(APP) },
			],
			continueOnFail: true,
		});
		const out = itemsOf(r);
		expect(out.map((o) => [o.json.code ?? o.json.status, o.pairedItem])).toEqual([
			['InvalidParameter.NotExistAppId', { item: 0 }],
			['InvalidParameter.NotExistAppId', { item: 1 }],
			['registered', { item: 2 }],
		]);
	});

	test('bad inputs are refused before anything is sent', async () => {
		await expectRefused(user('register', { userId: 'u1' }), 'User ID', /digits only/);
		await expectRefused(user('register', { userId: '1', additionalFields: { nickName: 'é'.repeat(51) } }), 'Nickname', /100 bytes/);
		await expectRefused(user('register', { userId: '1', additionalFields: { ext: { pairs: [{ key: 's:x', value: '1' }] } } }), 'Extra Fields (Ext)', /reserved/);
		await expectRefused(
			user('register', { userId: '1', additionalFields: { ext: { pairs: Array.from({ length: 21 }, (_, i) => ({ key: `k${i}`, value: 'v' })) } } }),
			'Extra Fields (Ext)',
			/limit is 20/,
		);
		await expectRefused(user('register', { userId: '1', options: { batchSize: 21 } }), 'Batch Size', /between 1 and 20/);
		await expectRefused(user('unregister', { userId: '1', options: { batchSize: 11 } }), 'Batch Size', /between 1 and 10/);
		await expectRefused(user('update', { userId: '1' }), 'Update Fields');
		await expectRefused(user('getOnlineStatus', { userId: '9223372036854775808' }), 'User ID');
	});
});

// ── Conversation → Get Messages by ID / Get Many Messages / Delete Message / Update Message ───────────

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
		expect(urls.filter((u) => u.includes('GetConversationMessages'))).toHaveLength(3);
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

	test('bad inputs are refused before anything is sent', async () => {
		await expectRefused(op('getMessages', { messageIds: ' , ' }), 'Message IDs', /at least one message ID/);
		await expectRefused(op('getMessages', { messageIds: '1', options: { batchSize: 51 } }), 'Batch Size');
		await expectRefused(op('getManyMessages', { limit: 0 }), 'Limit');
		await expectRefused(op('getManyMessages', { options: { cursor: '-1' } }), 'Start Cursor');
		await expectRefused(op('getManyMessages', { options: { pageSize: 101 } }), 'Page Size');
		await expectRefused(op('deleteMessage', { messageId: ids[0], participantUserId: '={{ "" }}' }), 'Member User ID', /is required/);
		await expectRefused(op('updateMessage', { messageId: ids[0], updateFields: {} }), 'Update Fields');
		await expectRefused(op('updateMessage', { messageId: ids[0], updateFields: { content: '  ' } }), 'Content', /cannot be empty/);
	});
});

// ── Room (SendUnicast, SendRoomUnicast, SendBroadcast, BatchSendRoomUnicast) ────────────────────────

describe('Room: real-time signalling (RTS, Version 2023-07-20, string RTC App ID)', () => {
	const room = (operation: string, extra: IDataObject = {}) => ({
		resource: 'room',
		operation,
		rtcAppId: SANDBOX_RTC_APP_ID,
		from: 'server-notice',
		message: '{"type":"notice"}',
		...extra,
	});
	const rts = () => sb.state.volcengine.rts.messages;

	test('Send to User outside Room (SendUnicast) with Version 2023-07-20 and the string AppId', async () => {
		const { run: r } = await run(room('sendToUser', { to: 'user_1@web' }));
		expect(r.data.resultData.error).toBeUndefined();
		expect(itemsOf(r)[0].json).toMatchObject({ status: 'sent', rtcAppId: SANDBOX_RTC_APP_ID, to: 'user_1@web', binary: false });
		expect(rts()).toMatchObject([{ action: 'SendUnicast', appId: SANDBOX_RTC_APP_ID, from: 'server-notice', to: ['user_1@web'], binary: false }]);
		expect(urls[0]).toContain('Action=SendUnicast&Version=2023-07-20');
	});

	test('Send to User in Room and Broadcast in Room; a binary (base64) message', async () => {
		const b64 = Buffer.from([0, 1, 2, 250, 255]).toString('base64');
		await run(room('sendToUserInRoom', { roomId: 'room-1', to: 'u-2' }));
		await run(room('broadcast', { roomId: 'room-1', binary: true, message: b64 }));
		expect(rts().map((m) => [m.action, m.roomId, m.to ?? null, m.binary, m.message])).toEqual([
			['SendRoomUnicast', 'room-1', ['u-2'], false, '{"type":"notice"}'],
			['SendBroadcast', 'room-1', null, true, b64],
		]);
		expect(sb.state.volcengine.rts.rooms.get(`${SANDBOX_RTC_APP_ID}|room-1`)!.messages).toBe(2);
	});

	test('Send to Users in Room: 1,300 receivers → 3 calls of ≤600, duplicates removed', async () => {
		const to = Array.from({ length: 1300 }, (_, i) => `u${i}`);
		const { run: r } = await run(room('sendToUsersInRoom', { roomId: 'hall', to: [...to, 'u5'].join('\n') }));
		expect(r.data.resultData.error).toBeUndefined();
		expect(calls('BatchSendRoomUnicast').map((c) => c.receivers)).toEqual([600, 600, 100]);
		expect(itemsOf(r)[0].json).toMatchObject({ status: 'sent', receiverCount: 1300, sentCount: 1300, calls: 3, duplicatesRemoved: 1 });
		expect(rts().flatMap((m) => m.to)).toEqual(to);
	});

	test('many items share the RTS budget; every output paired', async () => {
		const items = Array.from({ length: 40 }, (_, i) => ({ u: `user-${i}` }));
		const { run: r } = await run(room('sendToUser', { to: '={{ $json.u }}' }), { items });
		const out = itemsOf(r);
		out.forEach((o, i) => expect(o.pairedItem).toEqual({ item: i }));
		expect(rts()).toHaveLength(40);
	});

	test('an unknown RTC App ID: vendor error with and without continue-on-fail', async () => {
		const res = await run(room('sendToUser', { rtcAppId: String(APP), to: 'u1' }));
		expect(res.run.status).toBe('error');
		expect(errorOf(res).message).toContain('InvalidParameter.NotExistAppId');
		const { run: r } = await run(room('broadcast', { rtcAppId: '={{ $json.app }}', roomId: 'r1' }), {
			items: [{ app: 'nope' }, { app: SANDBOX_RTC_APP_ID }],
			continueOnFail: true,
		});
		expect(itemsOf(r).map((o) => [o.json.code ?? o.json.status, o.pairedItem])).toEqual([
			['InvalidParameter.NotExistAppId', { item: 0 }],
			['sent', { item: 1 }],
		]);
	});

	test('an answer other than "Success" is a failure even without an error envelope', async () => {
		sb.configure({ volcengine: { rtsAnswer: 'user not online' } });
		const res = await run(room('sendToUser', { to: 'u1' }));
		expect(res.run.status).toBe('error');
		expect(errorOf(res).message).toContain('NotSuccess');
		expect(errorOf(res).message).toContain('user not online');
	});

	test('size limits are bytes of the Message: 64 KB single, 20 KB batch', async () => {
		const { run: ok } = await run(room('sendToUser', { to: 'u1', message: 'x'.repeat(65536) }));
		expect(ok.data.resultData.error).toBeUndefined();
		sb.reset();
		await expectRefused(room('sendToUser', { to: 'u1', message: '中'.repeat(21846) }), 'Message', /65538 bytes; the limit is 65536/);
		await expectRefused(room('sendToUsersInRoom', { roomId: 'r', to: 'a,b', message: 'x'.repeat(20481) }), 'Message', /limit is 20480/);
	});

	test('bad inputs are refused before anything is sent', async () => {
		await expectRefused(room('sendToUser', { to: 'has space' }), 'Receiver User ID', /not allowed/);
		await expectRefused(room('sendToUser', { to: 'u1', from: 'x'.repeat(129) }), 'Sender ID');
		await expectRefused(room('sendToUser', { to: 'u1', rtcAppId: '={{ "" }}' }), 'RTC App ID', /is required/);
		await expectRefused(room('broadcast', { roomId: 'room#1' }), 'Room ID');
		await expectRefused(room('broadcast', { roomId: 'r', binary: true, message: 'not base64!' }), 'Message', /not base64/);
		await expectRefused(room('sendToUsersInRoom', { roomId: 'r', to: 'ok, bad/id' }), 'Receiver User IDs[1]');
		await expectRefused(room('sendToUsersInRoom', { roomId: 'r', to: 'a', options: { batchSize: 601 } }), 'Batch Size', /between 1 and 600/);
		await expectRefused(room('sendToUserInRoom', { roomId: 'r', to: 'u', message: '={{ "" }}' }), 'Message', /cannot be empty/);
	});
});
