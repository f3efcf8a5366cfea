import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import type { ItemResult, PreparedItem } from '../../../../shared/router';
import { batchSizeOptions, executePerUser, readPerUser, type PerUserPlan } from '../../helpers/perUser';
import { resultItemFor, userIdField } from './common';

/** account_check — tencent-chat.md §5.3: ≤ 100 accounts per call; one ResultItem per account. */

const properties: INodeProperties[] = [
	userIdField('One account per input item; many items are combined into calls of up to 100 accounts'),
	batchSizeOptions,
];

export const description = updateDisplayOptions({ show: { resource: ['account'], operation: ['check'] } }, properties);

export async function prepare(this: IExecuteFunctions, i: number): Promise<PerUserPlan<null>> {
	return readPerUser(this, i, null);
}

export async function executeBatch(this: IExecuteFunctions, items: Array<PreparedItem<PerUserPlan<null>>>): Promise<Map<number, ItemResult | Error>> {
	return await executePerUser(
		this,
		items,
		'im_open_login_svc/account_check',
		(call) => ({ CheckItem: call.map((p) => ({ UserID: p.account })) }),
		(p, res) => {
			const r = resultItemFor(res, p.account);
			if (!r) return { account: p.account, status: 'failed', errorInfo: 'The answer has no result for this account' };
			const code = Number(r.ResultCode ?? 0);
			if (code !== 0) return { account: p.account, status: 'failed', errorCode: code, errorInfo: (r.ResultInfo as string) ?? '' };
			return { account: p.account, imported: r.AccountStatus === 'Imported', accountStatus: (r.AccountStatus as string) ?? null };
		},
	);
}
