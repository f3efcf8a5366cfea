/* eslint-disable */
// The sandbox's fault and seed hooks (design review §5.3), so that no test has to reach into the
// emulator's internals: each hook is driven through the real nodes, and both sides are asserted.
if (!process.env.N8N_LOG_LEVEL) process.env.N8N_LOG_LEVEL = 'silent';
import { outputOf } from '../harness/engine';
import { tencentWorkflow, volcWorkflow } from '../harness/fixtures';
import { tencentEngine, volcengineEngine } from '../harness/registry';
import { startSandbox, type RtcSandbox } from '../sandbox/server';

let sb: RtcSandbox;
beforeAll(async () => {
	sb = await startSandbox();
});
afterAll(() => sb.close());
beforeEach(() => sb.reset());

const APP = 123456;
const volcCalls = (action: string) => sb.state.volcengine.requests.filter((r) => r.action === action);
const timCalls = (path: string) => sb.state.tencent.requests.filter((r) => r.path === path);
const sendToUsers = { resource: 'message', operation: 'sendToUsers', sender: '10001', receivers: '20001,20002', content: '{"text":"hi"}', msgType: 10001 };

describe('throttleNext(vendor, api, n)', () => {
	test('Volcengine: the next call of the Action is throttled at the quota step, the node retries, the message is stored once', async () => {
		sb.throttleNext('volcengine', 'BatchSendMessage');
		const { run } = await volcengineEngine(sb.url).run(volcWorkflow(sendToUsers));
		expect(run.data.resultData.error).toBeUndefined();
		expect(volcCalls('BatchSendMessage').map((c) => c.code)).toEqual(['FlowLimitExceeded.QPSOverLimit', undefined]);
		expect(sb.stats.throttled).toBe(1);
		expect(sb.state.volcengine.messages.map((m) => String(m.receiver))).toEqual(['20001', '20002']);
		expect(outputOf(run, 'Node')[0]).toMatchObject({ status: 'sent', deliveredCount: 2 });
	});

	test('Volcengine: it fires with enforceLimits off, counts add up, n = 0 disarms, other Actions are untouched', async () => {
		sb.configure({ enforceLimits: false });
		sb.throttleNext('volcengine', 'BatchSendMessage', 2);
		sb.throttleNext('volcengine', 'BatchSendMessage', 1);
		expect(sb.throttles.armed()).toEqual({ 'volcengine BatchSendMessage': 3 });
		sb.throttleNext('volcengine', 'UserBroadcast', 0);
		sb.throttleNext('volcengine', 'SendMessage', 5);
		sb.throttleNext('volcengine', 'SendMessage', 0);
		expect(sb.throttles.armed()).toEqual({ 'volcengine BatchSendMessage': 3 });
		const { run } = await volcengineEngine(sb.url).run(volcWorkflow(sendToUsers));
		expect(run.data.resultData.error).toBeUndefined();
		expect(volcCalls('BatchSendMessage').map((c) => c.code)).toEqual([...Array(3).fill('FlowLimitExceeded.QPSOverLimit'), undefined]);
		expect(sb.throttles.armed()).toEqual({});
		expect(() => sb.throttleNext('volcengine', 'SendMessage', -1)).toThrow(/n must be/);
		expect(() => sb.throttleNext('other' as any, 'SendMessage')).toThrow(/vendor must be/);
	});

	test('Tencent: the next call of the path meets 60007, the node retries, the account is imported once', async () => {
		sb.throttleNext('tencent', 'im_open_login_svc/account_import');
		const { run } = await tencentEngine(sb.url).run(tencentWorkflow({ resource: 'account', operation: 'import', account: 'alice' }));
		expect(run.data.resultData.error).toBeUndefined();
		expect(timCalls('im_open_login_svc/account_import').map((c) => c.code)).toEqual([60007, 0]);
		expect(sb.stats.throttled).toBe(1);
		expect(sb.state.tencent.accounts.has('alice')).toBe(true);
		expect(outputOf(run, 'Node')[0]).toMatchObject({ account: 'alice', status: 'imported' });
	});

	test('Tencent: it fires with enforceLimits off, and on a path whose limit is its handler\'s (send_broadcast_msg → 10023); the node retries', async () => {
		sb.configure({ enforceLimits: false });
		sb.seedTencentGroup({ groupId: 'av1', type: 'AVChatRoom' });
		sb.throttleNext('tencent', 'im_open_login_svc/account_import');
		sb.throttleNext('tencent', 'group_open_http_svc/send_broadcast_msg');
		const imported = await tencentEngine(sb.url).run(tencentWorkflow({ resource: 'account', operation: 'import', account: 'alice' }));
		expect(imported.run.data.resultData.error).toBeUndefined();
		expect(timCalls('im_open_login_svc/account_import').map((c) => c.code)).toEqual([60007, 0]);
		const { run } = await tencentEngine(sb.url).run(tencentWorkflow({ resource: 'group', operation: 'broadcastToAvGroups', messageFormat: 'text', text: 'live now' }));
		expect(run.data.resultData.error).toBeUndefined();
		expect(timCalls('group_open_http_svc/send_broadcast_msg').map((c) => c.code)).toEqual([10023, 0]);
		expect(sb.stats.throttled).toBe(2);
		expect(sb.state.tencent.broadcasts.map((b) => b.groups.map((g) => g.groupId))).toEqual([['av1']]);
		expect(outputOf(run, 'Node')[0]).toMatchObject({ status: 'sent', msgSeq: 1 });
	});

	test('reset() disarms every forced throttle', () => {
		sb.throttleNext('tencent', 'openim/sendmsg', 4);
		sb.reset();
		expect(sb.throttles.armed()).toEqual({});
	});
});

describe('seed helpers', () => {
	test('seedVolcengineUsers takes tags as the API writes them: a plain "vip" tag is reached by a broadcast for "vip"', async () => {
		sb.seedVolcengineUsers(APP, [{ userId: '1', tags: ['vip', 'level:gold'] }, { userId: '2', tags: { vip: 'yes' } }, { userId: '3', tags: { vip: null } }]);
		expect([...sb.state.volcengine.users.get(APP)!.get(1n)!.tags]).toEqual([['vip', null], ['level', 'gold']]);
		const { run } = await volcengineEngine(sb.url).run(
			volcWorkflow({ resource: 'message', operation: 'broadcast', sender: '10001', content: 'hi', msgType: 10001, tagList: '={{ ["vip"] }}' }),
		);
		expect(run.data.resultData.error).toBeUndefined();
		expect(sb.state.volcengine.broadcasts[0].recipients.map(String)).toEqual(['1', '3']);
	});

	test('seedTencentGroupMessages continues the group sequence; the node recalls seeded and reports unknown MsgSeqs', async () => {
		sb.seedTencentGroup({ groupId: 'g1', type: 'Public', owner: 'alice', members: ['bob'] });
		const first = sb.seedTencentGroupMessages('g1', 2);
		const more = sb.seedTencentGroupMessages('g1', [{ from: 'bob', random: 7 }]);
		expect([...first, ...more].map((m) => [m.msgSeq, m.from, m.random])).toEqual([[1, 'alice', 1], [2, 'alice', 2], [3, 'bob', 7]]);
		expect(sb.state.tencent.groups.get('g1')!.nextSeq).toBe(4);
		expect(() => sb.seedTencentGroupMessages('nope', 1)).toThrow(/group nope does not exist/);
		const { run } = await tencentEngine(sb.url).run(tencentWorkflow({ resource: 'group', operation: 'recallMessages', groupId: 'g1', msgSeqs: '2,3,4' }));
		const [out] = outputOf(run, 'Node') as any[];
		expect(out.failed).toEqual([{ msgSeq: 4, errorCode: 10030, reason: 'the message to recall was not found' }]);
		expect(sb.state.tencent.groups.get('g1')!.messages.map((m) => m.recalled)).toEqual([false, true, true]);
	});

	test('seedTencentUserTags: a push to a tag reaches the tagged account only', async () => {
		sb.seedTencentAccounts(['c']);
		sb.seedTencentUserTags('a', ['vip']);
		sb.seedTencentUserTags('b', ['basic']);
		const { run } = await tencentEngine(sb.url).run(
			tencentWorkflow({ resource: 'push', operation: 'pushToAll', target: 'tags', tagsOr: 'vip', messageFormat: 'text', text: 'for vips' }),
		);
		expect(run.data.resultData.error).toBeUndefined();
		expect(sb.state.tencent.pushes[0].recipients).toEqual(['a']);
	});

	test('seedTencentDeletedAccount: importing the account again meets the re-import block (70399)', async () => {
		sb.configure({ tencent: { reimportBlockSeconds: 7776000 } });
		sb.seedTencentAccounts(['gone']);
		sb.seedTencentDeletedAccount('gone');
		expect(sb.state.tencent.accounts.has('gone')).toBe(false);
		const { run } = await tencentEngine(sb.url).run(tencentWorkflow({ resource: 'account', operation: 'import', account: 'gone' }));
		expect(run.data.resultData.error!.message).toMatch(/^Tencent Chat error 70399/);
		expect(timCalls('im_open_login_svc/account_import').map((c) => c.code)).toEqual([70399]);
	});
});
