import { collection, keyValueMap, text } from '../../../../shared/schemas';
import { volcengineOperation } from '../../helpers/common';
import { extOption } from '../../helpers/fields';
import { readRelation, relationProperties, relationWrite, type RelationPlan } from '../../helpers/relations';
import { FRIEND } from './common';

/**
 * UpdateFriend — volc-sdk-golang service/im/model.go UpdateFriendBodyFriendInfosItem: "Ext与Alias为非必填字段，
 * 但是至少需要填一个". No per-call maximum is documented; calls of up to 10, like the other friend writes.
 */

interface Plan extends RelationPlan {
	info: Record<string, unknown>;
}

export const update = volcengineOperation<Plan>({
	resource: 'friend',
	operation: 'update',
	option: { name: 'Update', description: 'Change the alias or Ext of friends, many items per call (UpdateFriend)', action: 'Update a friend' },
	properties: relationProperties('User whose friend to change', FRIEND, [
		collection(
			[
				{ displayName: 'Alias', name: 'alias', type: 'string', default: '', placeholder: 'Bob from work', description: 'Name the user gives the friend (Alias)' },
				{ ...extOption, description: 'Key/value pairs of the friendship (Ext)' },
			],
			'Update Fields',
			'updateFields',
		),
	]),
	async read(r) {
		const plan = await readRelation(r, FRIEND);
		const info: Record<string, unknown> = { FriendUserId: plan.otherId };
		if (r.has('updateFields', 'alias')) info.Alias = r.option('updateFields', 'alias', text({ allowEmpty: true }), 'Alias', '');
		if (r.has('updateFields', 'ext')) {
			const ext = r.option('updateFields', 'ext', keyValueMap(), 'Extra Fields (Ext)', {});
			if (Object.keys(ext).length) info.Ext = ext;
		}
		if (info.Alias === undefined && info.Ext === undefined) r.fail(`"Update Fields" is empty in item ${r.itemIndex}`, 'Add Alias or Extra Fields (Ext). Nothing was sent.');
		return { ...plan, info };
	},
	shape: relationWrite<Plan>('UpdateFriend', FRIEND, 'updated', (call) => ({ FriendInfos: call.map(({ plan }) => plan.info) })),
	doc: {
		api: 'UpdateFriend',
		limits: 'One friend per item, Alias and/or Ext; items of the same user share a call of up to 10 (no maximum documented; volc-sdk-golang `service/im/model.go` UpdateFriendBody). QPS not documented (paced at 50/s).',
	},
});
