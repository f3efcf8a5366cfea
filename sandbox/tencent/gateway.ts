/* eslint-disable */
// Sandbox code (not shipped): the Tencent Chat REST ("v4") gateway — query parameters, UserSig
// check, admin check, envelope, dispatch.
import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { inflateSync } from 'node:zlib';
// The sandbox's own int64-safe codec, never the node's (issue 11 §4).
import { parseJson, stringifyJson } from '../json';
import { takeQuotas } from '../routes';
import type { RawRequest, RawResponse, Sandbox } from '../types';
import { isObj, TimError, UINT32_MAX } from './fields';
import type { Family, TimRoute } from './route';
import type { TencentState, TimCtx } from './state';

/**
 * Behaves like the Tencent Cloud Chat REST ("v4") API for the endpoints this package uses
 * (tencent-chat.md §1–§6). The UserSig is decoded and its HMAC recomputed from what arrived in the
 * query string, exactly as the vendor's verifier does (§2). Every answer is HTTP 200 with the
 * ActionStatus/ErrorCode envelope (§1.3).
 *
 * Sandbox-specific choices (where the spec is silent or ambiguous) are marked "sandbox:".
 */

// ---- UserSig (§2) -------------------------------------------------------------------------------

export interface DecodedUserSig {
	'TLS.ver': string;
	'TLS.identifier': string;
	'TLS.sdkappid': number;
	'TLS.time': number;
	'TLS.expire': number;
	'TLS.sig': string;
	'TLS.userbuf'?: string;
}

/** §2.2 step 6 reversed: `*`→`+`, `-`→`/`, `_`→`=`, Base64, zlib inflate, JSON. Throws 70003. */
export function decodeUserSig(userSig: string): DecodedUserSig {
	const illegal = (why: string) => new TimError(70003, `UserSig illegal: ${why}`);
	if (!/^[A-Za-z0-9*_-]+$/.test(userSig)) throw illegal('unexpected characters');
	const b64 = userSig.replace(/\*/g, '+').replace(/-/g, '/').replace(/_/g, '=');
	let doc: unknown;
	try {
		doc = parseJson(inflateSync(Buffer.from(b64, 'base64')).toString('utf8'));
	} catch {
		throw illegal('cannot be decoded (base64 + zlib + JSON)');
	}
	if (!isObj(doc)) throw illegal('not a JSON object');
	if (doc['TLS.ver'] !== '2.0') throw illegal('TLS.ver must be "2.0"');
	if (typeof doc['TLS.identifier'] !== 'string') throw illegal('TLS.identifier missing');
	for (const k of ['TLS.sdkappid', 'TLS.time', 'TLS.expire']) {
		if (typeof doc[k] !== 'number' || !Number.isInteger(doc[k])) throw illegal(`${k} missing or not an integer`);
	}
	if (typeof doc['TLS.sig'] !== 'string') throw illegal('TLS.sig missing');
	if (doc['TLS.userbuf'] !== undefined && typeof doc['TLS.userbuf'] !== 'string') throw illegal('TLS.userbuf is not a string');
	return doc as unknown as DecodedUserSig;
}

/**
 * The vendor's check (§2.2, §2.3): sdkappid (70014) and identifier (70013) must match the URL, the
 * HMAC-SHA256 over the line string must match (70009, constant-time), and `now ≤ time + expire`
 * (70001). `notBefore` is the sandbox knob `userSigNotBefore`.
 */
export function verifyUserSig(userSig: string, sdkAppId: number, identifier: string, key: string, nowSeconds: number, notBefore = 0): DecodedUserSig {
	const doc = decodeUserSig(userSig);
	if (doc['TLS.sdkappid'] !== sdkAppId) throw new TimError(70014, `sdkappid ${sdkAppId} does not match the SDKAppID in the UserSig`);
	if (doc['TLS.identifier'] !== identifier) throw new TimError(70013, `identifier ${identifier} does not match the UserID in the UserSig`);
	let content =
		`TLS.identifier:${doc['TLS.identifier']}\n` +
		`TLS.sdkappid:${doc['TLS.sdkappid']}\n` +
		`TLS.time:${doc['TLS.time']}\n` +
		`TLS.expire:${doc['TLS.expire']}\n`;
	if (doc['TLS.userbuf'] !== undefined) content += `TLS.userbuf:${doc['TLS.userbuf']}\n`;
	const expected = Buffer.from(createHmac('sha256', Buffer.from(key, 'utf8')).update(content, 'utf8').digest('base64'));
	const given = Buffer.from(doc['TLS.sig']);
	if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
		throw new TimError(70009, 'UserSig verify failed: wrong key or SDKAppID');
	}
	if (nowSeconds > doc['TLS.time'] + doc['TLS.expire']) throw new TimError(70001, 'UserSig expired');
	if (doc['TLS.time'] < notBefore) throw new TimError(70001, 'UserSig expired (issued before the sandbox userSigNotBefore)');
	return doc;
}

/** Error codes that differ by service family: JSON parse error and "needs admin" (§1.1, §1.6). */
const FAMILY: Record<Family, { parse: number; admin: number; internal: number }> = {
	openim: { parse: 90001, admin: 90009, internal: 91000 },
	push: { parse: 90001, admin: 90009, internal: 91000 },
	group: { parse: 10011, admin: 10007, internal: 10002 },
	login: { parse: 60003, admin: 60010, internal: 70500 },
	// sandbox: openconfigsvr (§5.6) documents no codes of its own; the public REST codes (§1.6) are used.
	config: { parse: 60003, admin: 60010, internal: 70500 },
};

/** Serves one request with the composed route table (tencent/index.ts). */
export async function serveTencent(routes: ReadonlyMap<string, TimRoute>, sb: Sandbox, req: RawRequest): Promise<RawResponse> {
	const now = sb.now();
	const st = sb.state.tencent;
	const requestId = `sandbox-${randomUUID()}`;
	const q = req.url.indexOf('?');
	const pathname = q < 0 ? req.url : req.url.slice(0, q);
	const rawQuery = q < 0 ? '' : req.url.slice(q + 1);
	const pm = /^\/v4\/([^/]+)\/([^/]+)$/.exec(pathname);
	const path = pm ? `${pm[1]}/${pm[2]}` : pathname.replace(/^\/v4\//, '');
	const log: TencentState['requests'][number] = { path, code: 0, at: now };
	st.requests.push(log);
	// §1.3: always HTTP 200; the outcome is in the envelope, endpoint fields at the top level.
	const reply = (code: number, info: string, fields: Record<string, unknown> = {}): RawResponse => {
		log.code = code;
		return {
			status: 200,
			body: stringifyJson({ ActionStatus: code === 0 ? 'OK' : 'FAIL', ErrorCode: code, ErrorInfo: info, RequestId: requestId, ...fields }),
		};
	};
	const r = pm ? routes.get(path) : undefined;
	try {
		if (req.method !== 'POST') throw new TimError(60002, `HTTP method ${req.method} is not supported; only POST (§1.1)`);
		if (!r) throw new TimError(60009, `Bad resource: /v4/${path}`);
		// §1.1 query parameters (names and values case-sensitive).
		const params = new URLSearchParams(rawQuery);
		const sdkappid = params.get('sdkappid');
		if (sdkappid === null || sdkappid === '') throw new TimError(60012, 'sdkappid is missing');
		if (!/^[1-9]\d{0,11}$/.test(sdkappid)) throw new TimError(60025, 'sdkappid is invalid');
		const identifier = params.get('identifier');
		if (identifier === null || identifier === '') throw new TimError(60025, 'identifier is missing');
		const userSig = params.get('usersig');
		if (userSig === null || userSig === '') throw new TimError(60025, 'usersig is missing');
		if (params.get('contenttype') !== 'json') throw new TimError(60025, 'contenttype must be json');
		const random = params.get('random');
		if (random === null || !/^\d{1,10}$/.test(random) || Number(random) > UINT32_MAX) throw new TimError(60002, 'random must be a 32-bit unsigned integer');
		const app = sb.config.tencent.apps[sdkappid];
		if (!app) throw new TimError(70020, `SDKAppID ${sdkappid} not found`);
		// §2: UserSig verification.
		verifyUserSig(userSig, Number(sdkappid), identifier, app.key, Math.floor(now / 1000), sb.config.tencent.userSigNotBefore);
		if (!(app.admins ?? []).includes(identifier)) {
			throw new TimError(FAMILY[r.family].admin, `${identifier} is not an app administrator; this API needs admin permission`);
		}
		// §1.2: a JSON object body, never empty.
		let body: unknown;
		try {
			body = parseJson(req.body.toString('utf8'), 'bigint');
		} catch (e) {
			throw new TimError(FAMILY[r.family].parse, `Request JSON parse error: ${(e as Error).message}`);
		}
		if (!isObj(body)) throw new TimError(FAMILY[r.family].parse, 'The request body must be a JSON object');
		if (sb.config.tencent.logBodies) {
			log.body = body;
			log.identifier = identifier;
		}
		const scripted = (sb.config.tencent.scripted ?? []).find(
			(e) => e.times > 0 && e.path === path && (e.bodyIncludes === undefined || req.body.toString('utf8').includes(e.bodyIncludes)),
		);
		if (scripted) {
			scripted.times--;
			log.code = scripted.code ?? -1;
			if (scripted.body) return { status: scripted.status ?? 200, body: stringifyJson(scripted.body) };
			const answer = reply(scripted.code ?? 0, 'scripted answer');
			return { ...answer, status: scripted.status ?? 200 };
		}
		const family = path.startsWith('timpush/') ? 'timpush' : path.startsWith('all_member_push/') ? 'legacy' : undefined;
		if (family && !(sb.config.tencent.pushApis ?? ['legacy', 'timpush']).includes(family)) {
			throw new TimError(90045, `The ${family === 'timpush' ? 'Push service (timpush)' : 'all_member_push'} API is not enabled for this app`);
		}
		const ctx: TimCtx = { sb, st, sdkAppId: Number(sdkappid), identifier, now, nowSec: Math.floor(now / 1000), rawSize: req.body.length };
		// §1.4: per-API call rate per SDKAppID.
		takeQuotas(sb, 'tencent', `tim:${ctx.sdkAppId}:`, r, body, now, (q) => new TimError(Number(q.code), q.message));
		st.accounts.add(identifier); // an admin account always exists
		return reply(0, '', r.handle(ctx, body));
	} catch (e) {
		if (e instanceof TimError) return reply(e.code, e.message);
		return reply(r ? FAMILY[r.family].internal : 70500, `Internal error: ${(e as Error).message}`);
	}
}
