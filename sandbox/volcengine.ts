/* eslint-disable */
// Sandbox code (not shipped): the Volcengine RTC half of the vendor emulator.
import { randomUUID, timingSafeEqual } from 'node:crypto';
// The sandbox's own codec and V4 verifier, never the node's (issue 11 §4: the emulator must be able to disagree).
import { parseJson, stringifyJson } from './json';
import { v4ExpectedSignature, v4Sha256Hex } from './v4';
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
	/**
	 * Tag key → value. Tags are free strings (Go SDK `Tags []string`, doc 6348/1125995 example
	 * `["age","level"]`); the key of "level:vip" is "level", a plain tag "vip" is stored as key
	 * "vip" with value null (so "vip" and "vip:" stay different tags).
	 */
	tags: Map<string, string | null>;
	nickName?: string;
	portrait?: string;
	ext?: Record<string, string>;
	isRobot?: boolean;
	/** ms */
	createTime?: number;
	modifyTime?: number;
}

/** A message stored in a conversation (SendMessage, BatchSendGroupMessage, seeding). */
export interface ConversationMessage {
	messageId: bigint;
	action: string;
	sender: bigint;
	msgType: number;
	content: string;
	ext?: Record<string, string>;
	/** ms */
	createTime: number;
	index: bigint;
	/** 0 visible, 3 recalled (RefMsgInfo status table, §4.8). */
	status: number;
	clientMsgId?: string;
	/** DeleteConversationMessage: 0 hidden for all, 1 only the sender sees it. */
	deleteType?: number;
	/** DeleteMessage: members who no longer see it. */
	hiddenFor: Set<bigint>;
	mentionedUsers?: bigint[];
	visibleUsers?: bigint[];
	invisibleUsers?: bigint[];
	refMsgInfo?: { ReferencedMessageId: bigint; Hint: string };
	priority?: number;
	recalledBy?: bigint;
	modified?: number;
}

/** Conversation types: 1 one-to-one, 2 group, 100 live group (§4.5, §4.8). */
export interface VolcengineConversation {
	appId: number;
	shortId: bigint;
	type: number;
	owner: bigint;
	/** member → role: 0 member, 1 owner, 2 admin (RecallRole, §4.6). */
	members: Map<bigint, number>;
	messages: ConversationMessage[];
	nextIndex: bigint;
}

export interface OnlineConnection {
	ConnId: bigint | number | string;
	DeviceId?: string;
	ClientVersion?: string;
	Platform?: string;
}

/** One accepted RTS call (§5). */
export interface RtsMessage {
	action: string;
	appId: string;
	from: string;
	to?: string[];
	roomId?: string;
	binary: boolean;
	message: string;
	at: number;
}

export interface ConversationSeed {
	appId?: number;
	conversationShortId: bigint | string | number;
	/** 1 one-to-one, 2 group (default), 100 live group */
	type?: number;
	owner?: bigint | string | number;
	members?: Array<bigint | string | number>;
	admins?: Array<bigint | string | number>;
	/** Messages already in the conversation: a count (sender: the owner) or a list. */
	messages?: number | Array<{ sender?: bigint | string | number; content?: string; msgType?: number; ext?: Record<string, string> }>;
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
	requests: Array<{ action: string; code?: string; receivers?: number; size?: number; at: number }>;
	broadcastsToday: number;
	/** appId → ConversationShortId → conversation */
	conversations: Map<number, Map<bigint, VolcengineConversation>>;
	/** appId → userId → connections (QueryOnlineStatus); seed with seedVolcengineOnline. */
	online: Map<number, Map<bigint, OnlineConnection[]>>;
	/** Real-time signalling (§5): string RTC App IDs, accepted messages, and per-room counters. */
	rts: { apps: Set<string>; messages: RtsMessage[]; rooms: Map<string, { appId: string; roomId: string; messages: number }> };
}

export interface VolcengineConfig {
	keys: Record<string, VolcengineKey>;
	regions: string[];
	/** Past and future tolerance of X-Date, seconds. The real future tolerance is unconfirmed (§2.7): stricter here. */
	maxAgeSeconds: number;
	maxFutureSeconds: number;
	/** Receivers that BatchSendMessage reports in FailedReceiver. */
	failReceivers: string[];
	/** UserBroadcast daily cap (current doc page 6348/1125997: 20/day). 0 = no cap. */
	broadcastsPerDay: number;
	/** Users that RegisterUsers / UnRegisterUsers / BatchUpdateUser report in FailedInfos (code "InternalError.User"). */
	failUsers?: string[];
	/**
	 * Result.Message of the RTS actions (§5). "Success" unless set. Any casing of "success" is an
	 * accepted message (the Go SDK rtc/v20230720 model documents "success" in one comment and
	 * "Success" in another); null = accepted with an empty Result (HTTP 200, no Error); any other
	 * text = not accepted, answered without an error envelope.
	 */
	rtsAnswer?: string | null;
	/**
	 * Which BatchUpdateUserTags body forms are accepted (default 'current'): 'current' =
	 * `{AppId, Op, UserIds, Tags: string[]}` (Go SDK BatchUpdateUserTagsBody, doc 6348/1125995),
	 * 'legacy' = `{AppId, InboxType, UserTags: [{UserId, Tags: {k: v}}], Op}` (seed doc §4.2).
	 * The other form is refused with InvalidParameter, so a test can prove which form went out.
	 */
	tagApiForm?: 'current' | 'legacy' | 'both';
	/**
	 * BatchSendMessage receivers that are processed (stored) but named in neither UserMessageId nor
	 * FailedReceiver of the answer — an answer that does not confirm them.
	 */
	omitReceivers?: string[];
	/**
	 * BatchSendMessage answer shape: 'doc' (default) = UserMessageId + FailedReceiver (doc
	 * 6348/1263587); 'sdk' = UserMessageId only (Go SDK BatchSendMessageResResult has no
	 * FailedReceiver), so failed receivers are named nowhere.
	 */
	batchSendAnswer?: 'doc' | 'sdk';
	/**
	 * Refuse the first matching request before processing (a vendor-specific fault hook, e.g. to
	 * prove that a retried earlier message keeps its place). Each entry fires once; `content`
	 * matches the body's Content. Default answer: InternalError (HTTP 500, retryable). `http` sets
	 * the status (e.g. 429 with a non-throttle code), `withoutCode` answers an Error with only a
	 * Message, `notJson` answers a non-JSON body.
	 */
	refuseOnce?: Array<{ action: string; content?: string; code?: string; message?: string; http?: number; withoutCode?: boolean; notJson?: boolean }>;
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
	'InvalidParameter.IllegalAppId': { http: 400 },
	'InvalidParameter.IllegalRoomID': { http: 400 },
	'InvalidParameter.IllegalFrom': { http: 400 },
	'InvalidParameter.IllegalTo': { http: 400 },
	'InvalidParameter.SizeOverLimit': { http: 400 },
	AccessDenied: { codeN: 100013, http: 403 },
	'AccessDenied.NoPermissionForApp': { http: 403 },
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
const RTS_VERSION = '2023-07-20';
/** The RTC App ID (a string, §5) the sandbox knows from the start. */
export const SANDBOX_RTC_APP_ID = '661e0d3c2b1a5f00e9a543cf';
/** QPS per action (§4, §5); actions not listed get 50 (the documented default, or unconfirmed: §9). */
const ACTION_QPS: Record<string, number> = {
	UserBroadcast: 50,
	BatchUpdateUserTags: 50,
	BatchSendMessage: 50,
	RegisterUsers: 50,
	BatchGetUser: 100,
	SendMessage: 50,
	BatchSendGroupMessage: 5,
	RecallMessage: 50,
	UnRegisterUsers: 50,
	// §5: the four RTS actions share one budget of 500 requests/s (QPS_GROUP).
	SendUnicast: 500,
	SendRoomUnicast: 500,
	SendBroadcast: 500,
	BatchSendRoomUnicast: 500,
};
/** Actions that share one QPS budget. */
const QPS_GROUP: Record<string, string> = { SendUnicast: 'rts', SendRoomUnicast: 'rts', SendBroadcast: 'rts', BatchSendRoomUnicast: 'rts' };
/** Versions an action answers to: RTS 2023-07-20 (legacy 2020-12-01, same body, §5); everything else 2020-12-01. */
const ACTION_VERSIONS: Record<string, string[]> = {
	SendUnicast: [RTS_VERSION, IM_VERSION],
	SendRoomUnicast: [RTS_VERSION, IM_VERSION],
	SendBroadcast: [RTS_VERSION, IM_VERSION],
	BatchSendRoomUnicast: [RTS_VERSION, IM_VERSION],
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
		conversations: new Map(),
		online: new Map(),
		rts: { apps: new Set([SANDBOX_RTC_APP_ID]), messages: [], rooms: new Map() },
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
	// The vendor's own Node SDK (@volcengine/openapi 1.36.2, spec §2.1 and TV1) signs only x-content-sha256;x-date,
	// so the gateway cannot require host or content-type in SignedHeaders; whatever is listed must match.
	for (const required of ['x-content-sha256', 'x-date']) {
		if (!names.includes(required)) throw new VolcError('SignatureDoesNotMatch', `SignedHeaders must include ${required}`);
	}
	const bodyHash = v4Sha256Hex(req.body);
	if (req.headers['x-content-sha256'] !== bodyHash) {
		throw new VolcError('SignatureDoesNotMatch', 'X-Content-Sha256 does not match the body that arrived');
	}
	if (key.sessionToken !== undefined) {
		if (!names.includes('x-security-token') || req.headers['x-security-token'] !== key.sessionToken) {
			throw new VolcError('InvalidAccessKey', 'The security token is missing or invalid for this temporary key');
		}
	}
	const headers: Record<string, string | undefined> = {};
	for (const n of names) {
		const v = req.headers[n];
		headers[n] = Array.isArray(v) ? v.join(',') : v;
	}
	const path = req.url.split('?')[0] || '/';
	const expected = v4ExpectedSignature({ method: req.method, path, rawQuery, headers, signedHeaders: names, body: req.body }, key.secretAccessKey, xDate, region, service);
	if (!timingSafeEqual(Buffer.from(expected), Buffer.from(signature))) {
		throw new VolcError('SignatureDoesNotMatch', 'The request signature we calculated does not match the signature you provided');
	}
	return { region };
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
		// Free strings (doc 6348/1125997 example `["age","level"]`); only an empty tag is refused here.
		for (const t of tags) if (t === '') throw new VolcError('InvalidParameter', 'Tags has an empty tag');
		const ext = stringMap(body, 'Ext');
		const cap = sb.config.volcengine.broadcastsPerDay;
		if (cap > 0 && sb.state.volcengine.broadcastsToday >= cap) {
			// "该接口限制每天请求 20 次" (https://www.volcengine.com/docs/6348/1125997). The vendor documents no
			// code for the spent daily quota (error codes: 6348/412253), so the sandbox answers the gateway's
			// throttle code with HTTP 429 and says "per day"; the node must not retry it within the run.
			throw new VolcError('FlowLimitExceeded', `UserBroadcast is limited to ${cap} requests per day`);
		}
		sb.state.volcengine.broadcastsToday++;
		const recipients: bigint[] = [];
		for (const user of usersOf(sb, appId).values()) {
			const has = (t: string) => {
				const { key, value } = splitTag(t);
				return user.tags.has(key) && user.tags.get(key) === value;
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
		const accepted = sb.config.volcengine.tagApiForm ?? 'current';
		const form = body.UserTags !== undefined && body.UserTags !== null ? 'legacy' : 'current';
		if (accepted !== 'both' && form !== accepted) {
			// What a gateway that knows only the other form answers (a required field is missing).
			throw new VolcError('InvalidParameter', accepted === 'current' ? 'UserIds is required' : 'UserTags is required');
		}
		const op = intField(body, 'Op', false);
		if (op !== 0 && op !== 1) throw new VolcError('InvalidParameter', 'Op must be 0 or 1');
		const users = usersOf(sb, appId);
		const failed: Array<{ UserId: bigint; Code: string; Message: string }> = [];
		const apply = (userId: bigint, change: (tags: Map<string, string | null>) => void) => {
			const user = users.get(userId);
			if (!user) failed.push({ UserId: userId, Code: 'UserNotFound', Message: `user ${userId} is not registered` });
			else change(user.tags);
		};
		if (form === 'current') {
			// Go SDK BatchUpdateUserTagsBody: Op 0 "对于重复 key，覆盖 value，对于新 key，进行添加", 1 "删除重复 key".
			const ids = int64Array(body, 'UserIds');
			if (ids.length === 0) throw new VolcError('InvalidParameter', 'UserIds is empty');
			const raw = arrayField(body, 'Tags');
			if (raw.some((t) => typeof t !== 'string')) throw new VolcError('InvalidParameter.Unmarshal', 'json: cannot unmarshal into Go struct field Tags of type []string');
			const tags = raw as string[];
			if (tags.length === 0) throw new VolcError('InvalidParameter', 'Tags is empty');
			if (tags.some((t) => t === '')) throw new VolcError('InvalidParameter', 'Tags has an empty tag');
			for (const id of ids) {
				apply(id, (have) => {
					for (const t of tags) {
						if (op === 0) setTag(have, t, 'Tags');
						else have.delete(splitTag(t).key);
					}
				});
			}
		} else {
			intField(body, 'InboxType', false);
			const list = body.UserTags;
			if (!Array.isArray(list) || list.length === 0) throw new VolcError('InvalidParameter', 'UserTags must be a non-empty array');
			for (const entry of list) {
				if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) throw new VolcError('InvalidParameter.Unmarshal', 'UserTags entries must be objects');
				const e = entry as Record<string, unknown>;
				const userId = int64Field(e, 'UserId')!;
				const tags = stringMap(e, 'Tags') ?? {};
				apply(userId, (have) => {
					for (const [k, v] of Object.entries(tags)) {
						if (op === 0) have.set(k, v === '' ? null : v);
						else have.delete(k);
					}
				});
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
		const omit = new Set(sb.config.volcengine.omitReceivers ?? []);
		const userMessageId: Record<string, bigint> = {};
		const failed: bigint[] = [];
		for (const r of ids) {
			if (fail.has(r.toString())) {
				failed.push(r);
				continue;
			}
			const messageId = newMessageId(sb);
			// Stored (maybe delivered) but left out of the answer: the answer does not confirm it.
			if (!omit.has(r.toString())) userMessageId[r.toString()] = messageId;
			sb.state.volcengine.messages.push({ action: 'BatchSendMessage', appId, inboxType, sender, receiver: r, messageId, msgType, content, ext, at: now });
		}
		sb.emit('volcengine.message', { action: 'BatchSendMessage', appId, sender, recipients: ids.length - failed.length });
		// Doc 6348/1263587: UserMessageId + FailedReceiver; Go SDK BatchSendMessageResResult: UserMessageId only.
		if (sb.config.volcengine.batchSendAnswer === 'sdk') return { UserMessageId: userMessageId };
		return { UserMessageId: userMessageId, FailedReceiver: failed };
	},

	RegisterUsers(sb, body, now) {
		const appId = appField(sb, body);
		const list = arrayField(body, 'Users');
		if (list.length === 0 || list.length > 20) throw new VolcError('InvalidParameter.UserCountOverLimit', `Users has ${list.length} entries; it takes 1 to 20`);
		const users = usersOf(sb, appId);
		const fail = new Set(sb.config.volcengine.failUsers ?? []);
		const failed: Array<{ UserId: bigint; Code: string; Message: string }> = [];
		let robots = [...users.values()].filter((u) => u.isRobot).length;
		list.forEach((entry, i) => {
			const e = objectEntry(entry, `Users[${i}]`);
			const userId = int64Field(e, 'UserId')!;
			const profile = profileFields(e, `Users[${i}]`);
			if (fail.has(userId.toString())) {
				failed.push({ UserId: userId, Code: 'InternalError.User', Message: `user ${userId} could not be registered` });
				return;
			}
			const isRobot = boolField(e, 'IsRobot');
			const existing = users.get(userId);
			if (isRobot && !existing?.isRobot && robots >= 5000) {
				failed.push({ UserId: userId, Code: 'InvalidParameter.RobotCountOverLimit', Message: 'an app can have at most 5000 robots' });
				return;
			}
			if (isRobot && !existing?.isRobot) robots++;
			users.set(userId, {
				userId,
				tags: profile.tags ?? new Map(),
				nickName: profile.nickName,
				portrait: profile.portrait,
				ext: profile.ext,
				isRobot: isRobot ?? existing?.isRobot,
				createTime: existing?.createTime ?? now,
				modifyTime: now,
			});
		});
		return { FailedInfos: failed };
	},

	UnRegisterUsers(sb, body) {
		const appId = appField(sb, body);
		const ids = int64Array(body, 'UserIds');
		if (ids.length === 0 || ids.length > 10) throw new VolcError('InvalidParameter.UserCountOverLimit', `UserIds has ${ids.length} entries; it takes 1 to 10`);
		const users = usersOf(sb, appId);
		const fail = new Set(sb.config.volcengine.failUsers ?? []);
		const failed: Array<{ UserId: bigint; Code: string; Message: string }> = [];
		for (const id of ids) {
			if (fail.has(id.toString())) failed.push({ UserId: id, Code: 'InternalError.User', Message: `user ${id} could not be unregistered` });
			else if (!users.delete(id)) failed.push({ UserId: id, Code: 'UserNotFound', Message: `user ${id} is not registered` });
		}
		return { FailedInfos: failed };
	},

	BatchGetUser(sb, body) {
		const appId = appField(sb, body);
		const ids = int64Array(body, 'UserIds');
		if (ids.length === 0 || ids.length > 50) throw new VolcError('InvalidParameter.UserCountOverLimit', `UserIds has ${ids.length} entries; it takes 1 to 50`);
		const users = usersOf(sb, appId);
		const found: unknown[] = [];
		const missing: bigint[] = [];
		for (const id of ids) {
			const user = users.get(id);
			if (!user) missing.push(id);
			else {
				found.push({
					AppId: appId,
					UserId: id,
					Tags: [...user.tags].map(([k, v]) => joinTag(k, v)),
					CreateTime: user.createTime ?? 0,
					ModifyTime: user.modifyTime ?? 0,
					NickName: user.nickName ?? '',
					Portrait: user.portrait ?? '',
					Ext: user.ext ?? {},
				});
			}
		}
		return { Users: found, NotFoundUsers: missing };
	},

	BatchUpdateUser(sb, body, now) {
		const appId = appField(sb, body);
		const list = arrayField(body, 'Users');
		if (list.length === 0 || list.length > 10) throw new VolcError('InvalidParameter.UserCountOverLimit', `Users has ${list.length} entries; it takes 1 to 10`);
		const users = usersOf(sb, appId);
		const fail = new Set(sb.config.volcengine.failUsers ?? []);
		const failed: Array<{ UserId: bigint; Code: string; Message: string }> = [];
		list.forEach((entry, i) => {
			const e = objectEntry(entry, `Users[${i}]`);
			const userId = int64Field(e, 'UserId')!;
			const profile = profileFields(e, `Users[${i}]`);
			const user = users.get(userId);
			if (fail.has(userId.toString())) failed.push({ UserId: userId, Code: 'InternalError.User', Message: `user ${userId} could not be updated` });
			else if (!user) failed.push({ UserId: userId, Code: 'UserNotFound', Message: `user ${userId} is not registered` });
			else {
				// Every field of the Go SDK model is required: the profile is replaced as sent.
				user.nickName = profile.nickName ?? '';
				user.portrait = profile.portrait ?? '';
				user.tags = profile.tags ?? new Map();
				user.ext = profile.ext ?? {};
				user.modifyTime = now;
			}
		});
		return { FailedInfos: failed };
	},

	QueryOnlineStatus(sb, body) {
		const appId = appField(sb, body);
		const ids = int64Array(body, 'UserIds');
		if (ids.length === 0 || ids.length > 100) throw new VolcError('InvalidParameter.UserCountOverLimit', `UserIds has ${ids.length} entries; it takes 1 to 100`);
		const online = sb.state.volcengine.online.get(appId) ?? new Map<bigint, OnlineConnection[]>();
		const results: Record<string, unknown[]> = {};
		for (const id of ids) {
			const conns = online.get(id);
			if (conns?.length) results[id.toString()] = conns.map((c) => ({ UserId: id, DeviceId: '', ClientVersion: '', Platform: '', ...c }));
		}
		return { QueryOnlineResults: results };
	},

	SendMessage(sb, body, now) {
		const appId = appField(sb, body);
		const sender = int64Field(body, 'Sender')!;
		const conv = conversationOf(sb, appId, int64Field(body, 'ConversationShortId')!);
		const msgType = intField(body, 'MsgType', true);
		const content = stringField(body, 'Content', true)!;
		const clientMsgId = stringField(body, 'ClientMsgId', false);
		if (!conv.members.has(sender)) throw new VolcError('InvalidParameter', `Sender ${sender} is not a member of conversation ${conv.shortId}`);
		const mentionedUsers = optionalInt64Array(body, 'MentionedUsers');
		const visibleUsers = optionalInt64Array(body, 'VisibleUsers');
		const invisibleUsers = optionalInt64Array(body, 'InvisibleUsers');
		let refMsgInfo: ConversationMessage['refMsgInfo'];
		if (body.RefMsgInfo !== undefined && body.RefMsgInfo !== null) {
			const r = objectEntry(body.RefMsgInfo, 'RefMsgInfo');
			refMsgInfo = { ReferencedMessageId: int64Field(r, 'ReferencedMessageId')!, Hint: stringField(r, 'Hint', false) ?? '' };
			if (!conv.messages.some((m) => m.messageId === refMsgInfo!.ReferencedMessageId)) {
				throw new VolcError('InvalidParameter', `RefMsgInfo.ReferencedMessageId ${refMsgInfo.ReferencedMessageId} is not a message of this conversation`);
			}
		}
		const ext = stringMap(body, 'Ext');
		const createTime = body.CreateTime === undefined ? now : Number(int64Field(body, 'CreateTime'));
		const priority = body.Priority === undefined ? undefined : intField(body, 'Priority', false);
		if (priority !== undefined && (priority < 0 || priority > 2)) throw new VolcError('InvalidParameter', 'Priority must be 0, 1 or 2');
		const duplicate = clientMsgId ? conv.messages.find((m) => m.clientMsgId === clientMsgId) : undefined;
		if (duplicate) return { MessageId: duplicate.messageId };
		const m = addMessage(sb, conv, { action: 'SendMessage', sender, msgType, content, ext, createTime, clientMsgId, mentionedUsers, visibleUsers, invisibleUsers, refMsgInfo, priority });
		sb.emit('volcengine.message', { action: 'SendMessage', appId, sender, conversationShortId: conv.shortId, messageId: m.messageId });
		return { MessageId: m.messageId };
	},

	BatchSendGroupMessage(sb, body, now) {
		const appId = appField(sb, body);
		const sender = int64Field(body, 'Sender')!;
		const type = intField(body, 'ConversationType', true);
		const ids = int64Array(body, 'ConversationShortIds');
		if (ids.length === 0) throw new VolcError('InvalidParameter', 'ConversationShortIds is empty');
		if (ids.length > 20) throw new VolcError('InvalidParameter.UserCountOverLimit', `ConversationShortIds has ${ids.length} conversations; the limit is 20`);
		const msgType = intField(body, 'MsgType', true);
		const content = stringField(body, 'Content', true)!;
		const clientMsgId = stringField(body, 'ClientMsgId', false);
		const ext = stringMap(body, 'Ext');
		const priority = body.Priority === undefined ? undefined : intField(body, 'Priority', false);
		const convs = ids.map((id) => conversationOf(sb, appId, id));
		const wrong = convs.find((c) => c.type !== type);
		if (wrong) throw new VolcError('InvalidParameter', `conversation ${wrong.shortId} has type ${wrong.type}, not ConversationType ${type}`);
		for (const conv of convs) {
			if (clientMsgId && conv.messages.some((m) => m.clientMsgId === clientMsgId)) continue;
			addMessage(sb, conv, { action: 'BatchSendGroupMessage', sender, msgType, content, ext, createTime: now, clientMsgId, priority });
		}
		sb.emit('volcengine.message', { action: 'BatchSendGroupMessage', appId, sender, conversations: ids.length });
		// §4.5: the real result shape is unconfirmed; the sandbox does not invent one.
		return {};
	},

	RecallMessage(sb, body) {
		const appId = appField(sb, body);
		const participant = int64Field(body, 'ParticipantUserId')!;
		const conv = conversationOf(sb, appId, int64Field(body, 'ConversationShortId')!);
		const m = messageOf(conv, int64Field(body, 'MessageId')!);
		const role = intField(body, 'RecallRole', false);
		if (role < 0 || role > 2) throw new VolcError('InvalidParameter', 'RecallRole must be 0, 1 or 2');
		const actual = conv.members.get(participant);
		if (actual === undefined) throw new VolcError('InvalidParameter', `ParticipantUserId ${participant} is not a member of conversation ${conv.shortId}`);
		if (role === 0 && m.sender !== participant) throw new VolcError('AccessDenied', `member ${participant} can only recall their own messages`);
		if (role !== 0 && actual !== role) throw new VolcError('AccessDenied', `member ${participant} is not the ${role === 1 ? 'owner' : 'admin'} of conversation ${conv.shortId}`);
		m.status = 3;
		m.recalledBy = participant;
		return {};
	},

	GetMessages(sb, body) {
		const appId = appField(sb, body);
		const conv = conversationOf(sb, appId, int64Field(body, 'ConversationShortId')!);
		const ids = int64Array(body, 'MessageIds');
		if (ids.length === 0) throw new VolcError('InvalidParameter', 'MessageIds is empty');
		// The real maximum is unconfirmed (§4.8); the sandbox takes 50.
		if (ids.length > 50) throw new VolcError('InvalidParameter', `MessageIds has ${ids.length} ids; the limit is 50`);
		const out: unknown[] = [];
		for (const id of ids) {
			const m = conv.messages.find((x) => x.messageId === id);
			if (m && isReadable(m)) out.push(messageResult(conv, m));
		}
		return { Messages: out };
	},

	GetConversationMessages(sb, body) {
		const appId = appField(sb, body);
		const conv = conversationOf(sb, appId, int64Field(body, 'ConversationShortId')!);
		const cursor = int64Field(body, 'Cursor')!;
		const limit = Number(int64Field(body, 'Limit')!);
		// "一次最多查询 20 条消息" — https://www.volcengine.com/docs/6348/337138
		if (limit < 1 || limit > 20) throw new VolcError('InvalidParameter', 'Limit must be in [1, 20]');
		let reverse = intField(body, 'Reverse', false);
		if (reverse !== 0 && reverse !== 1) reverse = 0; // "invalid values fall back to the default" (Go SDK model)
		if (conv.type === 100 && reverse !== 1) throw new VolcError('InvalidParameter', 'live groups can only be read with Reverse 1');
		const readable = conv.messages.filter(isReadable);
		const page = reverse
			? readable.filter((m) => m.index <= cursor).sort((a, b) => (a.index > b.index ? -1 : 1)).slice(0, limit)
			: readable.filter((m) => m.index >= cursor).sort((a, b) => (a.index < b.index ? -1 : 1)).slice(0, limit);
		const last = page[page.length - 1];
		const hasMore = last !== undefined && readable.some((m) => (reverse ? m.index < last.index : m.index > last.index));
		const newCursor = last === undefined ? cursor : reverse ? last.index - 1n : last.index + 1n;
		return { Messages: page.map((m) => messageResult(conv, m)), HasMore: hasMore, NewCursor: newCursor };
	},

	DeleteConversationMessage(sb, body) {
		const appId = appField(sb, body);
		const conv = conversationOf(sb, appId, int64Field(body, 'ConversationShortId')!);
		const m = messageOf(conv, int64Field(body, 'MessageId')!);
		const type = intField(body, 'DeleteType', false);
		if (type !== 0 && type !== 1) throw new VolcError('InvalidParameter', 'DeleteType must be 0 or 1');
		if (conv.type === 100 && type !== 0) throw new VolcError('InvalidParameter', 'live groups only take DeleteType 0');
		m.deleteType = type;
		return {};
	},

	DeleteMessage(sb, body) {
		const appId = appField(sb, body);
		const conv = conversationOf(sb, appId, int64Field(body, 'ConversationShortId')!);
		const m = messageOf(conv, int64Field(body, 'MessageId')!);
		const participant = int64Field(body, 'ParticipantUserId')!;
		if (!conv.members.has(participant)) throw new VolcError('InvalidParameter', `ParticipantUserId ${participant} is not a member of conversation ${conv.shortId}`);
		m.hiddenFor.add(participant);
		return {};
	},

	ModifyMessage(sb, body, now) {
		const appId = appField(sb, body);
		const conv = conversationOf(sb, appId, int64Field(body, 'ConversationShortId')!);
		const m = messageOf(conv, int64Field(body, 'MessageId')!);
		const content = stringField(body, 'Content', false);
		const ext = stringMap(body, 'Ext');
		if (content === undefined && ext === undefined) throw new VolcError('InvalidParameter', 'Content or Ext is required');
		if (content !== undefined) {
			if (content === '') throw new VolcError('InvalidParameter', 'Content is empty');
			m.content = content;
		}
		if (ext !== undefined) m.ext = ext;
		m.modified = now;
		return {};
	},

	SendUnicast(sb, body, now) {
		const c = rtsCommon(sb, body, 64 * 1024);
		const to = rtsId(body, 'To', 'InvalidParameter.IllegalTo');
		return rtsAccept(sb, { action: 'SendUnicast', ...c, to: [to], at: now });
	},

	SendRoomUnicast(sb, body, now) {
		const c = rtsCommon(sb, body, 64 * 1024);
		const roomId = rtsId(body, 'RoomId', 'InvalidParameter.IllegalRoomID');
		const to = rtsId(body, 'To', 'InvalidParameter.IllegalTo');
		return rtsAccept(sb, { action: 'SendRoomUnicast', ...c, roomId, to: [to], at: now });
	},

	SendBroadcast(sb, body, now) {
		const c = rtsCommon(sb, body, 64 * 1024);
		const roomId = rtsId(body, 'RoomId', 'InvalidParameter.IllegalRoomID');
		return rtsAccept(sb, { action: 'SendBroadcast', ...c, roomId, at: now });
	},

	BatchSendRoomUnicast(sb, body, now) {
		const c = rtsCommon(sb, body, 20 * 1024);
		const roomId = rtsId(body, 'RoomId', 'InvalidParameter.IllegalRoomID');
		const raw = body.To;
		if (!Array.isArray(raw)) throw new VolcError('InvalidParameter.Unmarshal', `json: cannot unmarshal ${typeName(raw)} into Go struct field To of type []string`);
		if (raw.length === 0) throw new VolcError('InvalidParameter.IllegalTo', 'To is empty');
		if (raw.length > 600) throw new VolcError('InvalidParameter.UserCountOverLimit', `To has ${raw.length} users; the limit is 600`);
		const to = raw.map((t, i) => rtsId({ [`To[${i}]`]: t }, `To[${i}]`, 'InvalidParameter.IllegalTo'));
		return rtsAccept(sb, { action: 'BatchSendRoomUnicast', ...c, roomId, to, at: now });
	},
};

// ---- conversations, users and RTS helpers ---------------------------------------------------------

function arrayField(body: Record<string, unknown>, name: string): unknown[] {
	const v = body[name];
	if (v === undefined || v === null) throw new VolcError('InvalidParameter', `${name} is required`);
	if (!Array.isArray(v)) throw new VolcError('InvalidParameter.Unmarshal', `json: cannot unmarshal ${typeName(v)} into Go struct field ${name} of type array`);
	return v;
}

function objectEntry(v: unknown, name: string): Record<string, unknown> {
	if (typeof v !== 'object' || v === null || Array.isArray(v)) {
		throw new VolcError('InvalidParameter.Unmarshal', `json: cannot unmarshal ${typeName(v)} into Go struct field ${name} of type object`);
	}
	return v as Record<string, unknown>;
}

function int64Array(body: Record<string, unknown>, name: string): bigint[] {
	return arrayField(body, name).map((v, i) => int64Field({ [`${name}[${i}]`]: v }, `${name}[${i}]`)!);
}

function optionalInt64Array(body: Record<string, unknown>, name: string): bigint[] | undefined {
	return body[name] === undefined || body[name] === null ? undefined : int64Array(body, name);
}

function boolField(body: Record<string, unknown>, name: string): boolean | undefined {
	const v = body[name];
	if (v === undefined || v === null) return undefined;
	if (typeof v !== 'boolean') throw new VolcError('InvalidParameter.Unmarshal', `json: cannot unmarshal ${typeName(v)} into Go struct field ${name} of type bool`);
	return v;
}

const utf8 = (s: string) => Buffer.byteLength(s, 'utf8');

/** "level:vip" → {level, vip}; a plain tag "vip" → {vip, null}. */
function splitTag(t: string): { key: string; value: string | null } {
	const i = t.indexOf(':');
	return i < 0 ? { key: t, value: null } : { key: t.slice(0, i), value: t.slice(i + 1) };
}

const joinTag = (key: string, value: string | null): string => (value === null ? key : `${key}:${value}`);

/** Adds a tag; a tag with a key that exists replaces its value. */
function setTag(tags: Map<string, string | null>, t: string, where: string): void {
	if (t === '') throw new VolcError('InvalidParameter', `${where} has an empty tag`);
	const { key, value } = splitTag(t);
	tags.set(key, value);
}

/** NickName ≤ 100 bytes, Portrait ≤ 500, Tags free strings, Ext ≤ 20 keys (key ≤ 50 bytes, not "s:…", value ≤ 500) — §4.7. */
function profileFields(e: Record<string, unknown>, where: string): { nickName?: string; portrait?: string; tags?: Map<string, string>; ext?: Record<string, string> } {
	const nickName = stringField(e, 'NickName', false);
	if (nickName !== undefined && utf8(nickName) > 100) throw new VolcError('InvalidParameter', `${where}.NickName is over 100 bytes`);
	const portrait = stringField(e, 'Portrait', false);
	if (portrait !== undefined && utf8(portrait) > 500) throw new VolcError('InvalidParameter', `${where}.Portrait is over 500 bytes`);
	let tags: Map<string, string> | undefined;
	if (e.Tags !== undefined && e.Tags !== null) {
		if (!Array.isArray(e.Tags) || e.Tags.some((t) => typeof t !== 'string')) {
			throw new VolcError('InvalidParameter.Unmarshal', `json: cannot unmarshal into Go struct field ${where}.Tags of type []string`);
		}
		tags = new Map();
		for (const t of e.Tags as string[]) setTag(tags, t, where);
	}
	const ext = stringMap(e, 'Ext');
	if (ext) {
		const keys = Object.keys(ext);
		if (keys.length > 20) throw new VolcError('InvalidParameter', `${where}.Ext has more than 20 keys`);
		for (const k of keys) {
			if (k.startsWith('s:')) throw new VolcError('InvalidParameter', `${where}.Ext key "${k}" uses the reserved prefix s:`);
			if (utf8(k) > 50) throw new VolcError('InvalidParameter', `${where}.Ext key "${k}" is over 50 bytes`);
			if (utf8(ext[k]) > 500) throw new VolcError('InvalidParameter', `${where}.Ext value of "${k}" is over 500 bytes`);
		}
	}
	return { nickName, portrait, tags, ext };
}

function conversationOf(sb: Sandbox, appId: number, shortId: bigint): VolcengineConversation {
	const conv = sb.state.volcengine.conversations.get(appId)?.get(shortId);
	if (!conv) throw new VolcError('InvalidParameter', `conversation ${shortId} does not exist`);
	return conv;
}

function messageOf(conv: VolcengineConversation, messageId: bigint): ConversationMessage {
	const m = conv.messages.find((x) => x.messageId === messageId);
	if (!m || m.deleteType !== undefined) throw new VolcError('InvalidParameter', `message ${messageId} does not exist in conversation ${conv.shortId}`);
	return m;
}

/** What server-side reads return: not deleted by DeleteConversationMessage (recalled ones come back with Status 3). */
const isReadable = (m: ConversationMessage) => m.deleteType === undefined;

function messageResult(conv: VolcengineConversation, m: ConversationMessage): Record<string, unknown> {
	const out: Record<string, unknown> = {
		AppId: conv.appId,
		ConversationShortId: conv.shortId,
		ConversationType: conv.type,
		MessageId: m.messageId,
		Sender: m.sender,
		MsgType: m.msgType,
		Content: m.status === 3 ? '' : m.content,
		CreateTime: m.createTime,
		Status: m.status,
		Ext: m.ext ?? {},
		IndexInConversation: m.index,
	};
	if (m.refMsgInfo) {
		const ref = conv.messages.find((x) => x.messageId === m.refMsgInfo!.ReferencedMessageId);
		out.RefMsgInfo = { ...m.refMsgInfo, ReferencedMessageType: ref?.msgType ?? 0, Status: ref ? (ref.deleteType !== undefined ? 4 : ref.status) : 1 };
	}
	return out;
}

function addMessage(
	sb: Sandbox,
	conv: VolcengineConversation,
	m: Omit<ConversationMessage, 'messageId' | 'index' | 'status' | 'hiddenFor'>,
): ConversationMessage {
	const stored: ConversationMessage = { ...m, messageId: newMessageId(sb), index: conv.nextIndex++, status: 0, hiddenFor: new Set() };
	conv.messages.push(stored);
	return stored;
}

/** Creates (or replaces) a conversation with members and, optionally, messages. */
export function seedVolcengineConversation(sb: Sandbox, seed: ConversationSeed): VolcengineConversation {
	const appId = seed.appId ?? [...sb.state.volcengine.apps][0];
	sb.state.volcengine.apps.add(appId);
	const shortId = BigInt(seed.conversationShortId);
	const members = (seed.members ?? []).map((x) => BigInt(x));
	const owner = seed.owner !== undefined ? BigInt(seed.owner) : members[0] ?? 10001n;
	const conv: VolcengineConversation = { appId, shortId, type: seed.type ?? 2, owner, members: new Map(), messages: [], nextIndex: 1n };
	for (const id of members) conv.members.set(id, 0);
	for (const id of seed.admins ?? []) conv.members.set(BigInt(id), 2);
	conv.members.set(owner, 1);
	let byApp = sb.state.volcengine.conversations.get(appId);
	if (!byApp) sb.state.volcengine.conversations.set(appId, (byApp = new Map()));
	byApp.set(shortId, conv);
	type Seeded = Exclude<ConversationSeed['messages'], number | undefined>[number];
	const msgs: Seeded[] = typeof seed.messages === 'number' ? Array.from({ length: seed.messages }, (_, i) => ({ content: `message ${i + 1}` })) : (seed.messages ?? []);
	const now = sb.now();
	msgs.forEach((m, i) => {
		const sender = m.sender !== undefined ? BigInt(m.sender) : owner;
		if (!conv.members.has(sender)) conv.members.set(sender, 0);
		addMessage(sb, conv, { action: 'seed', sender, msgType: m.msgType ?? 10001, content: m.content ?? `message ${i + 1}`, ext: m.ext, createTime: now - (msgs.length - i) * 1000 });
	});
	return conv;
}

/** Marks a user online with the given connections (an empty list = offline). */
export function seedVolcengineOnline(sb: Sandbox, appId: number, userId: bigint | string | number, connections: OnlineConnection[]): void {
	let byApp = sb.state.volcengine.online.get(appId);
	if (!byApp) sb.state.volcengine.online.set(appId, (byApp = new Map()));
	byApp.set(BigInt(userId), connections);
}

const RTS_ID = /^[a-zA-Z0-9_@\-.]{1,128}$/;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

function rtsId(body: Record<string, unknown>, name: string, code: string): string {
	const v = body[name];
	if (v === undefined || v === null || v === '') throw new VolcError(code, `${name} is required`);
	if (typeof v !== 'string') throw new VolcError('InvalidParameter.Unmarshal', `json: cannot unmarshal ${typeName(v)} into Go struct field ${name} of type string`);
	if (!RTS_ID.test(v)) throw new VolcError(code, `${name} "${v.slice(0, 40)}" is illegal: at most 128 characters of a-z A-Z 0-9 @ . _ -`);
	return v;
}

/** AppId (string), From, Binary, Message with its size limit (bytes of the Message string) — §5. */
function rtsCommon(sb: Sandbox, body: Record<string, unknown>, maxBytes: number): { appId: string; from: string; binary: boolean; message: string } {
	const appId = body.AppId;
	if (appId === undefined || appId === null || appId === '') throw new VolcError('InvalidParameter', 'AppId is required');
	if (typeof appId !== 'string') throw new VolcError('InvalidParameter.IllegalAppId', `AppId must be a string, got ${typeName(appId)}`);
	if (!sb.state.volcengine.rts.apps.has(appId)) throw new VolcError('InvalidParameter.NotExistAppId', `AppId ${appId} does not exist`);
	const from = rtsId(body, 'From', 'InvalidParameter.IllegalFrom');
	if (body.Binary === undefined || body.Binary === null) throw new VolcError('InvalidParameter', 'Binary is required');
	if (typeof body.Binary !== 'boolean') throw new VolcError('InvalidParameter.Unmarshal', `json: cannot unmarshal ${typeName(body.Binary)} into Go struct field Binary of type bool`);
	const message = stringField(body, 'Message', true)!;
	if (utf8(message) > maxBytes) throw new VolcError('InvalidParameter.SizeOverLimit', `Message is ${utf8(message)} bytes; the limit is ${maxBytes}`);
	if (body.Binary && !BASE64.test(message)) throw new VolcError('InvalidParameter', 'Message must be base64 when Binary is true');
	return { appId, from, binary: body.Binary, message };
}

function rtsAccept(sb: Sandbox, m: RtsMessage): unknown {
	const cfg = sb.config.volcengine.rtsAnswer;
	const answer = cfg === undefined ? 'Success' : cfg;
	if (answer !== null && answer.toLowerCase() !== 'success') return { Message: answer };
	sb.state.volcengine.rts.messages.push(m);
	if (m.roomId !== undefined) {
		const key = `${m.appId}|${m.roomId}`;
		const room = sb.state.volcengine.rts.rooms.get(key) ?? { appId: m.appId, roomId: m.roomId, messages: 0 };
		room.messages++;
		sb.state.volcengine.rts.rooms.set(key, room);
	}
	sb.emit('volcengine.rts', { action: m.action, appId: m.appId, roomId: m.roomId, receivers: m.to?.length });
	return answer === null ? {} : { Message: answer };
}

/** The array whose length a request log records as `size` (entries per call). */
const SIZE_FIELD: Record<string, string> = {
	BatchSendMessage: 'Receiver',
	BatchSendGroupMessage: 'ConversationShortIds',
	BatchSendRoomUnicast: 'To',
	BatchUpdateUserTags: 'UserTags',
	RegisterUsers: 'Users',
	UnRegisterUsers: 'UserIds',
	BatchGetUser: 'UserIds',
	BatchUpdateUser: 'Users',
	QueryOnlineStatus: 'UserIds',
	GetMessages: 'MessageIds',
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
		if (!handler || !(ACTION_VERSIONS[action] ?? [IM_VERSION]).includes(version)) throw new VolcError('InvalidActionOrVersion', `Action ${action} with Version ${version} is not supported`);
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
			if (!sb.quotas.take(`volc:${QPS_GROUP[action] ?? action}`, qps, 1000, 1, now, sb.config.limitScale)) {
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
		if (action === 'BatchSendRoomUnicast' && Array.isArray(b.To)) log.receivers = b.To.length;
		const list = b[SIZE_FIELD[action] ?? ''] ?? (action === 'BatchUpdateUserTags' ? b.UserIds : undefined);
		if (Array.isArray(list)) log.size = list.length;
		const refusals = sb.config.volcengine.refuseOnce;
		const refusal = refusals?.findIndex((r) => r.action === action && (r.content === undefined || r.content === b.Content)) ?? -1;
		if (refusal >= 0) {
			const [r] = refusals!.splice(refusal, 1);
			const code = r.code ?? 'InternalError';
			const message = r.message ?? `injected: ${action} refused once before processing`;
			const status = r.http ?? VOLC_ERRORS[code]?.http ?? 400;
			log.code = r.notJson ? `HTTP ${status}` : r.withoutCode ? '(no code)' : code;
			if (r.notJson) return { status, body: `<html><body>${status}</body></html>`, headers: { 'content-type': 'text/html' } };
			const meta = { RequestId: requestId, Action: action, Version: version, Service: 'rtc', Region: region };
			const error = r.withoutCode ? { Message: message } : { Code: code, Message: message };
			return { status, body: stringifyJson({ ResponseMetadata: { ...meta, Error: error }, Result: {} }) };
		}
		const result = handler(sb, b, now);
		return { status: 200, body: envelope(action, version, requestId, region, result) };
	} catch (e) {
		if (e instanceof VolcError) return fail(e);
		return fail(new VolcError('InternalError', (e as Error).message));
	}
}
