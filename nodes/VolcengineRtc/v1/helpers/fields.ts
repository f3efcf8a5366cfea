import { nodeOf } from '../../../shared/params';
import type { INodeProperties } from 'n8n-workflow';
import { z } from 'zod';
import type { ItemReader } from '../../../shared/engine/reader';
import { booleanField, intInRange, keyValueField, numberField, optionsField, text, textField } from '../../../shared/schemas';

/** Field definitions shared by the Volcengine operations (IM-style family, volcengine-rtc.md §4). */

const INT64_HINT = 'a whole number up to 19 digits; give long IDs as text so they stay exact';

/** A required int64 id given as text (so large ids stay exact). */
const idField = (displayName: string, name: string, placeholder: string, what: string): INodeProperties =>
	textField(displayName, name, `${what} (${INT64_HINT})`, { required: true, placeholder });

export const appIdField = textField('App ID', 'appId', "The IM App ID (a whole number). Leave empty to use the credential's Default App ID.", { placeholder: '123456' });

export const senderField = idField('Sender User ID', 'sender', '10001', 'User ID of the sender');

/** Version 1.1 shows the message composer; version 1 keeps Message Type + Content (saved workflows). */
const FROM_V1_1 = { '@version': [{ _cnd: { gte: 1.1 } }] };
/** Hidden by the Text composer (1.1); version 1 has no composer, so these always show there. */
const RAW_ONLY = { displayOptions: { hide: { messageFormat: ['text'] } } };

export const messageFormatField = optionsField(
	'Message',
	'messageFormat',
	'text',
	[
		{ name: 'Text', value: 'text', description: 'A text message: MsgType 10001 with Content {"text": "…"}' },
		{ name: 'Raw (Message Type and Content)', value: 'raw', description: 'Any message type your clients understand, with its content as you write it' },
	],
	undefined,
	{ noDataExpression: true, displayOptions: { show: FROM_V1_1 } },
);

export const messageTextField = textField('Text', 'text', 'The text the receivers see', {
	required: true,
	typeOptions: { rows: 4 },
	placeholder: 'Your order has shipped',
	displayOptions: { show: { ...FROM_V1_1, messageFormat: ['text'] } },
});

export const msgTypeField = numberField('Message Type', 'msgType', 10001, 0, 2147483647, 'Message type your clients understand (MsgType). The vendor examples use 10001 for text.', RAW_ONLY);

export const contentField = textField('Content', 'content', 'Message content in the format your clients expect (often a JSON string)', {
	required: true,
	typeOptions: { rows: 4 },
	placeholder: '{"text":"Hello"}',
	...RAW_ONLY,
});

/** The message fields of every IM send: the composer (1.1), or Message Type + Content. */
export const messageFields: INodeProperties[] = [messageFormatField, messageTextField, msgTypeField, contentField];

export const TEXT_MSG_TYPE = 10001;

/**
 * MsgType + Content of one item. Text: MsgType 10001 — the type Volcengine's own API examples send
 * (6348/1263587 BatchSendMessage, 6348/1125997 UserBroadcast) — with Content `{"text": "…"}`, the
 * text format of Volcengine's IM client SDK as far as we could find (no vendor page states it; see
 * README "Where the vendor docs are unconfirmed"). Raw: as typed. Version 1 nodes are always raw.
 */
export function readMessageFields(r: ItemReader): { MsgType: number; Content: string } {
	const composer = nodeOf(r.ctx).typeVersion >= 1.1 ? r.param('messageFormat', z.enum(['text', 'raw']), 'Message', 'text') : 'raw';
	if (composer === 'text') return { MsgType: TEXT_MSG_TYPE, Content: JSON.stringify({ text: r.param('text', text(), 'Text') }) };
	return { MsgType: r.param('msgType', intInRange(0, 2147483647), 'Message Type'), Content: r.param('content', text(), 'Content') };
}

export const inboxTypeOption = numberField('Inbox Type', 'inboxType', 0, 0, 2147483647, 'Logical mailbox the message goes to (InboxType); 0 unless your app uses several');

export const extOption: INodeProperties = keyValueField({
	displayName: 'Extra Fields (Ext)',
	name: 'ext',
	placeholder: 'Add Ext Field',
	description: 'Key/value pairs delivered with the message',
	keyPlaceholder: 'campaign',
	valuePlaceholder: 'spring-sale',
});

// ---- conversations and messages (§4.4–4.8) ---------------------------------------------------------

export const conversationShortIdField = idField('Conversation ID', 'conversationShortId', '7205759403792793601', 'ConversationShortId of the conversation');

export const messageIdField = idField('Message ID', 'messageId', '7205759403792793601', 'MessageId of the message');

export const clientMsgIdOption = textField(
	'Client Message ID',
	'clientMsgId',
	'Idempotency key (ClientMsgId): Volcengine does not send a message twice with the same key. Leave empty to draw one per item before the first attempt (returned in the output), so retries never duplicate. Set it from your own data to make re-runs de-duplicate too.',
	{ placeholder: '={{ $json.orderId }}' },
);

export const priorityOption = optionsField('Priority', 'priority', 1, [
	{ name: 'High', value: 2 },
	{ name: 'Low', value: 0 },
	{ name: 'Normal', value: 1 },
], 'Live groups only. Normal and low share 30 messages/s per group (excess is dropped); high has 10 messages/s.');

/** A "Batch Size" option (shared/schemas/fields.ts). */
export { batchSizeOption } from '../../../shared/schemas';

/** A required list of ids: text separated by commas or new lines, or an array from an expression. */
export function listField(o: { displayName: string; name: string; placeholder: string; description: string }): INodeProperties {
	return { ...o, type: 'string', default: '', required: true, typeOptions: { rows: 3 } };
}

/** "Remove Duplicate …": an entry listed twice gets the message once. */
export const dedupeOption = (plural: string, singular: string): INodeProperties =>
	booleanField(`Remove Duplicate ${plural}`, 'dedupe', true, `Whether a ${singular} listed twice gets the message once`);
