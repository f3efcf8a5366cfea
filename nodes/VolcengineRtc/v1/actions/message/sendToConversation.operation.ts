import { single } from '../../../../shared/engine/callShapes';
import { collection, int64Id, keyValueMap, text } from '../../../../shared/schemas';
import { imApi } from '../../../transport/request';
import { resolveAppId, volcengineOperation, type Body } from '../../helpers/common';
import {
	appIdField,
	clientMsgIdOption,
	conversationShortIdField,
	extOption,
	messageFields,
	readMessageFields,
	priorityOption,
	senderField,
} from '../../helpers/fields';
import { clientMsgIdInput, idString, optionalInt, optionalInt64Id, optionalInt64List } from '../../helpers/im';

/**
 * SendMessage — volcengine-rtc.md §4.4. One message per item into an existing conversation. The
 * ClientMsgId is fixed per item before the first attempt, so a repeated request is not sent twice.
 */

const userList = (displayName: string, name: string, description: string) => ({ displayName, name, type: 'string' as const, default: '', placeholder: '20001, 20002', description });

export const sendToConversation = volcengineOperation<Body>({
	resource: 'message',
	operation: 'sendToConversation',
	option: {
		name: 'Send to Conversation',
		description: 'Send a message into an existing conversation, safe to retry (SendMessage)',
		action: 'Send a message to a conversation',
	},
	doc: { api: '`SendMessage`', limits: '`ClientMsgId` drawn once per item before sending (or set by expression) and returned, so a retry is de-duplicated by Volcengine. Items into one conversation go out in input order, also when an earlier one is retried. 50/s.' },
	properties: [
		appIdField,
		{ ...senderField, description: 'User ID of the sender, who must be a member of the conversation (a whole number up to 19 digits; give long IDs as text)' },
		conversationShortIdField,
		...messageFields,
		collection([
			clientMsgIdOption,
			{
				displayName: 'Create Time (Ms)',
				name: 'createTime',
				type: 'number',
				default: 0,
				typeOptions: { minValue: 0, maxValue: Number.MAX_SAFE_INTEGER, numberPrecision: 0 },
				description: 'Message time as a Unix timestamp in milliseconds (CreateTime). 0 or empty: the time Volcengine receives it.',
			},
			extOption,
			userList('Invisible to User IDs', 'invisibleUsers', 'Members who do not see the message (InvisibleUsers), separated by commas, or an array from an expression'),
			userList('Mentioned User IDs', 'mentionedUsers', '@-mentioned members (MentionedUsers), separated by commas, or an array from an expression'),
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
			userList('Visible to User IDs', 'visibleUsers', 'Only these members see the message (VisibleUsers). Empty: visible to everyone.'),
		]),
	],
	async read(r) {
		const body: Body = {
			AppId: await resolveAppId(r),
			Sender: r.param('sender', int64Id, 'Sender User ID'),
			ConversationShortId: r.param('conversationShortId', int64Id, 'Conversation ID'),
			...readMessageFields(r),
			ClientMsgId: r.option('options', 'clientMsgId', clientMsgIdInput, 'Client Message ID', ''),
		};
		const ext = r.option('options', 'ext', keyValueMap(), 'Extra Fields (Ext)', {});
		const mentioned = r.option('options', 'mentionedUsers', optionalInt64List, 'Mentioned User IDs', '');
		const visible = r.option('options', 'visibleUsers', optionalInt64List, 'Visible to User IDs', '');
		const invisible = r.option('options', 'invisibleUsers', optionalInt64List, 'Invisible to User IDs', '');
		const refId = r.option('options', 'referencedMessageId', optionalInt64Id, 'Quoted Message ID', '');
		const hint = r.option('options', 'referenceHint', text({ allowEmpty: true }), 'Quote Hint', '');
		const createTime = r.option('options', 'createTime', optionalInt(0, Number.MAX_SAFE_INTEGER), 'Create Time (Ms)', 0);
		const priority = r.option('options', 'priority', optionalInt(0, 2), 'Priority', '');
		if (mentioned.length) body.MentionedUsers = mentioned;
		if (refId !== undefined) body.RefMsgInfo = { ReferencedMessageId: refId, Hint: hint };
		if (visible.length) body.VisibleUsers = visible;
		if (invisible.length) body.InvisibleUsers = invisible;
		if (Object.keys(ext).length) body.Ext = ext;
		if (createTime !== undefined && createTime > 0) body.CreateTime = createTime;
		if (priority !== undefined) body.Priority = priority;
		return body;
	},
	/**
	 * Items into one conversation go out one after the other, in input order: without a lane, a
	 * retried earlier item (throttled, or refused with a retryable code) was stored after later
	 * items sent meanwhile. Different conversations still run side by side.
	 */
	orderKey: (body) => `${String(body.AppId)}|${String(body.ConversationShortId)}`,
	shape: single({
		// The vendor de-duplicates on ClientMsgId (§3.3), so repeating after an ambiguous failure is safe.
		api: imApi('SendMessage', true),
		body: (body) => body,
		output: (body, { result, requestId }) => ({
			status: 'sent',
			appId: body.AppId as number,
			conversationShortId: String(body.ConversationShortId),
			sender: String(body.Sender),
			messageId: idString(result.MessageId),
			clientMsgId: body.ClientMsgId as string,
			requestId: requestId ?? null,
		}),
	}),
});
