import { collection } from '../../../../shared/schemas';
import { tencentApi } from '../../../transport/request';
import { tencentOperation } from '../../helpers/common';
import { batchSizeOption } from '../../helpers/perUser';
import { pairCalls, readPair, type PairPlan } from '../../helpers/sns';
import { blocked, MAX_BLOCKLIST_PER_CALL, owner } from './common';

/** black_list_delete — 1047/34912: To_Account ≤ 1,000 per call; per-user ResultItem, Fail_Account. */
export const deleteBlocked = tencentOperation<PairPlan<null>>({
	resource: 'blocklist',
	operation: 'delete',
	option: { name: 'Delete', description: 'Unblock users for a user, in calls of up to 1,000 (black_list_delete)', action: 'Remove a user from a blocklist' },
	properties: [owner, { ...blocked, displayName: 'Blocked User ID' }, collection([batchSizeOption(MAX_BLOCKLIST_PER_CALL)])],
	read: (r) => readPair(r, 'Blocked User ID', null, MAX_BLOCKLIST_PER_CALL),
	doc: {
		api: '`sns/black_list_delete`',
		limits:
			'One unblocked user per item; items of one user go in calls of up to 1,000 (documented maximum). 200 calls/s. Sources: tencentcloud.com 1047/34912, dobyte/tencent-im `sns/types.go` (deleteBlacklistReq).',
	},
	shape: pairCalls({
		// Unblocking twice leaves the same list: safe to repeat.
		api: tencentApi('sns/black_list_delete', true),
		list: 'ResultItem',
		otherKey: 'blockedAccount',
		body: (account, call) => ({ From_Account: account, To_Account: call.map((p) => p.other) }),
		ok: () => ({ status: 'unblocked' }),
		missingMeansDone: true,
	}),
});
