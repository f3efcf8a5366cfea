import { volcengineOperation } from '../../helpers/common';
import { readRelation, relationProperties, relationWrite } from '../../helpers/relations';
import { FRIEND } from './common';

/** DeleteFriend — volc-sdk-golang service/im/model.go DeleteFriendBody: "一次最多删除 10 个好友". */

export const remove = volcengineOperation({
	resource: 'friend',
	operation: 'remove',
	option: { name: 'Remove', description: 'End friendships, many items per call (DeleteFriend)', action: 'Remove a friend' },
	properties: relationProperties('User who loses the friend', FRIEND),
	read: async (r) => await readRelation(r, FRIEND),
	shape: relationWrite('DeleteFriend', FRIEND, 'removed', (call) => ({ DeleteUserIds: call.map(({ plan }) => plan.otherId) })),
	doc: {
		api: 'DeleteFriend',
		limits: 'One friend per item; items of the same user share a call of up to 10 (volc-sdk-golang `service/im/model.go` DeleteFriendBody). FailedInfos go back to their item. QPS not documented (paced at 50/s).',
	},
});
