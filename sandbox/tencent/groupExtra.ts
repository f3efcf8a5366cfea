// Sandbox code (not shipped): the parts of a Tencent Chat group that only the issue-14 group APIs
// read and write — profile extras, per-member profiles, custom attributes, counters, bans, marks and
// topics — kept beside the group (a WeakMap: a dismissed or replaced group takes them with it).
import { TimError } from './fields';
import type { TencentGroup, TimCtx } from './state';

export interface TencentMemberInfo {
	joinTime: number;
	nameCard?: string;
	msgFlag: string;
	/** Unix seconds until which the member is muted in the group (0: not muted). */
	muteUntil: number;
	custom: Map<string, string>;
	/** Unread count given by import_group_member. */
	unread?: number;
}

export interface TencentTopic {
	topicId: string;
	name: string;
	createTime: number;
	customString?: string;
	faceUrl?: string;
	notification?: string;
	introduction?: string;
	muteAll: boolean;
}

export interface TencentGroupExtra {
	createTime: number;
	muteAll: boolean;
	custom: Map<string, string>;
	members: Map<string, TencentMemberInfo>;
	attributes: Map<string, string>;
	counters: Map<string, bigint>;
	/** Banned accounts of an audio-video group → Unix seconds until the ban ends. */
	bans: Map<string, number>;
	/** Online-member marks of an audio-video group (modify_user_info). */
	marks: Map<string, Set<number>>;
	topics: Map<string, TencentTopic>;
	/** Mutes inside a topic: `<TopicId>|<account>` → Unix seconds until the mute ends. */
	topicMutes: Map<string, number>;
}

const extras = new WeakMap<TencentGroup, TencentGroupExtra>();

export function extraOf(g: TencentGroup, nowSec = Math.floor(Date.now() / 1000)): TencentGroupExtra {
	let e = extras.get(g);
	if (!e) {
		e = { createTime: nowSec, muteAll: false, custom: new Map(), members: new Map(), attributes: new Map(), counters: new Map(), bans: new Map(), marks: new Map(), topics: new Map(), topicMutes: new Map() };
		extras.set(g, e);
	}
	return e;
}

/** A member's profile (created on first use with the join time "now"); undefined for a non-member. */
export function memberInfo(ctx: TimCtx, g: TencentGroup, account: string): TencentMemberInfo | undefined {
	if (!g.members.has(account)) return undefined;
	const e = extraOf(g, ctx.nowSec);
	let m = e.members.get(account);
	if (!m) e.members.set(account, (m = { joinTime: ctx.nowSec, msgFlag: 'AcceptAndNotify', muteUntil: 0, custom: new Map() }));
	return m;
}

export const roleOf = (g: TencentGroup, account: string): string => (g.owner === account ? 'Owner' : g.admins?.has(account) ? 'Admin' : g.members.has(account) ? 'Member' : 'NotMember');

/** `[{ Key, Value }]` as the vendor writes custom data. */
export const customList = (m: Map<string, string>) => [...m].map(([Key, Value]) => ({ Key, Value }));

/** Reads `[{ Key, Value }]` custom data into `into` (10004 on a bad entry). */
export function readCustom(v: unknown, name: string, into: Map<string, string>): void {
	if (v === undefined) return;
	if (!Array.isArray(v)) throw new TimError(10004, `${name} must be an array of { Key, Value }`);
	for (const [i, d] of v.entries()) {
		if (typeof d?.Key !== 'string' || d.Key === '' || typeof d.Value !== 'string') throw new TimError(10004, `${name}[${i}] must be { Key: string, Value: string }`);
		into.set(d.Key, d.Value);
	}
}

/** 10004 unless `v` is a non-empty array of at most `max` user IDs. */
export function accountList(v: unknown, name: string, max: number): string[] {
	if (!Array.isArray(v) || v.length === 0 || v.some((x) => typeof x !== 'string' || x === '')) throw new TimError(10004, `${name} must be a non-empty array of user IDs`);
	if (v.length > max) throw new TimError(10004, `${name} has ${v.length} entries; the limit is ${max}`);
	return v as string[];
}
