import { single } from '../../../../shared/engine/callShapes';
import { int64Id } from '../../../../shared/schemas';
import { imApi } from '../../../transport/request';
import { resolveAppId, volcengineOperation, type Body } from '../../helpers/common';
import { conversationLocator, memberField, readConversationId, readMember } from '../../helpers/conversations';
import { appIdField } from '../../helpers/fields';

/**
 * ModifyParticipantReadIndex — volc-sdk-golang service/im/model.go ModifyParticipantReadIndexBody:
 * "传入的ReadIndex必须要大于该会话成员目前的ReadIndex" (only forward), so the value is at least 1.
 */

export const setReadIndex = volcengineOperation<Body>({
	resource: 'conversation',
	operation: 'setReadIndex',
	option: { name: 'Set Read Position', description: "Move a member's read position forward (ModifyParticipantReadIndex)", action: "Set a member's read position in a conversation" },
	properties: [
		appIdField,
		conversationLocator('The conversation'),
		memberField('Member whose read position to move'),
		{
			displayName: 'Read Position',
			name: 'readIndex',
			type: 'string',
			default: '',
			required: true,
			placeholder: '42',
			description: "Message index the member has read up to (ReadIndex), e.g. a message's indexInConversation. Must be larger than the current one.",
		},
	],
	read: async (r) => ({
		AppId: await resolveAppId(r),
		ConversationShortId: readConversationId(r),
		ParticipantUserId: readMember(r),
		ReadIndex: r.param('readIndex', int64Id, 'Read Position'),
	}),
	shape: single({
		api: imApi('ModifyParticipantReadIndex', true),
		body: (body) => body,
		output: (body, { requestId }) => ({
			status: 'updated',
			conversationShortId: String(body.ConversationShortId),
			participantUserId: String(body.ParticipantUserId),
			readIndex: String(body.ReadIndex),
			requestId: requestId ?? null,
		}),
	}),
	doc: {
		api: 'ModifyParticipantReadIndex',
		limits: 'One member per item; the position only moves forward (the vendor refuses a value not larger than the current one). QPS not documented (paced at 50/s).',
	},
});
