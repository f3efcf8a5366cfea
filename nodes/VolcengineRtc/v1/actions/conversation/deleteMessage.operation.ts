import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';
import { single } from '../../../../shared/engine/callShapes';
import { int64Id } from '../../../../shared/schemas';
import { imApi } from '../../../transport/request';
import { resolveAppId, volcengineOperation, type Body } from '../../helpers/common';
import { appIdField, conversationShortIdField, messageIdField } from '../../helpers/fields';

/**
 * Deletes one message per item — volcengine-rtc.md §4.8, two actions:
 * - DeleteMessage (ConversationShortId, MessageId, ParticipantUserId): gone for one member only;
 * - DeleteConversationMessage (DeleteType 0: hidden for everyone; 1: only the sender still sees it).
 * The default is the narrowest one (one member), so the wide deletes are always a deliberate choice.
 */

export const deleteMessage = volcengineOperation<{ body: Body; deleteFor: 'everyone' | 'everyoneButSender' | 'member' }>({
	resource: 'conversation',
	operation: 'deleteMessage',
	option: {
		name: 'Delete Message',
		description: 'Delete a message for one member or for everyone (DeleteMessage, DeleteConversationMessage)',
		action: 'Delete a message in a conversation',
	},
	properties: [
		appIdField,
		conversationShortIdField,
		messageIdField,
		{
			displayName: 'Delete For',
			name: 'deleteFor',
			type: 'options',
			default: 'member',
			description: 'Who stops seeing the message',
			options: [
				{
					name: 'Everyone',
					value: 'everyone',
					description: 'Hidden for all members (DeleteConversationMessage, DeleteType 0). The only choice for live groups.',
				},
				{
					name: 'Everyone Except the Sender',
					value: 'everyoneButSender',
					description: 'Only the sender still sees it (DeleteConversationMessage, DeleteType 1). Not for live groups.',
				},
				{ name: 'One Member', value: 'member', description: "Removed from one member's view only (DeleteMessage)" },
			],
		},
		{
			displayName: 'Member User ID',
			name: 'participantUserId',
			type: 'string',
			default: '',
			required: true,
			placeholder: '10001',
			description: 'Member whose view loses the message (ParticipantUserId; int64, give large IDs as text)',
			displayOptions: { show: { deleteFor: ['member'] } },
		},
	],
	async read(r) {
		const AppId = await resolveAppId(r);
		const ConversationShortId = r.param('conversationShortId', int64Id, 'Conversation ID');
		const MessageId = r.param('messageId', int64Id, 'Message ID');
		const deleteFor = r.param('deleteFor', z.enum(['everyone', 'everyoneButSender', 'member']), 'Delete For', 'member');
		const body: Body =
			deleteFor === 'member'
				? { AppId, ConversationShortId, MessageId, ParticipantUserId: r.param('participantUserId', int64Id, 'Member User ID') }
				: { AppId, ConversationShortId, MessageId, DeleteType: deleteFor === 'everyone' ? 0 : 1 };
		return { body, deleteFor };
	},
	shape: single({
		api: (plan) => imApi(plan.deleteFor === 'member' ? 'DeleteMessage' : 'DeleteConversationMessage', true),
		body: (plan) => plan.body,
		output({ body, deleteFor }, { requestId }) {
			const json: IDataObject = {
				status: 'deleted',
				appId: body.AppId as number,
				conversationShortId: String(body.ConversationShortId),
				messageId: String(body.MessageId),
				deleteFor,
			};
			if (body.ParticipantUserId !== undefined) json.participantUserId = String(body.ParticipantUserId);
			json.requestId = requestId ?? null;
			return json;
		},
	}),
});
