import { volcengineOperation } from '../../helpers/common';
import { listProperties, readList, relationList } from '../../helpers/relations';
import { blockedJson } from './common';

/**
 * GetBlackList — volc-sdk-golang service/im/model.go GetBlackListBody (Cursor "默认值为 0，即最后一个添加至黑名单的用户",
 * Limit "每次最多查询 20 位用户") / GetBlackListResResult (HasMore, NextCursor "为负时表示后续没有成员数据").
 */

export const getMany = volcengineOperation({
	resource: 'blocklist',
	operation: 'getMany',
	option: { name: 'Get Many', description: "List a user's blocklist, newest first (GetBlackList)", action: 'Get many blocked users of a user' },
	properties: listProperties('User whose blocklist to list'),
	read: readList,
	shape: relationList('GetBlackList', 'BlackListInfos', 'blocked users', (plan) => blockedJson(plan.userId)),
	doc: { api: 'GetBlackList', limits: 'Return All or Limit; pages of at most 20, newest first, following NextCursor while HasMore (volc-sdk-golang `service/im/model.go` GetBlackListBody). One output item per blocked user. QPS not documented (paced at 50/s).' },
});
