// Sandbox code (not shipped): one-to-one history and message extensions — admin_getroammsg,
// modify_c2c_msg, admin_set_msg_read, get_c2c_unread_msg_num, and the extension APIs of both
// one-to-one and group messages (openim_msg_ext_http_svc/*).
//
// Fields from the vendor pages (trtc.io/document 35478, 47722, 38996, 41046, 51194, 51195, 52169,
// 52170) and doocs/qcloud-im-server-sdk-java's request/response models, read independently of the
// node. Error codes: 90001/90009 come from the gateway; 20003 (account not imported) and 20022
// (message not found) follow sendmsg / admin_msgwithdraw; 90010 for a bad field; 23001 for an
// extension write based on an old Seq (client SDK error table; unconfirmed on the REST pages).
import { bytes, groupOf, isObj, msgBodyField, stringArray, stringField, TimError } from './fields';
import { route, type TimRoute } from './route';
import { sessionsOf, type TencentExtensions } from './sessionState';
import type { TencentC2CMessage, TimCtx } from './state';

function account(ctx: TimCtx, body: Record<string, unknown>, name: string): string {
	const v = stringField(body, name, 90010, true);
	if (!ctx.st.accounts.has(v)) throw new TimError(20003, `${name} ${v} is not an imported account`);
	return v;
}

function timeField(body: Record<string, unknown>, name: string, required: boolean): number | undefined {
	const v = body[name];
	if (v === undefined || v === null) {
		if (required) throw new TimError(90010, `${name} is required`);
		return undefined;
	}
	if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > 4294967295) throw new TimError(90010, `${name} must be UNIX seconds`);
	return v;
}

/** Newest first, as the history shows it: MsgTime, then MsgSeq (later first). */
const newestFirst = (a: TencentC2CMessage, b: TencentC2CMessage) => b.msgTime - a.msgTime || b.msgSeq - a.msgSeq;

function admin_getroammsg(ctx: TimCtx, body: Record<string, unknown>) {
	const me = account(ctx, body, 'Operator_Account');
	const peer = account(ctx, body, 'Peer_Account');
	const max = body.MaxCnt;
	if (typeof max !== 'number' || !Number.isInteger(max) || max < 1) throw new TimError(90010, 'MaxCnt must be a positive integer');
	const minTime = timeField(body, 'MinTime', true)!;
	const maxTime = timeField(body, 'MaxTime', true)!;
	if (minTime > maxTime) throw new TimError(90010, 'MinTime is after MaxTime');
	const lastKey = stringField(body, 'LastMsgKey', 90010, false);
	let all = ctx.st.c2c
		.filter((m) => ((m.from === me && m.to === peer) || (m.from === peer && m.to === me)) && m.msgTime >= minTime && m.msgTime <= maxTime && !m.onlineOnly)
		.sort(newestFirst);
	if (lastKey) {
		const at = all.findIndex((m) => m.msgKey === lastKey);
		if (at < 0) throw new TimError(90010, `LastMsgKey ${lastKey} is not in this window`);
		all = all.slice(at + 1);
	}
	const page = all.slice(0, max);
	const last = page[page.length - 1];
	return {
		Complete: all.length > page.length ? 0 : 1,
		MsgCnt: page.length,
		LastMsgTime: last?.msgTime ?? 0,
		LastMsgKey: last?.msgKey ?? '',
		MsgList: page.map((m) => ({
			From_Account: m.from,
			To_Account: m.to,
			MsgSeq: m.msgSeq,
			MsgRandom: m.msgRandom,
			MsgTimeStamp: m.msgTime,
			MsgFlagBits: m.recalled ? 1 : 0,
			IsPeerRead: 0,
			MsgKey: m.msgKey,
			MsgBody: m.msgBody,
			...(m.cloudCustomData !== undefined ? { CloudCustomData: m.cloudCustomData } : {}),
		})),
	};
}

function storedC2c(ctx: TimCtx, body: Record<string, unknown>, fromRequired: boolean): TencentC2CMessage[] {
	const from = fromRequired ? account(ctx, body, 'From_Account') : stringField(body, 'From_Account', 90010, false);
	const to = account(ctx, body, 'To_Account');
	const key = stringField(body, 'MsgKey', 90010, true);
	const found = ctx.st.c2c.filter((m) => m.msgKey === key && m.to === to && (from === undefined || from === '' || m.from === from));
	if (found.length === 0) throw new TimError(20022, `No message ${key} to ${to}`);
	return found;
}

function modify_c2c_msg(ctx: TimCtx, body: Record<string, unknown>) {
	const found = storedC2c(ctx, body, true);
	const msgBody = body.MsgBody === undefined ? undefined : msgBodyField(body, 90010, 90010);
	const custom = stringField(body, 'CloudCustomData', 90010, false);
	if (msgBody === undefined && custom === undefined) throw new TimError(90010, 'MsgBody or CloudCustomData is required');
	for (const m of found) {
		if (msgBody) m.msgBody = msgBody;
		if (custom !== undefined) m.cloudCustomData = custom;
	}
	return {};
}

function admin_set_msg_read(ctx: TimCtx, body: Record<string, unknown>) {
	const me = account(ctx, body, 'Report_Account');
	const peer = account(ctx, body, 'Peer_Account');
	const at = timeField(body, 'MsgReadTime', false) ?? ctx.nowSec;
	const reads = sessionsOf(ctx.st).readUpTo;
	if (!reads.has(me)) reads.set(me, new Map());
	reads.get(me)!.set(peer, at);
	return {};
}

/** Unread: sent to `me` by `peer` after what `me` has read, counted as unread, not recalled. */
function unreadFrom(ctx: TimCtx, me: string, peer: string): number {
	const upTo = sessionsOf(ctx.st).readUpTo.get(me)?.get(peer) ?? 0;
	return ctx.st.c2c.filter((m) => m.to === me && m.from === peer && m.msgTime > upTo && m.unread !== false && !m.recalled && !m.onlineOnly).length;
}

function get_c2c_unread_msg_num(ctx: TimCtx, body: Record<string, unknown>) {
	const me = account(ctx, body, 'To_Account');
	const peers = body.Peer_Account === undefined ? undefined : stringArray(body.Peer_Account, 'Peer_Account', 90010);
	if (peers && peers.length > 10) throw new TimError(90010, `Peer_Account has ${peers.length} entries; the limit is 10`);
	const senders = new Set(ctx.st.c2c.filter((m) => m.to === me).map((m) => m.from));
	const out: Record<string, unknown> = { AllC2CUnreadMsgNum: [...senders].reduce((n, p) => n + unreadFrom(ctx, me, p), 0) };
	if (peers) {
		const known = peers.filter((p) => ctx.st.accounts.has(p));
		out.C2CUnreadMsgNumList = known.map((p) => ({ Peer_Account: p, C2CUnreadMsgNum: unreadFrom(ctx, me, p) }));
		const unknown = peers.filter((p) => !ctx.st.accounts.has(p));
		if (unknown.length) out.ErrorList = unknown.map((p) => ({ Peer_Account: p, ErrorCode: 70107 }));
	}
	return out;
}

// ---- message extensions ---------------------------------------------------------------------

function extensionsOf(ctx: TimCtx, key: string): TencentExtensions {
	const all = sessionsOf(ctx.st).extensions;
	let e = all.get(key);
	if (!e) all.set(key, (e = { seq: 0, clearSeq: 0, keys: new Map() }));
	return e;
}

function seqOf(v: unknown, name: string): number {
	if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) throw new TimError(90010, `${name} must be a non-negative integer`);
	return v;
}

/** OperateType 1 set, 2 delete, 3 clear; each pair answers on its own (ErrorCode 23001 for an old Seq). */
function setKeyValues(ctx: TimCtx, body: Record<string, unknown>, ext: TencentExtensions) {
	const op = body.OperateType;
	if (op !== 1 && op !== 2 && op !== 3) throw new TimError(90010, 'OperateType must be 1, 2 or 3');
	if (op === 3) {
		ext.clearSeq = ++ext.seq;
		ext.keys.clear();
		return { ExtensionList: [] };
	}
	const list = body.ExtensionList;
	if (!Array.isArray(list) || list.length === 0) throw new TimError(90010, 'ExtensionList is required for OperateType 1 and 2');
	if (list.length > 20) throw new TimError(90010, `ExtensionList has ${list.length} pairs; the limit is 20`);
	const out = list.map((p, i) => {
		if (!isObj(p)) throw new TimError(90010, `ExtensionList[${i}] must be an object`);
		const k = stringField(p, 'Key', 90010, true);
		if (bytes(k) > 100) throw new TimError(90010, `ExtensionList[${i}].Key is longer than 100 bytes`);
		const value = stringField(p, 'Value', 90010, false) ?? '';
		if (bytes(value) > 1000) throw new TimError(90010, `ExtensionList[${i}].Value is longer than 1000 bytes`);
		const given = seqOf(p.Seq ?? 0, `ExtensionList[${i}].Seq`);
		const now = ext.keys.get(k);
		if ((now?.seq ?? 0) !== given) return { ErrorCode: 23001, Extension: { Key: k, Value: now?.value ?? '', Seq: now?.seq ?? 0 } };
		if (op === 2) {
			ext.keys.delete(k);
			return { ErrorCode: 0, Extension: { Key: k, Value: '', Seq: ++ext.seq } };
		}
		if (!now && ext.keys.size >= 300) return { ErrorCode: 90010, Extension: { Key: k, Value: value, Seq: 0 } };
		const seq = ++ext.seq;
		ext.keys.set(k, { value, seq });
		return { ErrorCode: 0, Extension: { Key: k, Value: value, Seq: seq } };
	});
	return { ExtensionList: out };
}

function getKeyValues(ctx: TimCtx, body: Record<string, unknown>, ext: TencentExtensions) {
	const start = body.StartSeq === undefined ? 0 : seqOf(body.StartSeq, 'StartSeq');
	const all = [...ext.keys].filter(([, v]) => v.seq >= start).sort((a, b) => a[1].seq - b[1].seq);
	const page = all.slice(0, sessionsOf(ctx.st).extensionPage);
	return {
		CompleteFlag: page.length === all.length ? 1 : 0,
		LatestSeq: ext.seq,
		ClearSeq: ext.clearSeq,
		ExtensionList: page.map(([Key, v]) => ({ Key, Value: v.value, Seq: v.seq })),
	};
}

const c2cExtensions = (ctx: TimCtx, body: Record<string, unknown>) => extensionsOf(ctx, `c2c:${storedC2c(ctx, body, false)[0].msgKey}`);

function groupExtensions(ctx: TimCtx, body: Record<string, unknown>): TencentExtensions {
	const g = groupOf(ctx, body);
	if (g.type === 'AVChatRoom' || g.type === 'Community') throw new TimError(10007, `Message extensions are not supported for ${g.type} groups`);
	const seq = body.MsgSeq;
	if (!g.messages.some((m) => m.msgSeq === seq)) throw new TimError(10010, `No message ${String(seq)} in group ${g.groupId}`);
	return extensionsOf(ctx, `group:${g.groupId}:${String(seq)}`);
}

export const historyRoutes: TimRoute[] = [
	route('openim/admin_getroammsg', 'openim', 200, admin_getroammsg),
	route('openim/modify_c2c_msg', 'openim', 200, modify_c2c_msg),
	route('openim/admin_set_msg_read', 'openim', 200, admin_set_msg_read),
	route('openim/get_c2c_unread_msg_num', 'openim', 200, get_c2c_unread_msg_num),
	route('openim_msg_ext_http_svc/set_key_values', 'openim', 200, (ctx, b) => setKeyValues(ctx, b, c2cExtensions(ctx, b))),
	route('openim_msg_ext_http_svc/get_key_values', 'openim', 200, (ctx, b) => getKeyValues(ctx, b, c2cExtensions(ctx, b))),
	route('openim_msg_ext_http_svc/group_set_key_values', 'group', 200, (ctx, b) => setKeyValues(ctx, b, groupExtensions(ctx, b))),
	route('openim_msg_ext_http_svc/group_get_key_values', 'group', 200, (ctx, b) => getKeyValues(ctx, b, groupExtensions(ctx, b))),
];
