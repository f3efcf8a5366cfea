import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import type { ItemResult, PreparedItem } from '../../../../shared/router';
import { accountField, batchSizeOptions, entryFor, executePerUser, readPerUser, type PerUserPlan } from '../../helpers/perUser';

/** im_get_attr — tencent-chat.md §4.10. */

const properties: INodeProperties[] = [accountField, batchSizeOptions];

export const description = updateDisplayOptions({ show: { resource: ['userAttribute'], operation: ['get'] } }, properties);

export async function prepare(this: IExecuteFunctions, i: number): Promise<PerUserPlan<null>> {
	return readPerUser(this, i, null);
}

export async function executeBatch(this: IExecuteFunctions, items: Array<PreparedItem<PerUserPlan<null>>>): Promise<Map<number, ItemResult | Error>> {
	return await executePerUser(
		this,
		items,
		'all_member_push/im_get_attr',
		(call) => ({ To_Account: call.map((p) => p.account) }),
		(p, res) => ({ account: p.account, attributes: (entryFor(res, 'UserAttrs', p.account)?.Attrs as IDataObject) ?? {} }),
	);
}
