// Sandbox code (not shipped): group message history and receipts — import_group_msg,
// modify_group_msg (service openim), group_msg_get_simple, delete_group_msg_by_sender,
// get_group_msg_receipt, get_group_msg_receipt_detail, set_unread_msg_num.
//
// Fields from the vendor pages (trtc.io/document 34968, 47948, 34971, 34970, 49439, 49438, 34909)
// and doocs/qcloud-im-server-sdk-java's models. Error codes of the group family: 10004 bad field,
// 10010 group (or message) not found, 10007 not allowed for this group type or a non-member;
// per-message import Results 10004 / 80002 (dobyte/tencent-im group/types.go).
import { bytes, groupOf, isObj, MSG_BODY_LIMIT, msgBodyField, stringField, TimError, uint32Field } from './fields';
import { stringifyJson } from '../json';
import { route, type TimRoute } from './route';
import { sessionsOf } from './sessionState';
import type { TencentGroup, TencentGroupMessage, TimCtx } from './state';

function notLive(g: TencentGroup, what: string, alsoCommunity = false) {
	if (g.type === 'AVChatRoom' || (alsoCommunity && g.type === 'Community')) throw new TimError(10007, `${what} is not supported for ${g.type} groups`);
}

function seqOf(body: Record<string, unknown>, name = 'MsgSeq'): number | bigint {
	const v = body[name];
	if (!((typeof v === 'number' && Number.isInteger(v) && v > 0) || (typeof v === 'bigint' && v > 0n))) throw new TimError(10004, `${name} must be a positive integer`);
	return v as number | bigint;
}

function messageOf(g: TencentGroup, seq: number | bigint): TencentGroupMessage {
	const m = g.messages.find((x) => x.msgSeq === seq);
	if (!m) throw new TimError(10010, `No message ${String(seq)} in group ${g.groupId}`);
	return m;
}

function import_group_msg(ctx: TimCtx, body: Record<string, unknown>) {
	const g = groupOf(ctx, body);
	notLive(g, 'import_group_msg');
	const list = body.MsgList;
	if (!Array.isArray(list) || list.length === 0) throw new TimError(10004, 'MsgList must be a non-empty array');
	if (list.length > 7) throw new TimError(10004, `MsgList has ${list.length} messages; the limit is 7`);
	if (body.RecentContactFlag !== undefined && body.RecentContactFlag !== 0 && body.RecentContactFlag !== 1) throw new TimError(10004, 'RecentContactFlag must be 0 or 1');
	const results = list.map((m, i) => {
		if (!isObj(m)) throw new TimError(10004, `MsgList[${i}] must be an object`);
		const from = stringField(m, 'From_Account', 10004, true);
		if (!ctx.st.accounts.has(from)) throw new TimError(10004, `MsgList[${i}].From_Account ${from} is not an imported account`);
		const msgBody = msgBodyField(m, 10004, 10004);
		const random = uint32Field(m, 'Random', 10004, false) ?? 0;
		const sendTime = m.SendTime;
		if (typeof sendTime !== 'number' || !Number.isInteger(sendTime) || sendTime < 1 || sendTime > ctx.nowSec + 300) return { MsgSeq: 0, MsgTime: 0, Result: 10004 };
		if (bytes(stringifyJson(msgBody)) > MSG_BODY_LIMIT) return { MsgSeq: 0, MsgTime: sendTime, Result: 80002 };
		const msgSeq = g.nextSeq++;
		g.messages.push({ msgSeq, random, from, msgBody, recalled: false, msgTime: sendTime, at: ctx.now, via: 'import_group_msg' });
		return { MsgSeq: msgSeq, MsgTime: sendTime, Result: 0 };
	});
	return { ImportMsgResult: results };
}

function modify_group_msg(ctx: TimCtx, body: Record<string, unknown>) {
	const g = groupOf(ctx, body);
	const m = messageOf(g, seqOf(body));
	const msgBody = body.MsgBody === undefined ? undefined : msgBodyField(body, 10004, 10004);
	const custom = stringField(body, 'CloudCustomData', 10004, false);
	if (msgBody === undefined && custom === undefined) throw new TimError(10004, 'MsgBody or CloudCustomData is required');
	if (msgBody) m.msgBody = msgBody;
	if (custom !== undefined) m.cloudCustomData = custom;
	return {};
}

/** Newest first from ReqMsgSeq (default: the newest), at most ReqMsgNumber ≤ 20. */
function group_msg_get_simple(ctx: TimCtx, body: Record<string, unknown>) {
	const g = groupOf(ctx, body);
	const n = body.ReqMsgNumber;
	if (typeof n !== 'number' || !Number.isInteger(n) || n < 1 || n > 20) throw new TimError(10004, 'ReqMsgNumber must be an integer in [1, 20]');
	const top = body.ReqMsgSeq === undefined ? Infinity : Number(seqOf(body, 'ReqMsgSeq'));
	const withRecalled = body.WithRecalledMsg === 1;
	const page = g.messages
		.filter((m) => m.msgSeq <= top && (withRecalled || !m.recalled))
		.sort((a, b) => b.msgSeq - a.msgSeq)
		.slice(0, n);
	return {
		GroupId: g.groupId,
		IsFinished: 1,
		RspMsgList: page.map((m) => ({
			From_Account: m.from,
			IsPlaceMsg: m.recalled ? 1 : 0,
			MsgBody: m.msgBody,
			MsgPriority: 1,
			MsgRandom: m.random,
			MsgSeq: m.msgSeq,
			MsgTimeStamp: m.msgTime,
			...(m.cloudCustomData !== undefined ? { CloudCustomData: m.cloudCustomData } : {}),
		})),
	};
}

function delete_group_msg_by_sender(ctx: TimCtx, body: Record<string, unknown>) {
	const g = groupOf(ctx, body);
	notLive(g, 'delete_group_msg_by_sender');
	const sender = stringField(body, 'Sender_Account', 10004, true);
	const recent = new Set(g.messages.slice(-1000));
	g.messages = g.messages.filter((m) => !(recent.has(m) && m.from === sender));
	return {};
}

function receiptGroup(ctx: TimCtx, body: Record<string, unknown>): TencentGroup {
	const g = groupOf(ctx, body);
	notLive(g, 'Group read receipts', true);
	return g;
}

/** Who read a message: seeded in sessionsOf(st).groupReads; the sender counts as neither. */
function readers(ctx: TimCtx, g: TencentGroup, m: TencentGroupMessage) {
	const read = sessionsOf(ctx.st).groupReads.get(`${g.groupId}:${m.msgSeq}`) ?? new Set<string>();
	const others = [...g.members].filter((u) => u !== m.from);
	return { read: others.filter((u) => read.has(u)), unread: others.filter((u) => !read.has(u)) };
}

function get_group_msg_receipt(ctx: TimCtx, body: Record<string, unknown>) {
	const g = receiptGroup(ctx, body);
	const list = body.MsgSeqList;
	if (!Array.isArray(list) || list.length === 0) throw new TimError(10004, 'MsgSeqList must be a non-empty array');
	return {
		GroupMsgReceiptList: list.map((e, i) => {
			if (!isObj(e)) throw new TimError(10004, `MsgSeqList[${i}] must be an object`);
			const seq = seqOf(e);
			const m = g.messages.find((x) => x.msgSeq === seq);
			if (!m) return { Code: 10010, MsgSeq: seq, ReadNum: 0, UnreadNum: 0 };
			const r = readers(ctx, g, m);
			return { Code: 0, MsgSeq: seq, ReadNum: r.read.length, UnreadNum: r.unread.length };
		}),
	};
}

/** Cursor = the index of the next member, as text ("" first). */
function get_group_msg_receipt_detail(ctx: TimCtx, body: Record<string, unknown>) {
	const g = receiptGroup(ctx, body);
	const m = messageOf(g, seqOf(body));
	const filter = body.Filter;
	if (filter !== 0 && filter !== 1) throw new TimError(10004, 'Filter must be 0 (read) or 1 (unread)');
	const count = body.Count;
	if (typeof count !== 'number' || !Number.isInteger(count) || count < 1 || count > 200) throw new TimError(10004, 'Count must be an integer in [1, 200]');
	const cursor = stringField(body, 'Cursor', 10004, false) ?? '';
	if (cursor !== '' && !/^\d+$/.test(cursor)) throw new TimError(10004, `Cursor ${cursor} was not issued by this server`);
	const from = cursor === '' ? 0 : Number(cursor);
	const r = readers(ctx, g, m);
	const all = filter === 0 ? r.read : r.unread;
	const page = all.slice(from, from + count);
	const done = from + page.length >= all.length;
	return {
		MsgSeq: m.msgSeq,
		IsFinished: done ? 1 : 0,
		Cursor: done ? '' : String(from + page.length),
		...(filter === 0 ? { ReadList: page.map((u) => ({ Read_Account: u })) } : { UnreadList: page.map((u) => ({ Unread_Account: u })) }),
	};
}

function set_unread_msg_num(ctx: TimCtx, body: Record<string, unknown>) {
	const g = groupOf(ctx, body);
	notLive(g, 'set_unread_msg_num');
	const member = stringField(body, 'Member_Account', 10004, true);
	if (!g.members.has(member)) throw new TimError(10007, `${member} is not a member of ${g.groupId}`);
	const n = body.UnreadMsgNum;
	if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) throw new TimError(10004, 'UnreadMsgNum must be a non-negative integer');
	const all = sessionsOf(ctx.st).groupUnread;
	if (!all.has(g.groupId)) all.set(g.groupId, new Map());
	all.get(g.groupId)!.set(member, n);
	return {};
}

export const groupHistoryRoutes: TimRoute[] = [
	route('group_open_http_svc/import_group_msg', 'group', 200, import_group_msg),
	route('openim/modify_group_msg', 'group', 200, modify_group_msg),
	route('group_open_http_svc/group_msg_get_simple', 'group', 200, group_msg_get_simple),
	route('group_open_http_svc/delete_group_msg_by_sender', 'group', 200, delete_group_msg_by_sender),
	route('group_open_http_svc/get_group_msg_receipt', 'group', 200, get_group_msg_receipt),
	route('group_open_http_svc/get_group_msg_receipt_detail', 'group', 200, get_group_msg_receipt_detail),
	route('group_open_http_svc/set_unread_msg_num', 'group', 200, set_unread_msg_num),
];
