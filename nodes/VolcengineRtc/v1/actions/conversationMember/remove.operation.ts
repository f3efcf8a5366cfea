import { memberListWrite } from '../../helpers/members';

/**
 * BatchDeleteConversationParticipant — Go SDK volc-sdk-golang service/im/model.go
 * `BatchDeleteConversationParticipantBody` (AppId, ConversationShortId, Operator, ParticipantUserIds)
 * and `…ResResult` (FailedUserIds); doc 6348/336994: QPS 50, not for one-to-one chats.
 */

export const remove = memberListWrite({
	resource: 'conversationMember',
	operation: 'remove',
	option: { name: 'Remove', description: 'Remove members from a group conversation (BatchDeleteConversationParticipant)', action: 'Remove members from a conversation' },
	doc: {
		api: 'BatchDeleteConversationParticipant',
		limits:
			'Any number of users per item, in calls of Batch Size (default 50, at most 200; no documented per-call maximum, a group holds at most 200 members), one after the other. QPS 50 ([6348/336994](https://www.volcengine.com/docs/6348/336994)). Each user is removed, failed (`FailedUserIds`), unknown or not sent.',
	},
	api: 'BatchDeleteConversationParticipant',
	operator: true,
	users: 'Members to remove, separated by commas or new lines, or an array from an expression',
	max: 200,
	dflt: 50,
	failedKey: 'FailedUserIds',
	done: 'removed',
	reason: 'Volcengine listed this user in FailedUserIds: not removed',
});
