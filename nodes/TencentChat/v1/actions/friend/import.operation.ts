import { collection, emptyAs, uint32 } from '../../../../shared/schemas';
import { tencentApi } from '../../../transport/request';
import { tencentOperation } from '../../helpers/common';
import { batchSizeOption } from '../../helpers/perUser';
import { pairCalls, readPair, type PairPlan } from '../../helpers/sns';
import {
	addSource,
	addSourceField,
	addWordingField,
	customFriendFields,
	friend,
	groupNameList,
	groupNamesField,
	MAX_FRIENDS_PER_WRITE,
	owner,
	readCustomFriendFields,
	readFriendFields,
	remarkField,
} from './common';

const time = (name: string, displayName: string, what: string) => ({
	displayName,
	name,
	type: 'number' as const,
	default: 0,
	typeOptions: { minValue: 0, maxValue: 4294967295, numberPrecision: 0 },
	description: `${what}, in Unix seconds (0 to 4294967295; 0 = not set)`,
});

/**
 * friend_import — tencentcloud.com/document/product/1047/34903: one-way friends with their history
 * (AddTime, RemarkTime, several lists, custom fields). Per-friend ResultItem, Fail_Account.
 */
export const importFriend = tencentOperation<PairPlan<Record<string, unknown>>>({
	resource: 'friend',
	operation: 'import',
	option: { name: 'Import', description: 'Import one-way friends with their history, in calls of 100 (friend_import)', action: 'Import a friend' },
	properties: [
		owner,
		friend,
		addSourceField,
		customFriendFields,
		collection([
			addWordingField,
			time('addTime', 'Added At', 'When the friendship began (AddTime)'),
			groupNamesField('Friend lists to put the friend in (GroupName), separated by commas, each at most 30 bytes'),
			remarkField,
			time('remarkTime', 'Remark Set At', 'When the remark was set (RemarkTime)'),
			batchSizeOption(MAX_FRIENDS_PER_WRITE),
		]),
	],
	read(r) {
		const item: Record<string, unknown> = { AddSource: r.param('addSource', addSource, 'Add Source'), ...readFriendFields(r, 'options') };
		const groups = r.option('options', 'groupNames', emptyAs(groupNameList), 'Friend Lists', '');
		if (groups?.length) item.GroupName = groups;
		const addTime = r.option('options', 'addTime', uint32, 'Added At', 0);
		const remarkTime = r.option('options', 'remarkTime', uint32, 'Remark Set At', 0);
		if (addTime) item.AddTime = addTime;
		if (remarkTime) item.RemarkTime = remarkTime;
		const custom = readCustomFriendFields(r);
		if (custom.length) item.CustomItem = custom;
		return readPair(r, 'Friend User ID', item, MAX_FRIENDS_PER_WRITE);
	},
	doc: {
		api: '`sns/friend_import`',
		limits:
			'One friend per item; items of one user go in calls of up to 100 (the page states no maximum; Batch Size). One-way: the friend’s own list is not changed. 200 calls/s. Sources: tencentcloud.com 1047/34903, dobyte/tencent-im `sns/types.go` (importFriendItem), doocs `ImportFriendItem.java`.',
	},
	shape: pairCalls({
		// Importing the same friend again overwrites it with the same data: safe to repeat.
		api: tencentApi('sns/friend_import', true),
		list: 'ResultItem',
		otherKey: 'friend',
		body: (account, call) => ({ From_Account: account, AddFriendItem: call.map((p) => ({ To_Account: p.other, ...p.value })) }),
		ok: () => ({ status: 'imported' }),
	}),
});
