/* eslint-disable */
// Tencent Chat credential test (n8n's CredentialsTester run by hand) against the sandbox configured
// with the app's administrators (issue 11).
import type { IHttpRequestOptions } from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';
import { ManualTrigger } from '../../harness/engine';
import { tencentCredentials } from '../../harness/credentials';
import type { RtcSandbox } from '../../sandbox/server';
import { TencentChatApi } from '../../credentials/TencentChatApi.credentials';
import { SANDBOX_TENCENT } from '../../sandbox/demo-credentials';
import { ADMIN, tencentSuite } from './suite';

let sb: RtcSandbox;
const { calls } = tencentSuite((s) => (sb = s));

describe('credential test: the configured Admin User ID', () => {
	beforeEach(() => sb.configure({ tencent: { logBodies: true } })); // request bodies in sb.state.tencent.requests
	const cred = new TencentChatApi();

	/** n8n's CredentialsTester: resolve the test request's expressions against the credential, authenticate, send, apply the rules. */
	async function runCredentialTest(creds: Record<string, unknown>) {
		const wf = new Workflow({
			nodes: [{ id: 's', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} }],
			connections: {},
			active: false,
			nodeTypes: {
				getByName: () => new ManualTrigger(),
				getByNameAndVersion: () => new ManualTrigger(),
				getKnownTypes: () => ({}),
			} as any,
		});
		const resolved = wf.expression.getParameterValue(cred.test.request as any, null, 0, 0, 'Start', [], 'manual', { $credentials: creds } as any) as unknown as IHttpRequestOptions;
		const signed = await cred.authenticate(creds as any, { ...resolved });
		const url = new URL(signed.url);
		for (const [k, v] of Object.entries(signed.qs ?? {})) url.searchParams.set(k, String(v));
		const res = await fetch(url, { method: 'POST', headers: signed.headers as Record<string, string>, body: signed.body as string });
		const json = await res.json();
		for (const rule of cred.test.rules ?? []) {
			if (rule.type !== 'responseSuccessBody') continue;
			const value = rule.properties.key.split(/[.[\]]+/).filter(Boolean).reduce((o: any, k) => o?.[k], json);
			if (value === rule.properties.value) return { status: 'Error', message: rule.properties.message };
		}
		return { status: 'OK' };
	}

	test('an app whose admin is "ops_admin": the probe checks ops_admin, signed for ops_admin', async () => {
		sb.configure({ tencent: { apps: { [String(SANDBOX_TENCENT.sdkAppId)]: { key: SANDBOX_TENCENT.secretKey, admins: ['ops_admin'] } } } });
		expect(await runCredentialTest(tencentCredentials(sb.url, { adminUserId: 'ops_admin' }))).toEqual({ status: 'OK' });
		const [r] = calls('account_check');
		expect(r.identifier).toBe('ops_admin');
		expect(r.body!.CheckItem).toEqual([{ UserID: 'ops_admin' }]);
	});

	test('a configured Admin User ID that is not an app admin fails clearly', async () => {
		sb.configure({ tencent: { apps: { [String(SANDBOX_TENCENT.sdkAppId)]: { key: SANDBOX_TENCENT.secretKey, admins: ['ops_admin'] } } } });
		expect(await runCredentialTest(tencentCredentials(sb.url, { adminUserId: ADMIN }))).toEqual({
			status: 'Error',
			message: 'The Admin User ID is not an app administrator',
		});
	});
});
