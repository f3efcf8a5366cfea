// Sandbox code (not shipped): the Volcengine emulator's state, its configuration and the context a handler gets.
import type { Sandbox } from '../types';

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
	/** RTC App ID → BusinessId → the callback registered with CreateCallback (callbackAdmin.ts). */
	callbacks: Map<string, Map<string, RegisteredCallback>>;
}

/** One registered callback (CreateCallback / UpdateCallback). */
export interface RegisteredCallback {
	appId: string;
	businessId: string;
	url: string;
	events: string[];
	secretKey: string;
	/** ms */
	createdAt: number;
	updatedAt: number;
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

/** The RTC App ID (a string, §5) the sandbox knows from the start. */
export const SANDBOX_RTC_APP_ID = '661e0d3c2b1a5f00e9a543cf';

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
		callbacks: new Map(),
	};
}

/** What a handler gets: the sandbox (for events), this vendor's state and configuration, and the request's clock. */
export interface VolcCtx {
	sb: Sandbox;
	st: VolcengineState;
	cfg: VolcengineConfig;
	now: number;
}

export function usersOf(st: VolcengineState, appId: number): Map<bigint, VolcengineUser> {
	let m = st.users.get(appId);
	if (!m) st.users.set(appId, (m = new Map()));
	return m;
}

export function newMessageId(st: VolcengineState): bigint {
	return st.nextMessageId++;
}

/** What the sandbox received, JSON-friendly (every int64 as a string). */
export function volcengineSnapshot(v: VolcengineState): Record<string, unknown> {
	const byAction: Record<string, number> = {};
	for (const r of v.requests) byAction[r.action] = (byAction[r.action] ?? 0) + 1;
	return {
		requests: byAction,
		rejected: v.requests.filter((r) => r.code).map((r) => ({ action: r.action, code: r.code })),
		messages: v.messages.map((m) => ({
			action: m.action,
			appId: m.appId,
			sender: String(m.sender),
			receiver: String(m.receiver),
			messageId: String(m.messageId),
			content: m.content,
		})),
		broadcasts: v.broadcasts.map((b) => ({ ...b, sender: String(b.sender), recipients: b.recipients.map(String) })),
		users: [...v.users].flatMap(([appId, m]) => [...m.values()].map((u) => ({ appId, userId: String(u.userId), tags: Object.fromEntries(u.tags) }))),
	};
}
