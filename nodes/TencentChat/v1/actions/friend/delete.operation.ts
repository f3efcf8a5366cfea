import { collection } from '../../../../shared/schemas';
import { tencentApi } from '../../../transport/request';
import { tencentOperation } from '../../helpers/common';
import { batchSizeOption } from '../../helpers/perUser';
import { pairCalls, readPair, type PairPlan } from '../../helpers/sns';
import { deleteTypeField, friend, MAX_FRIENDS_PER_LIST_CALL, owner, readDeleteType } from './common';

/** friend_delete — tencentcloud.com/document/product/1047/34905: To_Account ≤ 1,000 per call, DeleteType; per-friend ResultItem (31704 = not friends). */
export const deleteFriend = tencentOperation<PairPlan<null>>({
	resource: 'friend',
	operation: 'delete',
	option: { name: 'Delete', description: 'Delete friends of a user, in calls of up to 1,000 (friend_delete)', action: 'Delete a friend' },
	properties: [owner, friend, deleteTypeField, collection([batchSizeOption(MAX_FRIENDS_PER_LIST_CALL)])],
	read: (r) => readPair(r, 'Friend User ID', null, MAX_FRIENDS_PER_LIST_CALL, readDeleteType(r)),
	doc: {
		api: '`sns/friend_delete`',
		limits:
			'One friend per item; items of one user with the same Delete From go in calls of up to 1,000 (documented maximum). 200 calls/s. Sources: tencentcloud.com 1047/34905, dobyte/tencent-im `sns/types.go` (deleteFriendsReq).',
	},
	shape: pairCalls({
		// A repeat answers 31704 (not friends) for what the first call deleted: not repeated blindly.
		api: tencentApi('sns/friend_delete', false),
		list: 'ResultItem',
		otherKey: 'friend',
		body: (account, call) => ({ From_Account: account, To_Account: call.map((p) => p.other), DeleteType: call[0].callKey }),
		ok: () => ({ status: 'deleted' }),
		missingMeansDone: true,
	}),
});
