import { collection } from '../../../../shared/schemas';
import { volcengineOperation } from '../../helpers/common';
import { readRelation, relationProperties, relationWrite, type RelationPlan } from '../../helpers/relations';
import { BLOCKED, blockExtField, readBlockExt } from './common';

/** AddBlackList — volc-sdk-golang service/im/model.go AddBlackListBody: "一次最多添加 10 个用户至黑名单", Ext per entry. */

interface Plan extends RelationPlan {
	ext?: Record<string, string>;
}

export const add = volcengineOperation<Plan>({
	resource: 'blocklist',
	operation: 'add',
	option: { name: 'Add', description: "Put users on a user's blocklist, many items per call (AddBlackList)", action: 'Add a user to a blocklist' },
	properties: relationProperties('User whose blocklist gets the entry', BLOCKED, [
		collection([blockExtField('Key/value pairs kept with the entry (BlackListUserExt)')], 'Additional Fields', 'additionalFields'),
	]),
	read: async (r) => ({ ...(await readRelation(r, BLOCKED)), ext: readBlockExt(r, 'additionalFields') }),
	shape: relationWrite<Plan>('AddBlackList', BLOCKED, 'added', (call) => ({
		BlackListInfos: call.map(({ plan }) => ({ BlackListUserId: plan.otherId, ...(plan.ext ? { BlackListUserExt: plan.ext } : {}) })),
	})),
	doc: {
		api: 'AddBlackList',
		limits: 'One blocked user per item; items of the same user share a call of up to 10 (volc-sdk-golang `service/im/model.go` AddBlackListBody). FailedInfos go back to their item. QPS not documented (paced at 50/s).',
	},
});
