import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import type { ItemResult, PreparedItem } from '../../../../shared/router';
import { accountField, batchSizeOptions, executePerUser, readPerUser, type PerUserPlan } from '../../helpers/perUser';

/** im_remove_all_tags — tencent-chat.md §4.11. */

const properties: INodeProperties[] = [accountField, batchSizeOptions];

export const description = updateDisplayOptions({ show: { resource: ['userTag'], operation: ['removeAll'] } }, properties);

export async function prepare(this: IExecuteFunctions, i: number): Promise<PerUserPlan<null>> {
	return readPerUser(this, i, null);
}

export async function executeBatch(this: IExecuteFunctions, items: Array<PreparedItem<PerUserPlan<null>>>): Promise<Map<number, ItemResult | Error>> {
	return await executePerUser(
		this,
		items,
		'all_member_push/im_remove_all_tags',
		(call) => ({ To_Account: call.map((p) => p.account) }),
		(p) => ({ account: p.account, status: 'removed all' }),
	);
}
