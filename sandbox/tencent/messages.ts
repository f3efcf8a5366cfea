// Sandbox code (not shipped): Tencent Chat messages — one-to-one (sendmsg, batchsendmsg, recall;
// tencent-chat.md §4.1–§4.3) and group (send_group_msg, system notifications, broadcasts to live
// groups, recall; §4.4–§4.7). Each delivery is emitted as a `tencent.message` event with what was
// delivered and the sender's ForbidCallbackControl, from which the callback sender builds the
// after-send callbacks (tencent/callbacks.ts).
import { stringifyJson } from '../json';
import {
	BROADCAST_BODY_LIMIT,
	bytes,
	C2C_DEDUP_MS,
	contentCrc,
	contentSize,
	fromAccount,
	GROUP_DEDUP_MS,
	groupOf,
	isObj,
	isOnline,
	MSG_BODY_LIMIT,
	msgBodyField,
	nextGroupSeq,
	purge,
	randomUint32,
	stringArray,
	stringField,
	throttle,
	TimError,
	uint32Field,
} from './fields';
import { importmsg } from './importmsg';
import { muteLeft } from './mutes';
import { route, type TimRoute } from './route';
import type { TencentBroadcast, TimCtx } from './state';

/** The sender's ForbidCallbackControl (§3.3), for the callback sender; absent when not given. */
function callbackControl(body: Record<string, unknown>): { forbidCallbackControl?: string[] } {
	return Array.isArray(body.ForbidCallbackControl) ? { forbidCallbackControl: body.ForbidCallbackControl as string[] } : {};
}

/** Fields shared by sendmsg and batchsendmsg (§4.1, §4.2). */
function c2cFields(ctx: TimCtx, body: Record<string, unknown>, tooBig: number) {
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

function sendmsg(ctx: TimCtx, body: Record<string, unknown>) {
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
		msgTime: ctx.nowSec, msgBody: f.msgBody, cloudCustomData: f.cloudCustomData, ...callbackControl(body),
	});
	return { MsgTime: ctx.nowSec, MsgKey: msgKey };
}

function batchsendmsg(ctx: TimCtx, body: Record<string, unknown>) {
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
			msgTime, msgBody: f.msgBody, cloudCustomData: f.cloudCustomData, ...callbackControl(body),
		});
	}
	const out: Record<string, unknown> = { MsgKey: msgKey, MsgTime: msgTime };
	if (errorList.length) out.ErrorList = errorList;
	return out;
}

function admin_msgwithdraw(ctx: TimCtx, body: Record<string, unknown>) {
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

// ---- group messages (§4.4–§4.7) -----------------------------------------------------------------

function groupDedupKey(ctx: TimCtx, groupId: string, random: number, crc: number): string {
	return ctx.sb.config.tencent.groupDedupByContent ? `${groupId}\u0000${random}\u0000${crc}` : `${groupId}\u0000${random}`;
}

function send_group_msg(ctx: TimCtx, body: Record<string, unknown>) {
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
		msgTime: ctx.nowSec, msgBody, cloudCustomData, ...callbackControl(body),
	});
	return { MsgTime: ctx.nowSec, MsgSeq: msgSeq };
}

function send_group_system_notification(ctx: TimCtx, body: Record<string, unknown>) {
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

function send_broadcast_msg(ctx: TimCtx, body: Record<string, unknown>) {
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

function group_msg_recall(ctx: TimCtx, body: Record<string, unknown>) {
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

export const messageRoutes: TimRoute[] = [
	route('openim/sendmsg', 'openim', 200, sendmsg),
	route('openim/batchsendmsg', 'openim', 200, batchsendmsg),
	route('openim/admin_msgwithdraw', 'openim', 200, admin_msgwithdraw),
	route('openim/importmsg', 'openim', 200, importmsg),
	route('group_open_http_svc/send_group_msg', 'group', 200, send_group_msg),
	route('group_open_http_svc/send_group_system_notification', 'group', 200, send_group_system_notification),
	// No per-path rate: the broadcast's own limit (broadcastsPerSecond) is taken in the handler, after the body checks.
	route('group_open_http_svc/send_broadcast_msg', 'group', 0, send_broadcast_msg, { code: 10023, message: 'send_broadcast_msg over the frequency limit' }),
	route('group_open_http_svc/group_msg_recall', 'group', 200, group_msg_recall),
];
