// One output vocabulary (issue 16, README → Outputs): from node version 1.1 on, both vendors' sends
// describe every receiver in the same words — `failed: [{ receiver, code, reason }]`, `unknown`,
// `notSent`, `messageIds`, `from` — while version 1 keeps the field names of 0.1.0. Real
// WorkflowExecute against the sandbox on 127.0.0.1.
import type { IDataObject } from 'n8n-workflow';
import { itemsOf, tencentWorkflow, volcWorkflow } from '../harness/fixtures';
import { outputOf } from '../harness/engine';
import { tencentEngine, volcengineEngine } from '../harness/registry';
import type { RtcSandbox } from '../sandbox/server';
import { sandboxLifecycle } from './sandboxSuite';
import { SANDBOX_TENCENT } from '../sandbox/demo-credentials';
import { SANDBOX_RTC_APP_ID } from '../sandbox/volcengine';

let sb: RtcSandbox;
sandboxLifecycle((s) => (sb = s));
beforeEach(() => {
	sb.removeAllListeners('volcengine.message');
	sb.removeAllListeners('tencent.message');
});

const V11 = { typeVersion: 1.1 };
const volcSend = (extra: Record<string, unknown> = {}) => ({ resource: 'message', operation: 'sendToUsers', sender: '10001', text: 'hello', receivers: '1,2,3', ...extra });
const tencentSend = (extra: Record<string, unknown> = {}) => ({ resource: 'message', operation: 'sendToUsers', toAccounts: 'a,b,c', messageFormat: 'text', text: 'hello', ...extra });
const range = (from: number, n: number) => Array.from({ length: n }, (_, k) => String(from + k));
/** The keys a summary must have in the shared vocabulary, whatever the vendor. */
const SHARED_KEYS = ['status', 'from', 'receiverCount', 'deliveredCount', 'failedCount', 'unknownCount', 'notSentCount', 'duplicatesRemoved', 'calls', 'messageIds', 'failed', 'unknown', 'notSent', 'requestIds'];
const LEGACY_KEYS = ['failedReceivers', 'failedAccounts', 'msgKeys', 'unknownReceivers', 'unknownAccounts', 'rejectedReceivers', 'rejectedAccounts', 'notSentReceivers', 'notSentAccounts', 'sender'];

describe('a partial send reads the same on both vendors (node version 1.1)', () => {
	test('Volcengine: failed receivers with code and reason, message ids of the delivered, empty lists present', async () => {
		sb.configure({ volcengine: { failReceivers: ['2'] } });
		const { run } = await volcengineEngine(sb.url).run(volcWorkflow(volcSend(), V11));
		const [out] = outputOf(run, 'Node') as IDataObject[];
		for (const k of SHARED_KEYS) expect(out).toHaveProperty(k);
		for (const k of LEGACY_KEYS) expect(out).not.toHaveProperty(k);
		expect(out).toMatchObject({ status: 'partial', from: '10001', receiverCount: 3, deliveredCount: 2, failedCount: 1, unknown: [], notSent: [] });
		expect(out.failed).toEqual([{ receiver: '2', code: 'FailedReceiver', reason: expect.stringMatching(/FailedReceiver/) }]);
		expect(Object.keys(out.messageIds as IDataObject).sort()).toEqual(['1', '3']);
		// the text composer of 1.1 sent what the sandbox stored
		expect(sb.state.volcengine.messages.map((m) => String(m.receiver)).sort()).toEqual(['1', '3']);
	});

	test('Tencent: failed accounts with the code as text and a readable reason, a MsgKey per delivered receiver', async () => {
		sb.seedTencentAccounts(['a', 'b', 'c']);
		sb.configure({ tencent: { failAccounts: ['b'] } });
		const { run } = await tencentEngine(sb.url).run(tencentWorkflow(tencentSend(), V11));
		const [out] = outputOf(run, 'Node') as IDataObject[];
		for (const k of SHARED_KEYS) expect(out).toHaveProperty(k);
		for (const k of LEGACY_KEYS) expect(out).not.toHaveProperty(k);
		expect(out).toMatchObject({ status: 'partial', receiverCount: 3, deliveredCount: 2, failedCount: 1, unknown: [], notSent: [] });
		const [failed] = out.failed as IDataObject[];
		expect(Object.keys(failed).sort()).toEqual(['code', 'reason', 'receiver']);
		expect(failed.receiver).toBe('b');
		expect(failed.code).toMatch(/^\d+$/);
		expect(failed.reason).not.toMatch(/^Tencent Chat error/); // a known code has words
		const ids = out.messageIds as Record<string, string>;
		expect(Object.keys(ids).sort()).toEqual(['a', 'c']);
		expect(typeof ids.a).toBe('string');
	});

	test('Tencent: with no sender, `from` is the app admin of the credential (Tencent sends as the admin)', async () => {
		sb.seedTencentAccounts(['a']);
		sb.configure({ tencent: { apps: { [String(SANDBOX_TENCENT.sdkAppId)]: { admins: [SANDBOX_TENCENT.adminUserId, 'ops_admin'] } } } });
		const engine = tencentEngine(sb.url, { adminUserId: 'ops_admin' });
		const batch = outputOf((await engine.run(tencentWorkflow(tencentSend({ toAccounts: 'a' }), V11))).run, 'Node')[0] as IDataObject;
		expect(batch.from).toBe('ops_admin');
		const single = outputOf((await engine.run(tencentWorkflow({ resource: 'message', operation: 'sendToUser', toAccount: 'a', messageFormat: 'text', text: 'hi' }, V11))).run, 'Node')[0] as IDataObject;
		expect(single).toMatchObject({ status: 'sent', from: 'ops_admin', to: 'a', messageId: expect.any(String) });
		expect(single).not.toHaveProperty('msgKey');
		// version 1 keeps what 0.1.0 said
		const v1 = outputOf((await engine.run(tencentWorkflow({ resource: 'message', operation: 'sendToUser', toAccount: 'a', messageFormat: 'text', text: 'hi' }))).run, 'Node')[0] as IDataObject;
		expect(v1).toMatchObject({ from: null, msgKey: expect.any(String) });
	});
});

describe('lost and refused calls read the same on both vendors', () => {
	test('Volcengine, 3 calls: lost, refused, skipped → unknown, failed (with the call’s code and message), notSent', async () => {
		sb.configure({ faults: { lostRate: 1 } });
		sb.once('volcengine.message', () => sb.configure({ faults: { lostRate: 0 }, volcengine: { keys: {} } }));
		const { run } = await volcengineEngine(sb.url).run(
			volcWorkflow(volcSend({ receivers: range(100, 30).join(','), options: { batchSize: 10 }, delivery: { concurrency: 1 } }), { ...V11, items: [{}], continueOnFail: true }),
		);
		const [out] = itemsOf(run);
		expect(out.json).toMatchObject({ status: 'unknown', unknownCount: 10, failedCount: 10, notSentCount: 10 });
		expect(out.json.unknown).toEqual(range(100, 10));
		expect((out.json.failed as IDataObject[]).map((f) => f.receiver)).toEqual(range(110, 10));
		expect((out.json.failed as IDataObject[])[0]).toMatchObject({ code: 'InvalidAccessKey', reason: expect.any(String) });
		expect(out.json.notSent).toEqual(range(120, 10));
		for (const k of LEGACY_KEYS) expect(out.json).not.toHaveProperty(k);
	});

	test('Tencent: a lost call next to a refused one → unknown and failed lists in the same words', async () => {
		sb.seedTencentAccounts(['u1', 'u2', 'u3', 'u4']);
		sb.configure({ faults: { lostRate: 1 } });
		sb.once('tencent.message', () => sb.configure({ faults: { lostRate: 0 }, tencent: { apps: { [String(SANDBOX_TENCENT.sdkAppId)]: { key: 'another-key-entirely' } } } }));
		const { run } = await tencentEngine(sb.url).run(
			tencentWorkflow(tencentSend({ toAccounts: 'u1,u2,u3,u4', options: { batchSize: 2 }, delivery: { concurrency: 1, maxAttempts: 1 } }), { ...V11, items: [{}], continueOnFail: true }),
		);
		const [out] = itemsOf(run);
		expect(out.json).toMatchObject({ status: 'unknown', unknown: ['u1', 'u2'], notSent: [] });
		expect((out.json.failed as IDataObject[]).map((f) => f.receiver)).toEqual(['u3', 'u4']);
		expect((out.json.failed as IDataObject[])[0]).toMatchObject({ code: expect.any(String), reason: expect.any(String) });
		for (const k of LEGACY_KEYS) expect(out.json).not.toHaveProperty(k);
	});

	test('one item per receiver: the same row keys on both vendors', async () => {
		sb.configure({ volcengine: { failReceivers: ['2'] } });
		sb.seedTencentAccounts(['a', 'b']);
		sb.configure({ tencent: { failAccounts: ['b'] } });
		const volc = outputOf((await volcengineEngine(sb.url).run(volcWorkflow(volcSend({ receivers: '1,2', options: { output: 'perReceiver' } }), V11))).run, 'Node') as IDataObject[];
		const tim = outputOf((await tencentEngine(sb.url).run(tencentWorkflow(tencentSend({ toAccounts: 'a,b', options: { output: 'perReceiver' } }), V11))).run, 'Node') as IDataObject[];
		expect(volc[0]).toMatchObject({ receiver: '1', status: 'delivered', messageId: expect.any(String) });
		expect(tim[0]).toMatchObject({ receiver: 'a', status: 'delivered', messageId: expect.any(String) });
		expect(volc[1]).toMatchObject({ receiver: '2', status: 'failed', code: 'FailedReceiver', reason: expect.any(String) });
		expect(tim[1]).toMatchObject({ receiver: 'b', status: 'failed', code: expect.stringMatching(/^\d+$/), reason: expect.any(String) });
		for (const row of [...volc, ...tim]) expect(row).not.toHaveProperty('errorCode');
	});
});

describe('broadcasts say what was sent and to whom', () => {
	test('Volcengine UserBroadcast (1.1): `to` in words, `from`', async () => {
		const { run } = await volcengineEngine(sb.url).run(
			volcWorkflow({ resource: 'message', operation: 'broadcast', sender: '10001', text: 'sale', msgTtl: 3600, tags: { pairs: [{ key: 'level', value: 'gold' }] } }, V11),
		);
		const [out] = outputOf(run, 'Node') as IDataObject[];
		expect(out).toMatchObject({ status: 'accepted', from: '10001', to: 'users with any of the tags level:gold', msgType: 10001 });
		expect(out).not.toHaveProperty('sender');
	});

	test('Tencent send_broadcast_msg: `to`, `from` and the text', async () => {
		const { run } = await tencentEngine(sb.url).run(tencentWorkflow({ resource: 'group', operation: 'broadcastToAvGroups', messageFormat: 'text', text: 'live now' }, V11));
		const [out] = outputOf(run, 'Node') as IDataObject[];
		expect(out).toMatchObject({ status: 'sent', to: 'every audio-video group of the app', from: SANDBOX_TENCENT.adminUserId, text: 'live now' });
	});
});

describe('version 1 keeps the field names of 0.1.0', () => {
	test('Volcengine and Tencent batch sends at typeVersion 1', async () => {
		sb.configure({ volcengine: { failReceivers: ['2'] } });
		sb.seedTencentAccounts(['a', 'b']);
		sb.configure({ tencent: { failAccounts: ['b'] } });
		const volc = outputOf((await volcengineEngine(sb.url).run(volcWorkflow(volcSend({ msgType: 10001, content: 'x', text: undefined })))).run, 'Node')[0] as IDataObject;
		expect(volc).toMatchObject({ sender: '10001', failedReceivers: ['2'] });
		expect(volc).not.toHaveProperty('failed');
		const tim = outputOf((await tencentEngine(sb.url).run(tencentWorkflow(tencentSend({ toAccounts: 'a,b' })))).run, 'Node')[0] as IDataObject;
		expect(tim).toMatchObject({ from: null, failedAccounts: [{ account: 'b', errorCode: expect.any(Number), reason: expect.any(String) }], msgKeys: [expect.any(String)] });
		expect(tim).not.toHaveProperty('messageIds');
	});
});

describe('the other batch sends of version 1.1 use the same words', () => {
	test('Volcengine Send to Groups and Send to Users in Room: deliveredCount, failed/unknown/notSent lists, from', async () => {
		const conv = sb.seedVolcengineConversation({ conversationShortId: '9100001', members: ['10001'], type: 2 });
		const groups = outputOf(
			(await volcengineEngine(sb.url).run(volcWorkflow({ resource: 'message', operation: 'sendToGroups', sender: '10001', conversationType: 2, conversationShortIds: String(conv.shortId), text: 'hi' }, V11))).run,
			'Node',
		)[0] as IDataObject;
		expect(groups).toMatchObject({ status: 'sent', from: '10001', receiverCount: 1, deliveredCount: 1, failedCount: 0, failed: [], unknown: [], notSent: [] });
		expect(groups).not.toHaveProperty('sentCount');
		const room = outputOf(
			(await volcengineEngine(sb.url).run(volcWorkflow({ resource: 'room', operation: 'sendToUsersInRoom', rtcAppId: SANDBOX_RTC_APP_ID, from: 'server-notice', roomId: 'hall', to: 'u1,u2', message: 'hi' }, V11))).run,
			'Node',
		)[0] as IDataObject;
		expect(room).toMatchObject({ status: 'sent', from: 'server-notice', receiverCount: 2, deliveredCount: 2, failed: [], unknown: [], notSent: [] });
		expect(room).not.toHaveProperty('sentCount');
	});

	test('Tencent group Send Message and Recall Messages: from, and failed entries with code as text', async () => {
		sb.seedTencentGroup({ groupId: 'g1', type: 'Public', members: ['alice'] });
		const sent = outputOf((await tencentEngine(sb.url).run(tencentWorkflow({ resource: 'group', operation: 'sendMessage', groupId: 'g1', messageFormat: 'text', text: 'hi' }, V11))).run, 'Node')[0] as IDataObject;
		expect(sent).toMatchObject({ status: 'sent', groupId: 'g1', from: SANDBOX_TENCENT.adminUserId });
		const recalled = outputOf((await tencentEngine(sb.url).run(tencentWorkflow({ resource: 'group', operation: 'recallMessages', groupId: 'g1', msgSeqs: `${sent.msgSeq},99999` }, V11))).run, 'Node')[0] as IDataObject;
		expect(recalled).toMatchObject({ status: 'partial', recalled: [sent.msgSeq], failed: [{ msgSeq: 99999, code: '10030', reason: expect.any(String) }] });
	});
});
