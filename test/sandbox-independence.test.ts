/* eslint-disable */
// Issue 11 §4: the sandbox must be able to disagree with the nodes. It may not import node code,
// and its signature and UserSig checks must catch a one-character mistake — so a spec error in
// the node's signer fails a test instead of being reproduced by the emulator.
import { createHash, createHmac } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { request } from 'node:http';
import { join, relative, resolve } from 'node:path';
import { deflateSync } from 'node:zlib';
import { startSandbox, type RtcSandbox } from '../sandbox/server';
import { readJson, writeJson } from '../sandbox/json';
import { TimError, verifyUserSig } from '../sandbox/tencent/index';
import { v4CanonicalQuery, v4CanonicalRequest, v4ExpectedSignature, v4HeaderValue, v4SigningKey } from '../sandbox/v4';

const ROOT = resolve(__dirname, '..');
const SANDBOX_DIR = join(ROOT, 'sandbox');

function sandboxFiles(dir = SANDBOX_DIR): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
		e.isDirectory() ? sandboxFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
	);
}

/** Every module specifier of a file: static imports, re-exports, dynamic import() and require(). */
function specifiers(source: string): string[] {
	const out: string[] = [];
	for (const re of [/\b(?:import|export)\b[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]/g, /\bimport\s*['"]([^'"]+)['"]/g, /\b(?:import|require)\s*\(\s*['"]([^'"]+)['"]\s*\)/g]) {
		for (const m of source.matchAll(re)) out.push(m[1]);
	}
	return out;
}

/** The node-code modules a sandbox file reaches: relative specifiers that resolve into nodes/ or credentials/. */
function nodeImports(file: string): string[] {
	return specifiers(readFileSync(file, 'utf8')).filter((s) => {
		if (!s.startsWith('.')) return false;
		const target = relative(ROOT, resolve(file, '..', s)).split('\\').join('/');
		return target === 'nodes' || target === 'credentials' || target.startsWith('nodes/') || target.startsWith('credentials/');
	});
}

describe('the sandbox imports no node code', () => {
	const files = sandboxFiles();
	test('the scan sees the sandbox and would see an offending import', () => {
		expect(files.map((f) => relative(ROOT, f).split('\\').join('/'))).toEqual(expect.arrayContaining(['sandbox/server.ts', 'sandbox/routes.ts', 'sandbox/volcengine/index.ts', 'sandbox/volcengine/gateway.ts', 'sandbox/callbacks/sender.ts', 'sandbox/tencent/index.ts', 'sandbox/tencent/gateway.ts', 'sandbox/v4.ts', 'sandbox/json.ts']));
		// the detector itself: each of these forms is caught, a sandbox-local import is not
		const probe = (src: string) => specifiers(src).filter((s) => resolve(SANDBOX_DIR, s).startsWith(join(ROOT, 'nodes')));
		expect(probe(`import { a } from '../nodes/shared/json';`)).toEqual(['../nodes/shared/json']);
		expect(probe(`import type {\n A,\n B } from "../nodes/VolcengineRtc/transport/signer";`)).toHaveLength(1);
		expect(probe(`export * from '../nodes/x';`)).toHaveLength(1);
		expect(probe(`const j = require('../nodes/shared/json');`)).toHaveLength(1);
		expect(probe(`const j = await import('../nodes/shared/json');`)).toHaveLength(1);
		expect(probe(`import { parseJson } from './json';`)).toHaveLength(0);
	});
	for (const f of files) {
		const name = relative(ROOT, f).split('\\').join('/');
		test(`${name} imports nothing from nodes/ or credentials/`, () => {
			expect(nodeImports(f)).toEqual([]);
		});
	}
});

// ---- the sandbox's V4 verifier against the spec's vectors (volcengine-rtc.md §2.9) -----------------

const AK = 'AKLTEXAMPLEACCESSKEYID000000000000';
const SK = 'WkRNeU5UazRPVE0xWVRneE5EQTJNV0ptWVRRMU16UmtPR0ZsTkdFNU5tVQ==';
const X_DATE = '20240115T083000Z';
const sha = (s: string | Buffer) => createHash('sha256').update(s).digest('hex');

const VECTORS = [
	{
		name: 'TV1 UserBroadcast, Node-SDK header set',
		query: 'Action=UserBroadcast&Version=2020-12-01',
		body: '{"AppId":123456,"InboxType":0,"Sender":10001,"MsgTTL":3600,"MsgType":10001,"Content":"hello","TagOp":0,"Tags":["tag1:v1"],"Ext":{"k":"v"}}',
		headers: { 'x-content-sha256': '8e6c2e912fca28abfa9f28245cba9080541d9d530eea83337430a28952fbc9ce', 'x-date': X_DATE } as Record<string, string>,
		canonicalHash: '883357bc619e5fd30e2dafd144f2abe224a6457ff8efa4cf7dcc9ce3e0bcff66',
		signature: '35ee6485f76c47195e0a03ce2e582e424544ca6ae9b96cb34151ac91b4a5888a',
	},
	{
		name: 'TV2 BatchSendMessage, UTF-8 body, Host signed, STS token',
		query: 'Action=BatchSendMessage&Version=2020-12-01',
		body: '{"AppId":123456,"Sender":10001,"Receiver":[20001,20002],"InboxType":0,"MsgType":10001,"Content":"你好","IsNormalUser":false}',
		headers: {
			host: 'rtc.volcengineapi.com',
			'x-content-sha256': 'bcee0d972d9cf7b6d072ba07cfab641655c17b5140e72aad74c48d574141034c',
			'x-date': X_DATE,
			'x-security-token': 'STSeyJFeGFtcGxlIjoidG9rZW4ifQ==',
		} as Record<string, string>,
		canonicalHash: 'f0422e23d11499ed41172baf048196f9a8d28f270bb82a3405564c353988f922',
		signature: 'aa305c1f96879258b1dcc45d5e182ac64b706d3106628bd075ece2e132857d98',
	},
	{
		name: 'TV3 BatchUpdateUserTags, recommended header set',
		query: 'Action=BatchUpdateUserTags&Version=2020-12-01',
		body: '{"AppId":123456,"InboxType":0,"UserTags":[{"UserId":10001,"Tags":{"level":"vip"}}],"Op":0}',
		headers: {
			'content-type': 'application/json',
			host: 'rtc.volcengineapi.com',
			'x-content-sha256': '4391a6b996ba891264acb28e03c3bfcb2a856e4c0aee01cb2871e4f8883acc87',
			'x-date': X_DATE,
		} as Record<string, string>,
		canonicalHash: 'c3cb5f9d2fcb064d5dbb146c4550c37436e4d6dadb4a8db29462916683b3270e',
		signature: 'f47afa4ffad459293e53ace58115225e33a2cd2524b56e744fdd37bdfea6e936',
	},
];

describe("the sandbox's own V4 verifier (sandbox/v4.ts) reproduces the spec's test vectors", () => {
	test('signing key', () => {
		expect(v4SigningKey(SK, '20240115', 'cn-north-1', 'rtc').toString('hex')).toBe('40b47360c710422db2a7d10158dd3dba3fc8afa770acf6e032bd643b70c84759');
	});
	for (const v of VECTORS) {
		test(v.name, () => {
			const received = { method: 'POST', path: '/', rawQuery: v.query, headers: v.headers, signedHeaders: Object.keys(v.headers).sort(), body: Buffer.from(v.body, 'utf8') };
			expect(sha(v.body)).toBe(v.headers['x-content-sha256']);
			expect(sha(v4CanonicalRequest(received))).toBe(v.canonicalHash);
			expect(v4ExpectedSignature(received, SK, X_DATE, 'cn-north-1', 'rtc')).toBe(v.signature);
		});
	}
	test('canonical query: decoded then RFC 3986 re-encoded, sorted by name, space as %20; header values trimmed; default ports dropped', () => {
		expect(v4CanonicalQuery('Version=2020-12-01&b=x+y&Action=A&a=it%27s*')).toBe('Action=A&Version=2020-12-01&a=it%27s%2A&b=x%20y');
		expect(v4CanonicalQuery('k=%E4%BD%A0&flag')).toBe('flag=&k=%E4%BD%A0');
		expect(v4HeaderValue('content-type', '  application/json \t')).toBe('application/json');
		expect(v4HeaderValue('host', 'rtc.volcengineapi.com:443')).toBe('rtc.volcengineapi.com');
		expect(v4HeaderValue('host', '127.0.0.1:8080')).toBe('127.0.0.1:8080');
	});
});

// ---- a deliberately naive client signer, and the gateway over a real socket -----------------------

type Mistake = 'none' | 'query-in-wire-order' | 'plus-for-space' | 'untrimmed-header' | 'aws4-prefix' | 'base64-decoded-secret' | 'lowercase-percent';

/**
 * A client signer written in this test from the spec's wording (§2.2–§2.6), with one switchable
 * mistake. Each mistake changes one or a few characters of the canonical request or key — the kind
 * of error a signer can carry while agreeing with a sandbox that shares its code.
 */
function clientSign(o: { host: string; rawQuery: string; body: string; secret: string; accessKey: string; contentType: string; token?: string; mistake: Mistake; nodeSdkHeaders?: boolean }) {
	const bodyHash = sha(o.body);
	const pairs = o.rawQuery.split('&').map((p) => p.split('=').map((x) => decodeURIComponent(x.replace(/\+/g, ' '))) as [string, string]);
	const enc = (s: string) =>
		o.mistake === 'plus-for-space'
			? encodeURIComponent(s).replace(/%20/g, '+').replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase())
			: o.mistake === 'lowercase-percent'
				? encodeURIComponent(s).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16)).replace(/%[0-9A-F]{2}/g, (h) => h.toLowerCase())
				: encodeURIComponent(s).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
	const ordered = o.mistake === 'query-in-wire-order' ? pairs : [...pairs].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
	const canonicalQuery = ordered.map(([k, v]) => `${enc(k)}=${enc(v)}`).join('&');
	// nodeSdkHeaders: the vendor Node SDK's default set (TV1), without host and content-type
	const signed: Record<string, string> = o.nodeSdkHeaders
		? { 'x-content-sha256': bodyHash, 'x-date': nowXDate() }
		: { 'content-type': o.contentType, host: o.host, 'x-content-sha256': bodyHash, 'x-date': nowXDate() };
	if (o.token) signed['x-security-token'] = o.token;
	const names = Object.keys(signed).sort();
	const value = (n: string) => (o.mistake === 'untrimmed-header' ? signed[n] : signed[n].trim());
	const canonicalRequest = ['POST', '/', canonicalQuery, names.map((n) => `${n}:${value(n)}\n`).join(''), names.join(';'), bodyHash].join('\n');
	const xDate = signed['x-date'];
	const scope = `${xDate.slice(0, 8)}/cn-north-1/rtc/request`;
	const stringToSign = ['HMAC-SHA256', xDate, scope, sha(canonicalRequest)].join('\n');
	const secret: Buffer =
		o.mistake === 'aws4-prefix' ? Buffer.from('AWS4' + o.secret) : o.mistake === 'base64-decoded-secret' ? Buffer.from(o.secret, 'base64') : Buffer.from(o.secret);
	let k: Buffer = secret;
	for (const step of [xDate.slice(0, 8), 'cn-north-1', 'rtc', 'request']) k = createHmac('sha256', k).update(step).digest();
	const signature = createHmac('sha256', k).update(stringToSign).digest('hex');
	const headers: Record<string, string> = {
		Host: o.host,
		'Content-Type': o.contentType,
		'X-Date': xDate,
		'X-Content-Sha256': bodyHash,
		Authorization: `HMAC-SHA256 Credential=${o.accessKey}/${scope}, SignedHeaders=${names.join(';')}, Signature=${signature}`,
	};
	if (o.token) headers['X-Security-Token'] = o.token;
	return headers;
}

function nowXDate(): string {
	return new Date().toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

function post(url: string, path: string, headers: Record<string, string>, body: string): Promise<{ status: number; json: any }> {
	return new Promise((res, rej) => {
		const u = new URL(url);
		const req = request({ host: u.hostname, port: u.port, method: 'POST', path, headers: { ...headers, 'Content-Length': String(Buffer.byteLength(body)) } }, (r) => {
			const chunks: Buffer[] = [];
			r.on('data', (c) => chunks.push(c));
			r.on('end', () => res({ status: r.statusCode ?? 0, json: readJson(Buffer.concat(chunks).toString('utf8'), 'bigint') }));
		});
		req.on('error', rej);
		req.end(body);
	});
}

describe('the sandbox gateway accepts a correct independent signer and refuses one-character mistakes', () => {
	let sb: RtcSandbox;
	const TOKEN = 'STSeyJFeGFtcGxlIjoidG9rZW4ifQ==';
	beforeAll(async () => {
		sb = await startSandbox({ config: { volcengine: { keys: { [AK]: { secretAccessKey: SK }, AKLTSTS: { secretAccessKey: SK, sessionToken: TOKEN } } } } });
	});
	afterAll(() => sb.close());

	// A query with a space, a reserved character and names out of order on the wire, so that each
	// query mistake changes the canonical request.
	const rawQuery = 'Version=2020-12-01&Action=BatchSendMessage&Note=a+b%27c%2A';
	const body = writeJson({ AppId: 123456, Sender: 10001n, Receiver: [20001n, 9007199254740993n], InboxType: 0, MsgType: 10001, Content: '{"text":"你好"}' });
	const send = (mistake: Mistake, extra: { contentType?: string; accessKey?: string; token?: string; nodeSdkHeaders?: boolean } = {}) => {
		const host = new URL(sb.url).host;
		const headers = clientSign({ host, rawQuery, body, secret: SK, accessKey: extra.accessKey ?? AK, contentType: extra.contentType ?? 'application/json', token: extra.token, mistake, nodeSdkHeaders: extra.nodeSdkHeaders });
		return post(sb.url, `/?${rawQuery}`, headers, body);
	};

	test('the correct signer is accepted and the message delivered to the exact int64 receivers', async () => {
		const r = await send('none');
		expect(r.json.ResponseMetadata.Error).toBeUndefined();
		expect(r.status).toBe(200);
		expect(sb.state.volcengine.messages.slice(-2).map((m) => m.receiver)).toEqual([20001n, 9007199254740993n]);
	});

	test("the vendor Node SDK's default header set (x-content-sha256;x-date, no host) is accepted, as the vendor gateway accepts it", async () => {
		const r = await send('none', { nodeSdkHeaders: true });
		expect(r.json.ResponseMetadata.Error).toBeUndefined();
	});

	test('an STS key is accepted with its token signed', async () => {
		const r = await send('none', { accessKey: 'AKLTSTS', token: TOKEN });
		expect(r.json.ResponseMetadata.Error).toBeUndefined();
	});

	test.each<[Mistake, string]>([
		['query-in-wire-order', 'canonical query not sorted by name'],
		['plus-for-space', "space encoded as '+' instead of %20"],
		['lowercase-percent', 'lower-case percent-encoding hex'],
		['aws4-prefix', "AWS-style 'AWS4' prefix on the secret"],
		['base64-decoded-secret', 'secret base64-decoded before use'],
	])('refused: %s (%s)', async (mistake) => {
		const r = await send(mistake);
		expect(r.status).toBe(401);
		expect(r.json.ResponseMetadata.Error.Code).toBe('SignatureDoesNotMatch');
	});

	test('refused: a header value signed untrimmed (the gateway trims what it received)', async () => {
		// the HTTP layer drops the trailing space on the wire; a signer that signed it untrimmed is off by one character
		const r = await send('untrimmed-header', { contentType: 'application/json ' });
		expect(r.status).toBe(401);
		expect(r.json.ResponseMetadata.Error.Code).toBe('SignatureDoesNotMatch');
		// and the same value, trimmed by the signer as the spec says, is accepted
		const ok = await send('none', { contentType: 'application/json ' });
		expect(ok.json.ResponseMetadata.Error).toBeUndefined();
	});
});

// ---- the sandbox's own UserSig check (sandbox/tencent/gateway.ts) against tencent-chat.md §2.5 ------------------

describe("the sandbox's own UserSig check accepts the spec's vectors and refuses a naive signer's mistakes", () => {
	const SDKAPPID = 1400000000;
	const KEY = '5bd2850fff3ecb11d7c805251c51ee463a25727bddc2385f3fa8bfee1bb93b5e';
	const T = 1700000000;
	const EXPIRE = 15552000;
	const codeOf = (f: () => unknown) => {
		try {
			f();
			return 0;
		} catch (e) {
			if (!(e instanceof TimError)) throw e;
			return e.code;
		}
	};

	test('vectors A and B (strings produced by the official tls-sig-api-v2 npm package) verify', () => {
		const A = 'eJyrVgrxCdYrSy1SslIy0jNQ0gHzM1NS80oy0zLBwokpuZl5mcUlRYkl*UVQBcUp2YkFBZkpSlaGJgZQAJEpycxNVbIyNEcVTa0oyCwCiZuamhrBRYsz05WslLycqyoS89ws-EJCIhJLTXK1jTIsy8vM0yO98ir9sotzDSpyDf1cI0KNzE1slWoBQr40pw__';
		const B = 'eJyrVgrxCdYrSy1SslIy0jNQ0gHzM1NS80oy0zLBwhWZiflZpXlQqeKU7MSCgswUJStDEwMogMiUZOamKlkZmqOKplYUZBaBxE1NTY3gosWZ6UpWSj5ljuYp*p7l5unBxXnF2WVhVU4uAf7Ozi5JpX7O5SbuHuUhzgZJmQXaTia2SrUAohcx8g__';
		expect(verifyUserSig(A, SDKAPPID, 'administrator', KEY, T + 1)['TLS.sig']).toBe('JCzxanF8NTTXau4m+2h9wv7gYJnyNksm0xm1NEXU274=');
		expect(verifyUserSig(B, SDKAPPID, 'xiaojun', KEY, T + 1)['TLS.sig']).toBe('LvA7d/Iw7gSsnskvVzBDPOCCDbuNCw4GHwTC0bip+B4=');
		expect(codeOf(() => verifyUserSig(A, SDKAPPID, 'administrator', KEY, T + EXPIRE + 1))).toBe(70001); // expired
		expect(codeOf(() => verifyUserSig(A, SDKAPPID, 'xiaojun', KEY, T + 1))).toBe(70013); // identifier mismatch
		expect(codeOf(() => verifyUserSig(A, 1400000001, 'administrator', KEY, T + 1))).toBe(70014); // sdkappid mismatch
	});

	type Slip = 'none' | 'no-final-newline' | 'hex-decoded-key' | 'base64url-alphabet' | 'userbuf-line-missing';
	/** A signer written here from the spec's §2.2 wording, with one switchable mistake. */
	function naiveUserSig(identifier: string, slip: Slip, userbuf?: string): string {
		let lines = `TLS.identifier:${identifier}\nTLS.sdkappid:${SDKAPPID}\nTLS.time:${T}\nTLS.expire:${EXPIRE}\n`;
		if (userbuf !== undefined && slip !== 'userbuf-line-missing') lines += `TLS.userbuf:${userbuf}\n`;
		if (slip === 'no-final-newline') lines = lines.slice(0, -1);
		const key = slip === 'hex-decoded-key' ? Buffer.from(KEY, 'hex') : Buffer.from(KEY, 'utf8');
		const sig = createHmac('sha256', key).update(lines).digest('base64');
		const doc: Record<string, unknown> = { 'TLS.ver': '2.0', 'TLS.identifier': identifier, 'TLS.sdkappid': SDKAPPID, 'TLS.time': T, 'TLS.expire': EXPIRE };
		if (userbuf !== undefined) doc['TLS.userbuf'] = userbuf;
		doc['TLS.sig'] = sig;
		const b64 = deflateSync(Buffer.from(JSON.stringify(doc))).toString('base64');
		return slip === 'base64url-alphabet'
			? b64.replace(/\+/g, '-').replace(/\//g, '_').replace(/=/g, '')
			: b64.replace(/\+/g, '*').replace(/\//g, '-').replace(/=/g, '_');
	}

	test('the naive signer without a slip verifies; with the userbuf line too (vector C, sig from the spec)', () => {
		expect(codeOf(() => verifyUserSig(naiveUserSig('administrator', 'none'), SDKAPPID, 'administrator', KEY, T + 1))).toBe(0);
		const C = naiveUserSig('xiaojun', 'none', 'AAAHeGlhb2p1blNyTgAAACcQZkE/AAAAAP8AAAAA');
		expect(verifyUserSig(C, SDKAPPID, 'xiaojun', KEY, T + 1)['TLS.sig']).toBe('y9Avb5xwHgIgoABbGakLaE0xs+v/dLcIPegbWfcbRLI=');
	});

	test.each<[Slip, number]>([
		['no-final-newline', 70009],
		['hex-decoded-key', 70009],
		['userbuf-line-missing', 70009],
		['base64url-alphabet', 70003],
	])('refused: %s (TIM %d)', (slip, code) => {
		const sig = naiveUserSig('xiaojun', slip, slip === 'userbuf-line-missing' ? 'AAAHeGlhb2p1blNyTgAAACcQZkE/AAAAAP8AAAAA' : undefined);
		expect(codeOf(() => verifyUserSig(sig, SDKAPPID, 'xiaojun', KEY, T + 1))).toBe(code);
	});
});

// ---- the sandbox's own JSON codec (sandbox/json.ts) ----------------------------------------------------

describe("the sandbox's own int64-safe JSON codec", () => {
	test('integers beyond 2^53 are read exactly (bigint or decimal string) and written back as bare numbers', () => {
		const text = '{"Receiver":[9223372036854775807,-9223372036854775808,9007199254740993,42],"f":1.5,"e":-3e2}';
		const v = readJson(text, 'bigint') as any;
		expect(v.Receiver).toEqual([9223372036854775807n, -9223372036854775808n, 9007199254740993n, 42]);
		expect(writeJson(v)).toBe(text.replace('-3e2', '-300'));
		expect((readJson(text) as any).Receiver.slice(0, 3)).toEqual(['9223372036854775807', '-9223372036854775808', '9007199254740993']);
	});
	test('a "__proto__" key stays an own key (so a handler can see and refuse it); strings keep their escapes', () => {
		const v = readJson('{"__proto__":{"x":1},"s":"a\\u0000\\"\\n\\u4f60"}') as any;
		expect(Object.keys(v)).toEqual(['__proto__', 's']);
		expect(Object.getPrototypeOf(v)).toBe(Object.prototype);
		expect(v.s).toBe('a\u0000"\n你');
		expect(writeJson(v)).toBe('{"__proto__":{"x":1},"s":"a\\u0000\\"\\n你"}');
	});
	test.each(['', '{', '{"a":1,}', '[1 2]', '01', '{"a":1} x', '"\t"', '[1,]', 'nul', '{"a" 1}'])('refuses invalid JSON %j', (bad) => {
		expect(() => readJson(bad)).toThrow(/invalid JSON/);
	});
});
