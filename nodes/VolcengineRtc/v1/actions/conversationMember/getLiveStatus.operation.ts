import { camelJson, memberListRead } from '../../helpers/members';

/**
 * QueryLiveParticipantStatus — Go SDK volc-sdk-golang service/im/model.go
 * `QueryLiveParticipantStatusBody` (ParticipantUserIds) and `…ResResultStatusItem` (AppId,
 * ConversationShortId, ParticipantUserId, IsInConversation, CreateTime); doc 6348/1051348: live
 * groups only, at most 200 users per call (more are ignored), QPS 100.
 */

export const MAX_STATUS_PER_CALL = 200;

export const getLiveStatus = memberListRead({
	resource: 'conversationMember',
	operation: 'getLiveStatus',
	option: {
		name: 'Get Live Group Status',
		description: 'Check whether users are in a live group and since when (QueryLiveParticipantStatus)',
		action: 'Get the live group status of users',
	},
	doc: {
		api: 'QueryLiveParticipantStatus',
		limits:
			'Live groups only. Any number of users per item, in calls of at most 200 (the documented maximum: more are ignored by Volcengine, [6348/1051348](https://www.volcengine.com/docs/6348/1051348)). One output item per user. QPS 100.',
	},
	api: 'QueryLiveParticipantStatus',
	users: 'Users to check, separated by commas or new lines, or an array from an expression',
	max: MAX_STATUS_PER_CALL,
	dflt: MAX_STATUS_PER_CALL,
	listKey: 'Status',
	userKey: 'ParticipantUserId',
	map: (entry) => camelJson(entry),
});
