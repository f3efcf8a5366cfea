/* eslint-disable */
// Signing micro-benchmarks: the package's pure signers against the vendors' official libraries
// (devDependencies for the bench only: @volcengine/openapi, tls-sig-api-v2).
import { performance } from 'node:perf_hooks';
import { inflateSync } from 'node:zlib';
import Signer from '@volcengine/openapi/lib/base/sign';
import { signVolcengineRequest } from '../../nodes/VolcengineRtc/transport/signer';
import { signVolcengineHttpRequest } from '../../nodes/VolcengineRtc/transport/auth';
import { genUserSig } from '../../nodes/TencentChat/transport/usersig';
import { cachedUserSig } from '../../nodes/TencentChat/transport/usersigCache';
import { signTencentHttpRequest } from '../../nodes/TencentChat/transport/auth';
import { SANDBOX_TENCENT, SANDBOX_VOLCENGINE } from '../../sandbox/demo-credentials';
import type { SigningResult } from './protocol';

const TLSSigAPIv2: { Api: new (sdkAppId: number, key: string) => { genUserSig(id: string, expire: number): string } } = require('tls-sig-api-v2');

/** µs per call: warm-up, then 7 rounds of ~150 ms; the median round. */
function measure(fn: () => unknown): { usPerOp: number; ops: number } {
	let sink = 0;
	const t = performance.now();
	while (performance.now() - t < 100) sink += (fn() as string)?.length ?? 1;
	const rounds: number[] = [];
	let ops = 0;
	for (let r = 0; r < 7; r++) {
		let n = 0;
		const t0 = performance.now();
		let t1 = t0;
		while (t1 - t0 < 150) {
			for (let k = 0; k < 50; k++) sink += (fn() as string)?.length ?? 1;
			n += 50;
			t1 = performance.now();
		}
		rounds.push(((t1 - t0) * 1000) / n);
		ops += n;
	}
	if (sink === -1) console.log(sink);
	rounds.sort((a, b) => a - b);
	return { usPerOp: rounds[3], ops };
}

const HOST = 'rtc.volcengineapi.com';
const QUERY = { Action: 'BatchSendMessage', Version: '2020-12-01' };
const body = (receivers: number) =>
	`{"AppId":${SANDBOX_VOLCENGINE.appId},"Sender":10001,"Receiver":[${Array.from({ length: receivers }, (_, k) => String(3_000_000_000_000_000_000n + BigInt(k))).join(',')}],"InboxType":0,"MsgType":10001,"Content":"bench message","IsNormalUser":false}`;

const ours = (b: string, now: Date, signContentType = true) =>
	signVolcengineRequest({
		accessKeyId: SANDBOX_VOLCENGINE.accessKeyId,
		secretAccessKey: SANDBOX_VOLCENGINE.secretAccessKey,
		region: SANDBOX_VOLCENGINE.region,
		service: 'rtc',
		method: 'POST',
		host: HOST,
		query: QUERY,
		body: b,
		now,
		signContentType,
	}).headers.Authorization;

const official = (b: string, now: Date) => {
	const req = { region: SANDBOX_VOLCENGINE.region, method: 'POST', pathname: '/', params: { ...QUERY }, headers: { Host: HOST, 'Content-Type': 'application/json' } as Record<string, string>, body: b };
	new Signer(req, 'rtc').addAuthorization({ accessKeyId: SANDBOX_VOLCENGINE.accessKeyId, secretKey: SANDBOX_VOLCENGINE.secretAccessKey }, now);
	return req.headers.Authorization;
};

const decodeUserSig = (s: string) => JSON.parse(inflateSync(Buffer.from(s.replace(/\*/g, '+').replace(/-/g, '/').replace(/_/g, '='), 'base64')).toString('utf8'));

export function runSigning(): SigningResult {
	const rows: SigningResult['rows'] = [];
	const add = (name: string, fn: () => unknown) => rows.push({ name, ...measure(fn) });
	const small = body(1);
	const large = body(500);

	// Same header set (the official signer never signs Content-Type): the Authorization must be identical.
	const at = new Date('2025-01-02T03:04:05Z');
	const sameSignature = ours(small, at, false) === official(small, at) && ours(large, at, false) === official(large, at);

	add('volc.ours.small', () => ours(small, new Date()));
	add('volc.official.small', () => official(small, new Date()));
	add('volc.ours.large', () => ours(large, new Date()));
	add('volc.official.large', () => official(large, new Date()));
	// What the credential's authenticate() costs per request (validation, URL checks, signing).
	const volcCreds = { accessKeyId: SANDBOX_VOLCENGINE.accessKeyId, secretAccessKey: SANDBOX_VOLCENGINE.secretAccessKey, sessionToken: '', region: 'cn-north-1', customEndpoint: '', defaultAppId: '' };
	add('volc.authenticate.small', () => signVolcengineHttpRequest(volcCreds, { method: 'POST', url: '/', baseURL: `https://${HOST}`, qs: QUERY, body: small, headers: { 'Content-Type': 'application/json' } }, new Date()).url);

	const api = new TLSSigAPIv2.Api(SANDBOX_TENCENT.sdkAppId, SANDBOX_TENCENT.secretKey);
	const p = { sdkAppId: SANDBOX_TENCENT.sdkAppId, key: SANDBOX_TENCENT.secretKey, identifier: SANDBOX_TENCENT.adminUserId, expireSeconds: 604800 };
	let sameUserSigDocument = false;
	for (let attempt = 0; attempt < 3 && !sameUserSigDocument; attempt++) {
		const now = Math.floor(Date.now() / 1000);
		const a = decodeUserSig(genUserSig({ ...p, nowSeconds: now }));
		const b = decodeUserSig(api.genUserSig(p.identifier, p.expireSeconds));
		sameUserSigDocument = JSON.stringify(a) === JSON.stringify(b);
	}
	add('usersig.ours', () => genUserSig({ ...p, nowSeconds: Math.floor(Date.now() / 1000) }));
	add('usersig.official', () => api.genUserSig(p.identifier, p.expireSeconds));
	add('usersig.cached', () => cachedUserSig(p, Date.now()));
	const tcCreds = { sdkAppId: String(SANDBOX_TENCENT.sdkAppId), secretKey: SANDBOX_TENCENT.secretKey, adminUserId: SANDBOX_TENCENT.adminUserId, region: 'chinaMainland', customEndpoint: '', userSigTtl: 604800 };
	add('tencent.authenticate', () => signTencentHttpRequest(tcCreds, { method: 'POST', url: '/v4/openim/batchsendmsg', baseURL: 'https://console.tim.qq.com', body: '{}' }, Date.now()).url);
	return { kind: 'signing', rows, sameSignature, sameUserSigDocument };
}
