import { volcengineOperation } from '../../helpers/common';
import { listProperties, readList, relationList } from '../../helpers/relations';
import { friendJson } from './common';

/**
 * ListFriend — volc-sdk-golang service/im/model.go ListFriendBody (Cursor "默认值为 0，即第一个添加的好友",
 * Limit "每次最多查询 20 位好友") / ListFriendResResult (HasMore, NextCursor "为负时表示后续没有成员数据").
 */

export const getMany = volcengineOperation({
	resource: 'friend',
	operation: 'getMany',
	option: { name: 'Get Many', description: 'List the friends of a user, oldest first (ListFriend)', action: 'Get many friends of a user' },
	properties: listProperties('User whose friends to list'),
	read: readList,
	shape: relationList('ListFriend', 'FriendInfos', 'friends', (plan) => friendJson(plan.userId)),
	doc: { api: 'ListFriend', limits: 'Return All or Limit; pages of at most 20, following NextCursor while HasMore (volc-sdk-golang `service/im/model.go` ListFriendBody). One output item per friend. QPS not documented (paced at 50/s).' },
});
