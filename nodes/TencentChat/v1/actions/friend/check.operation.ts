import { collection } from '../../../../shared/schemas';
import { tencentApi } from '../../../transport/request';
import { tencentOperation } from '../../helpers/common';
import { batchSizeOption } from '../../helpers/perUser';
import { checkTypeField, otherField, pairCalls, readCheckType, readPair, relationFlags, type PairPlan } from '../../helpers/sns';
import { MAX_FRIENDS_PER_LIST_CALL, owner } from './common';

/**
 * friend_check — tencentcloud.com/document/product/1047/34907: To_Account ≤ 1,000 per call,
 * CheckType; InfoItem [{ To_Account, Relation, ResultCode }] (dobyte/tencent-im sns/types.go).
 * dobyte's client refuses more than 100 per call (sns/api.go batchCheckFriendsLimit); the page and
 * the request comment say 1,000 — Batch Size can be lowered.
 */
export const check = tencentOperation<PairPlan<null>>({
	resource: 'friend',
	operation: 'check',
	option: { name: 'Check', description: 'Check whether users are friends, in calls of up to 1,000 (friend_check)', action: 'Check a friendship' },
	properties: [
		owner,
		otherField('Other User ID', 'The user to check against (To_Account), one per input item'),
		checkTypeField('CheckResult'),
		collection([batchSizeOption(MAX_FRIENDS_PER_LIST_CALL)]),
	],
	read: (r) => readPair(r, 'Other User ID', null, MAX_FRIENDS_PER_LIST_CALL, readCheckType(r)),
	doc: {
		api: '`sns/friend_check`',
		limits:
			'One pair per item; items of one user with the same Check go in calls of up to 1,000 (documented; dobyte’s client caps at 100). 200 calls/s. Sources: tencentcloud.com 1047/34907, dobyte/tencent-im `sns/types.go`, `sns/enum.go`.',
	},
	shape: pairCalls({
		api: tencentApi('sns/friend_check', true),
		list: 'InfoItem',
		otherKey: 'otherAccount',
		body: (account, call) => ({
			From_Account: account,
			To_Account: call.map((p) => p.other),
			CheckType: call[0].callKey === 'single' ? 'CheckResult_Type_Single' : 'CheckResult_Type_Both',
		}),
		ok: (p, e) => {
			const relation = String(e?.Relation ?? '');
			const f = relationFlags(relation, p.callKey === 'single');
			return { relation, isFriend: f.mine, isFriendOf: f.theirs };
		},
	}),
});
