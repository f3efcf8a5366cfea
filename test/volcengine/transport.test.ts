/* eslint-disable */
// Volcengine RTC transport: how the vendor's answers are classified (an Error without a code, HTTP
// 429 whatever the body says, the UserBroadcast daily quota, a throttle that names a day). Real n8n
// engine against the sandbox, configured as the real vendor behaves (issue 11).
if (!process.env.N8N_LOG_LEVEL) process.env.N8N_LOG_LEVEL = 'silent'; // the engine would log every expected error
import type { RtcSandbox } from '../../sandbox/server';
import { VolcengineRtc } from '../../nodes/VolcengineRtc/VolcengineRtc.node';
import { APP, itemsOf, volcengineSuite } from './suite';

let sb: RtcSandbox;
const { run, calls, errorOf } = volcengineSuite((s) => (sb = s));

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
