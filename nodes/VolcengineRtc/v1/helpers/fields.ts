import type { INodeProperties } from 'n8n-workflow';
import { keyValueField } from '../../../shared/rules';

/** Field definitions shared by the Volcengine operations (IM-style family, volcengine-rtc.md §4). */

export const appIdField: INodeProperties = {
	displayName: 'App ID',
	name: 'appId',
	type: 'string',
	default: '',
	placeholder: '123456',
	description: "The IM App ID (a whole number). Leave empty to use the credential's Default App ID.",
};

export const senderField: INodeProperties = {
	displayName: 'Sender User ID',
	name: 'sender',
	type: 'string',
	default: '',
	required: true,
	placeholder: '10001',
	description: 'User ID of the sender (int64; give large IDs as text so they stay exact)',
};

export const msgTypeField: INodeProperties = {
	displayName: 'Message Type',
	name: 'msgType',
	type: 'number',
	default: 10001,
	typeOptions: { minValue: 0, numberPrecision: 0 },
	description: 'Message type your clients understand (MsgType). The vendor examples use 10001.',
};

export const contentField: INodeProperties = {
	displayName: 'Content',
	name: 'content',
	type: 'string',
	default: '',
	required: true,
	typeOptions: { rows: 4 },
	placeholder: '{"text":"Hello"}',
	description: 'Message content in the format your clients expect (often a JSON string)',
};

export const inboxTypeOption: INodeProperties = {
	displayName: 'Inbox Type',
	name: 'inboxType',
	type: 'number',
	default: 0,
	typeOptions: { minValue: 0, numberPrecision: 0 },
	description: 'Logical mailbox the message goes to (InboxType); 0 unless your app uses several',
};

export const extOption: INodeProperties = keyValueField({
	displayName: 'Extra Fields (Ext)',
	name: 'ext',
	placeholder: 'Add Ext Field',
	description: 'Key/value pairs delivered with the message',
	keyPlaceholder: 'campaign',
	valuePlaceholder: 'spring-sale',
});

// ---- conversations and messages (§4.4–4.8) ---------------------------------------------------------

export const conversationShortIdField: INodeProperties = {
	displayName: 'Conversation ID',
	name: 'conversationShortId',
	type: 'string',
	default: '',
	required: true,
	placeholder: '7205759403792793601',
	description: 'ConversationShortId of the conversation (int64; give large IDs as text so they stay exact)',
};

export const messageIdField: INodeProperties = {
	displayName: 'Message ID',
	name: 'messageId',
	type: 'string',
	default: '',
	required: true,
	placeholder: '7205759403792793601',
	description: 'MessageId of the message (int64; give large IDs as text so they stay exact)',
};

export const clientMsgIdOption: INodeProperties = {
	displayName: 'Client Message ID',
	name: 'clientMsgId',
	type: 'string',
	default: '',
	placeholder: '={{ $json.orderId }}',
	description:
		'Idempotency key (ClientMsgId): Volcengine does not send a message twice with the same key. Leave empty to draw one per item before the first attempt (returned in the output), so retries never duplicate. Set it from your own data to make re-runs de-duplicate too.',
};

export const priorityOption: INodeProperties = {
	displayName: 'Priority',
	name: 'priority',
	type: 'options',
	default: 1,
	description:
		'Live groups only. Normal and low share 30 messages/s per group (excess is dropped); high has 10 messages/s.',
	options: [
		{ name: 'High', value: 2 },
		{ name: 'Low', value: 0 },
		{ name: 'Normal', value: 1 },
	],
};

/** A "Batch Size" option: how many entries go into one call, at most `max` (the vendor's limit). */
export function batchSizeOption(max: number, what: string, dflt = max): INodeProperties {
	return {
		displayName: 'Batch Size',
		name: 'batchSize',
		type: 'number',
		default: dflt,
		typeOptions: { minValue: 1, maxValue: max, numberPrecision: 0 },
		description: `${what} per call, at most ${max}`,
	};
}

/** A required list of ids: text separated by commas or new lines, or an array from an expression. */
export function listField(o: { displayName: string; name: string; placeholder: string; description: string }): INodeProperties {
	return { ...o, type: 'string', default: '', required: true, typeOptions: { rows: 3 } };
}

/** "Remove Duplicate …": an entry listed twice gets the message once. */
export function dedupeOption(plural: string, singular: string): INodeProperties {
	return {
		displayName: `Remove Duplicate ${plural}`,
		name: 'dedupe',
		type: 'boolean',
		default: true,
		description: `Whether a ${singular} listed twice gets the message once`,
	};
}
