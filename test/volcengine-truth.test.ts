/* eslint-disable */
// Issue 11, Volcengine side: the sandbox configured to behave as the real vendor does (per the Go
// SDK volcengine/volc-sdk-golang service/im/model.go and the current doc pages), and the node
// checked against it through the real n8n engine. Each block names its source.
if (!process.env.N8N_LOG_LEVEL) process.env.N8N_LOG_LEVEL = 'silent';
import type { IDataObject } from 'n8n-workflow';
import { itemsOf } from './helpers/fixtures';
import { volcengineEngine, volcWorkflow } from './helpers/volcengine';
import { startSandbox, type RtcSandbox } from '../sandbox/server';
import type { RawRequest } from '../sandbox/types';
import { SANDBOX_RTC_APP_ID } from '../sandbox/volcengine';
import { VolcengineRtc } from '../nodes/VolcengineRtc/VolcengineRtc.node';

let sb: RtcSandbox;
/** Raw request bodies as they arrived, by action (observation only; the sandbox answers as usual). */
let bodies: Array<{ action: string; body: string }> = [];
beforeAll(async () => {
	sb = await startSandbox();
	const handle = sb.handle.bind(sb);
	sb.handle = async (req: RawRequest) => {
		const action = new URLSearchParams(req.url.split('?')[1] ?? '').get('Action') ?? '';
		if (action) bodies.push({ action, body: req.body.toString('utf8') });
		return handle(req);
	};
});
afterAll(() => sb.close());
beforeEach(() => {
	sb.reset();
	bodies = [];
});

const APP = 123456;
const BIG = '9007199254740993'; // 2^53 + 1
const run = (params: IDataObject, o: { items?: IDataObject[]; continueOnFail?: boolean } = {}) => volcengineEngine(sb.url).run(volcWorkflow(params, o));
const calls = (action: string) => sb.state.volcengine.requests.filter((r) => r.action === action);
const sent = (action: string) => bodies.filter((b) => b.action === action).map((b) => b.body);
const errorOf = (r: Awaited<ReturnType<typeof run>>) => r.run.data.resultData.error as any;
const user = (id: string | bigint) => sb.state.volcengine.users.get(APP)!.get(BigInt(id))!;
const tagsOf = (id: string | bigint) => [...user(id).tags].map(([k, v]) => (v === null ? k : `${k}:${v}`)).sort();

// ── 1. BatchUpdateUserTags: current form {AppId, Op, UserIds, Tags} (SDK BatchUpdateUserTagsBody, doc 6348/1125995) ──

describe('User Tag → Update: current API form by default, legacy per-user map as an option', () => {
	const upd = (extra: IDataObject = {}) => ({
		resource: 'userTag',
		operation: 'update',
		userId: '={{ $json.id }}',
		mode: 'set',
		tags: { pairs: [{ key: 'level', value: '={{ $json.level }}' }] },
		...extra,
	});

	test('default form is UserIds + Tags; items with the same tags and mode share a call (brought together when no user repeats); ids exact', async () => {
		sb.seedVolcengineUsers(APP, ['1', '2', BIG, '4', '5'].map((userId) => ({ userId })));
		const items = [
			{ id: '1', level: 'vip' },
			{ id: '2', level: 'vip' },
			{ id: BIG, level: 'vip' },
			{ id: '4', level: 'gold' },
			{ id: '5', level: 'vip' },
		];
		const { run: r } = await run(upd({ tagList: 'beta' }), { items });
		expect(r.data.resultData.error).toBeUndefined();
		expect(calls('BatchUpdateUserTags').map((c) => c.size)).toEqual([4, 1]);
		const [first] = sent('BatchUpdateUserTags');
		// int64 ids as bare JSON numbers, exact; no InboxType and no UserTags in the current form
		expect(first).toBe(`{"AppId":${APP},"UserIds":[1,2,${BIG},5],"Tags":["level:vip","beta"],"Op":0}`);
		expect(tagsOf(BIG)).toEqual(['beta', 'level:vip']);
		expect(tagsOf('4')).toEqual(['beta', 'level:gold']);
		const out = itemsOf(r);
		expect(out.map((o) => o.pairedItem)).toEqual(items.map((_, item) => ({ item })));
		expect(out[2].json).toMatchObject({ userId: BIG, status: 'updated', apiForm: 'current', tags: ['level:vip', 'beta'], batchSize: 4 });
	});

	test('when a user appears in two items, only consecutive items share a call, so the later update wins', async () => {
		sb.seedVolcengineUsers(APP, ['1', '2', '3'].map((userId) => ({ userId })));
		const items = [
			{ id: '1', level: 'vip' },
			{ id: '2', level: 'gold' },
			{ id: '1', level: 'gold' },
			{ id: '3', level: 'vip' },
		];
		const { run: r } = await run(upd(), { items });
		expect(r.data.resultData.error).toBeUndefined();
		expect(calls('BatchUpdateUserTags').map((c) => c.size)).toEqual([1, 2, 1]);
		expect(sent('BatchUpdateUserTags')[1]).toBe(`{"AppId":${APP},"UserIds":[2,1],"Tags":["level:gold"],"Op":0}`);
		expect(tagsOf('1')).toEqual(['level:gold']);
		expect(itemsOf(r).map((o) => o.pairedItem)).toEqual(items.map((_, item) => ({ item })));
	});

	test('a sandbox that takes only the legacy form refuses the default; the legacy option sends UserTags', async () => {
		sb.configure({ volcengine: { tagApiForm: 'legacy' } });
		sb.seedVolcengineUsers(APP, [{ userId: '1' }]);
		const current = await run(upd({ userId: '1', tags: { pairs: [{ key: 'level', value: 'vip' }] } }));
		expect(current.run.status).toBe('error');
		expect(errorOf(current).message).toMatch(/InvalidParameter: UserTags is required/);
		expect(sent('BatchUpdateUserTags')[0]).toContain('"UserIds":[1]');

		bodies = [];
		const legacy = await run(upd({ userId: '1', tags: { pairs: [{ key: 'level', value: 'vip' }] }, options: { apiForm: 'legacy' } }));
		expect(legacy.run.data.resultData.error).toBeUndefined();
		expect(sent('BatchUpdateUserTags')).toEqual([`{"AppId":${APP},"InboxType":0,"UserTags":[{"UserId":1,"Tags":{"level":"vip"}}],"Op":0}`]);
		expect(tagsOf('1')).toEqual(['level:vip']);
		expect(itemsOf(legacy.run)[0].json).toMatchObject({ status: 'updated', apiForm: 'legacy', tags: { level: 'vip' } });
	});

	test('the current-only sandbox (the vendor today) refuses the legacy form', async () => {
		sb.seedVolcengineUsers(APP, [{ userId: '1' }]);
		const r = await run(upd({ userId: '1', tags: { pairs: [{ key: 'level', value: 'vip' }] }, options: { apiForm: 'legacy' } }));
		expect(r.run.status).toBe('error');
		expect(errorOf(r).message).toMatch(/InvalidParameter: UserIds is required/);
		expect(tagsOf('1')).toEqual([]);
	});

	test('FailedInfos of a coalesced call go back to the item of that user', async () => {
		sb.seedVolcengineUsers(APP, [{ userId: '1' }, { userId: '3' }]);
		const items = [{ id: '1' }, { id: '2' }, { id: '3' }];
		const { run: r } = await run(upd({ tags: {}, tagList: 'vip' }), { items });
		expect(calls('BatchUpdateUserTags')).toHaveLength(1);
		expect(itemsOf(r).map((o) => [o.json.userId, o.json.status, o.json.code])).toEqual([
			['1', 'updated', undefined],
			['2', 'failed', 'UserNotFound'],
			['3', 'updated', undefined],
		]);
	});

	test('the batch size caps a call; the same user twice never shares a call', async () => {
		sb.seedVolcengineUsers(APP, Array.from({ length: 7 }, (_, i) => ({ userId: String(i + 1) })));
		const items = [1, 2, 3, 4, 5, 6, 7, 7].map((id) => ({ id: String(id), level: 'vip' }));
		await run(upd({ options: { batchSize: 3 } }), { items });
		expect(calls('BatchUpdateUserTags').map((c) => c.size)).toEqual([3, 3, 1, 1]);
	});

	test('delete (Op 1) in the current form sends the keys / plain tags as written', async () => {
		sb.seedVolcengineUsers(APP, [{ userId: '9', tags: { level: 'vip', city: 'sh' } }]);
		user('9').tags.set('beta', null);
		const { run: r } = await run({ resource: 'userTag', operation: 'update', userId: '9', mode: 'delete', tagKeys: 'level, beta' });
		expect(r.data.resultData.error).toBeUndefined();
		expect(sent('BatchUpdateUserTags')).toEqual([`{"AppId":${APP},"UserIds":[9],"Tags":["level","beta"],"Op":1}`]);
		expect(tagsOf('9')).toEqual(['city:sh']);
		expect(itemsOf(r)[0].json).toMatchObject({ mode: 'delete', tags: ['level', 'beta'], status: 'updated' });
	});
});

// ── 2. Tags are free strings (SDK `Tags []string`; doc examples `["age","level"]`) ───────────────

describe('plain tags are sent as written ("vip", never "vip:") everywhere tags are taken', () => {
	test('Register: the key/value list with an empty value and the Tag List', async () => {
		const { run: r } = await run({
			resource: 'user',
			operation: 'register',
			userId: '11',
			additionalFields: { tags: { pairs: [{ key: 'beta', value: '' }, { key: 'level', value: 'gold' }] }, tagList: 'vip, level:gold' },
		});
		expect(r.data.resultData.error).toBeUndefined();
		expect(sent('RegisterUsers')).toEqual([`{"AppId":${APP},"Users":[{"UserId":11,"Tags":["beta","level:gold","vip"]}]}`]);
		expect(tagsOf('11')).toEqual(['beta', 'level:gold', 'vip']);
	});

	test('Broadcast: a plain filter tag reaches the users who have that plain tag', async () => {
		sb.seedVolcengineUsers(APP, [{ userId: '1' }, { userId: '2', tags: { vip: 'yes' } }, { userId: '3' }]);
		user('1').tags.set('vip', null);
		const { run: r } = await run({ resource: 'message', operation: 'broadcast', sender: '10001', content: 'hi', msgType: 10001, tagList: '={{ ["vip"] }}' });
		expect(r.data.resultData.error).toBeUndefined();
		expect(sent('UserBroadcast')[0]).toContain('"Tags":["vip"]');
		expect(sb.state.volcengine.broadcasts[0].recipients.map(String)).toEqual(['1']);
		expect(itemsOf(r)[0].json).toMatchObject({ status: 'accepted', tags: ['vip'] });
	});

	test('User → Update: plain tags replace the tag list as written', async () => {
		sb.seedVolcengineUsers(APP, [{ userId: '5', tags: { level: 'vip' } }]);
		const { run: r } = await run({ resource: 'user', operation: 'update', userId: '5', updateFields: { tagList: 'vip' }, options: { unsetFields: 'clear' } });
		expect(r.data.resultData.error).toBeUndefined();
		expect(sent('BatchUpdateUser')[0]).toContain('"Tags":["vip"]');
		expect(tagsOf('5')).toEqual(['vip']);
	});

	test('User Tag → Update: a pair with an empty value is the plain tag', async () => {
		sb.seedVolcengineUsers(APP, [{ userId: '6' }]);
		const { run: r } = await run({ resource: 'userTag', operation: 'update', userId: '6', mode: 'set', tags: { pairs: [{ key: 'vip', value: '' }] } });
		expect(r.data.resultData.error).toBeUndefined();
		expect(sent('BatchUpdateUserTags')[0]).toContain('"Tags":["vip"]');
		expect(tagsOf('6')).toEqual(['vip']);
	});

	test('a tag that is not text is refused naming the field; nothing is sent', async () => {
		const { run: r } = await run({ resource: 'message', operation: 'broadcast', sender: '10001', content: 'hi', msgType: 10001, tagList: '={{ ["vip", { "a": 1 }] }}' });
		expect(errorOf({ run: r } as any).message).toMatch(/^Invalid "Tag List\[1\]" in item 0: a tag must be text/);
		expect(sb.state.volcengine.requests).toHaveLength(0);
	});
});

// ── 3. RTS success: "success" in any casing, or HTTP 200 without Error (Go SDK rtc/v20230720) ───────

describe('Room: RTS answers', () => {
	const room = { resource: 'room', operation: 'sendToUser', rtcAppId: SANDBOX_RTC_APP_ID, from: 'server-notice', to: 'u1', message: 'hi' };
	test.each([['success'], ['SUCCESS'], [null]])('Result.Message %p is a success', async (answer) => {
		sb.configure({ volcengine: { rtsAnswer: answer } });
		const { run: r } = await run(room);
		expect(r.data.resultData.error).toBeUndefined();
		expect(itemsOf(r)[0].json.status).toBe('sent');
		expect(sb.state.volcengine.rts.messages).toHaveLength(1);
	});
});

// ── 4. GetConversationMessages: at most 20 per call (doc 6348/337138) ─────────────────────────────

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

// ── 5. Order per conversation when an earlier item is retried ────────────────────────────────────

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

// ── 6. Receivers the answer does not confirm are unknown, not delivered ────────────────────────────

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

// ── 7–9. Answers: Error without a code, 429 whatever the body, daily quota ────────────────────────

describe('transport: how answers are classified', () => {
	const send = { resource: 'message', operation: 'sendToConversation', sender: '10001', conversationShortId: '7000001', msgType: 10001, content: 'x' };
	beforeEach(() => sb.seedVolcengineConversation({ conversationShortId: '7000001', members: ['10001'] }));

	test('HTTP 200 with ResponseMetadata.Error but no Code/CodeN is a failure, not a success', async () => {
		sb.configure({ volcengine: { refuseOnce: [{ action: 'SendMessage', http: 200, withoutCode: true, message: 'something went wrong' }] } });
		const r = await run(send);
		expect(r.run.status).toBe('error');
		expect(errorOf(r).message).toBe('Volcengine error UnknownError: something went wrong');
		expect(calls('SendMessage')).toHaveLength(1);
	});

	test('HTTP 429 is a throttle whatever the body says: retried, then sent once', async () => {
		sb.configure({
			volcengine: {
				refuseOnce: [
					{ action: 'SendMessage', http: 429, code: 'InvalidParameter', message: 'rate' },
					{ action: 'SendMessage', http: 429, notJson: true },
				],
			},
		});
		const r = await run(send);
		expect(r.run.data.resultData.error).toBeUndefined();
		expect(calls('SendMessage').map((c) => c.code)).toEqual(['InvalidParameter', 'HTTP 429', undefined]);
		expect(sb.state.volcengine.conversations.get(APP)!.get(7000001n)!.messages).toHaveLength(1);
	});

	test('UserBroadcast daily quota: failed at once with "daily quota … try tomorrow", never retried', async () => {
		sb.configure({ volcengine: { broadcastsPerDay: 1 } });
		const started = Date.now();
		const { run: r } = await run({ resource: 'message', operation: 'broadcast', sender: '10001', content: 'hi', msgType: 10001, sendToAllUsers: true }, { items: [{}, {}, {}], continueOnFail: true });
		const out = itemsOf(r);
		expect(out[0].json.status).toBe('accepted');
		for (const o of out.slice(1)) {
			expect(o.json.code).toBe('FlowLimitExceeded');
			expect(String(o.json.error ?? o.json.message)).toMatch(/daily quota \(20 requests per day\) is used up, try tomorrow/);
		}
		expect(calls('UserBroadcast')).toHaveLength(3);
		expect(Date.now() - started).toBeLessThan(5000);
	});

	test('a UserBroadcast throttle that names the per-second budget is a plain throttle: retried', async () => {
		sb.configure({ volcengine: { refuseOnce: [{ action: 'UserBroadcast', code: 'FlowLimitExceeded.QPSOverLimit', message: 'UserBroadcast is limited to 50 requests per second' }] } });
		const { run: r } = await run({ resource: 'message', operation: 'broadcast', sender: '10001', content: 'hi', msgType: 10001, sendToAllUsers: true });
		expect(r.data.resultData.error).toBeUndefined();
		expect(calls('UserBroadcast').map((c) => c.code)).toEqual(['FlowLimitExceeded.QPSOverLimit', undefined]);
		expect(sb.state.volcengine.broadcasts).toHaveLength(1);
	});

	test('a throttle answer that names a day is a daily quota on any action: not retried', async () => {
		sb.configure({ volcengine: { refuseOnce: [{ action: 'RegisterUsers', code: 'FlowLimitExceeded', message: 'RegisterUsers is limited to 1000 requests per day' }] } });
		const r = await run({ resource: 'user', operation: 'register', userId: '1' });
		expect(r.run.status).toBe('error');
		expect(errorOf(r).message).toMatch(/daily quota is used up, try tomorrow/);
		expect(calls('RegisterUsers')).toHaveLength(1);
	});

	test('the broadcast operation states the daily quota in a notice', () => {
		const props = new VolcengineRtc().nodeVersions[1].description.properties;
		const notice = props.find((p) => p.name === 'dailyQuotaNotice');
		expect(notice?.type).toBe('notice');
		expect(notice?.displayName).toMatch(/20 broadcasts per day/);
		expect(notice?.displayOptions?.show).toMatchObject({ resource: ['message'], operation: ['broadcast'] });
	});
});
