import type { INodeProperties } from 'n8n-workflow';
import { booleanField, keyValueField, numberField, optionsField, textField } from '../../../shared/schemas';

/** Field definitions shared by the Volcengine operations (IM-style family, volcengine-rtc.md §4). */

const INT64_HINT = 'int64; give large IDs as text so they stay exact';

/** A required int64 id given as text (so large ids stay exact). */
const idField = (displayName: string, name: string, placeholder: string, what: string): INodeProperties =>
	textField(displayName, name, `${what} (${INT64_HINT})`, { required: true, placeholder });

export const appIdField = textField('App ID', 'appId', "The IM App ID (a whole number). Leave empty to use the credential's Default App ID.", { placeholder: '123456' });

export const senderField = idField('Sender User ID', 'sender', '10001', 'User ID of the sender');

export const msgTypeField = numberField('Message Type', 'msgType', 10001, 0, undefined, 'Message type your clients understand (MsgType). The vendor examples use 10001.');

export const contentField = textField('Content', 'content', 'Message content in the format your clients expect (often a JSON string)', {
	required: true,
	typeOptions: { rows: 4 },
	placeholder: '{"text":"Hello"}',
});

export const inboxTypeOption = numberField('Inbox Type', 'inboxType', 0, 0, undefined, 'Logical mailbox the message goes to (InboxType); 0 unless your app uses several');

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
