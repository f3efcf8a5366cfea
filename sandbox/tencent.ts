/* eslint-disable */
// Sandbox code (not shipped): the Tencent Cloud Chat half of the vendor emulator.
import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { inflateSync } from 'node:zlib';
// The sandbox's own int64-safe codec, never the node's (issue 11 §4).
import { parseJson, stringifyJson } from './json';
import type { RawRequest, RawResponse, Sandbox } from './types';
import { importmsg } from './tencent-importmsg';

/**
 * Behaves like the Tencent Cloud Chat REST ("v4") API for the endpoints this package uses
 * (tencent-chat.md §1–§6). The UserSig is decoded and its HMAC recomputed from what arrived in the
 * query string, exactly as the vendor's verifier does (§2). Every answer is HTTP 200 with the
 * ActionStatus/ErrorCode envelope (§1.3).
 *
 * Sandbox-specific choices (where the spec is silent or ambiguous) are marked "sandbox:".
 */

export type TencentGroupType = 'Public' | 'Private' | 'ChatRoom' | 'AVChatRoom' | 'Community';
/** §6: the REST group types. */
export const TENCENT_GROUP_TYPES: readonly TencentGroupType[] = ['Public', 'Private', 'ChatRoom', 'AVChatRoom', 'Community'];

export interface TencentApp {
	/** The SDKSecretKey, used as a raw UTF-8 string as the HMAC key (§2.1). */
	key: string;
	/** App admin accounts; only these may be the `identifier` of a REST call (§1.1). */
	admins: string[];
}

export interface TencentConfig {
	/** Registered apps by SDKAppID (decimal string). */
	apps: Record<string, TencentApp>;
	/** Unix seconds: any UserSig with TLS.time below this is answered 70001 (forces a regeneration). 0 = off. */
	userSigNotBefore: number;
	/** Accounts that batchsendmsg reports in ErrorList with 20003 even when imported. */
	failAccounts: string[];
	/** all_member_push/im_push daily cap (§1.4, default 100). 0 = no cap. */
	pushPerDay: number;
	/** send_broadcast_msg calls per second (§1.4: 1 by default, up to 5 on Pro Plus / Enterprise). */
	broadcastsPerSecond: number;
	/**
	 * send_group_msg de-duplication key. §3.4/§4.4 say "same Random within 5 min" (content not part of
	 * the key): false (default) follows that. true = GroupId + Random + same content.
	 */
	groupDedupByContent: boolean;
	/**
	 * add_group_member members per call (§6.4: 300 on the English page, 20 on the newest Chinese
	 * page). sandbox: default 300, so a node configured up to 300 works; set 20 to model the stricter page.
	 */
	addGroupMemberMax?: number;
	/** account_delete answers 71000 (deletion not enabled in the console, §5.4). Default false (trial apps). */
	accountDeleteDisabled?: boolean;
	/** Seconds during which a deleted UserID cannot be imported again (70399). 0 (default) = trial app; 7776000 = paid editions. */
	reimportBlockSeconds?: number;
	/** Account cap (70398; trial edition: 100). 0 or absent = no cap. Admin accounts do not count. */
	accountCap?: number;
	/**
	 * §4.1 says sendmsg does not check sender mute, §5.6 says muted senders get 20012. sandbox:
	 * false (default) follows §5.6 (sendmsg from a muted From_Account → 20012); true follows §4.1.
	 */
	c2cRestIgnoresMute?: boolean;
	/**
	 * Decimal uint64 added to every get_appid_group_list cursor (Next). Set it above 2^53 (e.g.
	 * "18446744073709551000") to prove a client sends Next back byte-exact. Default "0".
	 */
	groupListCursorBase?: string;
	/**
	 * Which all-user push API families the app answers: the legacy `all_member_push/im_*` and/or the
	 * current Push service `timpush/*` (tencentcloud.com 1047/60561). A call to a family not listed
	 * gets 90045 ("push feature not enabled", 1047/74196). Default: both.
	 */
	pushApis?: Array<'legacy' | 'timpush'>;
	/**
	 * batchsendmsg and accounts that were never imported: the vendor lists no ErrorList entry for
	 * them (tencent-chat.md corrections), so a caller cannot tell them from delivered receivers.
	 * false (default) behaves so (not delivered, not reported); true reports them with 20003.
	 */
	batchReportsUnknownAccounts?: boolean;
	/** Messages per second a live group (AVChatRoom) takes; the rest is dropped with MsgDropReason "MsgFreqCtrl" (trtc.io 38173). Default 40. */
	avGroupMessagesPerSecond?: number;
	/**
	 * Scripted answers, for tests: the next `times` requests to `path` (whose raw body contains
	 * `bodyIncludes`, if given) are answered before processing — nothing is stored — with HTTP
	 * `status` (default 200) and either the literal `body` or the envelope of `code`.
	 */
	scripted?: Array<{ path: string; bodyIncludes?: string; times: number; status?: number; body?: Record<string, unknown>; code?: number }>;
	/** Keep every request's parsed body and query identifier in `requests` (tests). Default false. */
	logBodies?: boolean;
}

export interface TencentGroupMessage {
	msgSeq: number;
	random: number;
	from: string;
	msgBody: unknown[];
	cloudCustomData?: string;
	recalled: boolean;
	msgTime: number;
	at: number;
	via: 'send_group_msg' | 'send_broadcast_msg';
}

export interface TencentGroup {
	groupId: string;
	type: TencentGroupType;
	name: string;
	owner?: string;
	members: Set<string>;
	messages: TencentGroupMessage[];
	/** MsgSeq of the next message (per group, strictly increasing from 1, §4.4). */
	nextSeq: number;
	/** send_group_system_notification calls (§4.5); `toMembers` empty = all members. */
	notifications: Array<{ content: string; toMembers: string[]; at: number }>;
	/** Creation order, used as the get_appid_group_list cursor (§6.3). */
	seq?: number;
	introduction?: string;
	notification?: string;
	faceUrl?: string;
	applyJoinOption?: string;
	maxMemberCount?: number;
	supportTopic?: boolean;
	/** Members created with Role "Admin" (§6.1 MemberList). */
	admins?: Set<string>;
	/** sandbox: add_group_member answers Result 3 (waiting for the invitee) instead of adding. */
	inviteNeedsConfirmation?: boolean;
	/** Invitees waiting for confirmation (Result 3). */
	pending?: Set<string>;
}

/** §5.5 online status of one platform. */
export interface TencentPlatformStatus {
	Platform: 'iPhone' | 'Android' | 'Web' | 'PC' | 'iPad' | 'Mac';
	Status: 'Online' | 'PushOnline' | 'Offline';
}

/** §5.6: when a global mute ends (ms since epoch); Infinity = permanent, 0 = not muted. */
export interface TencentMute {
	c2cUntil: number;
	groupUntil: number;
}

/** One delivered copy of a one-to-one message (batchsendmsg stores one per recipient). */
export interface TencentC2CMessage {
	from: string;
	to: string;
	msgKey: string;
	msgSeq: number;
	msgRandom: number;
	msgTime: number;
	msgLifeTime: number;
	msgBody: unknown[];
	cloudCustomData?: string;
	via: 'sendmsg' | 'batchsendmsg' | 'importmsg';
	/** importmsg: SyncFromOldSystem 1 or 5 count the message as unread, 2 (history) does not. */
	unread?: boolean;
	recalled: boolean;
	at: number;
	/** batchsendmsg with OnlineOnlyFlag 1: delivered to an online receiver only, not stored for roaming or unread. */
	onlineOnly?: boolean;
}

export interface TencentBroadcast {
	/** The MsgSeq answered to the caller (app-wide broadcast sequence, from 1). */
	msgSeq: number;
	random: number;
	from: string;
	msgBody: unknown[];
	cloudCustomData?: string;
	msgTime: number;
	at: number;
	/** One delivered message per AVChatRoom group, with the MsgSeq it got in that group. */
	groups: Array<{ groupId: string; msgSeq: number }>;
}

export interface TencentPushCondition {
	TagsOr?: string[];
	TagsAnd?: string[];
	AttrsOr?: Record<string, string>;
	AttrsAnd?: Record<string, string>;
}

export interface TencentPush {
	taskId: string;
	msgRandom: number;
	from: string;
	msgBody: unknown[];
	msgLifeTime: number;
	condition?: TencentPushCondition;
	recipients: string[];
	at: number;
}

export interface TencentState {
	/** Imported UserIDs. Admin accounts count as imported. */
	accounts: Set<string>;
	profiles: Map<string, { nick?: string; faceUrl?: string }>;
	groups: Map<string, TencentGroup>;
	/** Delivered one-to-one messages, one entry per recipient. */
	c2c: TencentC2CMessage[];
	broadcasts: TencentBroadcast[];
	pushes: TencentPush[];
	/** Push attribute names by index "0"–"9" (§4.9). */
	attrNames: Map<string, string>;
	/** account → attribute name → value (§4.10). */
	userAttrs: Map<string, Map<string, string>>;
	/** account → tags (§4.11). */
	userTags: Map<string, Set<string>>;
	/** account → platform statuses (§5.5); absent = Offline. Seeded, since only clients log in. */
	online: Map<string, TencentPlatformStatus[]>;
	/** account → global mute (§5.6). */
	mutes: Map<string, TencentMute>;
	/** Deleted UserIDs and when (ms), for the 3-month re-import block (70399). */
	deleted: Map<string, number>;
	/** Every /v4/ request, accepted (code 0) or not; with `logBodies`, its body (unsafe integers as bigint) and identifier. */
	requests: Array<{ path: string; code: number; at: number; body?: Record<string, unknown>; identifier?: string }>;
	counters: {
		nextGroupId: number;
		broadcastSeq: number;
		pushDay: string;
		pushesToday: number;
		/** Requests answered OK without delivering because they were duplicates (§3.4). */
		deduplicated: number;
		/** Last group creation sequence (§6.3 cursor). */
		groupSeq: number;
	};
	dedup: {
		c2c: Map<string, { msgKey: string; msgTime: number; at: number }>;
		group: Map<string, { msgSeq: number; msgTime: number; at: number }>;
		broadcast: Map<string, { msgSeq: number; at: number }>;
		push: Map<number, { taskId: string; at: number }>;
	};
}

export class TimError extends Error {
	constructor(
		readonly code: number,
		message: string,
	) {
		super(message);
	}
}

export function newTencentState(config?: TencentConfig): TencentState {
	const accounts = new Set<string>();
	for (const app of Object.values(config?.apps ?? {})) for (const a of app?.admins ?? []) accounts.add(a);
	return {
		accounts,
		profiles: new Map(),
		groups: new Map(),
		c2c: [],
		broadcasts: [],
		pushes: [],
		attrNames: new Map(),
		userAttrs: new Map(),
		userTags: new Map(),
		online: new Map(),
		mutes: new Map(),
		deleted: new Map(),
		requests: [],
		counters: { nextGroupId: 1, broadcastSeq: 1, pushDay: '', pushesToday: 0, deduplicated: 0, groupSeq: 0 },
		dedup: { c2c: new Map(), group: new Map(), broadcast: new Map(), push: new Map() },
	};
}

// ---- windows and limits (§1.4, §1.5, §3.4) ------------------------------------------------------

const C2C_DEDUP_MS = 120_000;
const GROUP_DEDUP_MS = 5 * 60_000;
const PUSH_DEDUP_MS = 7 * 24 * 3600_000;
const MSG_BODY_LIMIT = 12 * 1024; // §1.5
const BROADCAST_BODY_LIMIT = 12_000; // §1.5, §4.6
const PUSH_REQUEST_LIMIT = 10 * 1024; // §1.5
const UINT32_MAX = 4294967295;

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

// ---- helpers ------------------------------------------------------------------------------------

function isObj(v: unknown): v is Record<string, any> {
	return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function bytes(s: string): number {
	return Buffer.byteLength(s, 'utf8');
}

/** Key-sorted JSON, so that field order does not change a message's content checksum. */
function canonical(v: unknown): string {
	if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
	if (isObj(v)) {
		return `{${Object.keys(v)
			.sort()
			.filter((k) => v[k] !== undefined)
			.map((k) => `${JSON.stringify(k)}:${canonical(v[k])}`)
			.join(',')}}`;
	}
	return stringifyJson(v);
}

const CRC_TABLE = (() => {
	const t = new Uint32Array(256);
	for (let n = 0; n < 256; n++) {
		let c = n;
		for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
		t[n] = c >>> 0;
	}
	return t;
})();

function crc32(s: string): number {
	let c = 0xffffffff;
	for (const b of Buffer.from(s, 'utf8')) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
	return (c ^ 0xffffffff) >>> 0;
}

/** §3.4: "CRC32 of content" — the message elements plus CloudCustomData. */
function contentCrc(msgBody: unknown[], cloudCustomData: string | undefined): number {
	return crc32(canonical(msgBody) + '\u0000' + (cloudCustomData ?? ''));
}

function purge<V extends { at: number }>(m: Map<unknown, V>, now: number, windowMs: number) {
	if (m.size < 5000) return;
	for (const [k, v] of m) if (now - v.at > windowMs) m.delete(k);
}

function randomUint32(): number {
	return Math.floor(Math.random() * UINT32_MAX) + 1;
}

function uint32Field(body: Record<string, unknown>, name: string, code: number, required: true): number;
function uint32Field(body: Record<string, unknown>, name: string, code: number, required: false): number | undefined;
function uint32Field(body: Record<string, unknown>, name: string, code: number, required: boolean): number | undefined {
	const v = body[name];
	if (v === undefined || v === null) {
		if (required) throw new TimError(code, `${name} is required`);
		return undefined;
	}
	if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > UINT32_MAX) {
		throw new TimError(code, `${name} must be an unsigned 32-bit integer`);
	}
	return v;
}

function stringField(body: Record<string, unknown>, name: string, code: number, required: true): string;
function stringField(body: Record<string, unknown>, name: string, code: number, required: false): string | undefined;
function stringField(body: Record<string, unknown>, name: string, code: number, required: boolean): string | undefined {
	const v = body[name];
	if (v === undefined || v === null) {
		if (required) throw new TimError(code, `${name} is required`);
		return undefined;
	}
	if (typeof v !== 'string') throw new TimError(code, `${name} must be a string`);
	if (required && v === '') throw new TimError(code, `${name} is empty`);
	return v;
}

function stringArray(v: unknown, name: string, code: number): string[] {
	if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) throw new TimError(code, `${name} must be an array of strings`);
	return v as string[];
}

const ELEM_TYPES = new Set([
	'TIMTextElem',
	'TIMLocationElem',
	'TIMFaceElem',
	'TIMCustomElem',
	'TIMSoundElem',
	'TIMImageElem',
	'TIMFileElem',
	'TIMVideoFileElem',
	'TIMRelayElem',
]);

/** §3.1: an array of {MsgType, MsgContent}; at most one TIMCustomElem. */
function msgBodyField(body: Record<string, unknown>, notArray: number, bad: number): unknown[] {
	const v = body.MsgBody;
	if (!Array.isArray(v)) throw new TimError(notArray, 'MsgBody must be an array of TIMMsgElement');
	if (v.length === 0) throw new TimError(bad, 'MsgBody is empty');
	let custom = 0;
	v.forEach((el, i) => {
		if (!isObj(el)) throw new TimError(bad, `MsgBody[${i}] must be an object`);
		const type = el.MsgType;
		if (typeof type !== 'string' || !ELEM_TYPES.has(type)) throw new TimError(bad, `MsgBody[${i}].MsgType ${JSON.stringify(type)} is not supported`);
		const c = el.MsgContent;
		if (!isObj(c)) throw new TimError(bad, `MsgBody[${i}].MsgContent must be an object`);
		if (type === 'TIMTextElem' && typeof c.Text !== 'string') throw new TimError(bad, `MsgBody[${i}]: TIMTextElem needs MsgContent.Text (string)`);
		if (type === 'TIMCustomElem') {
			custom++;
			if (typeof c.Data !== 'string') throw new TimError(bad, `MsgBody[${i}]: TIMCustomElem needs MsgContent.Data (string)`);
		}
		if (type === 'TIMFaceElem' && (typeof c.Index !== 'number' || !Number.isInteger(c.Index))) {
			throw new TimError(bad, `MsgBody[${i}]: TIMFaceElem needs MsgContent.Index (integer)`);
		}
	});
	if (custom > 1) throw new TimError(bad, 'A message may carry at most one TIMCustomElem (§3.1)');
	return v;
}

function contentSize(msgBody: unknown[], cloudCustomData: string | undefined): number {
	return bytes(stringifyJson(msgBody)) + bytes(cloudCustomData ?? '');
}

// ---- request context ----------------------------------------------------------------------------

type Family = 'openim' | 'push' | 'group' | 'login' | 'config';

/** Error codes that differ by service family: JSON parse error and "needs admin" (§1.1, §1.6). */
const FAMILY: Record<Family, { parse: number; admin: number; internal: number }> = {
	openim: { parse: 90001, admin: 90009, internal: 91000 },
	push: { parse: 90001, admin: 90009, internal: 91000 },
	group: { parse: 10011, admin: 10007, internal: 10002 },
	login: { parse: 60003, admin: 60010, internal: 70500 },
	// sandbox: openconfigsvr (§5.6) documents no codes of its own; the public REST codes (§1.6) are used.
	config: { parse: 60003, admin: 60010, internal: 70500 },
};

interface Ctx {
	sb: Sandbox;
	st: TencentState;
	sdkAppId: number;
	identifier: string;
	now: number;
	nowSec: number;
	rawSize: number;
}

type Handler = (ctx: Ctx, body: Record<string, unknown>) => Record<string, unknown>;

/** Takes from a sliding-window quota when limits are enforced; throws `code` (and counts a throttle) when empty. */
function throttle(ctx: Ctx, key: string, limit: number, windowMs: number, n: number, code: number, what: string): void {
	const { sb } = ctx;
	if (!sb.config.enforceLimits) return;
	if (!sb.quotas.take(`tim:${ctx.sdkAppId}:${key}`, limit, windowMs, n, ctx.now, sb.config.limitScale)) {
		sb.stats.throttled++;
		throw new TimError(code, `${what} over the frequency limit`);
	}
}

function fromAccount(ctx: Ctx, body: Record<string, unknown>, missing: number): string {
	const v = body.From_Account;
	if (v === undefined || v === null || v === '') return ctx.identifier;
	if (typeof v !== 'string') throw new TimError(60015, 'From_Account must be a string');
	if (!ctx.st.accounts.has(v)) throw new TimError(missing, `From_Account ${v} does not exist`);
	return v;
}

function groupOf(ctx: Ctx, body: Record<string, unknown>): TencentGroup {
	const id = stringField(body, 'GroupId', 10004, true);
	const g = ctx.st.groups.get(id);
	if (!g) throw new TimError(10010, `Group ${id} does not exist or was dismissed`);
	return g;
}

function nextGroupSeq(g: TencentGroup): number {
	return g.nextSeq++;
}

// ---- openim: one-to-one messages (§4.1–§4.3) ----------------------------------------------------

/** Fields shared by sendmsg and batchsendmsg (§4.1, §4.2). */
function c2cFields(ctx: Ctx, body: Record<string, unknown>, tooBig: number) {
	const from = fromAccount(ctx, body, 90008);
	const msgRandom = uint32Field(body, 'MsgRandom', 90005, true);
	const givenSeq = uint32Field(body, 'MsgSeq', 90010, false);
	const lifeRaw = body.MsgLifeTime;
	if (lifeRaw !== undefined && (typeof lifeRaw !== 'number' || !Number.isInteger(lifeRaw) || lifeRaw < 0 || lifeRaw > 604800)) {
		throw new TimError(90026, 'MsgLifeTime must be an integer in [0, 604800]');
	}
	if (body.SyncOtherMachine !== undefined && (typeof body.SyncOtherMachine !== 'number' || !Number.isInteger(body.SyncOtherMachine))) {
		throw new TimError(90031, 'SyncOtherMachine must be an integer');
	}
	if (body.OfflinePushInfo !== undefined && !isObj(body.OfflinePushInfo)) throw new TimError(90043, 'OfflinePushInfo must be an object');
	for (const k of ['SendMsgControl', 'ForbidCallbackControl']) if (body[k] !== undefined) stringArray(body[k], k, 90010);
	const msgBody = msgBodyField(body, 90007, 90002);
	const cloudCustomData = stringField(body, 'CloudCustomData', 90010, false);
	if (contentSize(msgBody, cloudCustomData) > MSG_BODY_LIMIT) throw new TimError(tooBig, 'The message body is larger than 12 KB');
	// §3.4: without MsgSeq the server picks a random one, so a blind retry is not de-duplicated.
	const msgSeq = givenSeq ?? randomUint32();
	return { from, msgRandom, msgSeq, msgLifeTime: (lifeRaw as number | undefined) ?? 604800, msgBody, cloudCustomData, crc: contentCrc(msgBody, cloudCustomData) };
}

/**
 * §3.4 de-dup key, per conversation: sender + recipient + MsgSeq + MsgRandom + CRC32(content).
 * sandbox: the spec's key names the sender only; a retry always targets the same recipient, and
 * batchsendmsg has to de-dup per recipient anyway, so the recipient is part of the key here.
 */
function c2cDedupKey(from: string, to: string, seq: number, random: number, crc: number): string {
	return `${from}\u0000${to}\u0000${seq}\u0000${random}\u0000${crc}`;
}

function sendmsg(ctx: Ctx, body: Record<string, unknown>) {
	const { st } = ctx;
	const to = body.To_Account;
	if (to === undefined || to === null || to === '') throw new TimError(90003, 'To_Account is required');
	if (typeof to !== 'string') throw new TimError(60015, 'To_Account must be a string');
	const f = c2cFields(ctx, body, 80002);
	if (!st.accounts.has(to)) throw new TimError(20003, `To_Account ${to} is not an imported account`);
	// §5.6: a globally muted sender's one-to-one messages fail with 20012 (see c2cRestIgnoresMute for §4.1).
	if (!ctx.sb.config.tencent.c2cRestIgnoresMute && muteLeft(ctx, f.from, 'c2c') > 0) throw new TimError(20012, `${f.from} is muted for one-to-one messages`);
	const key = c2cDedupKey(f.from, to, f.msgSeq, f.msgRandom, f.crc);
	const dup = st.dedup.c2c.get(key);
	if (dup && ctx.now - dup.at <= C2C_DEDUP_MS) {
		// sandbox: the vendor drops the duplicate silently; we answer OK with the original MsgKey/MsgTime.
		st.counters.deduplicated++;
		return { MsgTime: dup.msgTime, MsgKey: dup.msgKey };
	}
	const msgKey = `${f.msgSeq}_${f.msgRandom}_${ctx.nowSec}`;
	purge(st.dedup.c2c, ctx.now, C2C_DEDUP_MS);
	st.dedup.c2c.set(key, { msgKey, msgTime: ctx.nowSec, at: ctx.now });
	st.c2c.push({
		from: f.from, to, msgKey, msgSeq: f.msgSeq, msgRandom: f.msgRandom, msgTime: ctx.nowSec, msgLifeTime: f.msgLifeTime,
		msgBody: f.msgBody, cloudCustomData: f.cloudCustomData, via: 'sendmsg', recalled: false, at: ctx.now,
	});
	ctx.sb.emit('tencent.message', {
		command: 'openim/sendmsg', sdkAppId: ctx.sdkAppId, from: f.from, to: [to], msgKey, msgSeq: f.msgSeq, msgRandom: f.msgRandom,
		msgTime: ctx.nowSec, msgBody: f.msgBody, cloudCustomData: f.cloudCustomData,
	});
	return { MsgTime: ctx.nowSec, MsgKey: msgKey };
}

function batchsendmsg(ctx: Ctx, body: Record<string, unknown>) {
	const { st, sb } = ctx;
	const raw = body.To_Account;
	if (raw === undefined || raw === null) throw new TimError(90003, 'To_Account is required');
	if (!Array.isArray(raw)) throw new TimError(90028, 'To_Account must be an array');
	if (raw.length === 0) throw new TimError(90029, 'To_Account is empty');
	if (raw.length > 500) throw new TimError(90011, `To_Account has ${raw.length} accounts; the limit is 500`);
	if (raw.some((x) => typeof x !== 'string')) throw new TimError(60015, 'To_Account entries must be strings');
	const f = c2cFields(ctx, body, 90055);
	// §1.4: 12,000 messages per minute, counted per recipient.
	throttle(ctx, 'batch-messages', 12000, 60_000, raw.length, 90057, 'batchsendmsg: 12,000 messages per minute');
	const recipients = [...new Set(raw as string[])];
	const fail = new Set(sb.config.tencent.failAccounts);
	const reportUnknown = sb.config.tencent.batchReportsUnknownAccounts === true;
	// OnlineOnlyFlag 1: online receivers only, nothing stored (cloud.tencent.com/document/product/269/1612).
	const onlineOnly = body.OnlineOnlyFlag;
	if (onlineOnly !== undefined && onlineOnly !== 0 && onlineOnly !== 1) throw new TimError(90010, 'OnlineOnlyFlag must be 0 or 1');
	const errorList: Array<{ To_Account: string; ErrorCode: number }> = [];
	// One MsgKey for the batch (§4.2). sandbox: when a recipient is a duplicate (§3.4) the batch reuses
	// the original batch's MsgKey/MsgTime, so a retried batch keeps one handle for recall.
	let msgKey = `${f.msgSeq}_${f.msgRandom}_${ctx.nowSec}`;
	let msgTime = ctx.nowSec;
	const fresh: string[] = [];
	let dups = 0;
	for (const to of recipients) {
		if (!st.accounts.has(to)) {
			// Never imported: not delivered and, like the vendor, not listed in ErrorList (unless configured).
			if (reportUnknown) errorList.push({ To_Account: to, ErrorCode: 20003 });
			continue;
		}
		if (fail.has(to)) {
			errorList.push({ To_Account: to, ErrorCode: 20003 });
			continue;
		}
		// Online-only: an offline receiver simply does not get it (no ErrorList entry either).
		if (onlineOnly === 1 && !isOnline(st, to)) continue;
		const dup = st.dedup.c2c.get(c2cDedupKey(f.from, to, f.msgSeq, f.msgRandom, f.crc));
		if (dup && ctx.now - dup.at <= C2C_DEDUP_MS) {
			if (dups === 0) ({ msgKey, msgTime } = dup);
			dups++;
			continue;
		}
		fresh.push(to);
	}
	if (dups > 0) st.counters.deduplicated++;
	purge(st.dedup.c2c, ctx.now, C2C_DEDUP_MS);
	for (const to of fresh) {
		st.dedup.c2c.set(c2cDedupKey(f.from, to, f.msgSeq, f.msgRandom, f.crc), { msgKey, msgTime, at: ctx.now });
		st.c2c.push({
			from: f.from, to, msgKey, msgSeq: f.msgSeq, msgRandom: f.msgRandom, msgTime, msgLifeTime: onlineOnly === 1 ? 0 : f.msgLifeTime,
			msgBody: f.msgBody, cloudCustomData: f.cloudCustomData, via: 'batchsendmsg', recalled: false, at: ctx.now,
			...(onlineOnly === 1 ? { onlineOnly: true } : {}),
		});
	}
	if (fresh.length > 0) {
		sb.emit('tencent.message', {
			command: 'openim/batchsendmsg', sdkAppId: ctx.sdkAppId, from: f.from, to: fresh, msgKey, msgSeq: f.msgSeq, msgRandom: f.msgRandom,
			msgTime, msgBody: f.msgBody, cloudCustomData: f.cloudCustomData,
		});
	}
	const out: Record<string, unknown> = { MsgKey: msgKey, MsgTime: msgTime };
	if (errorList.length) out.ErrorList = errorList;
	return out;
}

function admin_msgwithdraw(ctx: Ctx, body: Record<string, unknown>) {
	const from = stringField(body, 'From_Account', 90008, true);
	const to = stringField(body, 'To_Account', 90003, true);
	const msgKey = body.MsgKey;
	if (typeof msgKey !== 'string' || !/^\d+_\d+_\d+$/.test(msgKey) || msgKey.length > 50) throw new TimError(90054, 'MsgKey is missing or malformed');
	const matches = ctx.st.c2c.filter((m) => m.from === from && m.to === to && m.msgKey === msgKey);
	if (matches.length === 0) throw new TimError(20022, 'The message to recall does not exist');
	const live = matches.find((m) => !m.recalled);
	if (!live) throw new TimError(20023, 'The message has already been recalled');
	live.recalled = true;
	ctx.sb.emit('tencent.recall', { command: 'openim/admin_msgwithdraw', sdkAppId: ctx.sdkAppId, from, to, msgKey });
	return {};
}

// ---- groups (§4.4–§4.7, §6.1) -------------------------------------------------------------------

function groupDedupKey(ctx: Ctx, groupId: string, random: number, crc: number): string {
	return ctx.sb.config.tencent.groupDedupByContent ? `${groupId}\u0000${random}\u0000${crc}` : `${groupId}\u0000${random}`;
}

function send_group_msg(ctx: Ctx, body: Record<string, unknown>) {
	const { st, sb } = ctx;
	const g = groupOf(ctx, body);
	const random = uint32Field(body, 'Random', 10004, true);
	const from = fromAccount(ctx, body, 10004);
	const msgBody = msgBodyField(body, 10004, 10004);
	const cloudCustomData = stringField(body, 'CloudCustomData', 10004, false);
	if (body.MsgPriority !== undefined && !['High', 'Normal', 'Low', 'Lowest'].includes(body.MsgPriority as string)) {
		throw new TimError(10004, 'MsgPriority must be High, Normal, Low or Lowest');
	}
	const online = body.OnlineOnlyFlag;
	if (online !== undefined && online !== 0 && online !== 1) throw new TimError(10004, 'OnlineOnlyFlag must be 0 or 1');
	if (online === 1 && body.SendMsgControl !== undefined) throw new TimError(10004, 'OnlineOnlyFlag cannot be combined with SendMsgControl (§4.4)');
	if (online === 1 && g.type === 'AVChatRoom') throw new TimError(10004, 'OnlineOnlyFlag is not supported for AVChatRoom (§4.4)');
	for (const k of ['SendMsgControl', 'ForbidCallbackControl']) if (body[k] !== undefined) stringArray(body[k], k, 10004);
	if (body.OfflinePushInfo !== undefined && !isObj(body.OfflinePushInfo)) throw new TimError(10004, 'OfflinePushInfo must be an object');
	if (contentSize(msgBody, cloudCustomData) > MSG_BODY_LIMIT) throw new TimError(80002, 'The message body is larger than 12 KB');
	// §5.6: a globally muted sender's group messages fail with 10017.
	if (muteLeft(ctx, from, 'group') > 0) throw new TimError(10017, `${from} is muted for group messages`);
	if (g.type === 'AVChatRoom') {
		// Live groups take about 40 messages/s and discard the rest: ErrorCode 0 with MsgDropReason
		// "MsgFreqCtrl", nothing stored, no MsgSeq used (trtc.io/document/38173; 269/1629 response fields).
		const perSecond = sb.config.tencent.avGroupMessagesPerSecond ?? 40;
		if (sb.config.enforceLimits && !sb.quotas.take(`tim:${ctx.sdkAppId}:av-msg:${g.groupId}`, perSecond, 1000, 1, ctx.now, sb.config.limitScale)) {
			sb.stats.throttled++;
			return { MsgTime: ctx.nowSec, MsgSeq: 0, MsgDropReason: 'MsgFreqCtrl' };
		}
	} else {
		// §1.4/§4.4: at most 40 messages per second per group.
		throttle(ctx, `group-msg:${g.groupId}`, 40, 1000, 1, 10023, `Group ${g.groupId}: 40 messages per second`);
	}
	const crc = contentCrc(msgBody, cloudCustomData);
	const key = groupDedupKey(ctx, g.groupId, random, crc);
	const dup = st.dedup.group.get(key);
	if (dup && ctx.now - dup.at <= GROUP_DEDUP_MS) {
		// §3.4: same Random within 5 min ⇒ dropped. sandbox: answered OK with the original MsgSeq/MsgTime.
		st.counters.deduplicated++;
		return { MsgTime: dup.msgTime, MsgSeq: dup.msgSeq };
	}
	const msgSeq = nextGroupSeq(g);
	g.messages.push({ msgSeq, random, from, msgBody, cloudCustomData, recalled: false, msgTime: ctx.nowSec, at: ctx.now, via: 'send_group_msg' });
	purge(st.dedup.group, ctx.now, GROUP_DEDUP_MS);
	st.dedup.group.set(key, { msgSeq, msgTime: ctx.nowSec, at: ctx.now });
	sb.emit('tencent.message', {
		command: 'group_open_http_svc/send_group_msg', sdkAppId: ctx.sdkAppId, groupId: g.groupId, groupType: g.type, from, random, msgSeq,
		msgTime: ctx.nowSec, msgBody, cloudCustomData,
	});
	return { MsgTime: ctx.nowSec, MsgSeq: msgSeq };
}

function send_group_system_notification(ctx: Ctx, body: Record<string, unknown>) {
	const g = groupOf(ctx, body);
	const content = stringField(body, 'Content', 10004, true);
	let toMembers: string[] = [];
	if (body.ToMembers_Account !== undefined && body.ToMembers_Account !== null) {
		toMembers = stringArray(body.ToMembers_Account, 'ToMembers_Account', 10004);
		// §4.5: 500 (older docs) vs 50 (newest docs); the sandbox accepts the older, larger cap.
		if (toMembers.length > 500) throw new TimError(10005, 'ToMembers_Account has more than 500 accounts');
		if (toMembers.length > 0 && g.type === 'AVChatRoom') throw new TimError(10004, 'AVChatRoom notifications go to all members only (§4.5)');
	}
	g.notifications.push({ content, toMembers, at: ctx.now });
	ctx.sb.emit('tencent.message', {
		command: 'group_open_http_svc/send_group_system_notification', sdkAppId: ctx.sdkAppId, groupId: g.groupId, groupType: g.type, content, toMembers,
	});
	return {};
}

function send_broadcast_msg(ctx: Ctx, body: Record<string, unknown>) {
	const { st, sb } = ctx;
	const from = fromAccount(ctx, body, 10004);
	const random = uint32Field(body, 'Random', 10004, true);
	const msgBody = msgBodyField(body, 10004, 10004);
	const cloudCustomData = stringField(body, 'CloudCustomData', 10004, false);
	if (bytes(stringifyJson(msgBody)) > BROADCAST_BODY_LIMIT) throw new TimError(10004, 'MsgBody is larger than 12,000 bytes (§4.6)');
	// §1.4/§4.6: 1 call per second by default (the rate counts calls, duplicates included).
	throttle(ctx, 'broadcast', Math.max(1, sb.config.tencent.broadcastsPerSecond), 1000, 1, 10023, 'send_broadcast_msg');
	const crc = contentCrc(msgBody, cloudCustomData);
	const key = `${random}\u0000${crc}`;
	const dup = st.dedup.broadcast.get(key);
	if (dup && ctx.now - dup.at <= GROUP_DEDUP_MS) {
		// §4.6: same content + same Random within 5 min ⇒ rejected as duplicate. sandbox: answered OK, nothing delivered.
		st.counters.deduplicated++;
		return { MsgSeq: dup.msgSeq };
	}
	const msgSeq = st.counters.broadcastSeq++;
	const groups: TencentBroadcast['groups'] = [];
	for (const g of st.groups.values()) {
		if (g.type !== 'AVChatRoom') continue;
		const seq = nextGroupSeq(g);
		g.messages.push({ msgSeq: seq, random, from, msgBody, cloudCustomData, recalled: false, msgTime: ctx.nowSec, at: ctx.now, via: 'send_broadcast_msg' });
		groups.push({ groupId: g.groupId, msgSeq: seq });
	}
	st.broadcasts.push({ msgSeq, random, from, msgBody, cloudCustomData, msgTime: ctx.nowSec, at: ctx.now, groups });
	purge(st.dedup.broadcast, ctx.now, GROUP_DEDUP_MS);
	st.dedup.broadcast.set(key, { msgSeq, at: ctx.now });
	sb.emit('tencent.message', {
		command: 'group_open_http_svc/send_broadcast_msg', sdkAppId: ctx.sdkAppId, from, random, msgSeq, groups, msgTime: ctx.nowSec, msgBody, cloudCustomData,
	});
	return { MsgSeq: msgSeq };
}

function group_msg_recall(ctx: Ctx, body: Record<string, unknown>) {
	const g = groupOf(ctx, body);
	const list = body.MsgSeqList;
	if (!Array.isArray(list) || list.length === 0) throw new TimError(10004, 'MsgSeqList must be a non-empty array');
	if (list.length > 10) throw new TimError(10004, `MsgSeqList has ${list.length} entries; the limit is 10 (§4.7)`);
	if (body.Reason !== undefined) stringField(body, 'Reason', 10004, false);
	const seqs = list.map((e, i) => {
		if (!isObj(e) || typeof e.MsgSeq !== 'number' || !Number.isInteger(e.MsgSeq)) throw new TimError(10004, `MsgSeqList[${i}].MsgSeq must be an integer`);
		return e.MsgSeq as number;
	});
	const recalled: number[] = [];
	const ret = seqs.map((seq) => {
		const m = g.messages.find((x) => x.msgSeq === seq && !x.recalled);
		if (!m) return { MsgSeq: seq, RetCode: 10030 };
		m.recalled = true;
		recalled.push(seq);
		return { MsgSeq: seq, RetCode: 0 };
	});
	if (recalled.length) ctx.sb.emit('tencent.recall', { command: 'group_open_http_svc/group_msg_recall', sdkAppId: ctx.sdkAppId, groupId: g.groupId, msgSeqs: recalled });
	return { RecallRetList: ret };
}

function newGroupId(st: TencentState): string {
	let id: string;
	do id = `@TGS#${(0x2a000000 + st.counters.nextGroupId++).toString(36).toUpperCase()}`;
	while (st.groups.has(id));
	return id;
}

const APPLY_JOIN_OPTIONS = ['FreeAccess', 'NeedPermission', 'DisableApply'];

function optionalText(body: Record<string, unknown>, name: string, maxBytes: number): string | undefined {
	const v = stringField(body, name, 10004, false);
	if (v !== undefined && bytes(v) > maxBytes) throw new TimError(10004, `${name} is longer than ${maxBytes} bytes`);
	return v;
}

function create_group(ctx: Ctx, body: Record<string, unknown>) {
	const { st } = ctx;
	const type = body.Type;
	if (typeof type !== 'string' || !TENCENT_GROUP_TYPES.includes(type as TencentGroupType)) {
		throw new TimError(10004, `Type must be one of ${TENCENT_GROUP_TYPES.join(', ')}`);
	}
	const name = stringField(body, 'Name', 10004, true);
	if (bytes(name) > 30) throw new TimError(10004, 'Name is longer than 30 bytes');
	let groupId = stringField(body, 'GroupId', 10004, false);
	if (groupId !== undefined && groupId !== '') {
		// §6.1: printable ASCII, ≤ 48 bytes, not @TGS#. sandbox: a Community may use the @TGS#_ prefix (unconfirmed).
		const communityPrefix = type === 'Community' && groupId.startsWith('@TGS#_');
		if (!/^[\x21-\x7e]+$/.test(groupId) || bytes(groupId) > 48 || (groupId.startsWith('@TGS#') && !communityPrefix)) {
			throw new TimError(10004, 'GroupId must be printable ASCII, ≤ 48 bytes, not starting with @TGS#');
		}
		if (st.groups.has(groupId)) {
			const taken = st.groups.get(groupId)!;
			const owner = typeof body.Owner_Account === 'string' ? body.Owner_Account : undefined;
			throw owner !== undefined && taken.owner === owner
				? new TimError(10025, `GroupId ${groupId} is already used, and you are its owner`)
				: new TimError(10021, `GroupId ${groupId} is already used`);
		}
	} else groupId = newGroupId(st);
	const introduction = optionalText(body, 'Introduction', 240);
	const notification = optionalText(body, 'Notification', 300);
	const faceUrl = optionalText(body, 'FaceUrl', 100);
	const apply = stringField(body, 'ApplyJoinOption', 10004, false);
	if (apply !== undefined && !APPLY_JOIN_OPTIONS.includes(apply)) throw new TimError(10004, `ApplyJoinOption must be one of ${APPLY_JOIN_OPTIONS.join(', ')}`);
	const max = body.MaxMemberCount;
	if (max !== undefined && (typeof max !== 'number' || !Number.isInteger(max) || max < 1 || max > UINT32_MAX)) {
		throw new TimError(10004, 'MaxMemberCount must be a positive integer');
	}
	const topic = body.SupportTopic;
	if (topic !== undefined && topic !== 0 && topic !== 1) throw new TimError(10004, 'SupportTopic must be 0 or 1');
	if (topic === 1 && type !== 'Community') throw new TimError(10004, 'SupportTopic is for Community groups only (§6.1)');
	const owner = stringField(body, 'Owner_Account', 10004, false);
	if (owner && !st.accounts.has(owner)) throw new TimError(10004, `Owner_Account ${owner} is not an imported account`);
	const members = new Set<string>();
	const admins = new Set<string>();
	if (owner) members.add(owner);
	if (body.MemberList !== undefined) {
		if (type === 'AVChatRoom') throw new TimError(10007, 'MemberList is not allowed for AVChatRoom (§6.1)');
		if (!Array.isArray(body.MemberList)) throw new TimError(10004, 'MemberList must be an array');
		if (body.MemberList.length > 500) throw new TimError(10004, 'MemberList has more than 500 members');
		body.MemberList.forEach((m: unknown, i: number) => {
			if (!isObj(m) || typeof m.Member_Account !== 'string') throw new TimError(10004, `MemberList[${i}].Member_Account must be a string`);
			if (!st.accounts.has(m.Member_Account)) throw new TimError(10004, `MemberList[${i}]: ${m.Member_Account} is not an imported account`);
			if (m.Role !== undefined && m.Role !== 'Admin') throw new TimError(10004, `MemberList[${i}].Role must be "Admin"`);
			members.add(m.Member_Account);
			if (m.Role === 'Admin') admins.add(m.Member_Account);
		});
	}
	if (typeof max === 'number' && members.size > max) throw new TimError(10038, `More members (${members.size}) than MaxMemberCount (${max})`);
	st.groups.set(groupId, {
		groupId, type: type as TencentGroupType, name, owner: owner || undefined, members, messages: [], nextSeq: 1, notifications: [],
		seq: ++st.counters.groupSeq, introduction, notification, faceUrl, applyJoinOption: apply, maxMemberCount: max as number | undefined,
		supportTopic: topic === 1, admins, pending: new Set(),
	});
	return { GroupId: groupId };
}

// ---- group administration (§6.2–§6.6) -----------------------------------------------------------

function destroy_group(ctx: Ctx, body: Record<string, unknown>) {
	const g = groupOf(ctx, body);
	ctx.st.groups.delete(g.groupId);
	ctx.sb.emit('tencent.group', { command: 'group_open_http_svc/destroy_group', sdkAppId: ctx.sdkAppId, groupId: g.groupId, groupType: g.type });
	return {};
}

const LIST_GROUP_TYPES = ['Public', 'Private', 'ChatRoom', 'AVChatRoom', 'BChatRoom', 'Community'];

/** Groups in creation order; groups that predate the cursor field get one now. */
function groupsInOrder(st: TencentState): TencentGroup[] {
	const all = [...st.groups.values()];
	for (const g of all) if (g.seq === undefined) g.seq = ++st.counters.groupSeq;
	return all.sort((a, b) => a.seq! - b.seq!);
}

/**
 * §6.3: Limit ≤ 10,000 (default 10,000), Next 0 on the first call; the answer's Next is 0 when done.
 * `Next` is a uint64 (cloud.tencent.com/document/product/269/1614; doocs/qcloud-im-server-sdk-java
 * reads it as a Long). sandbox: cursors are `groupListCursorBase` + the group's creation sequence,
 * written as exact bare JSON numbers; a Next this server never issued (e.g. one rounded through a
 * double) is refused with 10004, so a client that loses digits fails loudly.
 */
function get_appid_group_list(ctx: Ctx, body: Record<string, unknown>) {
	const limit = body.Limit ?? 10000;
	if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1 || limit > 10000) throw new TimError(10004, 'Limit must be an integer in [1, 10000]');
	const rawNext = body.Next ?? 0;
	if (!((typeof rawNext === 'number' && Number.isSafeInteger(rawNext)) || typeof rawNext === 'bigint') || BigInt(rawNext) < 0n || BigInt(rawNext) >= 1n << 64n) {
		throw new TimError(10004, 'Next must be a uint64');
	}
	const base = BigInt(ctx.sb.config.tencent.groupListCursorBase ?? '0');
	const given = BigInt(rawNext);
	const after = given === 0n ? 0n : given - base;
	if (given !== 0n && (after < 1n || after > BigInt(ctx.st.counters.groupSeq))) throw new TimError(10004, `Next ${given} is not a cursor this server issued`);
	const next = Number(after);
	const type = stringField(body, 'GroupType', 10004, false);
	if (type !== undefined && !LIST_GROUP_TYPES.includes(type)) throw new TimError(10004, `GroupType must be one of ${LIST_GROUP_TYPES.join(', ')}`);
	const all = groupsInOrder(ctx.st).filter((g) => type === undefined || g.type === type);
	const rest = all.filter((g) => g.seq! > next);
	const page = rest.slice(0, limit);
	const cursor = rest.length > page.length ? base + BigInt(page[page.length - 1].seq!) : 0n;
	return {
		TotalCount: all.length,
		GroupIdList: page.map((g) => ({ GroupId: g.groupId })),
		// A bigint is written with its exact digits (a safe value stays a plain number).
		Next: cursor <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(cursor) : cursor,
	};
}

function silenceField(body: Record<string, unknown>) {
	const v = body.Silence;
	if (v !== undefined && v !== 0 && v !== 1) throw new TimError(10004, 'Silence must be 0 or 1');
}

/** §6.4: Result 0 failed, 1 added, 2 already a member, 3 waiting for the invitee's confirmation. */
function add_group_member(ctx: Ctx, body: Record<string, unknown>) {
	const { st, sb } = ctx;
	const g = groupOf(ctx, body);
	if (g.type === 'AVChatRoom') throw new TimError(10007, 'AVChatRoom members join through the client SDK; add_group_member is not allowed (§6.4)');
	silenceField(body);
	const list = body.MemberList;
	if (!Array.isArray(list) || list.length === 0) throw new TimError(10004, 'MemberList must be a non-empty array');
	const max = sb.config.tencent.addGroupMemberMax ?? 300;
	if (list.length > max) throw new TimError(10005, `MemberList has ${list.length} members; the limit is ${max} per request`);
	const ids = list.map((m, i) => {
		if (!isObj(m) || typeof m.Member_Account !== 'string') throw new TimError(10004, `MemberList[${i}].Member_Account must be a string`);
		return m.Member_Account as string;
	});
	const joining = new Set(ids.filter((a) => st.accounts.has(a) && !g.members.has(a)));
	if (g.maxMemberCount !== undefined && !g.inviteNeedsConfirmation && g.members.size + joining.size > g.maxMemberCount) {
		throw new TimError(10014, `Group ${g.groupId} is full (MaxMemberCount ${g.maxMemberCount})`);
	}
	const added: string[] = [];
	const result = ids.map((a) => {
		if (!st.accounts.has(a)) return { Member_Account: a, Result: 0 };
		if (g.members.has(a)) return { Member_Account: a, Result: 2 };
		if (g.inviteNeedsConfirmation) {
			(g.pending ??= new Set()).add(a);
			return { Member_Account: a, Result: 3 };
		}
		g.members.add(a);
		added.push(a);
		return { Member_Account: a, Result: 1 };
	});
	if (added.length) sb.emit('tencent.group', { command: 'group_open_http_svc/add_group_member', sdkAppId: ctx.sdkAppId, groupId: g.groupId, members: added, silence: body.Silence === 1 });
	return { MemberList: result };
}

/** §6.5: ≤ 100 per call; a non-member is "deleted" successfully; not for AVChatRoom (10004). */
function delete_group_member(ctx: Ctx, body: Record<string, unknown>) {
	const g = groupOf(ctx, body);
	if (g.type === 'AVChatRoom') throw new TimError(10004, 'AVChatRoom members cannot be deleted; mute or ban them instead (§6.5)');
	silenceField(body);
	if (body.Reason !== undefined) stringField(body, 'Reason', 10004, false);
	const raw = body.MemberToDel_Account;
	if (!Array.isArray(raw) || raw.length === 0) throw new TimError(10004, 'MemberToDel_Account must be a non-empty array');
	if (raw.length > 100) throw new TimError(10005, `MemberToDel_Account has ${raw.length} accounts; the limit is 100`);
	const ids = stringArray(raw, 'MemberToDel_Account', 10004);
	const removed = ids.filter((a) => g.members.delete(a));
	for (const a of ids) {
		g.admins?.delete(a);
		g.pending?.delete(a);
	}
	if (removed.length) ctx.sb.emit('tencent.group', { command: 'group_open_http_svc/delete_group_member', sdkAppId: ctx.sdkAppId, groupId: g.groupId, members: removed });
	return {};
}

function isOnline(st: TencentState, account: string): boolean {
	return (st.online.get(account) ?? []).some((p) => p.Status === 'Online');
}

/**
 * §6.6: members with a persistent connection. sandbox: any group type except Community (which has
 * its own million_group API → 10007); counted at once (the vendor refreshes every 10 s).
 */
function get_online_member_num(ctx: Ctx, body: Record<string, unknown>) {
	const g = groupOf(ctx, body);
	if (g.type === 'Community') throw new TimError(10007, 'Community groups use million_group_open_http_svc/get_online_member_num');
	return { OnlineMemberNum: [...g.members].filter((a) => isOnline(ctx.st, a)).length };
}

// ---- all_member_push (§4.8–§4.11) ---------------------------------------------------------------

function checkTag(t: string) {
	if (t === '') throw new TimError(90040, 'Empty tag');
	if (bytes(t) > 50) throw new TimError(90020, `Tag "${t}" is longer than 50 bytes`);
}

function tagList(v: unknown, name: string): string[] | undefined {
	if (v === undefined || v === null) return undefined;
	const list = stringArray(v, name, 90001);
	if (list.length > 10) throw new TimError(90032, `${name} has more than 10 tags`);
	list.forEach(checkTag);
	return list.length ? list : undefined;
}

function knownAttrNames(st: TencentState): Set<string> {
	return new Set(st.attrNames.values());
}

function attrMap(st: TencentState, v: unknown, name: string): Record<string, string> | undefined {
	if (v === undefined || v === null) return undefined;
	if (!isObj(v)) throw new TimError(90001, `${name} must be an object of attribute name → value`);
	const known = knownAttrNames(st);
	for (const [k, val] of Object.entries(v)) {
		if (!known.has(k)) throw new TimError(90033, `Attribute "${k}" is not configured (im_set_attr_name)`);
		if (typeof val !== 'string') throw new TimError(90001, `${name}.${k} must be a string`);
		if (bytes(val) > 50) throw new TimError(90033, `${name}.${k} is longer than 50 bytes`);
	}
	return Object.keys(v).length ? (v as Record<string, string>) : undefined;
}

function pushCondition(st: TencentState, v: unknown): TencentPushCondition | undefined {
	if (v === undefined || v === null) return undefined;
	if (!isObj(v)) throw new TimError(90001, 'Condition must be an object');
	const has = (k: string) => v[k] !== undefined && v[k] !== null;
	if ((has('TagsOr') || has('TagsAnd')) && (has('AttrsOr') || has('AttrsAnd'))) {
		throw new TimError(90039, 'Tag and attribute conditions cannot be combined');
	}
	const c: TencentPushCondition = {
		TagsOr: tagList(v.TagsOr, 'TagsOr'),
		TagsAnd: tagList(v.TagsAnd, 'TagsAnd'),
		AttrsOr: attrMap(st, v.AttrsOr, 'AttrsOr'),
		AttrsAnd: attrMap(st, v.AttrsAnd, 'AttrsAnd'),
	};
	if (c.TagsOr && c.TagsAnd) {
		const both = c.TagsOr.find((t) => c.TagsAnd!.includes(t));
		if (both !== undefined) throw new TimError(90022, `Tag "${both}" is in both TagsOr and TagsAnd`);
	}
	for (const k of Object.keys(c) as Array<keyof TencentPushCondition>) if (c[k] === undefined) delete c[k];
	return Object.keys(c).length ? c : undefined;
}

function matchesCondition(st: TencentState, account: string, c: TencentPushCondition | undefined): boolean {
	if (!c) return true;
	const tags = st.userTags.get(account) ?? new Set<string>();
	const attrs = st.userAttrs.get(account) ?? new Map<string, string>();
	if (c.TagsOr && !c.TagsOr.some((t) => tags.has(t))) return false;
	if (c.TagsAnd && !c.TagsAnd.every((t) => tags.has(t))) return false;
	if (c.AttrsOr && !Object.entries(c.AttrsOr).some(([k, v]) => attrs.get(k) === v)) return false;
	if (c.AttrsAnd && !Object.entries(c.AttrsAnd).every(([k, v]) => attrs.get(k) === v)) return false;
	return true;
}

function im_push(ctx: Ctx, body: Record<string, unknown>) {
	const { st, sb } = ctx;
	if (ctx.rawSize > PUSH_REQUEST_LIMIT) throw new TimError(90056, 'The push request body is larger than 10 KB');
	const from = fromAccount(ctx, body, 90008);
	const msgRandom = uint32Field(body, 'MsgRandom', 90005, true);
	const msgBody = msgBodyField(body, 90007, 90002);
	const lifeRaw = body.MsgLifeTime;
	if (lifeRaw !== undefined && (typeof lifeRaw !== 'number' || !Number.isInteger(lifeRaw) || lifeRaw < 0 || lifeRaw > 604800)) {
		throw new TimError(90026, 'MsgLifeTime must be an integer in [0, 604800]');
	}
	if (body.OfflinePushInfo !== undefined && !isObj(body.OfflinePushInfo)) throw new TimError(90043, 'OfflinePushInfo must be an object');
	const condition = pushCondition(st, body.Condition);
	// §3.4: MsgRandom identifies the push task for 7 days — a repeat gets the same TaskId and is not
	// delivered again. sandbox: checked before the interval/daily limits, so an idempotent retry is not refused.
	const dup = st.dedup.push.get(msgRandom);
	if (dup && ctx.now - dup.at <= PUSH_DEDUP_MS) {
		st.counters.deduplicated++;
		return { TaskId: dup.taskId };
	}
	const day = new Date(ctx.now).toISOString().slice(0, 10);
	if (st.counters.pushDay !== day) {
		st.counters.pushDay = day;
		st.counters.pushesToday = 0;
	}
	const cap = sb.config.tencent.pushPerDay;
	if (cap > 0 && st.counters.pushesToday >= cap) throw new TimError(90047, `The daily push quota (${cap}) is used up`);
	// §1.4: the interval between pushes must be more than 1 s.
	throttle(ctx, 'push-interval', 1, 1000, 1, 90024, 'im_push: one push per second');
	st.counters.pushesToday++;
	const taskId = randomUUID().replace(/-/g, '');
	const recipients = [...st.accounts].filter((a) => a !== from && matchesCondition(st, a, condition));
	st.pushes.push({ taskId, msgRandom, from, msgBody, msgLifeTime: (lifeRaw as number | undefined) ?? 0, condition, recipients, at: ctx.now });
	purge(st.dedup.push, ctx.now, PUSH_DEDUP_MS);
	st.dedup.push.set(msgRandom, { taskId, at: ctx.now });
	sb.emit('tencent.message', { command: 'all_member_push/im_push', sdkAppId: ctx.sdkAppId, from, taskId, msgRandom, recipients, condition, msgBody });
	return { TaskId: taskId };
}

function im_set_attr_name(ctx: Ctx, body: Record<string, unknown>) {
	const names = body.AttrNames;
	if (!isObj(names)) throw new TimError(90001, 'AttrNames must be an object of "0"–"9" → name');
	const next = new Map(ctx.st.attrNames);
	for (const [k, v] of Object.entries(names)) {
		if (!/^[0-9]$/.test(k)) throw new TimError(90033, `Attribute index "${k}" must be "0"–"9" (§4.9)`);
		if (typeof v !== 'string' || v === '' || bytes(v) > 50) throw new TimError(90033, `Attribute name for "${k}" must be a non-empty string ≤ 50 bytes`);
		next.set(k, v);
	}
	const values = [...next.values()];
	if (new Set(values).size !== values.length) throw new TimError(90033, 'Two attribute indexes have the same name');
	ctx.st.attrNames = new Map([...next].sort(([a], [b]) => a.localeCompare(b)));
	return {};
}

function im_get_attr_name(ctx: Ctx) {
	return { AttrNames: Object.fromEntries(ctx.st.attrNames) };
}

/** Up to 100 users per request (§4.10, §4.11: 90018). */
function accountList(body: Record<string, unknown>, name = 'To_Account'): string[] {
	const v = body[name];
	if (!Array.isArray(v)) throw new TimError(90001, `${name} must be an array of UserIDs`);
	if (v.length > 100) throw new TimError(90018, `${name} has more than 100 accounts`);
	if (v.some((x) => typeof x !== 'string')) throw new TimError(60015, `${name} entries must be strings`);
	return v as string[];
}

function entryList(body: Record<string, unknown>, name: string, field: string): Array<{ account: string; value: unknown }> {
	const v = body[name];
	if (!Array.isArray(v)) throw new TimError(90001, `${name} must be an array`);
	if (v.length > 100) throw new TimError(90018, `${name} has more than 100 accounts`);
	return v.map((e, i) => {
		if (!isObj(e)) throw new TimError(90001, `${name}[${i}] must be an object`);
		if (typeof e.To_Account !== 'string') throw new TimError(60015, `${name}[${i}].To_Account must be a string`);
		if (e[field] === undefined || e[field] === null) throw new TimError(90001, `${name}[${i}].${field} is required`);
		return { account: e.To_Account, value: e[field] };
	});
}

/** sandbox: unknown users don't fail the call; they are listed in ErrorList with 70107 (as query_online_status does, §5.5). */
type ErrorList = Array<{ To_Account: string; ErrorCode: number }>;
function withErrors(out: Record<string, unknown>, errors: ErrorList) {
	if (errors.length) out.ErrorList = errors;
	return out;
}

function im_get_attr(ctx: Ctx, body: Record<string, unknown>) {
	const errors: ErrorList = [];
	const attrs: unknown[] = [];
	for (const a of accountList(body)) {
		if (!ctx.st.accounts.has(a)) errors.push({ To_Account: a, ErrorCode: 70107 });
		else attrs.push({ To_Account: a, Attrs: Object.fromEntries(ctx.st.userAttrs.get(a) ?? []) });
	}
	return withErrors({ UserAttrs: attrs }, errors);
}

function im_set_attr(ctx: Ctx, body: Record<string, unknown>) {
	const entries = entryList(body, 'UserAttrs', 'Attrs');
	const known = knownAttrNames(ctx.st);
	for (const e of entries) {
		if (!isObj(e.value)) throw new TimError(90001, 'Attrs must be an object of attribute name → value');
		for (const [k, v] of Object.entries(e.value)) {
			if (!known.has(k)) throw new TimError(90033, `Attribute "${k}" is not configured (im_set_attr_name)`);
			if (typeof v !== 'string') throw new TimError(90001, `Attrs.${k} must be a string`);
			if (bytes(v) > 50) throw new TimError(90033, `Attrs.${k} is longer than 50 bytes`);
		}
	}
	const errors: ErrorList = [];
	for (const e of entries) {
		if (!ctx.st.accounts.has(e.account)) {
			errors.push({ To_Account: e.account, ErrorCode: 70107 });
			continue;
		}
		let m = ctx.st.userAttrs.get(e.account);
		if (!m) ctx.st.userAttrs.set(e.account, (m = new Map()));
		for (const [k, v] of Object.entries(e.value as Record<string, string>)) m.set(k, v);
	}
	return withErrors({}, errors);
}

function im_remove_attr(ctx: Ctx, body: Record<string, unknown>) {
	const entries = entryList(body, 'UserAttrs', 'Attrs');
	const known = knownAttrNames(ctx.st);
	for (const e of entries) {
		for (const k of stringArray(e.value, 'Attrs', 90001)) {
			if (!known.has(k)) throw new TimError(90033, `Attribute "${k}" is not configured (im_set_attr_name)`);
		}
	}
	const errors: ErrorList = [];
	for (const e of entries) {
		if (!ctx.st.accounts.has(e.account)) {
			errors.push({ To_Account: e.account, ErrorCode: 70107 });
			continue;
		}
		const m = ctx.st.userAttrs.get(e.account);
		for (const k of e.value as string[]) m?.delete(k);
	}
	return withErrors({}, errors);
}

function im_get_tag(ctx: Ctx, body: Record<string, unknown>) {
	const errors: ErrorList = [];
	const tags: unknown[] = [];
	for (const a of accountList(body)) {
		if (!ctx.st.accounts.has(a)) errors.push({ To_Account: a, ErrorCode: 70107 });
		else tags.push({ To_Account: a, Tags: [...(ctx.st.userTags.get(a) ?? [])] });
	}
	return withErrors({ UserTags: tags }, errors);
}

function tagEntries(body: Record<string, unknown>) {
	const entries = entryList(body, 'UserTags', 'Tags');
	return entries.map((e) => {
		const tags = stringArray(e.value, 'Tags', 90001);
		if (tags.length > 10) throw new TimError(90032, `More than 10 tags for ${e.account} in one request`);
		tags.forEach(checkTag);
		return { account: e.account, tags };
	});
}

function im_add_tag(ctx: Ctx, body: Record<string, unknown>) {
	const errors: ErrorList = [];
	for (const e of tagEntries(body)) {
		if (!ctx.st.accounts.has(e.account)) {
			errors.push({ To_Account: e.account, ErrorCode: 70107 });
			continue;
		}
		const cur = ctx.st.userTags.get(e.account) ?? new Set<string>();
		const next = new Set([...cur, ...e.tags]);
		// §4.11: ≤ 100 tags per user in total. sandbox: reported per user, nothing added for that user.
		if (next.size > 100) {
			errors.push({ To_Account: e.account, ErrorCode: 90032 });
			continue;
		}
		ctx.st.userTags.set(e.account, next);
	}
	return withErrors({}, errors);
}

function im_remove_tag(ctx: Ctx, body: Record<string, unknown>) {
	const errors: ErrorList = [];
	for (const e of tagEntries(body)) {
		if (!ctx.st.accounts.has(e.account)) {
			errors.push({ To_Account: e.account, ErrorCode: 70107 });
			continue;
		}
		const cur = ctx.st.userTags.get(e.account);
		for (const t of e.tags) cur?.delete(t);
	}
	return withErrors({}, errors);
}

function im_remove_all_tags(ctx: Ctx, body: Record<string, unknown>) {
	const errors: ErrorList = [];
	for (const a of accountList(body)) {
		if (!ctx.st.accounts.has(a)) errors.push({ To_Account: a, ErrorCode: 70107 });
		else ctx.st.userTags.delete(a);
	}
	return withErrors({}, errors);
}

// ---- accounts (§5.1–§5.3) -----------------------------------------------------------------------

function validUserId(v: unknown): v is string {
	return typeof v === 'string' && v !== '' && bytes(v) <= 32;
}

function importAccount(st: TencentState, id: string, nick?: unknown, faceUrl?: unknown) {
	st.accounts.add(id);
	if (typeof nick === 'string' || typeof faceUrl === 'string') {
		const p = st.profiles.get(id) ?? {};
		if (typeof nick === 'string') p.nick = nick;
		if (typeof faceUrl === 'string') p.faceUrl = faceUrl;
		st.profiles.set(id, p);
	}
}

/** 70399 (deleted less than `reimportBlockSeconds` ago) or 70398 (account cap); 0 when the import may go ahead. */
function importRefusal(ctx: Ctx, id: string): number {
	const { st, sb } = ctx;
	const block = sb.config.tencent.reimportBlockSeconds ?? 0;
	const deletedAt = st.deleted.get(id);
	if (block > 0 && deletedAt !== undefined && ctx.now - deletedAt < block * 1000) return 70399;
	const cap = sb.config.tencent.accountCap ?? 0;
	if (cap > 0 && !st.accounts.has(id)) {
		const admins = new Set(Object.values(sb.config.tencent.apps).flatMap((a) => a.admins ?? []));
		if ([...st.accounts].filter((a) => !admins.has(a)).length >= cap) return 70398;
	}
	return 0;
}

function account_import(ctx: Ctx, body: Record<string, unknown>) {
	if (!validUserId(body.UserID)) throw new TimError(70402, 'UserID must be a non-empty string of at most 32 bytes');
	for (const k of ['Nick', 'FaceUrl']) {
		const v = body[k];
		if (v === undefined) continue;
		if (typeof v !== 'string') throw new TimError(70402, `${k} must be a string`);
		if (bytes(v) > 500) throw new TimError(40601, `${k} is longer than 500 bytes`);
	}
	const refusal = importRefusal(ctx, body.UserID);
	if (refusal === 70399) throw new TimError(70399, `${body.UserID} was deleted less than 3 months ago and cannot be imported again yet`);
	if (refusal === 70398) throw new TimError(70398, 'The account limit of the app is reached');
	importAccount(ctx.st, body.UserID, body.Nick, body.FaceUrl);
	return {};
}

function multiaccount_import(ctx: Ctx, body: Record<string, unknown>) {
	const fail: string[] = [];
	if (body.AccountList !== undefined) {
		const list = body.AccountList;
		if (!Array.isArray(list)) throw new TimError(70402, 'AccountList must be an array');
		if (list.length > 100) throw new TimError(70402, 'At most 100 accounts per call (§5.2)');
		for (const e of list) {
			if (!isObj(e) || !validUserId(e.UserID)) {
				fail.push(isObj(e) ? String(e.UserID) : String(e));
				continue;
			}
			// sandbox: a profile value that account_import would refuse (§5.1: 40601) fails that account only.
			const badProfile = ['Nick', 'FaceUrl'].some((k) => e[k] !== undefined && (typeof e[k] !== 'string' || bytes(e[k]) > 500));
			if (badProfile || importRefusal(ctx, e.UserID) !== 0) {
				fail.push(e.UserID);
				continue;
			}
			importAccount(ctx.st, e.UserID, e.Nick, e.FaceUrl);
		}
	} else if (body.Accounts !== undefined) {
		const list = body.Accounts;
		if (!Array.isArray(list)) throw new TimError(70402, 'Accounts must be an array');
		if (list.length > 100) throw new TimError(70402, 'At most 100 accounts per call (§5.2)');
		for (const id of list) {
			if (!validUserId(id) || importRefusal(ctx, id) !== 0) fail.push(String(id));
			else importAccount(ctx.st, id);
		}
	} else throw new TimError(70402, 'Accounts or AccountList is required');
	return { FailAccounts: fail };
}

function account_check(ctx: Ctx, body: Record<string, unknown>) {
	const list = body.CheckItem;
	if (!Array.isArray(list) || list.length === 0) throw new TimError(70402, 'CheckItem must be a non-empty array');
	if (list.length > 100) throw new TimError(70402, 'At most 100 accounts per call (§5.3)');
	const items = list.map((e, i) => {
		if (!isObj(e) || typeof e.UserID !== 'string') throw new TimError(70402, `CheckItem[${i}].UserID must be a string`);
		const imported = ctx.st.accounts.has(e.UserID);
		return { UserID: e.UserID, ResultCode: 0, ResultInfo: '', AccountStatus: imported ? 'Imported' : 'NotImported' };
	});
	return { ResultItem: items };
}

/**
 * §5.4: ≤ 100 per call, one ResultItem per UserID. Irreversible: profile, relationships, group
 * memberships, status and mutes go. sandbox: an unknown UserID gets ResultCode 70107; groups the
 * account owned keep existing without owner.
 */
function account_delete(ctx: Ctx, body: Record<string, unknown>) {
	const { st, sb } = ctx;
	if (sb.config.tencent.accountDeleteDisabled) throw new TimError(71000, 'Account deletion is not enabled for this app (console setting)');
	const list = body.DeleteItem;
	if (!Array.isArray(list) || list.length === 0) throw new TimError(70402, 'DeleteItem must be a non-empty array');
	if (list.length > 100) throw new TimError(70402, 'At most 100 accounts per call (§5.4)');
	const ids = list.map((e, i) => {
		if (!isObj(e) || typeof e.UserID !== 'string') throw new TimError(70402, `DeleteItem[${i}].UserID must be a string`);
		return e.UserID as string;
	});
	const items = ids.map((id) => {
		if (!st.accounts.has(id)) return { UserID: id, ResultCode: 70107, ResultInfo: 'UserID not imported' };
		st.accounts.delete(id);
		st.profiles.delete(id);
		st.userAttrs.delete(id);
		st.userTags.delete(id);
		st.online.delete(id);
		st.mutes.delete(id);
		for (const g of st.groups.values()) {
			g.members.delete(id);
			g.admins?.delete(id);
			g.pending?.delete(id);
			if (g.owner === id) g.owner = undefined;
		}
		st.deleted.set(id, ctx.now);
		return { UserID: id, ResultCode: 0, ResultInfo: '' };
	});
	return { ResultItem: items };
}

const PLATFORMS = ['iPhone', 'Android', 'Web', 'PC', 'iPad', 'Mac'];

/** §5.5: Online if any device is connected, else PushOnline if any device is reachable by push, else Offline. */
function overallStatus(platforms: TencentPlatformStatus[]): TencentPlatformStatus['Status'] {
	if (platforms.some((p) => p.Status === 'Online')) return 'Online';
	if (platforms.some((p) => p.Status === 'PushOnline')) return 'PushOnline';
	return 'Offline';
}

/** §5.5: ≤ 500 accounts; unknown ones go to ErrorList with 70107. */
function query_online_status(ctx: Ctx, body: Record<string, unknown>) {
	const raw = body.To_Account;
	if (raw === undefined || raw === null) throw new TimError(90003, 'To_Account is required');
	if (!Array.isArray(raw)) throw new TimError(90028, 'To_Account must be an array');
	if (raw.length === 0) throw new TimError(90029, 'To_Account is empty');
	if (raw.length > 500) throw new TimError(90018, `To_Account has ${raw.length} accounts; the limit is 500`);
	if (raw.some((x) => typeof x !== 'string')) throw new TimError(60015, 'To_Account entries must be strings');
	const detail = body.IsNeedDetail;
	if (detail !== undefined && detail !== 0 && detail !== 1) throw new TimError(90010, 'IsNeedDetail must be 0 or 1');
	const errors: ErrorList = [];
	const result: unknown[] = [];
	for (const a of raw as string[]) {
		if (!ctx.st.accounts.has(a)) {
			errors.push({ To_Account: a, ErrorCode: 70107 });
			continue;
		}
		const platforms = ctx.st.online.get(a) ?? [];
		const entry: Record<string, unknown> = { To_Account: a, Status: overallStatus(platforms) };
		if (detail === 1) entry.Detail = platforms.filter((p) => p.Status !== 'Offline').map((p) => ({ Platform: p.Platform, Status: p.Status }));
		result.push(entry);
	}
	return withErrors({ QueryResult: result }, errors);
}

// ---- global mute (§5.6) -------------------------------------------------------------------------

/** Remaining mute seconds as getnospeaking reports them: 0 = not muted, 4294967295 = permanent. */
function muteLeft(ctx: Ctx, account: string, kind: 'c2c' | 'group'): number {
	const m = ctx.st.mutes.get(account);
	const until = m ? (kind === 'c2c' ? m.c2cUntil : m.groupUntil) : 0;
	if (until === Infinity) return UINT32_MAX;
	return until > ctx.now ? Math.ceil((until - ctx.now) / 1000) : 0;
}

function muteAccount(ctx: Ctx, body: Record<string, unknown>, name: string): string {
	const v = body[name];
	if (typeof v !== 'string' || v === '') throw new TimError(70402, `${name} is required and must be a string`);
	if (!ctx.st.accounts.has(v)) throw new TimError(70107, `${v} is not an imported account`);
	return v;
}

function setnospeaking(ctx: Ctx, body: Record<string, unknown>) {
	const account = muteAccount(ctx, body, 'Set_Account');
	const c2c = uint32Field(body, 'C2CmsgNospeakingTime', 70402, false);
	const group = uint32Field(body, 'GroupmsgNospeakingTime', 70402, false);
	if (c2c === undefined && group === undefined) throw new TimError(70402, 'C2CmsgNospeakingTime or GroupmsgNospeakingTime is required');
	const until = (s: number) => (s === UINT32_MAX ? Infinity : s === 0 ? 0 : ctx.now + s * 1000);
	const m = ctx.st.mutes.get(account) ?? { c2cUntil: 0, groupUntil: 0 };
	if (c2c !== undefined) m.c2cUntil = until(c2c);
	if (group !== undefined) m.groupUntil = until(group);
	ctx.st.mutes.set(account, m);
	return {};
}

/** §5.6: the answer may lack ActionStatus — this one does (the field is removed from the envelope). */
function getnospeaking(ctx: Ctx, body: Record<string, unknown>) {
	const account = muteAccount(ctx, body, 'Get_Account');
	return { ActionStatus: undefined, C2CmsgNospeakingTime: muteLeft(ctx, account, 'c2c'), GroupmsgNospeakingTime: muteLeft(ctx, account, 'group') };
}

// ---- routing ------------------------------------------------------------------------------------

interface Route {
	family: Family;
	/** Calls per second (§1.4); 0 = governed by the handler's own limit. */
	qps: number;
	handler: Handler;
}

const route = (family: Family, qps: number, handler: Handler): Route => ({ family, qps, handler });

const ROUTES: Record<string, Route> = {
	'openim/sendmsg': route('openim', 200, sendmsg),
	'openim/batchsendmsg': route('openim', 200, batchsendmsg),
	'openim/admin_msgwithdraw': route('openim', 200, admin_msgwithdraw),
	[importmsg.api]: route('openim', 200, importmsg.handle),
	'group_open_http_svc/send_group_msg': route('group', 200, send_group_msg),
	'group_open_http_svc/send_group_system_notification': route('group', 200, send_group_system_notification),
	'group_open_http_svc/send_broadcast_msg': route('group', 0, send_broadcast_msg),
	'group_open_http_svc/group_msg_recall': route('group', 200, group_msg_recall),
	'group_open_http_svc/create_group': route('group', 200, create_group),
	'group_open_http_svc/destroy_group': route('group', 200, destroy_group),
	// 1 call/s (cloud.tencent.com/document/product/269/1614, tencentcloud.com 1047/34960).
	'group_open_http_svc/get_appid_group_list': route('group', 1, get_appid_group_list),
	'group_open_http_svc/add_group_member': route('group', 200, add_group_member),
	'group_open_http_svc/delete_group_member': route('group', 200, delete_group_member),
	'group_open_http_svc/get_online_member_num': route('group', 200, get_online_member_num),
	'all_member_push/im_push': route('push', 100, im_push),
	'all_member_push/im_set_attr_name': route('push', 100, im_set_attr_name),
	'all_member_push/im_get_attr_name': route('push', 100, im_get_attr_name),
	'all_member_push/im_get_attr': route('push', 100, im_get_attr),
	'all_member_push/im_set_attr': route('push', 100, im_set_attr),
	'all_member_push/im_remove_attr': route('push', 100, im_remove_attr),
	'all_member_push/im_get_tag': route('push', 100, im_get_tag),
	'all_member_push/im_add_tag': route('push', 100, im_add_tag),
	'all_member_push/im_remove_tag': route('push', 100, im_remove_tag),
	'all_member_push/im_remove_all_tags': route('push', 100, im_remove_all_tags),
	// The current Push service paths (tencentcloud.com 1047/60561 push; trtc.io 60563 set_attr_name,
	// 60568 add_tag, 60570 clear_all_tags; the other names as in tencent-chat.md §4.8). sandbox: the
	// same behaviour and the same state (tags, attributes, the daily push count) as the legacy paths.
	'timpush/push': route('push', 100, im_push),
	'timpush/set_attr_name': route('push', 100, im_set_attr_name),
	'timpush/get_attr_name': route('push', 100, im_get_attr_name),
	'timpush/get_attr': route('push', 100, im_get_attr),
	'timpush/set_attr': route('push', 100, im_set_attr),
	'timpush/remove_attr': route('push', 100, im_remove_attr),
	'timpush/get_tag': route('push', 100, im_get_tag),
	'timpush/add_tag': route('push', 100, im_add_tag),
	'timpush/remove_tag': route('push', 100, im_remove_tag),
	'timpush/clear_all_tags': route('push', 100, im_remove_all_tags),
	'im_open_login_svc/account_import': route('login', 200, account_import),
	'im_open_login_svc/multiaccount_import': route('login', 100, multiaccount_import),
	'im_open_login_svc/account_check': route('login', 100, account_check),
	// §1.4: rate unconfirmed; the default 200/s is assumed.
	'im_open_login_svc/account_delete': route('login', 200, account_delete),
	'openim/query_online_status': route('openim', 200, query_online_status),
	'openconfigsvr/setnospeaking': route('config', 200, setnospeaking),
	'openconfigsvr/getnospeaking': route('config', 200, getnospeaking),
};

export const TENCENT_PATHS = Object.keys(ROUTES);

export async function handleTencent(sb: Sandbox, req: RawRequest): Promise<RawResponse> {
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
	const r = pm ? ROUTES[path] : undefined;
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
		const ctx: Ctx = { sb, st, sdkAppId: Number(sdkappid), identifier, now, nowSec: Math.floor(now / 1000), rawSize: req.body.length };
		// §1.4: per-API call rate per SDKAppID.
		if (r.qps > 0) throttle(ctx, path, r.qps, 1000, 1, 60007, path);
		st.accounts.add(identifier); // an admin account always exists
		return reply(0, '', r.handler(ctx, body));
	} catch (e) {
		if (e instanceof TimError) return reply(e.code, e.message);
		return reply(r ? FAMILY[r.family].internal : 70500, `Internal error: ${(e as Error).message}`);
	}
}

// ---- seeding and inspection (used by server.ts) -------------------------------------------------

export interface TencentGroupSeed {
	groupId: string;
	type: TencentGroupType;
	name?: string;
	owner?: string;
	members?: string[];
	maxMemberCount?: number;
	/** add_group_member answers Result 3 (waiting for the invitee) for this group. */
	inviteNeedsConfirmation?: boolean;
}

/** Creates (or replaces) a group directly; members and owner are imported as accounts. */
export function seedTencentGroup(st: TencentState, seed: TencentGroupSeed): TencentGroup {
	if (!seed || typeof seed.groupId !== 'string' || seed.groupId === '') throw new Error('groupId is required');
	if (!TENCENT_GROUP_TYPES.includes(seed.type)) throw new Error(`type must be one of ${TENCENT_GROUP_TYPES.join(', ')}`);
	const members = new Set<string>(seed.members ?? []);
	if (seed.owner) members.add(seed.owner);
	for (const m of members) st.accounts.add(m);
	const g: TencentGroup = {
		groupId: seed.groupId, type: seed.type, name: seed.name ?? seed.groupId, owner: seed.owner, members, messages: [], nextSeq: 1, notifications: [],
		seq: ++st.counters.groupSeq, maxMemberCount: seed.maxMemberCount, inviteNeedsConfirmation: seed.inviteNeedsConfirmation, admins: new Set(), pending: new Set(),
	};
	st.groups.delete(g.groupId); // a replaced group moves to the end of the creation order
	st.groups.set(g.groupId, g);
	return g;
}

/**
 * Sets the online status of an account (§5.5): a status for every listed platform, or one status
 * for a single platform. `Offline` or an empty list clears it. The account is imported.
 */
export function seedTencentOnline(st: TencentState, account: string, status: TencentPlatformStatus['Status'] | TencentPlatformStatus[]): void {
	const platforms: TencentPlatformStatus[] = Array.isArray(status) ? status : status === 'Offline' ? [] : [{ Platform: 'iPhone', Status: status }];
	for (const p of platforms) {
		if (!PLATFORMS.includes(p.Platform)) throw new Error(`Platform must be one of ${PLATFORMS.join(', ')}`);
		if (!['Online', 'PushOnline', 'Offline'].includes(p.Status)) throw new Error('Status must be Online, PushOnline or Offline');
	}
	st.accounts.add(account);
	if (platforms.length) st.online.set(account, platforms);
	else st.online.delete(account);
}

/**
 * A one-to-one conversation's history as Tencent shows it: by MsgTime (seconds), then — within one
 * second — by MsgSeq (cloud.tencent.com/document/product/269/2282, 269/1612). Arrival order is not
 * what the receiver sees, so an ordering test must look at this.
 */
export function tencentC2CHistory(st: TencentState, from: string, to: string): TencentC2CMessage[] {
	return st.c2c
		.map((m, i) => ({ m, i }))
		.filter(({ m }) => m.from === from && m.to === to)
		.sort((a, b) => a.m.msgTime - b.m.msgTime || a.m.msgSeq - b.m.msgSeq || a.i - b.i)
		.map(({ m }) => m);
}

/** What the sandbox received, JSON-friendly. */
export function tencentSnapshot(st: TencentState): Record<string, unknown> {
	const byPath: Record<string, number> = {};
	for (const r of st.requests) byPath[r.path] = (byPath[r.path] ?? 0) + 1;
	return {
		requests: byPath,
		rejected: st.requests.filter((r) => r.code !== 0).map((r) => ({ path: r.path, code: r.code })),
		accounts: [...st.accounts],
		c2c: st.c2c,
		groups: [...st.groups.values()].map((g) => ({ ...g, members: [...g.members], admins: [...(g.admins ?? [])], pending: [...(g.pending ?? [])] })),
		broadcasts: st.broadcasts,
		pushes: st.pushes,
		attrNames: Object.fromEntries(st.attrNames),
		userAttrs: Object.fromEntries([...st.userAttrs].map(([a, m]) => [a, Object.fromEntries(m)])),
		userTags: Object.fromEntries([...st.userTags].map(([a, s]) => [a, [...s]])),
		online: Object.fromEntries(st.online),
		mutes: Object.fromEntries(
			[...st.mutes].map(([a, m]) => [a, { c2cUntil: m.c2cUntil === Infinity ? 'permanent' : m.c2cUntil, groupUntil: m.groupUntil === Infinity ? 'permanent' : m.groupUntil }]),
		),
		counters: st.counters,
	};
}
