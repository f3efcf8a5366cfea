/* eslint-disable */
import { createHmac } from 'node:crypto';
import { deflateSync, inflateSync } from 'node:zlib';
import { adler32, base64UrlTencent, genUserSig, userSigHmac, zlibStored } from '../../nodes/TencentChat/transport/usersig';
import { cachedUserSig, invalidateUserSig, refreshMargin, userSigGenerations } from '../../nodes/TencentChat/transport/usersigCache';
import { tencentWorkflow } from '../../harness/fixtures';
import { tencentEngine } from '../../harness/registry';
import type { RtcSandbox } from '../../sandbox/server';
import { tencentSuite, text } from './suite';

let sb: RtcSandbox;
const { calls } = tencentSuite((s) => (sb = s));

// tencent-chat.md §2.5: common inputs of vectors A–C.
const common = { sdkAppId: 1400000000, key: '5bd2850fff3ecb11d7c805251c51ee463a25727bddc2385f3fa8bfee1bb93b5e', nowSeconds: 1700000000, expireSeconds: 15552000 };

/** Inverse of §2.2 steps 5–6, with Node's zlib (test code may use it). */
const decode = (sig: string) =>
	JSON.parse(inflateSync(Buffer.from(sig.replace(/\*/g, '+').replace(/-/g, '/').replace(/_/g, '='), 'base64')).toString('utf8'));

describe('UserSig (TLSSigAPIv2) — spec §2.5 vectors, compared as decoded JSON', () => {
	test('vector A — administrator', () => {
		const p = { ...common, identifier: 'administrator' };
		expect(userSigHmac(p)).toBe('JCzxanF8NTTXau4m+2h9wv7gYJnyNksm0xm1NEXU274=');
		const expected = {
			'TLS.ver': '2.0', 'TLS.identifier': 'administrator', 'TLS.sdkappid': 1400000000, 'TLS.time': 1700000000,
			'TLS.expire': 15552000, 'TLS.sig': 'JCzxanF8NTTXau4m+2h9wv7gYJnyNksm0xm1NEXU274=',
		};
		expect(decode(genUserSig(p))).toEqual(expected);
		// the spec's own string (made by Node's zlib) decodes to the same document as ours
		const official = 'eJyrVgrxCdYrSy1SslIy0jNQ0gHzM1NS80oy0zLBwokpuZl5mcUlRYkl*UVQBcUp2YkFBZkpSlaGJgZQAJEpycxNVbIyNEcVTa0oyCwCiZuamhrBRYsz05WslLycqyoS89ws-EJCIhJLTXK1jTIsy8vM0yO98ir9sotzDSpyDf1cI0KNzE1slWoBQr40pw__';
		expect(decode(official)).toEqual(decode(genUserSig(p)));
		expect(JSON.stringify(decode(genUserSig(p)))).toBe(JSON.stringify(decode(official))); // same key order as the official lib
	});

	test('vector B — xiaojun', () => {
		const p = { ...common, identifier: 'xiaojun' };
		expect(userSigHmac(p)).toBe('LvA7d/Iw7gSsnskvVzBDPOCCDbuNCw4GHwTC0bip+B4=');
		const official = 'eJyrVgrxCdYrSy1SslIy0jNQ0gHzM1NS80oy0zLBwhWZiflZpXlQqeKU7MSCgswUJStDEwMogMiUZOamKlkZmqOKplYUZBaBxE1NTY3gosWZ6UpWSj5ljuYp*p7l5unBxXnF2WVhVU4uAf7Ozi5JpX7O5SbuHuUhzgZJmQXaTia2SrUAohcx8g__';
		expect(decode(genUserSig(p))).toEqual(decode(official));
	});

	test('vector C — userbuf (PrivateMapKey) line and document', () => {
		const userBuf = Buffer.from('0000077869616f6a756e53724e000000271066413f00000000ff00000000', 'hex');
		const p = { ...common, identifier: 'xiaojun', userBuf };
		expect(userBuf.toString('base64')).toBe('AAAHeGlhb2p1blNyTgAAACcQZkE/AAAAAP8AAAAA');
		expect(userSigHmac(p)).toBe('y9Avb5xwHgIgoABbGakLaE0xs+v/dLcIPegbWfcbRLI=');
		const doc = decode(genUserSig(p));
		expect(doc['TLS.userbuf']).toBe('AAAHeGlhb2p1blNyTgAAACcQZkE/AAAAAP8AAAAA');
		expect(doc['TLS.sig']).toBe('y9Avb5xwHgIgoABbGakLaE0xs+v/dLcIPegbWfcbRLI=');
	});

	test('HMAC over the line string with the key as raw UTF-8 (never hex-decoded)', () => {
		const s = 'TLS.identifier:administrator\nTLS.sdkappid:1400000000\nTLS.time:1700000000\nTLS.expire:15552000\n';
		expect(createHmac('sha256', common.key).update(s).digest('base64')).toBe(userSigHmac({ ...common, identifier: 'administrator' }));
	});
});

describe('zlib without the zlib module (stored deflate blocks + Adler-32)', () => {
	test.each([0, 1, 100, 65535, 65536, 200000])('%i bytes round-trip through Node zlib', (n) => {
		const data = Buffer.alloc(n);
		for (let i = 0; i < n; i++) data[i] = (i * 7919) & 0xff;
		const z = zlibStored(data);
		expect(z.subarray(0, 2).toString('hex')).toBe('7801');
		expect(inflateSync(z).equals(data)).toBe(true);
	});

	test('Adler-32 matches the trailer Node zlib writes', () => {
		const data = Buffer.from('Wikipedia');
		expect(adler32(data).toString(16)).toBe('11e60398'); // the RFC example
		const big = Buffer.alloc(100000, 0xff);
		expect(adler32(big)).toBe(deflateSync(big).readUInt32BE(deflateSync(big).length - 4));
	});

	test('Tencent base64 alphabet', () => {
		expect(base64UrlTencent(Buffer.from([0xfb, 0xff, 0xfe]))).toBe('*--*') // base64 '+//+';
		expect(base64UrlTencent(Buffer.from([0xff]))).toBe('-w__');
	});

	test('the usersig module does not import zlib', () => {
		const src = require('node:fs').readFileSync(require.resolve('../../nodes/TencentChat/transport/usersig.ts'), 'utf8');
		expect(src).not.toMatch(/from ['"](node:)?zlib['"]|require\(['"](node:)?zlib/);
	});
});

describe('UserSig cache', () => {
	const p = { sdkAppId: 1400000001, key: 'k'.repeat(64), identifier: 'administrator', expireSeconds: 3600 };

	test('one generation serves 1,000 requests; renewed shortly before expiry', () => {
		const t0 = 1_800_000_000_000;
		const before = userSigGenerations();
		const first = cachedUserSig(p, t0);
		for (let i = 0; i < 1000; i++) expect(cachedUserSig(p, t0 + i * 1000)).toBe(first);
		expect(userSigGenerations() - before).toBe(1);
		const renewAt = t0 + (3600 - refreshMargin(3600)) * 1000;
		expect(cachedUserSig(p, renewAt - 1000)).toBe(first);
		const second = cachedUserSig(p, renewAt);
		expect(second).not.toBe(first);
		expect(decode(second)['TLS.time']).toBe(renewAt / 1000);
		expect(userSigGenerations() - before).toBe(2);
	});

	test('a different key, identifier or lifetime gets its own UserSig; invalidate drops it', () => {
		const t = 1_800_000_100_000;
		const a = cachedUserSig(p, t);
		expect(cachedUserSig({ ...p, key: 'x'.repeat(64) }, t)).not.toBe(a);
		expect(decode(cachedUserSig({ ...p, identifier: 'other' }, t))['TLS.identifier']).toBe('other');
		const before = userSigGenerations();
		invalidateUserSig(p.sdkAppId, p.identifier);
		cachedUserSig(p, t + 1000);
		expect(userSigGenerations() - before).toBe(1);
	});
});

describe('UserSig: cached, regenerated once on 70001', () => {
	test('1,000 requests use one UserSig', async () => {
		sb.configure({ enforceLimits: false });
		sb.seedTencentAccounts(['bob']);
		const items = Array.from({ length: 1000 }, (_, i) => ({ i }));
		const before = userSigGenerations();
		const { run } = await tencentEngine(sb.url, { userSigTtl: 3600 }).run(
			tencentWorkflow({ resource: 'message', operation: 'sendToUser', toAccount: 'bob', text: '={{ "n" + $json.i }}', messageFormat: 'text' }, { items }),
		);
		expect(run.data.resultData.error).toBeUndefined();
		expect(calls('sendmsg').filter((r) => r.code === 0)).toHaveLength(1000);
		expect(userSigGenerations() - before).toBeLessThanOrEqual(1);
	});

	test('an expired UserSig (70001) is regenerated once and the call repeated with the same body', async () => {
		sb.seedTencentAccounts(['bob']);
		const wf = tencentWorkflow({ resource: 'message', operation: 'sendToUser', toAccount: 'bob', ...text('after expiry'), options: { msgRandom: 9, msgSeq: 9 } });
		await tencentEngine(sb.url, { userSigTtl: 7200 }).run(wf); // caches a UserSig
		sb.configure({ tencent: { userSigNotBefore: Math.floor(Date.now() / 1000) + 1 } });
		await new Promise((r) => setTimeout(r, 1100));
		const before = userSigGenerations();
		const { run } = await tencentEngine(sb.url, { userSigTtl: 7200 }).run(wf);
		expect(run.data.resultData.error).toBeUndefined();
		expect(userSigGenerations() - before).toBe(1);
		const codes = calls('sendmsg').map((r) => r.code);
		expect(codes).toEqual([0, 70001, 0]);
		expect(sb.state.tencent.c2c).toHaveLength(1); // same MsgSeq/MsgRandom/content: de-duplicated
	});
});
