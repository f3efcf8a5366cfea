// Sandbox code (not shipped): Volcengine conversations — send, send to groups, recall, read,
// delete and modify messages (volcengine-rtc.md §4.4–§4.8) — and the seed that stands in for them.
import type { Body } from '../routes';
import { appField, int64Array, int64Field, intField, objectEntry, optionalInt64Array, stringField, stringMap, VolcError } from './fields';
import { action, type VolcRoute } from './route';
import { newMessageId, type ConversationMessage, type ConversationSeed, type VolcCtx, type VolcengineConversation, type VolcengineState } from './state';

function SendMessage(ctx: VolcCtx, body: Body) {
	const appId = appField(ctx, body);
	const sender = int64Field(body, 'Sender')!;
	const conv = conversationOf(ctx.st, appId, int64Field(body, 'ConversationShortId')!);
	const msgType = intField(body, 'MsgType', true);
	const content = stringField(body, 'Content', true)!;
	const clientMsgId = stringField(body, 'ClientMsgId', false);
	if (!conv.members.has(sender)) throw new VolcError('InvalidParameter', `Sender ${sender} is not a member of conversation ${conv.shortId}`);
	const mentionedUsers = optionalInt64Array(body, 'MentionedUsers');
	const visibleUsers = optionalInt64Array(body, 'VisibleUsers');
	const invisibleUsers = optionalInt64Array(body, 'InvisibleUsers');
	let refMsgInfo: ConversationMessage['refMsgInfo'];
	if (body.RefMsgInfo !== undefined && body.RefMsgInfo !== null) {
		const r = objectEntry(body.RefMsgInfo, 'RefMsgInfo');
		refMsgInfo = { ReferencedMessageId: int64Field(r, 'ReferencedMessageId')!, Hint: stringField(r, 'Hint', false) ?? '' };
		if (!conv.messages.some((m) => m.messageId === refMsgInfo!.ReferencedMessageId)) {
			throw new VolcError('InvalidParameter', `RefMsgInfo.ReferencedMessageId ${refMsgInfo.ReferencedMessageId} is not a message of this conversation`);
		}
	}
	const ext = stringMap(body, 'Ext');
	const createTime = body.CreateTime === undefined ? ctx.now : Number(int64Field(body, 'CreateTime'));
	const priority = body.Priority === undefined ? undefined : intField(body, 'Priority', false);
	if (priority !== undefined && (priority < 0 || priority > 2)) throw new VolcError('InvalidParameter', 'Priority must be 0, 1 or 2');
	const duplicate = clientMsgId ? conv.messages.find((m) => m.clientMsgId === clientMsgId) : undefined;
	if (duplicate) return { MessageId: duplicate.messageId };
	const m = addMessage(ctx.st, conv, { action: 'SendMessage', sender, msgType, content, ext, createTime, clientMsgId, mentionedUsers, visibleUsers, invisibleUsers, refMsgInfo, priority });
	ctx.sb.emit('volcengine.message', { action: 'SendMessage', appId, sender, conversationShortId: conv.shortId, messageId: m.messageId });
	return { MessageId: m.messageId };
}

function BatchSendGroupMessage(ctx: VolcCtx, body: Body) {
	const appId = appField(ctx, body);
	const sender = int64Field(body, 'Sender')!;
	const type = intField(body, 'ConversationType', true);
	const ids = int64Array(body, 'ConversationShortIds');
	if (ids.length === 0) throw new VolcError('InvalidParameter', 'ConversationShortIds is empty');
	if (ids.length > 20) throw new VolcError('InvalidParameter.UserCountOverLimit', `ConversationShortIds has ${ids.length} conversations; the limit is 20`);
	const msgType = intField(body, 'MsgType', true);
	const content = stringField(body, 'Content', true)!;
	const clientMsgId = stringField(body, 'ClientMsgId', false);
	const ext = stringMap(body, 'Ext');
	const priority = body.Priority === undefined ? undefined : intField(body, 'Priority', false);
	const convs = ids.map((id) => conversationOf(ctx.st, appId, id));
	const wrong = convs.find((c) => c.type !== type);
	if (wrong) throw new VolcError('InvalidParameter', `conversation ${wrong.shortId} has type ${wrong.type}, not ConversationType ${type}`);
	for (const conv of convs) {
		if (clientMsgId && conv.messages.some((m) => m.clientMsgId === clientMsgId)) continue;
		addMessage(ctx.st, conv, { action: 'BatchSendGroupMessage', sender, msgType, content, ext, createTime: ctx.now, clientMsgId, priority });
	}
	ctx.sb.emit('volcengine.message', { action: 'BatchSendGroupMessage', appId, sender, conversations: ids.length });
	// §4.5: the real result shape is unconfirmed; the sandbox does not invent one.
	return {};
}

function RecallMessage(ctx: VolcCtx, body: Body) {
	const appId = appField(ctx, body);
	const participant = int64Field(body, 'ParticipantUserId')!;
	const conv = conversationOf(ctx.st, appId, int64Field(body, 'ConversationShortId')!);
	const m = messageOf(conv, int64Field(body, 'MessageId')!);
	const role = intField(body, 'RecallRole', false);
	if (role < 0 || role > 2) throw new VolcError('InvalidParameter', 'RecallRole must be 0, 1 or 2');
	const actual = conv.members.get(participant);
	if (actual === undefined) throw new VolcError('InvalidParameter', `ParticipantUserId ${participant} is not a member of conversation ${conv.shortId}`);
	if (role === 0 && m.sender !== participant) throw new VolcError('AccessDenied', `member ${participant} can only recall their own messages`);
	if (role !== 0 && actual !== role) throw new VolcError('AccessDenied', `member ${participant} is not the ${role === 1 ? 'owner' : 'admin'} of conversation ${conv.shortId}`);
	m.status = 3;
	m.recalledBy = participant;
	return {};
}

function GetMessages(ctx: VolcCtx, body: Body) {
	const appId = appField(ctx, body);
	const conv = conversationOf(ctx.st, appId, int64Field(body, 'ConversationShortId')!);
	const ids = int64Array(body, 'MessageIds');
	if (ids.length === 0) throw new VolcError('InvalidParameter', 'MessageIds is empty');
	// The real maximum is unconfirmed (§4.8); the sandbox takes 50.
	if (ids.length > 50) throw new VolcError('InvalidParameter', `MessageIds has ${ids.length} ids; the limit is 50`);
	const out: unknown[] = [];
	for (const id of ids) {
		const m = conv.messages.find((x) => x.messageId === id);
		if (m && isReadable(m)) out.push(messageResult(conv, m));
	}
	return { Messages: out };
}

function GetConversationMessages(ctx: VolcCtx, body: Body) {
	const appId = appField(ctx, body);
	const conv = conversationOf(ctx.st, appId, int64Field(body, 'ConversationShortId')!);
	const cursor = int64Field(body, 'Cursor')!;
	const limit = Number(int64Field(body, 'Limit')!);
	// "一次最多查询 20 条消息" — https://www.volcengine.com/docs/6348/337138
	if (limit < 1 || limit > 20) throw new VolcError('InvalidParameter', 'Limit must be in [1, 20]');
	let reverse = intField(body, 'Reverse', false);
	if (reverse !== 0 && reverse !== 1) reverse = 0; // "invalid values fall back to the default" (Go SDK model)
	if (conv.type === 100 && reverse !== 1) throw new VolcError('InvalidParameter', 'live groups can only be read with Reverse 1');
	const readable = conv.messages.filter(isReadable);
	const page = reverse
		? readable.filter((m) => m.index <= cursor).sort((a, b) => (a.index > b.index ? -1 : 1)).slice(0, limit)
		: readable.filter((m) => m.index >= cursor).sort((a, b) => (a.index < b.index ? -1 : 1)).slice(0, limit);
	const last = page[page.length - 1];
	const hasMore = last !== undefined && readable.some((m) => (reverse ? m.index < last.index : m.index > last.index));
	const newCursor = last === undefined ? cursor : reverse ? last.index - 1n : last.index + 1n;
	return { Messages: page.map((m) => messageResult(conv, m)), HasMore: hasMore, NewCursor: newCursor };
}

function DeleteConversationMessage(ctx: VolcCtx, body: Body) {
	const appId = appField(ctx, body);
	const conv = conversationOf(ctx.st, appId, int64Field(body, 'ConversationShortId')!);
	const m = messageOf(conv, int64Field(body, 'MessageId')!);
	const type = intField(body, 'DeleteType', false);
	if (type !== 0 && type !== 1) throw new VolcError('InvalidParameter', 'DeleteType must be 0 or 1');
	if (conv.type === 100 && type !== 0) throw new VolcError('InvalidParameter', 'live groups only take DeleteType 0');
	m.deleteType = type;
	return {};
}

function DeleteMessage(ctx: VolcCtx, body: Body) {
	const appId = appField(ctx, body);
	const conv = conversationOf(ctx.st, appId, int64Field(body, 'ConversationShortId')!);
	const m = messageOf(conv, int64Field(body, 'MessageId')!);
	const participant = int64Field(body, 'ParticipantUserId')!;
	if (!conv.members.has(participant)) throw new VolcError('InvalidParameter', `ParticipantUserId ${participant} is not a member of conversation ${conv.shortId}`);
	m.hiddenFor.add(participant);
	return {};
}

function ModifyMessage(ctx: VolcCtx, body: Body) {
	const appId = appField(ctx, body);
	const conv = conversationOf(ctx.st, appId, int64Field(body, 'ConversationShortId')!);
	const m = messageOf(conv, int64Field(body, 'MessageId')!);
	const content = stringField(body, 'Content', false);
	const ext = stringMap(body, 'Ext');
	if (content === undefined && ext === undefined) throw new VolcError('InvalidParameter', 'Content or Ext is required');
	if (content !== undefined) {
		if (content === '') throw new VolcError('InvalidParameter', 'Content is empty');
		m.content = content;
	}
	if (ext !== undefined) m.ext = ext;
	m.modified = ctx.now;
	return {};
}

function conversationOf(st: VolcengineState, appId: number, shortId: bigint): VolcengineConversation {
	const conv = st.conversations.get(appId)?.get(shortId);
	if (!conv) throw new VolcError('InvalidParameter', `conversation ${shortId} does not exist`);
	return conv;
}

function messageOf(conv: VolcengineConversation, messageId: bigint): ConversationMessage {
	const m = conv.messages.find((x) => x.messageId === messageId);
	if (!m || m.deleteType !== undefined) throw new VolcError('InvalidParameter', `message ${messageId} does not exist in conversation ${conv.shortId}`);
	return m;
}

/** What server-side reads return: not deleted by DeleteConversationMessage (recalled ones come back with Status 3). */
const isReadable = (m: ConversationMessage) => m.deleteType === undefined;

function messageResult(conv: VolcengineConversation, m: ConversationMessage): Record<string, unknown> {
	const out: Record<string, unknown> = {
		AppId: conv.appId,
		ConversationShortId: conv.shortId,
		ConversationType: conv.type,
		MessageId: m.messageId,
		Sender: m.sender,
		MsgType: m.msgType,
		Content: m.status === 3 ? '' : m.content,
		CreateTime: m.createTime,
		Status: m.status,
		Ext: m.ext ?? {},
		IndexInConversation: m.index,
	};
	if (m.refMsgInfo) {
		const ref = conv.messages.find((x) => x.messageId === m.refMsgInfo!.ReferencedMessageId);
		out.RefMsgInfo = { ...m.refMsgInfo, ReferencedMessageType: ref?.msgType ?? 0, Status: ref ? (ref.deleteType !== undefined ? 4 : ref.status) : 1 };
	}
	return out;
}

function addMessage(
	st: VolcengineState,
	conv: VolcengineConversation,
	m: Omit<ConversationMessage, 'messageId' | 'index' | 'status' | 'hiddenFor'>,
): ConversationMessage {
	const stored: ConversationMessage = { ...m, messageId: newMessageId(st), index: conv.nextIndex++, status: 0, hiddenFor: new Set() };
	conv.messages.push(stored);
	return stored;
}

export const conversationRoutes: VolcRoute[] = [
	action('SendMessage', 50, SendMessage),
	action('BatchSendGroupMessage', 5, BatchSendGroupMessage, { size: ['ConversationShortIds'] }),
	action('RecallMessage', 50, RecallMessage),
	action('GetMessages', 50, GetMessages, { size: ['MessageIds'] }),
	action('GetConversationMessages', 50, GetConversationMessages),
	action('DeleteConversationMessage', 50, DeleteConversationMessage),
	action('DeleteMessage', 50, DeleteMessage),
	action('ModifyMessage', 50, ModifyMessage),
];

/** Creates (or replaces) a conversation with members and, optionally, messages. */
export function seedVolcengineConversation(st: VolcengineState, seed: ConversationSeed, now: number): VolcengineConversation {
	const appId = seed.appId ?? [...st.apps][0];
	st.apps.add(appId);
	const shortId = BigInt(seed.conversationShortId);
	const members = (seed.members ?? []).map((x) => BigInt(x));
	const owner = seed.owner !== undefined ? BigInt(seed.owner) : members[0] ?? 10001n;
	const conv: VolcengineConversation = { appId, shortId, type: seed.type ?? 2, owner, members: new Map(), messages: [], nextIndex: 1n };
	for (const id of members) conv.members.set(id, 0);
	for (const id of seed.admins ?? []) conv.members.set(BigInt(id), 2);
	conv.members.set(owner, 1);
	let byApp = st.conversations.get(appId);
	if (!byApp) st.conversations.set(appId, (byApp = new Map()));
	byApp.set(shortId, conv);
	type Seeded = Exclude<ConversationSeed['messages'], number | undefined>[number];
	const msgs: Seeded[] = typeof seed.messages === 'number' ? Array.from({ length: seed.messages }, (_, i) => ({ content: `message ${i + 1}` })) : (seed.messages ?? []);
	msgs.forEach((m, i) => {
		const sender = m.sender !== undefined ? BigInt(m.sender) : owner;
		if (!conv.members.has(sender)) conv.members.set(sender, 0);
		addMessage(st, conv, { action: 'seed', sender, msgType: m.msgType ?? 10001, content: m.content ?? `message ${i + 1}`, ext: m.ext, createTime: now - (msgs.length - i) * 1000 });
	});
	return conv;
}
