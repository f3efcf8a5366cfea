// Sandbox code (not shipped): the state of the history, receipt, extension and conversation
// handlers (history.ts, groupHistory.ts, conversations.ts), kept beside the Tencent state (one per
// TencentState, so a sandbox reset starts it afresh). Tests seed it through `sessionsOf`.
import type { TencentState } from './state';

/** One entry of a user's conversation list (recentcontact/get_list, trtc.io/document/43087). */
export interface TencentConversation {
	/** 1 one-to-one, 2 group. */
	type: 1 | 2;
	/** The peer's UserID or the GroupId. */
	peer: string;
	msgTime: number;
	top: boolean;
}

/** A user's conversation groups (recentcontact/*_contact_group, trtc.io 53437–53442). */
export interface TencentContactGroup {
	id: number;
	name: string;
	/** Conversation keys `1:<user>` / `2:<group>`. */
	members: Set<string>;
}

export interface TencentContactMark {
	standard: Set<number>;
	custom?: string;
	at: number;
}

export interface TencentExtensions {
	/** The message's extension version: every change takes the next one. */
	seq: number;
	clearSeq: number;
	keys: Map<string, { value: string; seq: number }>;
}

export interface TencentSessions {
	conversations: Map<string, TencentConversation[]>;
	/** get_list page size (sandbox: the vendor's is not documented; tests lower it to see paging). */
	conversationPage: number;
	/** Page size of get_key_values / group_get_key_values (the pages: up to 200 per pull). */
	extensionPage: number;
	/** get_contact_group page size (sandbox). */
	contactGroupPage: number;
	/** reader → peer → read up to (UNIX s), admin_set_msg_read. */
	readUpTo: Map<string, Map<string, number>>;
	/** `groupId` → member → unread count (set_unread_msg_num). */
	groupUnread: Map<string, Map<string, number>>;
	/** `groupId:seq` → members who read it (group read receipts; seeded by tests, since clients send them). */
	groupReads: Map<string, Set<string>>;
	/** `c2c:<MsgKey>` or `group:<GroupId>:<MsgSeq>` → extensions. */
	extensions: Map<string, TencentExtensions>;
	contactGroups: Map<string, TencentContactGroup[]>;
	/** user → conversation key → marks. */
	marks: Map<string, Map<string, TencentContactMark>>;
	nextContactGroupId: number;
}

const ALL = new WeakMap<TencentState, TencentSessions>();

export function sessionsOf(st: TencentState): TencentSessions {
	let s = ALL.get(st);
	if (!s) {
		s = {
			conversations: new Map(),
			conversationPage: 100,
			extensionPage: 200,
			contactGroupPage: 100,
			readUpTo: new Map(),
			groupUnread: new Map(),
			groupReads: new Map(),
			extensions: new Map(),
			contactGroups: new Map(),
			marks: new Map(),
			nextContactGroupId: 1,
		};
		ALL.set(st, s);
	}
	return s;
}
