/* eslint-disable */
// Numbers (issue 16 point 5): every number field of every node (both action nodes in all versions,
// both triggers, both credentials) shows its bounds (`minValue`/`maxValue`, so the editor's arrows
// stop there and a typed value is kept in range), and its default lies inside them. A value that
// reaches the node outside them — a fixed value from an import, the API or an older workflow, which
// the editor never clamped, or an expression — is refused with the field, the item and the value
// named, before anything is sent, never clamped. The refusals run through the real engine against
// the sandbox.
if (!process.env.N8N_LOG_LEVEL) process.env.N8N_LOG_LEVEL = 'silent';
import type { IDataObject, INodeProperties, INodeTypeDescription, IVersionedNodeType } from 'n8n-workflow';
import { tencentWorkflow, volcWorkflow } from '../harness/fixtures';
import { tencentEngine, volcengineEngine } from '../harness/registry';
import { startSandbox, type RtcSandbox } from '../sandbox/server';
import { TencentChat } from '../nodes/TencentChat/TencentChat.node';
import { TencentChatTrigger } from '../nodes/TencentChatTrigger/TencentChatTrigger.node';
import { VolcengineRtc } from '../nodes/VolcengineRtc/VolcengineRtc.node';
import { VolcengineRtcTrigger } from '../nodes/VolcengineRtcTrigger/VolcengineRtcTrigger.node';
import { TencentChatApi } from '../credentials/TencentChatApi.credentials';
import { VolcengineRtcApi } from '../credentials/VolcengineRtcApi.credentials';
import { parseTencentCredentials } from '../nodes/TencentChat/transport/auth';
import { SANDBOX_RTC_APP_ID } from '../sandbox/volcengine';

interface NumberField {
	where: string;
	prop: INodeProperties;
}

/** Every number field under `props`, inside collections and fixed collections too. */
function numberFields(props: INodeProperties[], where: string, out: NumberField[] = []): NumberField[] {
	for (const p of props) {
		const at = `${where} › ${p.displayName}`;
		if (p.type === 'number') out.push({ where: at, prop: p });
		const options = (p.options ?? []) as any[];
		if (p.type === 'fixedCollection') for (const o of options) numberFields(o.values ?? [], `${at} › ${o.displayName}`, out);
		else if (p.type === 'collection') numberFields(options, at, out);
	}
	return out;
}

const versioned: Array<[string, IVersionedNodeType]> = [
	['Volcengine RTC', new VolcengineRtc()],
	['Tencent Chat', new TencentChat()],
	['Volcengine RTC Trigger', new VolcengineRtcTrigger()],
	['Tencent Chat Trigger', new TencentChatTrigger()],
];

const allNumberFields: NumberField[] = [
	...versioned.flatMap(([name, node]) =>
		Object.entries(node.nodeVersions).flatMap(([v, n]) => numberFields((n.description as INodeTypeDescription).properties, `${name} v${v}`)),
	),
	...numberFields(new VolcengineRtcApi().properties, 'Volcengine RTC credential'),
	...numberFields(new TencentChatApi().properties, 'Tencent Chat credential'),
];

/** Number fields that take decimals (everything else is whole numbers). */
const DECIMALS = new Set(['latitude', 'longitude', 'maxRetrySeconds', 'requestsPerSecond', 'timeoutSeconds']);

describe('every number field shows its bounds', () => {
	test('the walk finds the number fields of both nodes, their triggers and credentials', () => {
		expect(allNumberFields.length).toBeGreaterThan(300);
		for (const where of ['Volcengine RTC v1 ', 'Volcengine RTC v1.1 ', 'Tencent Chat v1 ', 'Volcengine RTC Trigger', 'Tencent Chat credential']) {
			expect([where, allNumberFields.some((f) => f.where.startsWith(where))]).toEqual([where, true]);
		}
	});

	test('minValue and maxValue are set, and the default lies between them (or is empty: not set)', () => {
		const wrong: string[] = [];
		for (const { where, prop } of allNumberFields) {
			const t = (prop.typeOptions ?? {}) as { minValue?: unknown; maxValue?: unknown; numberPrecision?: unknown };
			const min = t.minValue;
			const max = t.maxValue;
			if (typeof min !== 'number' || typeof max !== 'number' || !(min <= max)) wrong.push(`${where}: bounds ${String(min)}..${String(max)}`);
			else if (prop.default !== '' && !(typeof prop.default === 'number' && prop.default >= min && prop.default <= max)) wrong.push(`${where}: default ${String(prop.default)} outside ${min}..${max}`);
			if (!DECIMALS.has(prop.name) && t.numberPrecision !== 0 && !(prop.name === 'maxEventAge' || prop.name === 'userSigTtl')) wrong.push(`${where}: whole numbers need numberPrecision 0`);
		}
		expect(wrong).toEqual([]);
	});
});

let sb: RtcSandbox;
beforeAll(async () => {
	sb = await startSandbox();
});
afterAll(() => sb.close());
beforeEach(() => sb.reset());

const vSend = (extra: IDataObject = {}): IDataObject => ({ resource: 'message', operation: 'sendToUsers', sender: '10001', receivers: '20001, 20002', msgType: 10001, content: '{"text":"hi"}', ...extra });
const vBroadcast = (extra: IDataObject = {}): IDataObject => ({
	resource: 'message', operation: 'broadcast', sender: '10001', msgType: 10001, content: 'sale', msgTtl: 3600, sendToAllUsers: true, ...extra,
});
const tC2c = (extra: IDataObject = {}): IDataObject => ({ resource: 'message', operation: 'sendToUser', toAccount: 'bob', messageFormat: 'text', text: 'hi', ...extra });
const tBatch = (extra: IDataObject = {}): IDataObject => ({ resource: 'message', operation: 'sendToUsers', toAccounts: 'a,b', messageFormat: 'text', text: 'hi', ...extra });
const tElements = (elements: IDataObject) => tC2c({ messageFormat: 'elements', elements });

/** [what, parameters with one fixed value out of range, the message (field, item, value)]. */
const volcengineRows: Array<[string, IDataObject, string]> = [
	['Message TTL 0 (was raised to 1 by the editor)', vBroadcast({ msgTtl: 0 }), 'Invalid "Message TTL (Seconds)" in item 0: must be between 1 and 604800, got 0'],
	['Message TTL 9999999 (was lowered by the editor)', vBroadcast({ msgTtl: 9999999 }), 'Invalid "Message TTL (Seconds)" in item 0: must be between 1 and 604800, got 9999999'],
	['Batch Size 501', vSend({ options: { batchSize: 501 } }), 'Invalid "Batch Size" in item 0: must be between 1 and 500, got 501'],
	['Inbox Type above int32', vSend({ options: { inboxType: 2147483648 } }), 'Invalid "Inbox Type" in item 0: must be between 0 and 2147483647, got 2147483648'],
	['Delivery › Max Attempts 0 (was raised to 1)', vSend({ delivery: { maxAttempts: 0 } }), 'Invalid "Max Attempts" in item 0: must be between 1 and 20, got 0'],
	['Delivery › Max Attempts 21 (was lowered to 20)', vSend({ delivery: { maxAttempts: 21 } }), 'Invalid "Max Attempts" in item 0: must be between 1 and 20, got 21'],
	['Delivery › Concurrent Requests 65', vSend({ delivery: { concurrency: 65 } }), 'Invalid "Concurrent Requests" in item 0: must be between 0 and 64, got 65'],
	['Delivery › Requests per Second -1', vSend({ delivery: { requestsPerSecond: -1 } }), 'Invalid "Requests per Second" in item 0: must be between 0 and 100000, got -1'],
	['Delivery › Processes Sharing This Quota 0', vSend({ delivery: { processesSharingQuota: 0 } }), 'Invalid "Processes Sharing This Quota" in item 0: must be between 1 and 64, got 0'],
	['Room › Limit Publishing: Duration 59', { resource: 'room', operation: 'limitPublishing', rtcAppId: SANDBOX_RTC_APP_ID, roomId: 'room-1', userId: 'user-7', token: 't', forbiddenInterval: 59 }, 'Invalid "Duration (Seconds)" in item 0: must be between 60 and 259200, got 59'],
	['Room › Ban User: Duration 604801', { resource: 'room', operation: 'banUser', rtcAppId: SANDBOX_RTC_APP_ID, roomId: 'room-1', userId: 'user-7', forbiddenInterval: 604801 }, 'Invalid "Duration (Seconds)" in item 0: must be between 0 and 604800, got 604801'],
	['Get App Token: Valid For 0', { resource: 'user', operation: 'getAppToken', userId: '10001', validForSeconds: 0 }, 'Invalid "Valid For (Seconds)" in item 0: must be between 1 and 315360000, got 0'],
	['Friend › Get Many: Limit 0', { resource: 'friend', operation: 'getMany', userId: '10001', returnAll: false, limit: 0 }, 'Invalid "Limit" in item 0: must be between 1 and 9007199254740991, got 0'],
];

const tencentRows: Array<[string, IDataObject, string]> = [
	['Message Lifetime 604801', tC2c({ options: { msgLifeTime: 604801 } }), 'Invalid "Message Lifetime (Seconds)" in item 0: must be between 0 and 604800, got 604801'],
	['Batch Size 0', tBatch({ options: { batchSize: 0 } }), 'Invalid "Batch Size" in item 0: must be between 1 and 500, got 0'],
	['Delivery › Timeout 301 (was lowered to 300)', tC2c({ delivery: { timeoutSeconds: 301 } }), 'Invalid "Timeout (Seconds)" in item 0: must be between 1 and 300, got 301'],
	['Delivery › Max Retry Time 3601', tC2c({ delivery: { maxRetrySeconds: 3601 } }), 'Invalid "Max Retry Time (Seconds)" in item 0: must be between 0 and 3600, got 3601'],
	['Group › Send Message: rate 1001', { resource: 'group', operation: 'sendMessage', groupId: 'g1', messageFormat: 'text', text: 'hi', options: { groupRate: 1001 } }, 'Invalid "Messages per Second per Group" in item 0: must be between 0 and 1000, got 1001'],
	['Group › Get Joined: Page Size 5001', { resource: 'group', operation: 'getJoined', account: 'u', options: { pageSize: 5001 } }, 'Invalid "Page Size" in item 0: must be between 1 and 5000, got 5001'],
	['Group Member › Mute: Duration 0', { resource: 'groupMember', operation: 'mute', group: { __rl: true, mode: 'id', value: 'g1' }, members: 'a', muteTime: 0 }, 'Invalid "Duration (Seconds)" in item 0: must be between 1 and 4294967295, got 0'],
	['Import Message: Message Time left empty', { resource: 'message', operation: 'import', fromAccount: 'a', toAccount: 'b', messageFormat: 'text', text: 'x' }, 'Invalid "Message Time" in item 0: is required (a whole number from 1 to 4294967295)'],
	['Element › Location: Latitude 91', tElements({ location: [{ desc: 'x', latitude: 91, longitude: 0 }] }), 'Latitude must be between -90 and 90'],
	['Element › Image: Width -1', tElements({ image: [{ format: 1, url: 'https://example.com/a.jpg', width: -1, height: 1, size: 1 }] }), 'must be between 0 and 4294967295'],
];

describe('a fixed value out of range is refused, naming the field and the item; nothing is sent', () => {
	test.each(volcengineRows)('Volcengine: %s', async (_what, params, message) => {
		const { run } = await volcengineEngine(sb.url).run(volcWorkflow(params));
		expect(run.status).toBe('error');
		expect(run.data.resultData.error!.message).toContain(message);
		expect(sb.state.volcengine.requests).toHaveLength(0);
	});

	test.each(tencentRows)('Tencent: %s', async (_what, params, message) => {
		const { run } = await tencentEngine(sb.url).run(tencentWorkflow(params));
		expect(run.status).toBe('error');
		expect(run.data.resultData.error!.message).toContain(message);
		expect(run.data.resultData.error!.message).toMatch(/item 0/);
		expect(sb.state.tencent.requests).toHaveLength(0);
	});

	test('the same message as an expression gets, and the second item is named', async () => {
		const items = [{ ttl: 3600 }, { ttl: 0 }];
		const fixed = await volcengineEngine(sb.url).run(volcWorkflow(vBroadcast({ msgTtl: 0 })));
		const expr = await volcengineEngine(sb.url).run(volcWorkflow(vBroadcast({ msgTtl: '={{ $json.ttl }}' }), { items }));
		expect(fixed.run.data.resultData.error!.message).toBe('Invalid "Message TTL (Seconds)" in item 0: must be between 1 and 604800, got 0');
		expect(expr.run.data.resultData.error!.message).toBe('Invalid "Message TTL (Seconds)" in item 1: must be between 1 and 604800, got 0');
		expect(sb.state.volcengine.requests).toHaveLength(0);
	});

	test('the Tencent credential refuses a UserSig Lifetime outside 300 to 15552000 seconds', () => {
		const base = { sdkAppId: 1400000000, secretKey: 'k', adminUserId: 'administrator', region: 'chinaMainland' };
		expect(() => parseTencentCredentials({ ...base, userSigTtl: 299 })).toThrow(/UserSig Lifetime must be 300 to 15552000 seconds/);
		expect(() => parseTencentCredentials({ ...base, userSigTtl: 15552001 })).toThrow(/UserSig Lifetime/);
		expect(parseTencentCredentials({ ...base, userSigTtl: 300 }).userSigTtl).toBe(300);
	});
});
