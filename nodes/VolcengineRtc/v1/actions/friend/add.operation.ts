import { keyValueMap, collection } from '../../../../shared/schemas';
import { volcengineOperation } from '../../helpers/common';
import { extOption } from '../../helpers/fields';
import { readRelation, relationProperties, relationWrite, type RelationPlan } from '../../helpers/relations';
import { FRIEND } from './common';

/** AddFriend — volc-sdk-golang service/im/model.go AddFriendBody: "好友 UserId，一次最多添加 10 个好友", one Ext for the call. */

interface Plan extends RelationPlan {
	ext?: Record<string, string>;
}

export const add = volcengineOperation<Plan>({
	resource: 'friend',
	operation: 'add',
	option: { name: 'Add', description: 'Make users friends, many items per call (AddFriend)', action: 'Add a friend' },
	properties: relationProperties('User who gets the friend', FRIEND, [
		collection([{ ...extOption, description: 'Key/value pairs stored with the friendship (Ext)' }], 'Additional Fields', 'additionalFields'),
	]),
	async read(r) {
		const plan: Plan = await readRelation(r, FRIEND);
		if (r.has('additionalFields', 'ext')) {
			const ext = r.option('additionalFields', 'ext', keyValueMap(), 'Extra Fields (Ext)', {});
			if (Object.keys(ext).length) plan.ext = ext;
		}
		return plan;
	},
	// Ext is one field of the call, so only items with the same Ext share a call.
	shape: relationWrite<Plan>(
		'AddFriend',
		FRIEND,
		'added',
		(call) => ({ FriendUserIds: call.map(({ plan }) => plan.otherId), ...(call[0].plan.ext ? { Ext: call[0].plan.ext } : {}) }),
		(plan) => JSON.stringify(plan.ext ?? {}),
	),
	doc: {
		api: 'AddFriend',
		limits: 'One friend per item; items of the same user (and the same Ext) share a call of up to 10 (volc-sdk-golang `service/im/model.go` AddFriendBody). FailedInfos go back to their item. QPS not documented (paced at 50/s).',
	},
});
