import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { readOption, readParam } from '../../../../shared/params';
import { intInRange, int64Id, keyValueMap, text } from '../../../../shared/schemas';
import { volcengineApiRequest } from '../../../transport/request';
import { resolveAppId } from '../../helpers/common';
import {
	appIdField,
	clientMsgIdOption,
	contentField,
	conversationShortIdField,
	extOption,
	msgTypeField,
	priorityOption,
	senderField,
} from '../../helpers/fields';
import { clientMsgIdInput, idString, optionalInt, optionalInt64Id, optionalInt64List } from '../../helpers/im';

/**
 * SendMessage — volcengine-rtc.md §4.4. One message per item into an existing conversation. The
 * ClientMsgId is fixed per item before the first attempt, so a repeated request is not sent twice.
 */

const properties: INodeProperties[] = [
	appIdField,
	{ ...senderField, description: 'User ID of the sender, who must be a member of the conversation (int64; give large IDs as text)' },
	conversationShortIdField,
	msgTypeField,
	contentField,
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			clientMsgIdOption,
			{
				displayName: 'Create Time (Ms)',
				name: 'createTime',
				type: 'number',
				default: 0,
				typeOptions: { minValue: 0, numberPrecision: 0 },
				description: 'Message time as a Unix timestamp in milliseconds (CreateTime). 0 or empty: the time Volcengine receives it.',
			},
			extOption,
			{
				displayName: 'Invisible to User IDs',
				name: 'invisibleUsers',
				type: 'string',
				default: '',
				placeholder: '20001, 20002',
				description: 'Members who do not see the message (InvisibleUsers), separated by commas, or an array from an expression',
			},
			{
				displayName: 'Mentioned User IDs',
				name: 'mentionedUsers',
				type: 'string',
				default: '',
				placeholder: '20001, 20002',
				description: '@-mentioned members (MentionedUsers), separated by commas, or an array from an expression',
			},
			priorityOption,
			{
				displayName: 'Quote Hint',
				name: 'referenceHint',
				type: 'string',
				default: '',
				placeholder: 'Original message…',
				description: 'Text shown for the quoted message (RefMsgInfo.Hint). Used with Quoted Message ID.',
			},
			{
				displayName: 'Quoted Message ID',
				name: 'referencedMessageId',
				type: 'string',
				default: '',
				placeholder: '7205759403792793601',
				description: 'Message this one replies to or quotes (RefMsgInfo.ReferencedMessageId)',
			},
			{
				displayName: 'Visible to User IDs',
				name: 'visibleUsers',
				type: 'string',
				default: '',
				placeholder: '20001, 20002',
				description: 'Only these members see the message (VisibleUsers). Empty: visible to everyone.',
			},
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['message'], operation: ['sendToConversation'] } },
	properties,
);

export interface SendToConversationPlan {
	body: Record<string, unknown>;
}

export async function prepare(this: IExecuteFunctions, i: number): Promise<SendToConversationPlan> {
	const appId = await resolveAppId(this, i);
	const sender = readParam(this, 'sender', i, int64Id, 'Sender User ID');
	const conversationShortId = readParam(this, 'conversationShortId', i, int64Id, 'Conversation ID');
	const msgType = readParam(this, 'msgType', i, intInRange(0, 2147483647), 'Message Type');
	const content = readParam(this, 'content', i, text(), 'Content');
	const clientMsgId = readOption(this, 'options', 'clientMsgId', i, clientMsgIdInput, 'Client Message ID', '');
	const ext = readOption(this, 'options', 'ext', i, keyValueMap(), 'Extra Fields (Ext)', {});
	const mentioned = readOption(this, 'options', 'mentionedUsers', i, optionalInt64List, 'Mentioned User IDs', '');
	const visible = readOption(this, 'options', 'visibleUsers', i, optionalInt64List, 'Visible to User IDs', '');
	const invisible = readOption(this, 'options', 'invisibleUsers', i, optionalInt64List, 'Invisible to User IDs', '');
	const refId = readOption(this, 'options', 'referencedMessageId', i, optionalInt64Id, 'Quoted Message ID', '');
	const hint = readOption(this, 'options', 'referenceHint', i, text({ allowEmpty: true }), 'Quote Hint', '');
	const createTime = readOption(this, 'options', 'createTime', i, optionalInt(0, Number.MAX_SAFE_INTEGER), 'Create Time (Ms)', 0);
	const priority = readOption(this, 'options', 'priority', i, optionalInt(0, 2), 'Priority', '');

	const body: Record<string, unknown> = {
		AppId: appId,
		Sender: sender,
		ConversationShortId: conversationShortId,
		MsgType: msgType,
		Content: content,
		ClientMsgId: clientMsgId,
	};
	if (mentioned.length) body.MentionedUsers = mentioned;
	if (refId !== undefined) body.RefMsgInfo = { ReferencedMessageId: refId, Hint: hint };
	if (visible.length) body.VisibleUsers = visible;
	if (invisible.length) body.InvisibleUsers = invisible;
	if (Object.keys(ext).length) body.Ext = ext;
	if (createTime !== undefined && createTime > 0) body.CreateTime = createTime;
	if (priority !== undefined) body.Priority = priority;
	return { body };
}

/**
 * Items into one conversation go out one after the other, in input order (nodes/shared/pool.ts
 * lanes): without a lane, a retried earlier item (throttled, or refused with a retryable code)
 * was stored after later items sent meanwhile. Different conversations still run side by side.
 */
export function orderKey(plan: SendToConversationPlan): string {
	return `${String(plan.body.AppId)}|${String(plan.body.ConversationShortId)}`;
}

export async function executeItem(this: IExecuteFunctions, plan: SendToConversationPlan, i: number): Promise<IDataObject> {
	// The vendor de-duplicates on ClientMsgId (§3.3), so repeating after an ambiguous failure is safe.
	const { result, requestId } = await volcengineApiRequest.call(this, 'SendMessage', plan.body, { itemIndex: i, idempotent: true });
	return {
		status: 'sent',
		appId: plan.body.AppId as number,
		conversationShortId: String(plan.body.ConversationShortId),
		sender: String(plan.body.Sender),
		messageId: idString(result.MessageId),
		clientMsgId: plan.body.ClientMsgId as string,
		requestId: requestId ?? null,
	};
}
