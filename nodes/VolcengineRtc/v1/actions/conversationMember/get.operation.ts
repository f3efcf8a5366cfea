import { camelJson, memberListRead } from '../../helpers/members';

/**
 * BatchGetConversationParticipant — Go SDK volc-sdk-golang service/im/model.go
 * `BatchGetConversationParticipantBody` (ParticipantUserIds) and `…ResResultParticipantsItem`
 * (ConversationShortId, ParticipantUserId, Operator, Role, BlockTime, CreateTime, Ext, Level,
 * NickName, Status); doc 6348/336992: QPS 100, no per-call maximum.
 */

export const get = memberListRead({
	resource: 'conversationMember',
	operation: 'get',
	option: { name: 'Get', description: 'Read the details of members of a conversation (BatchGetConversationParticipant)', action: 'Get conversation members' },
	doc: {
		api: 'BatchGetConversationParticipant',
		limits:
			'Any number of users per item, in calls of Batch Size (default 50, at most 200; no documented per-call maximum). One output item per user asked, `found: false` when Volcengine did not return it. QPS 100 ([6348/336992](https://www.volcengine.com/docs/6348/336992)).',
	},
	api: 'BatchGetConversationParticipant',
	users: 'Members to read, separated by commas or new lines, or an array from an expression',
	max: 200,
	dflt: 50,
	listKey: 'Participants',
	userKey: 'ParticipantUserId',
	map: (entry) => camelJson(entry),
});
