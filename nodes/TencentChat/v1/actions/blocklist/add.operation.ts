import { collection } from '../../../../shared/schemas';
import { tencentApi } from '../../../transport/request';
import { tencentOperation } from '../../helpers/common';
import { batchSizeOption } from '../../helpers/perUser';
import { pairCalls, readPair, type PairPlan } from '../../helpers/sns';
import { blocked, MAX_BLOCKLIST_PER_CALL, owner } from './common';

/** black_list_add — 1047/34911: To_Account ≤ 1,000 per call; per-user ResultItem, Fail_Account. Blocking also ends the friendship. */
export const add = tencentOperation<PairPlan<null>>({
	resource: 'blocklist',
	operation: 'add',
	option: { name: 'Add', description: 'Block users for a user, in calls of up to 1,000 (black_list_add)', action: 'Add a user to a blocklist' },
	properties: [owner, blocked, collection([batchSizeOption(MAX_BLOCKLIST_PER_CALL)])],
	read: (r) => readPair(r, 'Blocked User ID', null, MAX_BLOCKLIST_PER_CALL),
	doc: {
		api: '`sns/black_list_add`',
		limits:
			'One blocked user per item; items of one user go in calls of up to 1,000 (documented maximum). 200 calls/s. Sources: tencentcloud.com 1047/34911, dobyte/tencent-im `sns/types.go` (addBlacklistReq).',
	},
	shape: pairCalls({
		// Blocking a blocked user again changes nothing: safe to repeat.
		api: tencentApi('sns/black_list_add', true),
		list: 'ResultItem',
		otherKey: 'blockedAccount',
		body: (account, call) => ({ From_Account: account, To_Account: call.map((p) => p.other) }),
		ok: () => ({ status: 'blocked' }),
		missingMeansDone: true,
	}),
});
