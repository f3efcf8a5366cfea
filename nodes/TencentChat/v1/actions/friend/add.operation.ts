import { z } from 'zod';
import { collection, emptyAs } from '../../../../shared/schemas';
import { tencentApi } from '../../../transport/request';
import { tencentOperation } from '../../helpers/common';
import { batchSizeOption } from '../../helpers/perUser';
import { pairCalls, readPair, type PairPlan } from '../../helpers/sns';
import {
	addSource,
	addSourceField,
	addWordingField,
	friend,
	groupNameList,
	groupNamesField,
	MAX_FRIENDS_PER_WRITE,
	owner,
	readFriendFields,
	remarkField,
} from './common';

/**
 * friend_add — tencentcloud.com/document/product/1047/34902: AddFriendItem [{ To_Account,
 * AddSource, Remark, GroupName (one list), AddWording }], AddType, ForceAddFlags. Per-friend
 * ResultItem; 30539 = the request waits for the other user to accept (AllowType NeedConfirm).
 */
export const add = tencentOperation<PairPlan<Record<string, unknown>>>({
	resource: 'friend',
	operation: 'add',
	option: { name: 'Add', description: 'Add friends for a user, items of one user combined into calls of 100 (friend_add)', action: 'Add a friend' },
	properties: [
		owner,
		friend,
		addSourceField,
		collection(
			[
				addWordingField,
				{
					displayName: 'Both Ways',
					name: 'bothWays',
					type: 'boolean',
					default: true,
					description: 'Whether the friend gets this user as a friend too (Add_Type_Both), or only this user gets the friend (Add_Type_Single)',
				},
				{
					displayName: 'Force',
					name: 'force',
					type: 'boolean',
					default: false,
					description: 'Whether to add without the friend’s confirmation, whatever their friend-request setting (ForceAddFlags 1)',
				},
				{ ...groupNamesField('The one friend list to put the friend in (GroupName), at most 30 bytes'), displayName: 'Friend List' },
				remarkField,
				batchSizeOption(MAX_FRIENDS_PER_WRITE),
			],
			'Options',
		),
	],
	read(r) {
		const item: Record<string, unknown> = { AddSource: r.param('addSource', addSource, 'Add Source'), ...readFriendFields(r, 'options') };
		const group = r.option('options', 'groupNames', emptyAs(groupNameList.pipe(z.array(z.string()).max(1, 'takes one friend list'))), 'Friend List', '');
		if (group?.length) item.GroupName = group[0];
		const both = r.option('options', 'bothWays', z.boolean({ invalid_type_error: 'must be true or false' }), 'Both Ways', true);
		const force = r.option('options', 'force', z.boolean({ invalid_type_error: 'must be true or false' }), 'Force', false);
		return readPair(r, 'Friend User ID', item, MAX_FRIENDS_PER_WRITE, `${both ? 'Add_Type_Both' : 'Add_Type_Single'}|${force ? 1 : 0}`);
	},
	doc: {
		api: '`sns/friend_add`',
		limits:
			'One friend per item; items of one user with the same Both Ways / Force go in calls of up to 100 friends (the page states no maximum; Batch Size). A friend waiting to accept is `pending` (30539). 200 calls/s. Sources: tencentcloud.com 1047/34902, dobyte/tencent-im `sns/types.go`, doocs `FriendAddRequest.java`.',
	},
	shape: pairCalls({
		// A repeat of an added friend answers per friend again; harmless.
		api: tencentApi('sns/friend_add', true),
		list: 'ResultItem',
		otherKey: 'friend',
		body: (account, call) => {
			const [addType, force] = call[0].callKey.split('|');
			return { From_Account: account, AddFriendItem: call.map((p) => ({ To_Account: p.other, ...p.value })), AddType: addType, ForceAddFlags: Number(force) };
		},
		ok: () => ({ status: 'added' }),
		pending: { code: 30539, status: 'pending' },
	}),
});
