/* eslint-disable */
// Tencent Chat transport: how the vendor's answers are classified (HTTP 429 whatever the body says,
// ActionStatus FAIL without an ErrorCode). Real n8n engine against the sandbox, configured as the
// real vendor behaves (issue 11).
if (!process.env.N8N_LOG_LEVEL) process.env.N8N_LOG_LEVEL = 'silent'; // the engine would log every expected error
import { outputOf } from '../../harness/engine';
import { tencentWorkflow } from '../../harness/fixtures';
import { tencentEngine } from '../../harness/registry';
import type { RtcSandbox } from '../../sandbox/server';
import { itemsOf, tencentSuite, text } from './suite';

let sb: RtcSandbox;
const { calls } = tencentSuite((s) => (sb = s));

describe('transport: 429 and FAIL without ErrorCode', () => {
	beforeEach(() => sb.configure({ tencent: { logBodies: true } })); // request bodies in sb.state.tencent.requests
	beforeEach(() => sb.seedTencentAccounts(['bob']));
	const send = { resource: 'message', operation: 'sendToUser', toAccount: 'bob', ...text('hi') };

	test('HTTP 429 is a throttle even with an OK body: not taken as sent, retried, delivered once', async () => {
		sb.configure({ tencent: { scripted: [{ path: 'openim/sendmsg', times: 1, status: 429, body: { ActionStatus: 'OK', ErrorCode: 0, MsgKey: 'fake' } }] } });
		const { run } = await tencentEngine(sb.url).run(tencentWorkflow(send));
		expect(run.data.resultData.error).toBeUndefined();
		const [out] = outputOf(run, 'Node') as any[];
		expect(out.status).toBe('sent');
		expect(out.msgKey).not.toBe('fake');
		expect(calls('sendmsg')).toHaveLength(2);
		expect(sb.state.tencent.c2c).toHaveLength(1);
	});

	test('ActionStatus FAIL without ErrorCode is a failure, not a success (and not retried)', async () => {
		sb.configure({ tencent: { scripted: [{ path: 'openim/sendmsg', times: 1, body: { ActionStatus: 'FAIL', ErrorInfo: 'gateway refused' } }] } });
		const { run } = await tencentEngine(sb.url).run(tencentWorkflow(send, { continueOnFail: true }));
		const [out] = itemsOf(run).map((o) => o.json);
		expect(out).toMatchObject({ code: 'FAIL' });
		expect(String(out.error)).toMatch(/gateway refused/);
		expect(out.status).toBeUndefined();
		expect(calls('sendmsg')).toHaveLength(1);
	});

	test('a refusal on HTTP 200 shows the vendor code as the error code (not "200") and a plain reason', async () => {
		sb.configure({ tencent: { scripted: [{ path: 'openim/sendmsg', times: 2, body: { ActionStatus: 'FAIL', ErrorCode: 70009, ErrorInfo: 'TLS verify failed' } }] } });
		const { run } = await tencentEngine(sb.url).run(tencentWorkflow(send));
		const error = run.data.resultData.error as any;
		expect(error.message).toBe('Tencent Chat error 70009: TLS verify failed');
		expect(error.httpCode).toBe('70009'); // what the editor shows as "Error code"
		expect(error.description).toBe('Check the Secret Key and SDKAppID of the credential.');
		const { run: cof } = await tencentEngine(sb.url).run(tencentWorkflow(send, { continueOnFail: true }));
		expect(itemsOf(cof)[0].json).toMatchObject({ code: '70009', httpCode: '200' }); // the error item keeps the HTTP status apart
	});

	test('a known code without advice gets its plain reason under the message', async () => {
		sb.configure({ tencent: { scripted: [{ path: 'openim/sendmsg', times: 1, body: { ActionStatus: 'FAIL', ErrorCode: 20007, ErrorInfo: 'black list' } }] } });
		const { run } = await tencentEngine(sb.url).run(tencentWorkflow(send));
		expect((run.data.resultData.error as any).description).toBe('The receiver has blocked the sender.');
	});
});
