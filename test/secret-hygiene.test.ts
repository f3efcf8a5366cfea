/* eslint-disable */
// Every engine run in this suite (and the soak) is scanned by harness/secrets.ts; this file
// proves the scanner finds what it must, and runs the failure paths most likely to leak.
import type { IDataObject } from 'n8n-workflow';
import { findSecrets, secretScan } from '../harness/secrets';
import { tencentWorkflow, volcWorkflow } from '../harness/fixtures';
import { tencentEngine, volcengineEngine } from '../harness/registry';
import { startSandbox, type RtcSandbox } from '../sandbox/server';
import { SANDBOX_TENCENT, SANDBOX_VOLCENGINE } from '../sandbox/demo-credentials';
import { genUserSig } from '../nodes/TencentChat/transport/usersig';
import { signVolcengineRequest } from '../nodes/VolcengineRtc/transport/signer';
import { redactSecrets } from '../nodes/shared/errors';

let sb: RtcSandbox;
beforeAll(async () => {
	sb = await startSandbox();
});
afterAll(() => sb.close());
beforeEach(() => sb.reset());

describe('the scanner (positive controls)', () => {
	const userSig = genUserSig({ sdkAppId: SANDBOX_TENCENT.sdkAppId, key: SANDBOX_TENCENT.secretKey, identifier: 'administrator', expireSeconds: 86400, nowSeconds: 1700000000 });
	const auth = signVolcengineRequest({
		accessKeyId: 'AK', secretAccessKey: 'SK', region: 'cn-north-1', service: 'rtc', method: 'POST', host: 'h', query: { Action: 'A', Version: 'V' }, body: '{}', now: new Date(),
	}).headers.Authorization;

	test.each([
		['a secret key', `error: ${SANDBOX_VOLCENGINE.secretAccessKey}`],
		['a Tencent key', `{"key":"${SANDBOX_TENCENT.secretKey}"}`],
		['a UserSig', `token ${userSig}`],
		['a usersig in a URL', `https://h/v4/a/b?sdkappid=1&usersig=${userSig}&random=1`],
		['an Authorization value', `headers: {"Authorization":"${auth}"}`],
	])('finds %s', (_n, text) => {
		expect(findSecrets(text).length).toBeGreaterThan(0);
	});

	test('redaction removes usersig and signatures from text that goes into errors', () => {
		const text = redactSecrets(`GET https://h/v4/a/b?usersig=${userSig}&x=1 ${auth}`);
		expect(findSecrets(text)).toEqual([]);
		expect(text).toContain('usersig=***');
	});
});

describe('failure paths leak nothing (the engine helper scans every run)', () => {
	test('wrong keys, STS tokens, refused connections, vendor errors on both nodes', async () => {
		const before = secretScan.scanned;
		const volcSend = { resource: 'message', operation: 'sendToUsers', sender: '1', receivers: '2', content: 'x', msgType: 1 };
		// wrong secret → SignatureDoesNotMatch; STS token on a key that has none; unreachable endpoint
		for (const over of [
			{ secretAccessKey: 'definitely-wrong-secret' } as IDataObject,
			{ sessionToken: 'STS-session-token-0001' },
			{ customEndpoint: 'http://127.0.0.1:1' },
		]) {
			const { run } = await volcengineEngine(sb.url, over as any).run(volcWorkflow(volcSend, { items: [{}], continueOnFail: true }));
			expect(run.status).toBe('success');
		}
		// Tencent: wrong key (70009), a vendor error carrying the request id, unreachable endpoint
		const c2c = { resource: 'message', operation: 'sendToUser', toAccount: 'nobody', messageFormat: 'text', text: 'x' };
		for (const over of [{ secretKey: 'f'.repeat(64) }, {}, { customEndpoint: 'http://127.0.0.1:1' }] as IDataObject[]) {
			const { run } = await tencentEngine(sb.url, over as any).run(tencentWorkflow(c2c, { items: [{}], continueOnFail: true }));
			expect(run.status).toBe('success');
			const json = JSON.stringify(run);
			expect(json).not.toMatch(/usersig=(?!\*\*\*)/i);
		}
		expect(secretScan.scanned - before).toBeGreaterThanOrEqual(6);
		expect(secretScan.violations).toEqual([]);
	});
});
