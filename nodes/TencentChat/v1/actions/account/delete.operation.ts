import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import type { ItemResult, PreparedItem } from '../../../../shared/router';
import { batchSizeOptions, executePerUser, readPerUser, type PerUserPlan } from '../../helpers/perUser';
import { resultItemFor, userIdField } from './common';

/**
 * account_delete — tencent-chat.md §5.4: ≤ 100 accounts per call; one ResultItem per account.
 * Irreversible. An account without a ResultItem is reported as failed, never as deleted.
 */

const properties: INodeProperties[] = [
	{
		displayName:
			'Deleting an account cannot be undone: its contacts, profile, group memberships and conversations are removed. Apps on paid editions must allow deletion in the console (else error 71000) and cannot import a deleted user ID again for 3 months (error 70399).',
		name: 'deleteNotice',
		type: 'notice',
		default: '',
	},
	userIdField('One account per input item; many items are combined into calls of up to 100 accounts'),
	batchSizeOptions,
];

export const description = updateDisplayOptions({ show: { resource: ['account'], operation: ['delete'] } }, properties);

export async function prepare(this: IExecuteFunctions, i: number): Promise<PerUserPlan<null>> {
	return readPerUser(this, i, null);
}

export async function executeBatch(this: IExecuteFunctions, items: Array<PreparedItem<PerUserPlan<null>>>): Promise<Map<number, ItemResult | Error>> {
	return await executePerUser(
		this,
		items,
		'im_open_login_svc/account_delete',
		(call) => ({ DeleteItem: call.map((p) => ({ UserID: p.account })) }),
		(p, res) => {
			const r = resultItemFor(res, p.account);
			if (!r) return { account: p.account, status: 'failed', errorInfo: 'The answer has no result for this account' };
			const code = Number(r.ResultCode ?? 0);
			if (code !== 0) return { account: p.account, status: 'failed', errorCode: code, errorInfo: (r.ResultInfo as string) ?? '' };
			return { account: p.account, status: 'deleted' };
		},
		// A repeat would answer 70107 for accounts the first attempt deleted: never repeated blindly.
		{ idempotent: false },
	);
}
