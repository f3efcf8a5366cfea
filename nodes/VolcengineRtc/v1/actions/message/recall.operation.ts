import { z } from 'zod';
import { single } from '../../../../shared/engine/callShapes';
import { int64Id, textField, optionsField } from '../../../../shared/schemas';
import { imApi } from '../../../transport/request';
import { resolveAppId, volcengineOperation, type Body } from '../../helpers/common';
import { appIdField, conversationShortIdField, messageIdField } from '../../helpers/fields';

/** RecallMessage — volcengine-rtc.md §4.6. One message per item; the result is empty. */

const ROLES = { member: 0, owner: 1, admin: 2 } as const;

export const recall = volcengineOperation<{ body: Body; role: keyof typeof ROLES }>({
	resource: 'message',
	operation: 'recall',
	option: { name: 'Recall', description: 'Recall a message in a conversation (RecallMessage)', action: 'Recall a message' },
	doc: { api: '`RecallMessage`', limits: '50/s.' },
	properties: [
		appIdField,
		conversationShortIdField,
		messageIdField,
		textField(
			'Recalled By User ID',
			'participantUserId',
			'Member of the conversation who recalls the message (ParticipantUserId; a numeric ID, give long IDs as text)',
			{ required: true, placeholder: '10001' },
		),
		optionsField('Recalled As', 'recallRole', 'member', [
			{ name: 'Admin', value: 'admin', description: 'A group admin (RecallRole 2)' },
			{ name: 'Member', value: 'member', description: 'The sender of the message (RecallRole 0)' },
			{ name: 'Owner', value: 'owner', description: 'The group owner (RecallRole 1)' },
		], 'Role of that member (RecallRole). A member can recall their own messages; the owner and admins can recall others.'),
	],
	async read(r) {
		const AppId = await resolveAppId(r);
		const ConversationShortId = r.param('conversationShortId', int64Id, 'Conversation ID');
		const MessageId = r.param('messageId', int64Id, 'Message ID');
		const ParticipantUserId = r.param('participantUserId', int64Id, 'Recalled By User ID');
		const role = r.param('recallRole', z.enum(['member', 'owner', 'admin']), 'Recalled As', 'member');
		return { body: { AppId, ParticipantUserId, ConversationShortId, MessageId, RecallRole: ROLES[role] }, role };
	},
	shape: single({
		// Recalling the same message again has the same effect: safe to repeat.
		api: imApi('RecallMessage', true),
		body: (plan) => plan.body,
		output: ({ body, role }, { requestId }) => ({
			status: 'recalled',
			appId: body.AppId as number,
			conversationShortId: String(body.ConversationShortId),
			messageId: String(body.MessageId),
			recalledBy: String(body.ParticipantUserId),
			recallRole: role,
			requestId: requestId ?? null,
		}),
	}),
});
