// Sandbox code (not shipped): Tencent Chat seeds for what tests used to write into the state by
// hand (design review §5.3). They sit here, beside sandbox/tencent.ts, until it is split into this
// folder; '../tencent' is that file.
import type { TencentGroupMessage, TencentState } from '../tencent';

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
