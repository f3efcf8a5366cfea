import { keyValueMap } from '../../../../shared/schemas';
import { volcengineOperation } from '../../helpers/common';
import { readRelation, relationProperties, relationWrite, type RelationPlan } from '../../helpers/relations';
import { BLOCKED, blockExtField } from './common';

/**
 * UpdateBlackList — volc-sdk-golang service/im/model.go UpdateBlackListBodyBlackListInfosItem: "一次最多更新 10 个";
 * BlackListUserExt adds new keys and overwrites existing ones (other keys stay).
 */

interface Plan extends RelationPlan {
	ext: Record<string, string>;
}

export const update = volcengineOperation<Plan>({
	resource: 'blocklist',
	operation: 'update',
	option: { name: 'Update', description: 'Change the Ext of blocklist entries, many items per call (UpdateBlackList)', action: 'Update a blocklist entry' },
	properties: relationProperties('User whose blocklist entry to change', BLOCKED, [
		blockExtField('Keys to add or overwrite (BlackListUserExt), at least one; keys not listed stay as they are'),
	]),
	async read(r) {
		const plan = await readRelation(r, BLOCKED);
		const ext = r.param('blockedUserExt', keyValueMap(), 'Extra Fields (Ext)', {});
		if (!Object.keys(ext).length) r.fail(`"Extra Fields (Ext)" is empty in item ${r.itemIndex}`, 'Add at least one key to set. Nothing was sent.');
		return { ...plan, ext };
	},
	shape: relationWrite<Plan>('UpdateBlackList', BLOCKED, 'updated', (call) => ({
		BlackListInfos: call.map(({ plan }) => ({ BlackListUserId: plan.otherId, BlackListUserExt: plan.ext })),
	})),
	doc: {
		api: 'UpdateBlackList',
		limits: 'One blocked user per item; items of the same user share a call of up to 10; Ext keys are added or overwritten (volc-sdk-golang `service/im/model.go` UpdateBlackListBody). QPS not documented (paced at 50/s).',
	},
});
