import { volcengineOperation } from '../../helpers/common';
import { readRelation, relationProperties, relationWrite } from '../../helpers/relations';
import { BLOCKED } from './common';

/** RemoveBlackList — volc-sdk-golang service/im/model.go RemoveBlackListBody: "一次最多移出 10 个用户". */

export const remove = volcengineOperation({
	resource: 'blocklist',
	operation: 'remove',
	option: { name: 'Remove', description: "Take users off a user's blocklist, many items per call (RemoveBlackList)", action: 'Remove a user from a blocklist' },
	properties: relationProperties('User whose blocklist loses the entry', BLOCKED),
	read: async (r) => await readRelation(r, BLOCKED),
	shape: relationWrite('RemoveBlackList', BLOCKED, 'removed', (call) => ({ BlackListUserIds: call.map(({ plan }) => plan.otherId) })),
	doc: {
		api: 'RemoveBlackList',
		limits: 'One blocked user per item; items of the same user share a call of up to 10 (volc-sdk-golang `service/im/model.go` RemoveBlackListBody). The SDK declares no FailedInfos for it. QPS not documented (paced at 50/s).',
	},
});
