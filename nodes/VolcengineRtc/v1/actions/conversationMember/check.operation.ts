import { single } from '../../../../shared/engine/callShapes';
import { imApi } from '../../../transport/request';
import { volcengineOperation } from '../../helpers/common';
import { appIdField } from '../../helpers/fields';
import { memberField, readMember } from '../../helpers/conversations';
import { conversationField, readConversation, type ConversationRef } from '../../helpers/members';

/**
 * IsUserInConversation — Go SDK volc-sdk-golang service/im/model.go `IsUserInConversationBody`
 * (AppId, ConversationShortId, ParticipantUserId) and `…ResResult` (IsUserInConversation); doc
 * 6348/336996: QPS 100.
 */

export const check = volcengineOperation<ConversationRef & { userId: bigint }>({
	resource: 'conversationMember',
	operation: 'check',
	option: { name: 'Check', description: 'Check whether a user is a member of a conversation (IsUserInConversation)', action: 'Check whether a user is a member' },
	doc: { api: 'IsUserInConversation', limits: 'One user per input item. QPS 100 ([6348/336996](https://www.volcengine.com/docs/6348/336996)).' },
	properties: [appIdField, conversationField, memberField('User to look for')],
	async read(r) {
		return { ...(await readConversation(r)), userId: readMember(r) };
	},
	shape: single({
		api: imApi('IsUserInConversation', true),
		body: (p) => ({ AppId: p.appId, ConversationShortId: p.conversationShortId, ParticipantUserId: p.userId }),
		output: (p, { result, requestId }) => ({
			appId: p.appId,
			conversationShortId: String(p.conversationShortId),
			participantUserId: String(p.userId),
			isMember: result.IsUserInConversation === true,
			requestId: requestId ?? null,
		}),
	}),
});
