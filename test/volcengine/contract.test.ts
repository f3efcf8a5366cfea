/* eslint-disable */
// Contract fixtures, Volcengine RTC IM OpenAPI (issue 11 §4). The vendor's doc pages did not yield
// retrievable JSON examples; the fixtures (test/fixtures/vendor/volcengine/*.json, cited there) are
// the official Go SDK's request/result models (volc-sdk-golang service/im/model.go) with
// illustrative values, and one doc page's parameter table. Each case runs the node through n8n's
// engine and checks (1) the request the sandbox received has the documented keys and JSON types at
// every level and the values the example fixes, and the sandbox accepted it; (2) the documented
// answer, served verbatim (sandbox respondNext), parses to the expected node output.
import type { IDataObject } from 'n8n-workflow';
import { outputOf } from '../../harness/engine';
import { volcWorkflow } from '../../harness/fixtures';
import { volcengineEngine } from '../../harness/registry';
import type { RtcSandbox } from '../../sandbox/server';
import { readJson } from '../../sandbox/json';
import { loadFixture, shapeDiff } from '../fixtures/vendor/shape';
import { APP, itemsOf, volcengineSuite } from './suite';

let sb: RtcSandbox;
volcengineSuite((s) => (sb = s));


async function contract(api: string, served: unknown, parameters: IDataObject, o: { items?: IDataObject[]; continueOnFail?: boolean } = {}) {
	if (served !== undefined) sb.respondNext('volcengine', api, served);
	const { run } = await volcengineEngine(sb.url).run(volcWorkflow(parameters, o));
	const seen: Array<{ body: Buffer }> = served !== undefined ? sb.verbatim.filter((v) => v.api === api).map((v) => v.request) : [];
	expect(seen.length).toBeGreaterThanOrEqual(1);
	const hit = sb.verbatim.find((v) => v.api === api)!;
	const sent = readJson(hit.request.body.toString('utf8'), 'bigint') as Record<string, any>;
	const own = readJson(hit.own.body, 'bigint') as Record<string, any>;
	return { run, out: outputOf(run, 'Node') as any[], sent, own, error: run.data.resultData.error };
}

describe('BatchSendMessage (Go SDK BatchSendMessageBody / Result)', () => {
	const fx = loadFixture('volcengine', 'BatchSendMessage');
	const params = { resource: 'message', operation: 'sendToUsers', sender: '10001', receivers: '20001,20002', content: '{"text":"hi"}', msgType: 10001, options: { ext: { pairs: [{ key: 'k', value: 'v' }] } } };

	test('request shape: the SDK model, plus IsNormalUser (spec §4.3, TV2) which the SDK does not model', async () => {
		const req = fx.request as any;
		const { sent, own } = await contract(fx.api, fx.response, params);
		expect(own.ResponseMetadata.Error).toBeUndefined();
		expect(shapeDiff(req, sent, ['IsNormalUser'])).toEqual([]);
		expect(typeof sent.IsNormalUser).toBe('boolean');
		const { IsNormalUser, ...rest } = sent;
		expect(rest).toEqual(req);
	});

	test('the SDK-shaped answer (UserMessageId only, no FailedReceiver) parses to every receiver delivered with exact ids', async () => {
		const { out, error } = await contract(fx.api, fx.response, params);
		expect(error).toBeUndefined();
		expect(out[0]).toMatchObject({ status: 'sent', deliveredCount: 2, failedCount: 0 });
		expect(out[0].messageIds).toEqual({ '20001': '7205759403792793601', '20002': '7205759403792793602' });
	});

	// issue 11 §2: a receiver in neither UserMessageId nor FailedReceiver was not confirmed by the vendor.
	test('an SDK-shaped answer that omits 20002 leaves it unknown, not delivered', async () => {
		const partial = { ...(fx.response as any), Result: { UserMessageId: { '20001': 7205759403792793601n } } };
		const { out } = await contract(fx.api, partial, params);
		expect(out[0].deliveredCount).toBe(1);
		expect(JSON.stringify(out[0])).toMatch(/unknown/);
		expect(out[0].status).not.toBe('sent');
	});
});

describe('UserBroadcast (Go SDK UserBroadcastBody)', () => {
	const fx = loadFixture('volcengine', 'UserBroadcast');
	test('request shape and values of the SDK model; an empty Result with no Error is accepted', async () => {
		sb.seedVolcengineUsers(APP, [{ userId: '1', tags: { level: 'vip', city: 'sh' } }]);
		const req = fx.request as any;
		const { out, sent, own, error } = await contract(fx.api, fx.response, {
			resource: 'message',
			operation: 'broadcast',
			sender: '10001',
			content: req.Content,
			msgType: 10001,
			msgTtl: 3600,
			tags: { pairs: [{ key: 'level', value: 'vip' }, { key: 'city', value: 'sh' }] },
			tagMatch: 'any',
			options: { ext: { pairs: [{ key: 'k', value: 'v' }] } },
		});
		expect(error).toBeUndefined();
		expect(own.ResponseMetadata.Error).toBeUndefined();
		expect(shapeDiff(req, sent)).toEqual([]);
		expect(sent).toEqual(req);
		expect(out[0]).toMatchObject({ status: 'accepted' });
	});
});

describe('SendMessage (Go SDK SendMessageBody / Result)', () => {
	const fx = loadFixture('volcengine', 'SendMessage');
	test('request shape of the SDK model; MessageId above 2^53 comes out exact', async () => {
		sb.seedVolcengineConversation({ conversationShortId: '7000001', members: ['10001', '10002'] });
		const req = fx.request as any;
		const { out, sent, own, error } = await contract(fx.api, fx.response, { resource: 'message', operation: 'sendToConversation', sender: '10001', conversationShortId: '7000001', msgType: 10001, content: req.Content });
		expect(error).toBeUndefined();
		expect(own.ResponseMetadata.Error).toBeUndefined();
		expect(shapeDiff(req, sent)).toEqual([]);
		expect({ ...sent, ClientMsgId: req.ClientMsgId }).toEqual(req);
		expect(sent.ClientMsgId).toMatch(/^[0-9a-f-]{36}$/);
		expect(out[0]).toMatchObject({ status: 'sent', messageId: '7205759403792793603' });
	});
});

describe('RecallMessage (Go SDK RecallMessageBody)', () => {
	const fx = loadFixture('volcengine', 'RecallMessage');
	test('request shape and exact int64 values; an empty Result is a recall', async () => {
		const req = fx.request as any;
		const c = sb.seedVolcengineConversation({ conversationShortId: '7000001', owner: '10002', members: ['10001'], messages: [{ sender: '10001', content: 'oops' }] });
		const mine = c.messages[0].messageId.toString();
		const { out, sent, own, error } = await contract(fx.api, fx.response, { resource: 'message', operation: 'recall', conversationShortId: '7000001', messageId: mine, participantUserId: '10001', recallRole: 'member' });
		expect(error).toBeUndefined();
		expect(own.ResponseMetadata.Error).toBeUndefined();
		expect(shapeDiff(req, sent)).toEqual([]);
		expect({ ...sent, MessageId: req.MessageId }).toEqual(req);
		expect(String(sent.MessageId)).toBe(mine);
		expect(out[0]).toMatchObject({ status: 'recalled', messageId: mine });
	});
});

describe('GetConversationMessages (Go SDK GetConversationMessagesBody / Result)', () => {
	const fx = loadFixture('volcengine', 'GetConversationMessages');
	test('request shape (Cursor and Limit always sent, ≤ 20 per page); the SDK-shaped page parses to its two messages with exact ids', async () => {
		sb.seedVolcengineConversation({ conversationShortId: '7000001', owner: '10001', members: ['10002'], messages: 2 });
		const req = fx.request as any;
		const { run, sent, own, error } = await contract(fx.api, fx.response, { resource: 'conversation', operation: 'getManyMessages', conversationShortId: '7000001', returnAll: true });
		expect(error).toBeUndefined();
		expect(own.ResponseMetadata.Error).toBeUndefined();
		expect(shapeDiff(req, sent)).toEqual([]);
		expect(sent.Limit).toBeLessThanOrEqual(20);
		const out = itemsOf(run).map((o) => o.json);
		expect(out.map((o) => o.messageId)).toEqual(['7205759403792793605', '7205759403792793604']);
		expect(out[0]).toMatchObject({ sender: '10002', content: '{"text":"second"}', indexInConversation: '2' });
	});
});

describe('RegisterUsers (Go SDK RegisterUsersBody / Result)', () => {
	const fx = loadFixture('volcengine', 'RegisterUsers');
	test('request shape of the SDK model (IsRobot false may be sent: omitempty in the SDK, a plain bool)', async () => {
		const req = fx.request as any;
		const { out, sent, own, error } = await contract(fx.api, fx.response, {
			resource: 'user',
			operation: 'register',
			userId: '50001',
			additionalFields: { nickName: 'user 50001', portrait: 'https://example.com/a.png', tags: { pairs: [{ key: 'level', value: 'vip' }] }, ext: { pairs: [{ key: 'city', value: 'sh' }] } },
		});
		expect(error).toBeUndefined();
		expect(own.ResponseMetadata.Error).toBeUndefined();
		expect(shapeDiff(req, sent, ['Users[].IsRobot'])).toEqual([]);
		expect(sent.Users[0]).toMatchObject(req.Users[0]);
		expect(out[0]).toMatchObject({ userId: '50001', status: 'registered' });
	});
});

describe('BatchGetUser (Go SDK BatchGetUserBody / Result)', () => {
	const fx = loadFixture('volcengine', 'BatchGetUser');
	test('request shape and exact ids; the SDK-shaped answer parses to one found user and one not found (id above 2^53)', async () => {
		sb.seedVolcengineProfiles(APP, [{ userId: '50001', nickName: 'user 50001' }]);
		const req = fx.request as any;
		const { run, sent, own, error } = await contract(fx.api, fx.response, { resource: 'user', operation: 'get', userId: '={{ $json.id }}' }, { items: [{ id: '50001' }, { id: '9007199254740993' }] });
		expect(error).toBeUndefined();
		expect(own.ResponseMetadata.Error).toBeUndefined();
		expect(shapeDiff(req, sent)).toEqual([]);
		expect(sent).toEqual(req);
		const out = itemsOf(run).map((o) => o.json);
		expect(out[0]).toMatchObject({ userId: '50001', nickName: 'user 50001', tags: ['level:vip'] });
		expect(JSON.stringify(out[1])).toContain('9007199254740993');
		expect(out[1]).toMatchObject({ found: false });
	});
});

describe('BatchUpdateUserTags (Go SDK BatchUpdateUserTagsBody, doc 6348/1125995)', () => {
	const fx = loadFixture('volcengine', 'BatchUpdateUserTags');
	test('the request has the SDK shape {AppId, Op, UserIds, Tags}', async () => {
		sb.seedVolcengineUsers(APP, [{ userId: '10001' }, { userId: '10002' }]);
		const req = fx.request as any;
		const { sent } = await contract(fx.api, fx.response, { resource: 'userTag', operation: 'update', userId: '={{ $json.u }}', mode: 'set', tags: { pairs: [{ key: 'level', value: 'vip' }] } }, { items: [{ u: '10001' }, { u: '10002' }] });
		expect(shapeDiff(req, sent)).toEqual([]);
		expect(sent).toEqual(req);
	});

	test('FailedInfos of the SDK result go back to their item: 10002 fails with its Code and Message, 10001 does not', async () => {
		sb.seedVolcengineUsers(APP, [{ userId: '10001' }, { userId: '10002' }]);
		const { run } = await contract(fx.api, fx.response, { resource: 'userTag', operation: 'update', userId: '={{ $json.u }}', mode: 'set', tags: { pairs: [{ key: 'level', value: 'vip' }] } }, { items: [{ u: '10001' }, { u: '10002' }], continueOnFail: true });
		const out = itemsOf(run).map((o) => o.json);
		expect(out).toHaveLength(2);
		expect(out[0].status).not.toBe('failed');
		expect(out[1]).toMatchObject({ status: 'failed' });
		expect(JSON.stringify(out[1])).toContain('InvalidParameter');
	});
});

describe('BatchSendGroupMessage (doc 6348/1756984 parameter table)', () => {
	const fx = loadFixture('volcengine', 'BatchSendGroupMessage');
	test('request has the documented required keys with the documented types (Array of Long ids as JSON numbers)', async () => {
		for (const id of ['7000001', '7000002', '7000003']) sb.seedVolcengineConversation({ conversationShortId: id, type: 100, members: ['10001'] });
		const req = fx.request as any;
		// no response example is documented, so nothing is served verbatim: the sandbox answers itself and the request is read off the wire
		const bodies: Buffer[] = [];
		const listener = (r: { url: string; body: Buffer }) => r.url.includes('Action=BatchSendGroupMessage') && bodies.push(r.body);
		sb.on('sandbox.request', listener);
		const { run } = await volcengineEngine(sb.url).run(
			volcWorkflow({ resource: 'message', operation: 'sendToGroups', sender: '10001', conversationType: 100, conversationShortIds: '7000001,7000002,7000003', msgType: 10001, content: req.Content }),
		);
		sb.off('sandbox.request', listener);
		expect(run.data.resultData.error).toBeUndefined();
		expect(bodies).toHaveLength(1);
		const sent = readJson(bodies[0].toString('utf8'), 'bigint') as any;
		// optional documented fields the node adds: ClientMsgId (idempotency; SendMessage's model has it), Ext/MentionedUsers/VisibleUsers/InvisibleUsers when given
		expect(shapeDiff(req, sent, ['ClientMsgId', 'Ext', 'MentionedUsers', 'VisibleUsers', 'InvisibleUsers'])).toEqual([]);
		expect({ ...sent, ClientMsgId: undefined }).toMatchObject(req);
	});
});

describe('Real-time signalling SendUnicast / SendBroadcast (Go SDK service/rtc/v20230720)', () => {
	const rtcAppId = '661e0d3c2b1a5f00e9a543cf';
	const room = (operation: string, extra: Record<string, unknown>) => ({ resource: 'room', operation, rtcAppId, from: 'server-notice', message: '{"type":"notice"}', ...extra });
	for (const [api, operation, extra] of [
		['SendUnicast', 'sendToUser', { to: 'user_1@web' }],
		['SendBroadcast', 'broadcast', { roomId: 'room-1' }],
	] as const) {
		const fx = loadFixture('volcengine', api);
		test(`${api}: request shape and values of the SDK model (Binary a bool, AppId a string)`, async () => {
			const req = fx.request as any;
			const { sent, own } = await contract(fx.api, fx.response, room(operation, extra));
			expect(own.ResponseMetadata.Error).toBeUndefined();
			expect(shapeDiff(req, sent)).toEqual([]);
			expect(sent).toEqual(req);
		});
		// issue 11 §1 ("RTS success"): the node accepts only "Success"; another helper makes the check case-insensitive.
		test(`${api}: Result.Message "success" with no Error is a success`, async () => {
			const { out, error } = await contract(fx.api, fx.response, room(operation, extra));
			expect(error).toBeUndefined();
			expect(out[0]).toMatchObject({ status: 'sent' });
		});
	}
});

describe('the documented failure envelope (spec §3.1, response-structure page 6348/192711)', () => {
	test('HTTP 200 with ResponseMetadata.Error is a failure naming the Code; the RequestId is kept', async () => {
		const fx = loadFixture('volcengine', 'BatchSendMessage');
		const failure = { ResponseMetadata: { RequestId: 'Your_RequestId', Action: 'BatchSendMessage', Version: '2020-12-01', Service: 'rtc', Region: 'cn-north-1', Error: { Code: 'InvalidParameter', Message: 'Receiver is invalid' } }, Result: {} };
		sb.respondNext('volcengine', fx.api, failure);
		const { run } = await volcengineEngine(sb.url).run(volcWorkflow({ resource: 'message', operation: 'sendToUsers', sender: '10001', receivers: '20001', content: 'x', msgType: 10001 }));
		expect(run.status).toBe('error');
		expect(run.data.resultData.error!.message).toMatch(/InvalidParameter/);
		expect(JSON.stringify(run.data.resultData.error)).toContain('Your_RequestId');
	});
});
