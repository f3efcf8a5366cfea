/* eslint-disable */
// Security holes of issue 11: redirects, the legacy `uri` option, echoed secrets, prototype keys.
// Real WorkflowExecute, real credential authenticate(), real sockets on 127.0.0.1.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
	NodeConnectionTypes,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
} from 'n8n-workflow';
import { PKG, itemsOf, tencentWorkflow, volcWorkflow, workflow } from '../harness/fixtures';
import { createEngine } from '../harness/engine';
import { findSecrets } from '../harness/secrets';
import { tencentCredentials, volcengineCredentials } from '../harness/credentials';
import { tencentEngine, volcengineEngine } from '../harness/registry';
import { startSandbox, type RtcSandbox } from '../sandbox/server';
import { SANDBOX_TENCENT } from '../sandbox/demo-credentials';
import { VolcengineRtcApi } from '../credentials/VolcengineRtcApi.credentials';
import { TencentChatApi } from '../credentials/TencentChatApi.credentials';
import { redactSecrets, registerLongLivedSecret, registerSecret } from '../nodes/shared/errors';
import { resolveRequestUrl } from '../nodes/shared/endpoint';
import { findPrototypeKey } from '../nodes/shared/schemas';

let sb: RtcSandbox;
beforeAll(async () => {
	sb = await startSandbox();
});
afterAll(() => sb.close());
beforeEach(() => sb.reset());

const volcSend = (extra: Record<string, unknown> = {}) => ({
	resource: 'message',
	operation: 'sendToUsers',
	sender: '10001',
	content: 'x',
	msgType: 10001,
	receivers: '1,2',
	...extra,
});
const tencentC2c = (extra: Record<string, unknown> = {}) => ({
	resource: 'message',
	operation: 'sendToUser',
	toAccount: 'bob',
	messageFormat: 'text',
	text: 'hi',
	...extra,
});

/** A tiny HTTP server that records what it receives and answers with `answer`. */
interface Recorder {
	url: string;
	port: number;
	got: Array<{ method: string; url: string; headers: IncomingHttpHeaders; body: string }>;
	close(): Promise<void>;
}
async function recorder(answer: (req: { url: string }) => { status: number; headers?: Record<string, string>; body?: string }): Promise<Recorder> {
	const got: Recorder['got'] = [];
	const server: Server = createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', () => {
			got.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
			const a = answer({ url: req.url ?? '' });
			res.writeHead(a.status, a.headers ?? {});
			res.end(a.body ?? '');
		});
	});
	await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
	const port = (server.address() as AddressInfo).port;
	return {
		url: `http://127.0.0.1:${port}`,
		port,
		got,
		close: async () => {
			server.closeAllConnections?.();
			await new Promise<void>((r) => server.close(() => r()));
		},
	};
}

/**
 * What n8n's HTTP Request node does with a predefined credential: requestWithAuthentication({ uri })
 * (legacy request; followAllRedirects when its "Follow Redirects" is on), or httpRequestWithAuthentication
 * with n8n's default of following redirects.
 */
class LegacyCaller implements INodeType {
	description = {
		displayName: 'Legacy Caller', name: 'legacyCaller', group: ['transform'], version: 1, description: 'test node',
		defaults: { name: 'Legacy Caller' }, inputs: [NodeConnectionTypes.Main], outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'volcengineRtcApi', required: false }, { name: 'tencentChatApi', required: false }],
		properties: [
			{ displayName: 'URI', name: 'uri', type: 'string', default: '' },
			{ displayName: 'Credential', name: 'credential', type: 'string', default: '' },
			{ displayName: 'Helper', name: 'helper', type: 'string', default: 'request' },
		],
	} as INodeType['description'];

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const uri = this.getNodeParameter('uri', 0) as string;
		const credential = this.getNodeParameter('credential', 0) as string;
		const helper = this.getNodeParameter('helper', 0) as string;
		const qs = credential === 'volcengineRtcApi' ? { Action: 'QueryOnlineStatus', Version: '2020-12-01' } : {};
		const body = '{"AppId":123456,"UserIds":[1]}';
		const res =
			helper === 'httpRequest'
				? await this.helpers.httpRequestWithAuthentication.call(this, credential, { method: 'POST', url: uri, qs, body, json: false })
				: await this.helpers.requestWithAuthentication.call(this, credential, { method: 'POST', uri, qs, body, json: false, followAllRedirects: true } as any);
		return [[{ json: { body: String(res) } }]];
	}
}

function legacyEngine() {
	return createEngine({
		nodeTypes: { [`${PKG}.legacyCaller`]: new LegacyCaller() },
		credentialTypes: { volcengineRtcApi: new VolcengineRtcApi(), tencentChatApi: new TencentChatApi() },
		credentials: { volcengineRtcApi: volcengineCredentials(sb.url), tencentChatApi: tencentCredentials(sb.url) },
	});
}
const legacyWorkflow = (p: { uri: string; credential: string; helper?: string }) =>
	workflow(p, { credentialType: p.credential, nodeType: 'legacyCaller' });

describe('redirects are never followed', () => {
	let thief: Recorder;
	let redirector: Recorder;
	let status = 302;
	beforeAll(async () => {
		thief = await recorder(() => ({ status: 200, headers: { 'content-type': 'application/json' }, body: '{"ResponseMetadata":{},"Result":{},"ActionStatus":"OK","ErrorCode":0}' }));
		redirector = await recorder((req) => ({ status, headers: { location: `${thief.url}/collect${req.url.replace(/^\/\?/, '?')}` } }));
	});
	afterAll(async () => {
		await thief.close();
		await redirector.close();
	});
	beforeEach(() => {
		thief.got.length = 0;
		redirector.got.length = 0;
	});

	test.each([302, 307, 308])('Volcengine (STS credential): HTTP %i is a failure; the Location origin receives nothing', async (code) => {
		status = code;
		const { run } = await volcengineEngine(redirector.url, { sessionToken: 'STS-session-token-0001' }).run(
			volcWorkflow(volcSend(), { items: [{}], continueOnFail: true }),
		);
		expect(thief.got).toHaveLength(0); // no Authorization, no X-Security-Token, no body went there
		expect(redirector.got).toHaveLength(1); // a failure, not retried
		expect(redirector.got[0].headers['x-security-token']).toBe('STS-session-token-0001'); // (it was a real signed request)
		const [out] = itemsOf(run);
		expect(out.json.code).toBe('EREDIRECT');
		expect(String(out.json.error)).toMatch(new RegExp(`answered HTTP ${code} \\(a redirect\\)\\. Redirects are not followed`));
		expect(out.json).toMatchObject({ status: 'failed', failedCount: 2, deliveredCount: 0 });
		// the Location (which may carry the signed query) is not echoed
		expect(JSON.stringify(out.json)).not.toContain(String(thief.port));
	});

	test.each([
		['volcengineRtcApi', 'request', '/'],
		['volcengineRtcApi', 'httpRequest', '/'],
		['tencentChatApi', 'request', '/v4/openim/querystate'],
		['tencentChatApi', 'httpRequest', '/v4/openim/querystate'],
	])('%s signed for another sender (%s, redirects allowed by the caller): still not followed', async (credential, helper, path) => {
		status = 307;
		const engine = createEngine({
			nodeTypes: { [`${PKG}.legacyCaller`]: new LegacyCaller() },
			credentialTypes: { volcengineRtcApi: new VolcengineRtcApi(), tencentChatApi: new TencentChatApi() },
			credentials: { volcengineRtcApi: volcengineCredentials(redirector.url), tencentChatApi: tencentCredentials(redirector.url) },
		});
		const { run } = await engine.run(legacyWorkflow({ uri: `${redirector.url}${path}`, credential, helper }));
		expect(redirector.got).toHaveLength(1);
		expect(thief.got).toHaveLength(0);
		expect(run.status).toBe('error'); // the 307 is an error for the caller, not a hop
	});

	test('Tencent: a redirect never takes the usersig query elsewhere', async () => {
		status = 307;
		const { run } = await tencentEngine(redirector.url).run(tencentWorkflow(tencentC2c(), { items: [{}], continueOnFail: true }));
		expect(thief.got).toHaveLength(0);
		expect(redirector.got).toHaveLength(1);
		expect(redirector.got[0].url).toMatch(/usersig=/);
		const [out] = itemsOf(run);
		expect(out.json.code).toBe('EREDIRECT');
		expect(JSON.stringify(out.json)).not.toContain(String(thief.port));
	});
});

describe('the legacy `uri` option is checked like `url`', () => {
	const volcCred = new VolcengineRtcApi();
	const tencentCred = new TencentChatApi();
	const volcReq = (over: IDataObject) => ({ method: 'POST', qs: { Action: 'QueryOnlineStatus', Version: '2020-12-01' }, body: '{}', headers: {}, ...over }) as any;

	test('resolveRequestUrl: a foreign uri is refused, the allowed one is used, url wins as in n8n', () => {
		const allowed = { origin: 'https://rtc.volcengineapi.com', host: 'rtc.volcengineapi.com' };
		expect(() => resolveRequestUrl(allowed, undefined, undefined, 'https://evil.example/')).toThrow(
			'Refusing to sign a request for https://evil.example: this credential only signs for https://rtc.volcengineapi.com',
		);
		expect(() => resolveRequestUrl(allowed, '/', undefined, 'https://evil.example/')).toThrow(/Refusing to sign a request for https:\/\/evil\.example/);
		expect(() => resolveRequestUrl(allowed, undefined, undefined, new URL('https://evil.example/x'))).toThrow(/evil\.example/);
		expect(resolveRequestUrl(allowed, undefined, undefined, 'https://rtc.volcengineapi.com/')).toBe('https://rtc.volcengineapi.com/');
	});

	test('Volcengine authenticate(): { uri: foreign } is refused; { uri: own origin } is signed for it, without `uri`', async () => {
		const creds = volcengineCredentials(sb.url);
		await expect(volcCred.authenticate(creds, volcReq({ uri: 'https://evil.example/' }))).rejects.toThrow(
			`Refusing to sign a request for https://evil.example: this credential only signs for ${sb.url}`,
		);
		const out = (await volcCred.authenticate(creds, volcReq({ uri: `${sb.url}/` }))) as any;
		expect(out.url).toBe(`${sb.url}/`);
		expect('uri' in out).toBe(false);
		expect(out.headers.Authorization).toMatch(/^HMAC-SHA256 /);
	});

	test('Tencent authenticate(): { uri: foreign } is refused', async () => {
		const creds = tencentCredentials(sb.url);
		await expect(
			tencentCred.authenticate(creds, { method: 'POST', uri: 'https://evil.example/v4/openim/sendmsg', body: '{}' } as any),
		).rejects.toThrow(`Refusing to sign a request for https://evil.example: this credential only signs for ${sb.url}`);
		const out = (await tencentCred.authenticate(creds, { method: 'POST', uri: `${sb.url}/v4/openim/sendmsg`, body: '{}' } as any)) as any;
		expect(out.url).toBe(`${sb.url}/v4/openim/sendmsg`);
		expect('uri' in out).toBe(false);
	});

	test.each([
		['volcengineRtcApi', '/'],
		['tencentChatApi', '/v4/openim/querystate'],
	])('engine run, %s: a foreign uri fails the node and reaches nobody; the credential origin works', async (credential, path) => {
		const evil = await recorder(() => ({ status: 200, body: '{}' }));
		try {
			const engine = legacyEngine();
			const wf = (uri: string) => legacyWorkflow({ uri, credential });
			const bad = await engine.run(wf(`${evil.url}${path}`));
			expect(bad.run.status).toBe('error');
			expect(JSON.stringify(bad.run.data.resultData.error)).toMatch(/Refusing to sign a request for http:\/\/127\.0\.0\.1:\d+: this credential only signs for/);
			expect(evil.got).toHaveLength(0);
			const before = sb.stats.requests;
			const good = await engine.run(wf(`${sb.url}${path}`));
			expect(good.run.data.resultData.error).toBeUndefined();
			expect(sb.stats.requests).toBe(before + 1);
		} finally {
			await evil.close();
		}
	});
});

describe('secrets echoed by an endpoint are removed from every error', () => {
	test('registered exact values are replaced, longest first, also URL-encoded', () => {
		registerSecret('Zz-exact-secret-value/with+slash==');
		registerSecret('short'); // too short to register: ordinary text must survive
		const text = redactSecrets('a Zz-exact-secret-value/with+slash== b Zz-exact-secret-value%2Fwith%2Bslash%3D%3D c short');
		expect(text).toBe('a *** b *** c short');
	});

	test('a long-lived secret registered once outlives any number of per-request values', () => {
		registerLongLivedSecret('Kk-long-lived-credential/key');
		for (let i = 0; i < 2000; i++) registerSecret(`per-request-signature-${i}`);
		expect(redactSecrets('x Kk-long-lived-credential/key y Kk-long-lived-credential%2Fkey z per-request-signature-1999')).toBe('x *** y *** z ***');
	});

	/**
	 * An endpoint (on 127.0.0.1, in place of the sandbox) whose every answer is an error echoing what
	 * the request carried, as a hostile or careless gateway might. The engine's credentials point at it.
	 */
	async function echoingEndpoint(seen: { values: string[] }) {
		const server = createServer((req, res) => {
			req.resume();
			req.on('end', () => {
				const url = new URL(req.url ?? '/', 'http://x');
				let body: unknown;
				if (url.pathname === '/') {
					const auth = String(req.headers.authorization ?? '');
					const token = String(req.headers['x-security-token'] ?? '');
					const signature = auth.replace(/^.*Signature=/, '');
					seen.values.push(auth, token, signature);
					const message = `rejected ${auth} | token ${token} | sig ${signature}`;
					body = { ResponseMetadata: { RequestId: 'echo-1', Error: { Code: 'InvalidAuthorization', Message: message } }, Result: {} };
				} else {
					const usersig = url.searchParams.get('usersig') ?? '';
					seen.values.push(usersig, SANDBOX_TENCENT.secretKey);
					const info = `bad sig ${usersig} for ${req.url} with key ${SANDBOX_TENCENT.secretKey}`;
					body = { ActionStatus: 'FAIL', ErrorCode: 70003, ErrorInfo: info };
				}
				res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
			});
		});
		await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
		const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
		return { url, close: () => new Promise<void>((ok) => server.close(() => ok())) };
	}

	const leakIn = (values: string[], text: string) => values.filter((v) => v.length >= 8 && text.includes(v));

	test.each([true, false])('Volcengine with an STS token (continue-on-fail %s): no Authorization, signature or token in the error', async (continueOnFail) => {
		const seen = { values: [] as string[] };
		const echo = await echoingEndpoint(seen);
		const { run } = await volcengineEngine(echo.url, { sessionToken: 'STS-session-token-0001' })
			.run(volcWorkflow(volcSend(), { items: [{}], continueOnFail }))
			.finally(echo.close);
		expect(seen.values.filter(Boolean).length).toBe(3);
		const text = JSON.stringify(continueOnFail ? itemsOf(run) : run.data.resultData.error);
		expect(text).toContain('InvalidAuthorization'); // the error is there ...
		expect(text).toContain('***'); // ... with the echoed values cut out
		expect(leakIn(seen.values, text)).toEqual([]);
		expect(findSecrets(text)).toEqual([]);
		if (!continueOnFail) expect(leakIn(seen.values, `${run.data.resultData.error!.message} ${run.data.resultData.error!.description}`)).toEqual([]);
	});

	test.each([true, false])('Tencent (continue-on-fail %s): no UserSig or secret key in the error, bare or in a URL', async (continueOnFail) => {
		const seen = { values: [] as string[] };
		const echo = await echoingEndpoint(seen);
		const { run } = await tencentEngine(echo.url).run(tencentWorkflow(tencentC2c(), { items: [{}], continueOnFail })).finally(echo.close);
		expect(seen.values[0].length).toBeGreaterThan(80);
		const text = JSON.stringify(continueOnFail ? itemsOf(run) : run.data.resultData.error);
		expect(text).toContain('70003');
		expect(leakIn(seen.values, text)).toEqual([]);
		expect(findSecrets(text)).toEqual([]);
	});
});

describe('prototype keys are refused, never silently dropped', () => {
	test('findPrototypeKey finds own keys at any depth, not inherited ones', () => {
		expect(findPrototypeKey({ a: 1, b: [{ c: 2 }] })).toBeUndefined();
		expect(findPrototypeKey(JSON.parse('{"a":{"__proto__":{"x":1}}}'))).toEqual({ path: ['a'], key: '__proto__' });
		expect(findPrototypeKey([{ ok: 1 }, { constructor: 'x' }])).toEqual({ path: [1], key: 'constructor' });
		expect(findPrototypeKey(new Date())).toBeUndefined();
	});

	const expectRefused = (run: any, pattern: RegExp) => {
		expect(run.status).toBe('error');
		expect(run.data.resultData.error!.message).toMatch(pattern);
	};

	test('Volcengine Ext: a "__proto__" pair key', async () => {
		const { run } = await volcengineEngine(sb.url).run(
			volcWorkflow(volcSend({ options: { ext: { pairs: [{ key: 'campaign', value: 'a' }, { key: '__proto__', value: 'x' }] } } })),
		);
		expectRefused(run, /^Invalid "Extra Fields \(Ext\)" in item 0: key "__proto__" is not allowed/);
		expect(sb.stats.requests).toBe(0);
	});

	test('Volcengine tags: "prototype" as a tag key', async () => {
		const { run } = await volcengineEngine(sb.url).run(
			volcWorkflow({ resource: 'userTag', operation: 'update', userId: '10001', tags: { pairs: [{ key: 'prototype', value: 'x' }] } }),
		);
		expectRefused(run, /key "prototype" is not allowed/);
		expect(sb.stats.requests).toBe(0);
	});

	test('Tencent attributes and a JSON MsgBody with "__proto__"', async () => {
		sb.seedTencentAccounts(['bob']);
		const attrs = await tencentEngine(sb.url).run(
			tencentWorkflow({ resource: 'userAttribute', operation: 'set', account: 'bob', attributes: { pairs: [{ key: '__proto__', value: 'x' }] } }),
		);
		expectRefused(attrs.run, /^Invalid "Attributes" in item 0: key "__proto__" is not allowed/);
		const json = await tencentEngine(sb.url).run(
			tencentWorkflow(tencentC2c({ messageFormat: 'json', msgBodyJson: '[{"MsgType":"TIMTextElem","MsgContent":{"Text":"hi","__proto__":{"Text":"other"}}}]' })),
		);
		expectRefused(json.run, /^Invalid "Message Body \(JSON\)\[0\]\.MsgContent" in item 0: key "__proto__" is not allowed/);
		// an object from an expression: a "constructor" key
		const expr = await tencentEngine(sb.url).run(
			tencentWorkflow(tencentC2c({ messageFormat: 'json', msgBodyJson: '={{ $json.body }}' }), {
				items: [{ body: [{ MsgType: 'TIMTextElem', MsgContent: { Text: 'hi', constructor: 'x' } }] }],
			}),
		);
		expectRefused(expr.run, /^Invalid "Message Body \(JSON\)\[0\]\.MsgContent" in item 0: key "constructor" is not allowed/);
		expect(sb.stats.requests).toBe(0);
		expect(sb.state.tencent.requests).toHaveLength(0);
	});
});
