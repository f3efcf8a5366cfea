/* eslint-disable */
// Sandbox code (not shipped): the Volcengine RTC half of the vendor emulator.
import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { parseJson, stringifyJson } from '../nodes/shared/json';
import {
	buildStringToSign,
	canonicalHeaderValue,
	canonicalQueryString,
	deriveSigningKey,
	sha256Hex,
} from '../nodes/VolcengineRtc/transport/signer';
import type { RawRequest, RawResponse, Sandbox } from './types';

/**
 * Behaves like the Volcengine OpenAPI gateway + RTC IM backend for the actions this package uses
 * (volcengine-rtc.md §2–§4). The signature is recomputed from what arrived on the wire — the raw
 * query string, the received header values and the received body bytes — never from what the
 * client meant to send.
 */

export interface VolcengineKey {
	secretAccessKey: string;
	/** When set, the key is a temporary (STS) key and requests must carry and sign this token. */
	sessionToken?: string;
}

export interface VolcengineUser {
	userId: bigint;
	tags: Map<string, string>;
	nickName?: string;
}

export interface VolcengineMessage {
	action: string;
	appId: number;
	inboxType: number;
	sender: bigint;
	receiver: bigint;
	messageId: bigint;
	msgType: number;
	content: string;
	ext?: Record<string, string>;
	at: number;
}

export interface VolcengineState {
	apps: Set<number>;
	users: Map<number, Map<bigint, VolcengineUser>>;
	messages: VolcengineMessage[];
	broadcasts: Array<{ appId: number; sender: bigint; tags: string[]; tagOp: number; recipients: bigint[]; content: string }>;
	nextMessageId: bigint;
	/** Every request that reached the gateway, accepted or not. */
	requests: Array<{ action: string; code?: string; receivers?: number; at: number }>;
	broadcastsToday: number;
}

export interface VolcengineConfig {
	keys: Record<string, VolcengineKey>;
	regions: string[];
	/** Past and future tolerance of X-Date, seconds. The real future tolerance is unconfirmed (§2.7): stricter here. */
	maxAgeSeconds: number;
	maxFutureSeconds: number;
	/** Receivers that BatchSendMessage reports in FailedReceiver. */
	failReceivers: string[];
	/** UserBroadcast daily cap (newer docs: 20/day, §4.1). 0 = no cap. */
	broadcastsPerDay: number;
}

export const VOLC_ERRORS: Record<string, { codeN?: number; http: number }> = {
	MissingParameter: { codeN: 100002, http: 400 },
	MissingAuthenticationToken: { codeN: 100003, http: 401 },
	MissingRequestInfo: { codeN: 100004, http: 400 },
	MissingSignature: { codeN: 100005, http: 401 },
	InvalidTimestamp: { codeN: 100006, http: 400 },
	ServiceNotFound: { codeN: 100007, http: 404 },
	InvalidActionOrVersion: { codeN: 100008, http: 404 },
	InvalidAccessKey: { codeN: 100009, http: 401 },
	SignatureDoesNotMatch: { codeN: 100010, http: 401 },
	InternalError: { codeN: 100014, http: 500 },
	FlowLimitExceeded: { http: 429 },
	'FlowLimitExceeded.QPSOverLimit': { http: 429 },
	MethodNotAllowed: { http: 405 },
	InvalidParameter: { http: 400 },
	'InvalidParameter.Unmarshal': { http: 400 },
	'InvalidParameter.BodyIsEmpty': { http: 400 },
	'InvalidParameter.NotExistAppId': { http: 400 },
	'InvalidParameter.UserCountOverLimit': { http: 400 },
};

export class VolcError extends Error {
	constructor(
		readonly code: string,
		message: string,
	) {
		super(message);
	}
}

const IM_VERSION = '2020-12-01';
/** QPS per action (§4): 50 for the seed actions. */
const ACTION_QPS: Record<string, number> = {
	UserBroadcast: 50,
	BatchUpdateUserTags: 50,
	BatchSendMessage: 50,
	RegisterUsers: 50,
	BatchGetUser: 100,
};
/** BatchSendMessage: 12,000 messages per minute, counted per receiver (§4.3). */
const MESSAGES_PER_MINUTE = 12000;

export function newVolcengineState(apps: number[]): VolcengineState {
	return {
		apps: new Set(apps),
		users: new Map(),
		messages: [],
		broadcasts: [],
		nextMessageId: 7205759403792793601n,
		requests: [],
		broadcastsToday: 0,
	};
}

function envelope(action: string, version: string, requestId: string, region: string, result: unknown, error?: VolcError): string {
	const meta: Record<string, unknown> = { RequestId: requestId, Action: action, Version: version, Service: 'rtc', Region: region };
	if (error) {
		const e = VOLC_ERRORS[error.code];
		meta.Error = { ...(e?.codeN !== undefined ? { CodeN: e.codeN } : {}), Code: error.code, Message: error.message };
	}
	return stringifyJson({ ResponseMetadata: meta, Result: result ?? {} });
}

const XDATE = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/;

/** Gateway authentication, §2 — recomputed from the received request. */
export function verifyVolcengineSignature(sb: Sandbox, req: RawRequest, rawQuery: string, now: number): { region: string } {
	const cfg = sb.config.volcengine;
	const auth = req.headers['authorization'];
	if (typeof auth !== 'string' || auth === '') throw new VolcError('MissingAuthenticationToken', 'The request has no Authorization header');
	const m = /^HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/request, SignedHeaders=([a-z0-9;-]+), Signature=([0-9a-f]{64})$/.exec(auth);
	if (!m) throw new VolcError('MissingSignature', 'The Authorization header is malformed');
	const [, ak, shortDate, region, service, signedHeaders, signature] = m;
	const key = cfg.keys[ak];
	if (!key) throw new VolcError('InvalidAccessKey', 'The AccessKey is invalid');
	const xDate = req.headers['x-date'];
	if (typeof xDate !== 'string' || !XDATE.test(xDate)) throw new VolcError('MissingRequestInfo', 'X-Date is missing or not in YYYYMMDDTHHMMSSZ format');
	const [, y, mo, d, h, mi, s] = XDATE.exec(xDate)!;
	const t = Date.UTC(+y, +mo - 1, +d, +h, +mi, +s);
	if (now - t > cfg.maxAgeSeconds * 1000 || t - now > cfg.maxFutureSeconds * 1000) {
		throw new VolcError('InvalidTimestamp', `X-Date ${xDate} is outside the allowed window`);
	}
	if (shortDate !== xDate.slice(0, 8)) throw new VolcError('SignatureDoesNotMatch', 'The credential scope date does not match X-Date');
	if (service !== 'rtc') throw new VolcError('ServiceNotFound', `Service ${service} not found`);
	if (!cfg.regions.includes(region)) throw new VolcError('SignatureDoesNotMatch', `Region ${region} is not served here`);
	const names = signedHeaders.split(';');
	const sorted = [...names].sort();
	if (names.join(';') !== sorted.join(';')) throw new VolcError('SignatureDoesNotMatch', 'SignedHeaders must be sorted');
	for (const required of ['host', 'x-content-sha256', 'x-date']) {
		if (!names.includes(required)) throw new VolcError('SignatureDoesNotMatch', `SignedHeaders must include ${required}`);
	}
	const bodyHash = sha256Hex(req.body);
	if (req.headers['x-content-sha256'] !== bodyHash) {
		throw new VolcError('SignatureDoesNotMatch', 'X-Content-Sha256 does not match the body that arrived');
	}
	if (key.sessionToken !== undefined) {
		if (!names.includes('x-security-token') || req.headers['x-security-token'] !== key.sessionToken) {
			throw new VolcError('InvalidAccessKey', 'The security token is missing or invalid for this temporary key');
		}
	}
	const canonicalHeaders = names
		.map((n) => {
			const v = req.headers[n];
			return `${n}:${canonicalHeaderValue(Array.isArray(v) ? v.join(',') : (v ?? ''))}\n`;
		})
		.join('');
	const query: Record<string, string[]> = {};
	for (const part of rawQuery.split('&')) {
		if (part === '') continue;
		const eq = part.indexOf('=');
		const k = decodeQuery(eq < 0 ? part : part.slice(0, eq));
		const v = eq < 0 ? '' : decodeQuery(part.slice(eq + 1));
		(query[k] ??= []).push(v);
	}
	const canonicalRequest = [req.method, '/', canonicalQueryString(query), canonicalHeaders, signedHeaders, bodyHash].join('\n');
	const stringToSign = buildStringToSign(xDate, `${shortDate}/${region}/${service}/request`, canonicalRequest);
	const expected = createHmac('sha256', deriveSigningKey(key.secretAccessKey, shortDate, region, service)).update(stringToSign, 'utf8').digest('hex');
	if (!timingSafeEqual(Buffer.from(expected), Buffer.from(signature))) {
		throw new VolcError('SignatureDoesNotMatch', 'The request signature we calculated does not match the signature you provided');
	}
	return { region };
}

function decodeQuery(s: string): string {
	// Form-style '+' is a space, as Go's url.ParseQuery reads it.
	return decodeURIComponent(s.replace(/\+/g, '%20'));
}

// ---- field checks, vendor style ---------------------------------------------------------------

function isInt(v: unknown): v is number | bigint {
	return (typeof v === 'number' && Number.isInteger(v)) || typeof v === 'bigint';
}

function typeName(v: unknown): string {
	if (typeof v === 'string') return 'string';
	if (typeof v === 'number') return 'number';
	if (typeof v === 'boolean') return 'bool';
	if (Array.isArray(v)) return 'array';
	if (v === null) return 'null';
	return 'object';
}

function int64Field(body: Record<string, unknown>, name: string, required = true): bigint | undefined {
	const v = body[name];
	if (v === undefined || v === null) {
		if (required) throw new VolcError('InvalidParameter', `${name} is required`);
		return undefined;
	}
	if (!isInt(v)) throw new VolcError('InvalidParameter.Unmarshal', `json: cannot unmarshal ${typeName(v)} into Go struct field ${name} of type int64`);
	const b = BigInt(v);
	if (b < -(2n ** 63n) || b >= 2n ** 63n) throw new VolcError('InvalidParameter.Unmarshal', `json: cannot unmarshal number ${b} into Go struct field ${name} of type int64`);
	return b;
}

function intField(body: Record<string, unknown>, name: string, required: boolean, dflt = 0): number {
	const v = body[name];
	if (v === undefined || v === null) {
		if (required) throw new VolcError('InvalidParameter', `${name} is required`);
		return dflt;
	}
	if (!isInt(v) || typeof v === 'bigint') throw new VolcError('InvalidParameter.Unmarshal', `json: cannot unmarshal ${typeName(v)} into Go struct field ${name} of type int`);
	return v;
}

function stringField(body: Record<string, unknown>, name: string, required: boolean): string | undefined {
	const v = body[name];
	if (v === undefined || v === null) {
		if (required) throw new VolcError('InvalidParameter', `${name} is required`);
		return undefined;
	}
	if (typeof v !== 'string') throw new VolcError('InvalidParameter.Unmarshal', `json: cannot unmarshal ${typeName(v)} into Go struct field ${name} of type string`);
	if (required && v === '') throw new VolcError('InvalidParameter', `${name} is empty`);
	return v;
}

function stringMap(body: Record<string, unknown>, name: string): Record<string, string> | undefined {
	const v = body[name];
	if (v === undefined || v === null) return undefined;
	if (typeof v !== 'object' || Array.isArray(v)) throw new VolcError('InvalidParameter.Unmarshal', `json: cannot unmarshal ${typeName(v)} into Go struct field ${name} of type map[string]string`);
	for (const [k, val] of Object.entries(v)) {
		if (typeof val !== 'string') throw new VolcError('InvalidParameter.Unmarshal', `json: cannot unmarshal ${typeName(val)} into Go struct field ${name}.${k} of type string`);
	}
	return v as Record<string, string>;
}

function appField(sb: Sandbox, body: Record<string, unknown>): number {
	const appId = intField(body, 'AppId', true);
	if (!sb.state.volcengine.apps.has(appId)) throw new VolcError('InvalidParameter.NotExistAppId', `AppId ${appId} does not exist`);
	return appId;
}

function usersOf(sb: Sandbox, appId: number): Map<bigint, VolcengineUser> {
	let m = sb.state.volcengine.users.get(appId);
	if (!m) sb.state.volcengine.users.set(appId, (m = new Map()));
	return m;
}

function newMessageId(sb: Sandbox): bigint {
	return sb.state.volcengine.nextMessageId++;
}

// ---- actions ------------------------------------------------------------------------------------

type Handler = (sb: Sandbox, body: Record<string, unknown>, now: number) => unknown;

const handlers: Record<string, Handler> = {
	UserBroadcast(sb, body, now) {
		const appId = appField(sb, body);
		const inboxType = intField(body, 'InboxType', false);
		const sender = int64Field(body, 'Sender')!;
		const ttl = intField(body, 'MsgTTL', true);
		if (ttl < 1 || ttl > 604800) throw new VolcError('InvalidParameter', 'MsgTTL must be in [1, 604800]');
		const msgType = intField(body, 'MsgType', true);
		const content = stringField(body, 'Content', true)!;
		const tagOp = intField(body, 'TagOp', false);
		if (tagOp !== 0 && tagOp !== 1) throw new VolcError('InvalidParameter', 'TagOp must be 0 or 1');
		const rawTags = body.Tags ?? [];
		if (!Array.isArray(rawTags) || rawTags.some((t) => typeof t !== 'string')) {
			throw new VolcError('InvalidParameter.Unmarshal', 'json: cannot unmarshal into Go struct field Tags of type []string');
		}
		const tags = rawTags as string[];
		for (const t of tags) if (!/^[^:]+:.*$/.test(t)) throw new VolcError('InvalidParameter', `Tag "${t}" is not in key:value form`);
		const ext = stringMap(body, 'Ext');
		const cap = sb.config.volcengine.broadcastsPerDay;
		if (cap > 0 && sb.state.volcengine.broadcastsToday >= cap) {
			throw new VolcError('FlowLimitExceeded', `UserBroadcast is limited to ${cap} requests per day`);
		}
		sb.state.volcengine.broadcastsToday++;
		const recipients: bigint[] = [];
		for (const user of usersOf(sb, appId).values()) {
			const has = (t: string) => {
				const i = t.indexOf(':');
				return user.tags.get(t.slice(0, i)) === t.slice(i + 1);
			};
			const match = tags.length === 0 || (tagOp === 1 ? tags.every(has) : tags.some(has));
			if (!match || user.userId === sender) continue;
			recipients.push(user.userId);
			sb.state.volcengine.messages.push({
				action: 'UserBroadcast', appId, inboxType, sender, receiver: user.userId, messageId: newMessageId(sb), msgType, content, ext, at: now,
			});
		}
		sb.state.volcengine.broadcasts.push({ appId, sender, tags, tagOp, recipients, content });
		sb.emit('volcengine.message', { action: 'UserBroadcast', appId, sender, recipients: recipients.length });
		return {};
	},

	BatchUpdateUserTags(sb, body) {
		const appId = appField(sb, body);
		intField(body, 'InboxType', false);
		const op = intField(body, 'Op', false);
		if (op !== 0 && op !== 1) throw new VolcError('InvalidParameter', 'Op must be 0 or 1');
		const list = body.UserTags;
		if (!Array.isArray(list) || list.length === 0) throw new VolcError('InvalidParameter', 'UserTags must be a non-empty array');
		const users = usersOf(sb, appId);
		const failed: Array<{ UserId: bigint; Code: string; Message: string }> = [];
		for (const entry of list) {
			if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) throw new VolcError('InvalidParameter.Unmarshal', 'UserTags entries must be objects');
			const e = entry as Record<string, unknown>;
			const userId = int64Field(e, 'UserId')!;
			const tags = stringMap(e, 'Tags') ?? {};
			const user = users.get(userId);
			if (!user) {
				failed.push({ UserId: userId, Code: 'UserNotFound', Message: `user ${userId} is not registered` });
				continue;
			}
			for (const [k, v] of Object.entries(tags)) {
				if (op === 0) user.tags.set(k, v);
				else user.tags.delete(k);
			}
		}
		return { FailedInfos: failed };
	},

	BatchSendMessage(sb, body, now) {
		const appId = appField(sb, body);
		const sender = int64Field(body, 'Sender')!;
		const receivers = body.Receiver;
		if (!Array.isArray(receivers)) throw new VolcError('InvalidParameter.Unmarshal', `json: cannot unmarshal ${typeName(receivers)} into Go struct field Receiver of type []int64`);
		if (receivers.length === 0) throw new VolcError('InvalidParameter', 'Receiver is empty');
		if (receivers.length > 500) throw new VolcError('InvalidParameter.UserCountOverLimit', `Receiver has ${receivers.length} users; the limit is 500`);
		const ids = receivers.map((r, i) => int64Field({ [`Receiver[${i}]`]: r }, `Receiver[${i}]`)!);
		const inboxType = intField(body, 'InboxType', false);
		const msgType = intField(body, 'MsgType', true);
		const content = stringField(body, 'Content', true)!;
		if (body.IsNormalUser !== undefined && typeof body.IsNormalUser !== 'boolean') {
			throw new VolcError('InvalidParameter.Unmarshal', 'json: cannot unmarshal into Go struct field IsNormalUser of type bool');
		}
		const ext = stringMap(body, 'Ext');
		const fail = new Set(sb.config.volcengine.failReceivers);
		const userMessageId: Record<string, bigint> = {};
		const failed: bigint[] = [];
		for (const r of ids) {
			if (fail.has(r.toString())) {
				failed.push(r);
				continue;
			}
			const messageId = newMessageId(sb);
			userMessageId[r.toString()] = messageId;
			sb.state.volcengine.messages.push({ action: 'BatchSendMessage', appId, inboxType, sender, receiver: r, messageId, msgType, content, ext, at: now });
		}
		sb.emit('volcengine.message', { action: 'BatchSendMessage', appId, sender, recipients: ids.length - failed.length });
		return { UserMessageId: userMessageId, FailedReceiver: failed };
	},

	RegisterUsers(sb, body) {
		const appId = appField(sb, body);
		const list = body.Users;
		if (!Array.isArray(list) || list.length === 0 || list.length > 20) throw new VolcError('InvalidParameter', 'Users must have 1 to 20 entries');
		const users = usersOf(sb, appId);
		for (const entry of list as Array<Record<string, unknown>>) {
			const userId = int64Field(entry, 'UserId')!;
			const tags = new Map<string, string>();
			const rawTags = entry.Tags;
			if (Array.isArray(rawTags)) {
				for (const t of rawTags) {
					const s = String(t);
					const i = s.indexOf(':');
					if (i > 0) tags.set(s.slice(0, i), s.slice(i + 1));
				}
			}
			users.set(userId, { userId, tags, nickName: typeof entry.NickName === 'string' ? entry.NickName : undefined });
		}
		return { FailedInfos: [] };
	},

	BatchGetUser(sb, body) {
		const appId = appField(sb, body);
		const list = body.UserIds;
		if (!Array.isArray(list) || list.length === 0 || list.length > 50) throw new VolcError('InvalidParameter', 'UserIds must have 1 to 50 entries');
		const users = usersOf(sb, appId);
		const found: unknown[] = [];
		const missing: bigint[] = [];
		list.forEach((u, i) => {
			const id = int64Field({ [`UserIds[${i}]`]: u }, `UserIds[${i}]`)!;
			const user = users.get(id);
			if (!user) missing.push(id);
			else found.push({ AppId: appId, UserId: id, Tags: [...user.tags].map(([k, v]) => `${k}:${v}`), NickName: user.nickName ?? '' });
		});
		return { Users: found, NotFoundUsers: missing };
	},
};

/** Counts the units a call consumes from the per-minute message quota (receivers, §4.3). */
function messageUnits(action: string, body: Record<string, unknown>): number {
	if (action === 'BatchSendMessage' && Array.isArray(body.Receiver)) return body.Receiver.length;
	return 0;
}

export async function handleVolcengine(sb: Sandbox, req: RawRequest): Promise<RawResponse> {
	const now = sb.now();
	const requestId = `sandbox-${randomUUID()}`;
	const q = req.url.indexOf('?');
	const rawQuery = q < 0 ? '' : req.url.slice(q + 1);
	const params = new URLSearchParams(rawQuery);
	const action = params.get('Action') ?? '';
	const version = params.get('Version') ?? '';
	let region = 'cn-north-1';
	const log: VolcengineState['requests'][number] = { action, at: now };
	sb.state.volcengine.requests.push(log);
	const fail = (e: VolcError): RawResponse => {
		log.code = e.code;
		return { status: VOLC_ERRORS[e.code]?.http ?? 400, body: envelope(action, version, requestId, region, {}, e) };
	};
	try {
		if (!action || !version) throw new VolcError('MissingParameter', 'Action and Version are required in the query');
		if (req.method !== 'POST') throw new VolcError('MethodNotAllowed', `${req.method} is not allowed`);
		({ region } = verifyVolcengineSignature(sb, req, rawQuery, now));
		const handler = handlers[action];
		if (!handler || version !== IM_VERSION) throw new VolcError('InvalidActionOrVersion', `Action ${action} with Version ${version} is not supported`);
		if (req.body.length === 0) throw new VolcError('InvalidParameter.BodyIsEmpty', 'The body is empty');
		let body: unknown;
		try {
			body = parseJson(req.body.toString('utf8'), 'bigint');
		} catch (e) {
			throw new VolcError('InvalidParameter.Unmarshal', `The body is not valid JSON: ${(e as Error).message}`);
		}
		if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new VolcError('InvalidParameter.Unmarshal', 'The body must be a JSON object');
		const b = body as Record<string, unknown>;
		if (sb.config.enforceLimits) {
			const qps = ACTION_QPS[action] ?? 50;
			if (!sb.quotas.take(`volc:${action}`, qps, 1000, 1, now, sb.config.limitScale)) {
				sb.stats.throttled++;
				throw new VolcError('FlowLimitExceeded.QPSOverLimit', `${action} is limited to ${qps} requests per second`);
			}
			const units = messageUnits(action, b);
			if (units > 0 && !sb.quotas.take('volc:messages', MESSAGES_PER_MINUTE, 60000, units, now, sb.config.limitScale)) {
				sb.stats.throttled++;
				throw new VolcError('FlowLimitExceeded', `BatchSendMessage is limited to ${MESSAGES_PER_MINUTE} messages per minute`);
			}
		}
		if (action === 'BatchSendMessage' && Array.isArray(b.Receiver)) log.receivers = b.Receiver.length;
		const result = handler(sb, b, now);
		return { status: 200, body: envelope(action, version, requestId, region, result) };
	} catch (e) {
		if (e instanceof VolcError) return fail(e);
		return fail(new VolcError('InternalError', (e as Error).message));
	}
}
