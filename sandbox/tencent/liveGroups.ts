// Sandbox code (not shipped): Tencent Chat live groups — get_members and modify_user_info on the
// service group_open_avchatroom_http_svc (tencentcloud.com 1047/50293, 50294; doocs GetMembersRequest.java,
// ModifyGroupUserInfoRequest.java).
import { groupOf, isObj, isOnline, TimError } from './fields';
import { extraOf } from './groupExtra';
import { route, type TimRoute } from './route';
import type { TencentGroup, TimCtx } from './state';

/** Online members per answer page (the page says groups over 500 members come in pages). */
const PAGE = 500;
/**
 * sandbox: NextTimestamp is this base + the position of the next member — above 2^53, so a client
 * that passes the int64 cursor through a double loses digits and is refused.
 */
const CURSOR_BASE = 1_700_000_000_000_000_000n;

function liveOnly(g: TencentGroup) {
	if (g.type !== 'AVChatRoom' && g.type !== 'Community') throw new TimError(10007, 'Online member lists are for audio-video groups (AVChatRoom) and communities');
}

function get_members(ctx: TimCtx, body: Record<string, unknown>) {
	const g = groupOf(ctx, body);
	liveOnly(g);
	const ts = body.Timestamp;
	if (!(typeof ts === 'bigint' || (typeof ts === 'number' && Number.isSafeInteger(ts)))) throw new TimError(10004, 'Timestamp is required (0 on the first call)');
	const at = BigInt(ts) === 0n ? 0 : Number(BigInt(ts) - CURSOR_BASE);
	if (at < 0 || !Number.isSafeInteger(at)) throw new TimError(10004, `Timestamp ${String(ts)} is not a cursor this server issued`);
	const mark = body.Mark;
	const e = extraOf(g, ctx.nowSec);
	const online = [...g.members].filter((a) => isOnline(ctx.st, a) && (mark === undefined || e.marks.get(a)?.has(mark as number)));
	const page = online.slice(at, at + PAGE);
	const done = at + page.length >= online.length;
	return {
		MemberList: page.map((a) => ({ Member_Account: a, JoinTime: e.members.get(a)?.joinTime ?? ctx.nowSec, NickName: '', Avatar: '', Marks: [...(e.marks.get(a) ?? [])] })),
		NextTimestamp: done ? 0 : CURSOR_BASE + BigInt(at + page.length),
	};
}

/** CommandType 1 set, 2 delete; MemberList ≤ 500; ≤ 10 distinct marks per group. */
function modify_user_info(ctx: TimCtx, body: Record<string, unknown>) {
	const g = groupOf(ctx, body);
	if (g.type !== 'AVChatRoom') throw new TimError(10007, 'Member marks are for audio-video groups (AVChatRoom)');
	const cmd = body.CommandType;
	if (cmd !== 1 && cmd !== 2) throw new TimError(10004, 'CommandType must be 1 (set) or 2 (delete)');
	const list = body.MemberList;
	if (!Array.isArray(list) || list.length === 0 || list.length > 500) throw new TimError(10004, 'MemberList must hold 1 to 500 members');
	const e = extraOf(g, ctx.nowSec);
	const marks = new Map([...e.marks].map(([a, s]) => [a, new Set(s)]));
	for (const [i, m] of list.entries()) {
		if (!isObj(m) || typeof m.Member_Account !== 'string' || !Array.isArray(m.Marks) || m.Marks.some((x: unknown) => typeof x !== 'number' || !Number.isInteger(x))) {
			throw new TimError(10004, `MemberList[${i}] must be { Member_Account, Marks: [integer] }`);
		}
		const set = marks.get(m.Member_Account) ?? new Set<number>();
		for (const x of m.Marks as number[]) {
			if (cmd === 1) set.add(x);
			else set.delete(x);
		}
		marks.set(m.Member_Account, set);
	}
	const distinct = new Set([...marks.values()].flatMap((s) => [...s]));
	if (distinct.size > 10) throw new TimError(10004, `A group takes at most 10 marks (${distinct.size} after this change)`);
	e.marks = marks;
	return { CommandType: cmd, MemberList: list };
}

export const liveGroupRoutes: TimRoute[] = [
	route('group_open_avchatroom_http_svc/get_members', 'group', 200, get_members),
	route('group_open_avchatroom_http_svc/modify_user_info', 'group', 200, modify_user_info),
];
