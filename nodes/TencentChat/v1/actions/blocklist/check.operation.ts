import { collection } from '../../../../shared/schemas';
import { tencentApi } from '../../../transport/request';
import { tencentOperation } from '../../helpers/common';
import { batchSizeOption } from '../../helpers/perUser';
import { checkTypeField, otherField, pairCalls, readCheckType, readPair, relationFlags, type PairPlan } from '../../helpers/sns';
import { MAX_BLOCKLIST_PER_CALL, owner } from './common';

/** black_list_check — 1047/34913: To_Account ≤ 1,000 per call, CheckType; BlackListCheckItem [{ To_Account, Relation, ResultCode }]. */
export const check = tencentOperation<PairPlan<null>>({
	resource: 'blocklist',
	operation: 'check',
	option: { name: 'Check', description: 'Check whether users block each other, in calls of up to 1,000 (black_list_check)', action: 'Check a blocklist' },
	properties: [
		owner,
		otherField('Other User ID', 'The user to check against (To_Account), one per input item'),
		checkTypeField('BlackCheckResult'),
		collection([batchSizeOption(MAX_BLOCKLIST_PER_CALL)]),
	],
	read: (r) => readPair(r, 'Other User ID', null, MAX_BLOCKLIST_PER_CALL, readCheckType(r)),
	doc: {
		api: '`sns/black_list_check`',
		limits:
			'One pair per item; items of one user with the same Check go in calls of up to 1,000 (documented maximum). 200 calls/s. Sources: tencentcloud.com 1047/34913, dobyte/tencent-im `sns/types.go`, `sns/enum.go` (BlackCheckResultType*).',
	},
	shape: pairCalls({
		api: tencentApi('sns/black_list_check', true),
		list: 'BlackListCheckItem',
		otherKey: 'otherAccount',
		body: (account, call) => ({
			From_Account: account,
			To_Account: call.map((p) => p.other),
			CheckType: call[0].callKey === 'single' ? 'BlackCheckResult_Type_Single' : 'BlackCheckResult_Type_Both',
		}),
		ok: (p, e) => {
			const relation = String(e?.Relation ?? '');
			const f = relationFlags(relation, p.callKey === 'single');
			return { relation, blocks: f.mine, blockedBy: f.theirs };
		},
	}),
});
