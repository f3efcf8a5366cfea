// Sandbox code (not shipped): Tencent Chat seeds — groups, online status, group messages, push
// tags, deleted accounts — that stand in for what clients and earlier calls would have done, so
// tests need not write into the state by hand (design review §5.3).
import { TENCENT_GROUP_TYPES, type TencentGroup, type TencentGroupMessage, type TencentGroupType, type TencentPlatformStatus, type TencentState } from './state';

const PLATFORMS = ['iPhone', 'Android', 'Web', 'PC', 'iPad', 'Mac'];

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


export interface GroupMessageSeed {
	/** Default: the group's owner, else its first member, else "administrator". */
	from?: string;
	/** Default: one TIMTextElem "message <MsgSeq>". */
	msgBody?: unknown[];
	/** Default: the MsgSeq. */
	random?: number;
	cloudCustomData?: string;
	/** Seconds; default now. */
	msgTime?: number;
	recalled?: boolean;
}

/**
 * Appends messages to a seeded group as send_group_msg would have stored them: MsgSeq continues
 * the group's sequence (a fresh group starts at 1). `messages` is a count or a list. Returns the
 * stored messages.
 */
export function seedTencentGroupMessages(st: TencentState, groupId: string, messages: number | GroupMessageSeed[], now: number): TencentGroupMessage[] {
	const g = st.groups.get(groupId);
	if (!g) throw new Error(`group ${groupId} does not exist (seed it with seedTencentGroup first)`);
	const list: GroupMessageSeed[] = typeof messages === 'number' ? Array.from({ length: messages }, () => ({})) : messages;
	return list.map((m) => {
		const msgSeq = g.nextSeq++;
		const stored: TencentGroupMessage = {
			msgSeq,
			random: m.random ?? msgSeq,
			from: m.from ?? g.owner ?? [...g.members][0] ?? 'administrator',
			msgBody: m.msgBody ?? [{ MsgType: 'TIMTextElem', MsgContent: { Text: `message ${msgSeq}` } }],
			...(m.cloudCustomData !== undefined ? { cloudCustomData: m.cloudCustomData } : {}),
			recalled: m.recalled ?? false,
			msgTime: m.msgTime ?? Math.floor(now / 1000),
			at: now,
			via: 'send_group_msg',
		};
		g.messages.push(stored);
		return stored;
	});
}

/** Sets an account's push tags (what im_add_tag does, §4.11); the account is imported. An empty list removes them all. */
export function seedTencentUserTags(st: TencentState, account: string, tags: string[]): void {
	st.accounts.add(account);
	if (tags.length) st.userTags.set(account, new Set(tags));
	else st.userTags.delete(account);
}

/**
 * Records that an account was deleted at `atMs` (what account_delete does, §5.4): it is no longer
 * imported, and importing it again meets the re-import block (70399, `reimportBlockSeconds`).
 */
export function seedTencentDeletedAccount(st: TencentState, account: string, atMs: number): void {
	st.accounts.delete(account);
	st.deleted.set(account, atMs);
}
