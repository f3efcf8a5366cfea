import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { readParam } from '../../../../shared/params';
import type { ItemResult, PreparedItem } from '../../../../shared/router';
import { accountField, batchSizeOptions, executePerUser, readPerUser, type PerUserPlan } from '../../helpers/perUser';
import { tagsField, tagsSchema } from './tags';

/** im_add_tag — tencent-chat.md §4.11. */

const properties: INodeProperties[] = [accountField, tagsField, batchSizeOptions];

export const description = updateDisplayOptions({ show: { resource: ['userTag'], operation: ['add'] } }, properties);

export async function prepare(this: IExecuteFunctions, i: number): Promise<PerUserPlan<string[]>> {
	return readPerUser(this, i, readParam<string[]>(this, 'tags', i, tagsSchema, 'Tags'));
}

export async function executeBatch(this: IExecuteFunctions, items: Array<PreparedItem<PerUserPlan<string[]>>>): Promise<Map<number, ItemResult | Error>> {
	return await executePerUser(
		this,
		items,
		'all_member_push/im_add_tag',
		(call) => ({ UserTags: call.map((p) => ({ To_Account: p.account, Tags: p.value })) }),
		(p) => ({ account: p.account, status: 'added', tags: p.value }),
	);
}
