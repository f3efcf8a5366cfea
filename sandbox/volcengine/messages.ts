// Sandbox code (not shipped): Volcengine messages to users — by tag (UserBroadcast) and to a list
// of receivers (BatchSendMessage), volcengine-rtc.md §4.1, §4.3.
import type { Body } from '../routes';
import { appField, int64Field, intField, splitTag, stringField, stringMap, typeName, VolcError } from './fields';
import { action, lengthOf, type VolcRoute } from './route';
import { newMessageId, usersOf, type VolcCtx, type VolcengineMessage } from './state';

/** BatchSendMessage: 12,000 messages per minute, counted per receiver (§4.3). */
const MESSAGES_PER_MINUTE = 12000;

function UserBroadcast(ctx: VolcCtx, body: Body) {
	const appId = appField(ctx, body);
	const inboxType = intField(body, 'InboxType', false);
	const sender = int64Field(body, 'Sender')!;
	const ttl = intField(body, 'MsgTTL', true);
	if (ttl < 1 || ttl > 604800) throw new VolcError('InvalidParameter', 'MsgTTL must be in [1, 604800]');
	const msgType = intField(body, 'MsgType', true);
	const content = stringField(body, 'Content', true)!;
	const tagOp = intField(body, 'TagOp', false);
	if (tagOp !== 0 && tagOp !== 1) throw new VolcError('InvalidParameter', 'TagOp must be 0 or 1');
	const rawTags = body.Tags ?? [];
	if (!Array.isArray(rawTags) || rawTags.some((t) => typeof t !== 'string')) {
		throw new VolcError('InvalidParameter.Unmarshal', 'json: cannot unmarshal into Go struct field Tags of type []string');
	}
	const tags = rawTags as string[];
	// Free strings (doc 6348/1125997 example `["age","level"]`); only an empty tag is refused here.
	for (const t of tags) if (t === '') throw new VolcError('InvalidParameter', 'Tags has an empty tag');
	const ext = stringMap(body, 'Ext');
	const cap = ctx.cfg.broadcastsPerDay;
	if (cap > 0 && ctx.st.broadcastsToday >= cap) {
		// "该接口限制每天请求 20 次" (https://www.volcengine.com/docs/6348/1125997). The vendor documents no
		// code for the spent daily quota (error codes: 6348/412253), so the sandbox answers the gateway's
		// throttle code with HTTP 429 and says "per day"; the node must not retry it within the run.
		throw new VolcError('FlowLimitExceeded', `UserBroadcast is limited to ${cap} requests per day`);
	}
	ctx.st.broadcastsToday++;
	const recipients: bigint[] = [];
	for (const user of usersOf(ctx.st, appId).values()) {
		const has = (t: string) => {
			const { key, value } = splitTag(t);
			return user.tags.has(key) && user.tags.get(key) === value;
		};
		const match = tags.length === 0 || (tagOp === 1 ? tags.every(has) : tags.some(has));
		if (!match || user.userId === sender) continue;
		recipients.push(user.userId);
		ctx.st.messages.push({
			action: 'UserBroadcast', appId, inboxType, sender, receiver: user.userId, messageId: newMessageId(ctx.st), msgType, content, ext, at: ctx.now,
		});
	}
	ctx.st.broadcasts.push({ appId, sender, tags, tagOp, recipients, content });
	ctx.sb.emit('volcengine.message', { action: 'UserBroadcast', appId, sender, recipients: recipients.length });
	return {};
}

function BatchSendMessage(ctx: VolcCtx, body: Body) {
	const appId = appField(ctx, body);
	const sender = int64Field(body, 'Sender')!;
	const receivers = body.Receiver;
	if (!Array.isArray(receivers)) throw new VolcError('InvalidParameter.Unmarshal', `json: cannot unmarshal ${typeName(receivers)} into Go struct field Receiver of type []int64`);
	if (receivers.length === 0) throw new VolcError('InvalidParameter', 'Receiver is empty');
	if (receivers.length > 500) throw new VolcError('InvalidParameter.UserCountOverLimit', `Receiver has ${receivers.length} users; the limit is 500`);
	const ids = receivers.map((r, i) => int64Field({ [`Receiver[${i}]`]: r }, `Receiver[${i}]`)!);
	const inboxType = intField(body, 'InboxType', false);
	const msgType = intField(body, 'MsgType', true);
	const content = stringField(body, 'Content', true)!;
	if (body.IsNormalUser !== undefined && typeof body.IsNormalUser !== 'boolean') {
		throw new VolcError('InvalidParameter.Unmarshal', 'json: cannot unmarshal into Go struct field IsNormalUser of type bool');
	}
	const ext = stringMap(body, 'Ext');
	const fail = new Set(ctx.cfg.failReceivers);
	const omit = new Set(ctx.cfg.omitReceivers ?? []);
	const userMessageId: Record<string, bigint> = {};
	const failed: bigint[] = [];
	const stored: VolcengineMessage[] = [];
	for (const r of ids) {
		if (fail.has(r.toString())) {
			failed.push(r);
			continue;
		}
		const messageId = newMessageId(ctx.st);
		// Stored (maybe delivered) but left out of the answer: the answer does not confirm it.
		if (!omit.has(r.toString())) userMessageId[r.toString()] = messageId;
		const m: VolcengineMessage = { action: 'BatchSendMessage', appId, inboxType, sender, receiver: r, messageId, msgType, content, ext, at: ctx.now };
		ctx.st.messages.push(m);
		stored.push(m);
	}
	// The stored messages travel in the event, so the callback sender builds one callback per message without re-reading state.
	ctx.sb.emit('volcengine.message', { action: 'BatchSendMessage', appId, sender, recipients: stored.length, messages: stored });
	// Doc 6348/1263587: UserMessageId + FailedReceiver; Go SDK BatchSendMessageResResult: UserMessageId only.
	if (ctx.cfg.batchSendAnswer === 'sdk') return { UserMessageId: userMessageId };
	return { UserMessageId: userMessageId, FailedReceiver: failed };
}

export const messageRoutes: VolcRoute[] = [
	action('UserBroadcast', 50, UserBroadcast),
	action('BatchSendMessage', 50, BatchSendMessage, {
		receivers: 'Receiver',
		size: ['Receiver'],
		extraQuotas: [
			{
				key: 'messages',
				limit: MESSAGES_PER_MINUTE,
				windowMs: 60000,
				units: (body) => lengthOf(body, 'Receiver') ?? 0,
				code: 'FlowLimitExceeded',
				message: `BatchSendMessage is limited to ${MESSAGES_PER_MINUTE} messages per minute`,
			},
		],
	}),
];
