import { collection, emptyAs, text } from '../../../../shared/schemas';
import { tencentApi } from '../../../transport/request';
import { tencentOperation } from '../../helpers/common';
import { batchSizeOption } from '../../helpers/perUser';
import { pairCalls, readPair, type PairPlan } from '../../helpers/sns';
import { customFriendFields, friend, groupNameList, groupNamesField, MAX_FRIENDS_PER_WRITE, owner, readCustomFriendFields, remarkField } from './common';

type Item = Array<{ Tag: string; Value: unknown }>;

/**
 * friend_update — tencentcloud.com/document/product/1047/34904: UpdateItem [{ To_Account,
 * SnsItem [{ Tag, Value }] }] (Tag_SNS_IM_Remark, Tag_SNS_IM_Group — the whole list of lists —
 * and Tag_SNS_Custom_*). Per-friend ResultItem, Fail_Account.
 */
export const update = tencentOperation<PairPlan<Item>>({
	resource: 'friend',
	operation: 'update',
	option: { name: 'Update', description: 'Update remarks, lists or custom fields of friends, in calls of 100 (friend_update)', action: 'Update a friend' },
	properties: [
		owner,
		friend,
		collection(
			[remarkField, groupNamesField('All the friend lists the friend is in, replacing the current ones (Tag_SNS_IM_Group), separated by commas')],
			'Update Fields',
			'updateFields',
		),
		customFriendFields,
		collection([batchSizeOption(MAX_FRIENDS_PER_WRITE)]),
	],
	read(r) {
		const items: Item = [];
		if (r.has('updateFields', 'remark'))
			items.push({ Tag: 'Tag_SNS_IM_Remark', Value: r.option('updateFields', 'remark', text({ maxBytes: 96, allowEmpty: true }), 'Remark', '') });
		if (r.has('updateFields', 'groupNames'))
			items.push({
				Tag: 'Tag_SNS_IM_Group',
				Value: r.option(
					'updateFields',
					'groupNames',
					emptyAs(groupNameList, () => []),
					'Friend Lists',
					'',
				),
			});
		items.push(...readCustomFriendFields(r));
		if (!items.length) r.fail(`Invalid "Update Fields" in item ${r.itemIndex}: nothing to update; add a field or a custom friend field`);
		return readPair(r, 'Friend User ID', items, MAX_FRIENDS_PER_WRITE);
	},
	doc: {
		api: '`sns/friend_update`',
		limits:
			'One friend per item; items of one user go in calls of up to 100 (the page states no maximum; Batch Size). 200 calls/s. Sources: tencentcloud.com 1047/34904, dobyte/tencent-im `sns/types.go` (updateFriendItem), doocs `FriendUpdateRequest.java`.',
	},
	shape: pairCalls({
		// Setting the same values again changes nothing: safe to repeat.
		api: tencentApi('sns/friend_update', true),
		list: 'ResultItem',
		otherKey: 'friend',
		body: (account, call) => ({ From_Account: account, UpdateItem: call.map((p) => ({ To_Account: p.other, SnsItem: p.value })) }),
		ok: (p) => ({ status: 'updated', fields: p.value.map((i) => i.Tag) }),
	}),
});
