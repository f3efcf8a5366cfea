// Sandbox code (not shipped): the Tencent Chat emulator's state, its configuration, the context a
// handler gets, and what the sandbox shows of the state (snapshot, a conversation's history).
import type { Sandbox } from '../types';

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
	via: 'send_group_msg' | 'send_broadcast_msg' | 'import_group_msg';
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

/** What a handler gets: the sandbox, the Tencent state, the clock, the SDKAppID and admin who called. */
export interface TimCtx {
	sb: Sandbox;
	st: TencentState;
	sdkAppId: number;
	identifier: string;
	now: number;
	nowSec: number;
	/** Bytes of the request body as received (im_push's 10 KB request limit, §1.5). */
	rawSize: number;
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
