/* eslint-disable */
import type { IHttpRequestOptions } from 'n8n-workflow';
import { VolcengineRtcApi } from '../../credentials/VolcengineRtcApi.credentials';
import { signVolcengineRequest } from '../../nodes/VolcengineRtc/transport/signer';
import { volcengineCredentials } from '../../harness/credentials';
import type { RtcSandbox } from '../../sandbox/server';
import { volcengineSuite } from './suite';

let sb: RtcSandbox;
volcengineSuite((s) => (sb = s));

const cred = new VolcengineRtcApi();
const req = (over: Partial<IHttpRequestOptions> = {}): IHttpRequestOptions => ({
	method: 'POST',
	url: '/',
	qs: { Action: 'BatchGetUser', Version: '2020-12-01' },
	body: '{"AppId":123456,"UserIds":[1]}',
	headers: { 'Content-Type': 'application/json' },
	...over,
});

/** Sends signed options the way n8n's axios would: same URL, headers and body string. */
async function sendSigned(o: IHttpRequestOptions, mutateBody?: (b: string) => string) {
	const url = new URL(o.url);
	for (const [k, v] of Object.entries(o.qs ?? {})) url.searchParams.set(k, String(v));
	const headers = { ...(o.headers as Record<string, string>) };
	delete headers.Host; // fetch sets Host from the URL, exactly as axios does
	const res = await fetch(url, { method: o.method, headers, body: mutateBody ? mutateBody(o.body as string) : (o.body as string) });
	return { status: res.status, json: (await res.json()) as any };
}

describe('volcengineRtcApi.authenticate', () => {
	test('adds exactly the signer headers for the exact body string, for the allowed origin only', async () => {
		const before = Date.now();
		const out = await cred.authenticate(volcengineCredentials(sb.url), req());
		const h = out.headers as Record<string, string>;
		const host = new URL(sb.url).host;
		expect(out.url).toBe(`${sb.url}/`);
		expect(out.body).toBe('{"AppId":123456,"UserIds":[1]}');
		// recompute with the pure signer at the X-Date the credential used
		const x = h['X-Date'];
		const now = new Date(Date.UTC(+x.slice(0, 4), +x.slice(4, 6) - 1, +x.slice(6, 8), +x.slice(9, 11), +x.slice(11, 13), +x.slice(13, 15)));
		expect(Math.abs(now.getTime() - before)).toBeLessThan(5000);
		const expected = signVolcengineRequest({
			accessKeyId: 'AKLTSANDBOXDEMOACCESSKEY00000000', secretAccessKey: 'U0FOREJPWC1ERU1PLVNFQ1JFVC1OT1QtRk9SLVBST0RVQ1RJT04=',
			region: 'cn-north-1', service: 'rtc', method: 'POST', host, query: { Action: 'BatchGetUser', Version: '2020-12-01' },
			body: '{"AppId":123456,"UserIds":[1]}', now,
		});
		expect(h).toEqual({ ...expected.headers });
		expect(h.Authorization).toContain('SignedHeaders=content-type;host;x-content-sha256;x-date,');
		const res = await sendSigned(out);
		expect(res.status).toBe(200);
		expect(res.json.ResponseMetadata.Error).toBeUndefined();
	});

	test('object bodies are serialised once, int64 bigints as bare numbers', async () => {
		const out = await cred.authenticate(volcengineCredentials(sb.url), req({ body: { AppId: 123456, UserIds: [9223372036854775807n] } as any }));
		expect(out.body).toBe('{"AppId":123456,"UserIds":[9223372036854775807]}');
	});

	test('STS session token is sent and signed', async () => {
		sb.configure({ volcengine: { keys: { AKLTSTS: { secretAccessKey: 'sts-secret-value-0001', sessionToken: 'STS-session-token-0001' } } } });
		const creds = volcengineCredentials(sb.url, { accessKeyId: 'AKLTSTS', secretAccessKey: 'sts-secret-value-0001', sessionToken: 'STS-session-token-0001' });
		const out = await cred.authenticate(creds, req());
		expect((out.headers as any)['X-Security-Token']).toBe('STS-session-token-0001');
		expect((out.headers as any).Authorization).toContain('SignedHeaders=content-type;host;x-content-sha256;x-date;x-security-token,');
		expect((await sendSigned(out)).status).toBe(200);
		const noToken = await cred.authenticate({ ...creds, sessionToken: '' }, req());
		expect((await sendSigned(noToken)).json.ResponseMetadata.Error.Code).toBe('InvalidAccessKey');
	});

	test('the sandbox rejects a request whose body was changed after signing', async () => {
		const out = await cred.authenticate(volcengineCredentials(sb.url), req());
		const res = await sendSigned(out, (b) => b.replace('[1]', '[2]'));
		expect(res.status).toBe(401);
		expect(res.json.ResponseMetadata.Error).toMatchObject({ Code: 'SignatureDoesNotMatch', CodeN: 100010 });
	});

	test('the sandbox rejects a tampered signature, a wrong secret, an unknown key and a stale X-Date', async () => {
		const out = await cred.authenticate(volcengineCredentials(sb.url), req());
		const tampered = { ...out, headers: { ...(out.headers as any), Authorization: (out.headers as any).Authorization.replace(/.$/, (c: string) => (c === '0' ? '1' : '0')) } };
		expect((await sendSigned(tampered)).json.ResponseMetadata.Error.Code).toBe('SignatureDoesNotMatch');
		const wrong = await cred.authenticate(volcengineCredentials(sb.url, { secretAccessKey: 'not-the-secret' }), req());
		expect((await sendSigned(wrong)).json.ResponseMetadata.Error.Code).toBe('SignatureDoesNotMatch');
		const unknown = await cred.authenticate(volcengineCredentials(sb.url, { accessKeyId: 'AKLTNOPE' }), req());
		expect((await sendSigned(unknown)).json.ResponseMetadata.Error.Code).toBe('InvalidAccessKey');
		// TODO(harness): the sandbox's clock replaced by hand; use a sandbox clock hook once there is one.
		sb.now = () => Date.now() + 20 * 60 * 1000;
		const stale = await cred.authenticate(volcengineCredentials(sb.url), req());
		const res = await sendSigned(stale);
		sb.now = () => Date.now();
		expect(res.status).toBe(400);
		expect(res.json.ResponseMetadata.Error).toMatchObject({ Code: 'InvalidTimestamp', CodeN: 100006 });
	});

	test.each([
		['an absolute URL on another host', volcengineCredentials('http://127.0.0.1:1'), req({ url: 'https://evil.example.com/' }), /only signs for http:\/\/127\.0\.0\.1:1/],
		['a baseURL on another host', volcengineCredentials(''), req({ baseURL: 'https://evil.example.com' }), /only signs for https:\/\/rtc\.volcengineapi\.com/],
		['the region host when a custom endpoint is set', volcengineCredentials('http://127.0.0.1:9'), req({ url: 'https://rtc.volcengineapi.com/' }), /Refusing to sign/],
		['a custom endpoint that is not a URL', volcengineCredentials('not a url'), req(), /Custom Endpoint URL is not a valid URL/],
		['a custom endpoint with a path', volcengineCredentials('http://127.0.0.1:9/api'), req(), /origin only/],
		['a custom endpoint with another scheme', volcengineCredentials('ftp://127.0.0.1'), req(), /must start with http/],
		['an empty secret', volcengineCredentials('', { secretAccessKey: '  ' }), req(), /Secret Access Key is empty/],
		['an empty access key', volcengineCredentials('', { accessKeyId: '' }), req(), /Access Key ID is empty/],
		['an unknown region', volcengineCredentials('', { region: 'mars-1' }), req(), /Region must be one of/],
		['a missing Action', volcengineCredentials(''), req({ qs: { Version: '2020-12-01' } }), /need Action and Version/],
	])('refuses to sign: %s', async (_name, creds, options, message) => {
		await expect(cred.authenticate(creds, options)).rejects.toThrow(message);
		try {
			await cred.authenticate(creds, options);
		} catch (e) {
			expect(String((e as Error).message)).not.toContain(String(creds.secretAccessKey || '@@none@@').trim() || '@@none@@');
		}
	});

	test('region hosts: cn-north-1 and the overseas gateway', async () => {
		const cn = await cred.authenticate(volcengineCredentials(''), req());
		expect(cn.url).toBe('https://rtc.volcengineapi.com/');
		expect((cn.headers as any).Host).toBe('rtc.volcengineapi.com');
		const sg = await cred.authenticate(volcengineCredentials('', { region: 'ap-southeast-1' }), req());
		expect(sg.url).toBe('https://open-ap-singapore-1.volcengineapi.com/');
		expect((sg.headers as any).Authorization).toContain('/ap-southeast-1/rtc/request');
	});
});

describe('volcengineRtcApi.test (what n8n runs for "Test credential")', () => {
	/** n8n's CredentialsTester: authenticate the test request, send it, then apply responseSuccessBody rules. */
	async function runCredentialTest(creds: Record<string, unknown>) {
		const signed = await cred.authenticate(creds as any, { ...(cred.test.request as IHttpRequestOptions) });
		const { json } = await sendSigned(signed);
		for (const rule of cred.test.rules ?? []) {
			if (rule.type !== 'responseSuccessBody') continue;
			const value = rule.properties.key.split('.').reduce((o: any, k) => o?.[k], json);
			if (value === rule.properties.value) return { status: 'Error', message: rule.properties.message };
		}
		return { status: 'OK' };
	}

	test('right keys pass (even though the probe App ID does not exist)', async () => {
		expect(await runCredentialTest(volcengineCredentials(sb.url))).toEqual({ status: 'OK' });
		expect(sb.state.volcengine.requests.at(-1)!.code).toBe('InvalidParameter.NotExistAppId');
	});

	test('a wrong secret fails clearly', async () => {
		expect(await runCredentialTest(volcengineCredentials(sb.url, { secretAccessKey: 'wrong' }))).toEqual({
			status: 'Error',
			message: 'The Secret Access Key does not match the Access Key ID (signature rejected)',
		});
	});

	test('an unknown key fails clearly', async () => {
		expect((await runCredentialTest(volcengineCredentials(sb.url, { accessKeyId: 'AKLTX' }))).message).toBe(
			'The Access Key ID is unknown or disabled',
		);
	});
});
