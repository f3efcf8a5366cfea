import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { z } from 'zod';
import { readParam } from '../../../../shared/params';
import type { ItemResult, PreparedItem } from '../../../../shared/router';
import { listInput } from '../../../../shared/schemas';
import { accountField, batchSizeOptions, executePerUser, readPerUser, type PerUserPlan } from '../../helpers/perUser';

/** im_remove_attr — tencent-chat.md §4.10. */

const properties: INodeProperties[] = [
	accountField,
	{
		displayName: 'Attribute Names',
		name: 'names',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'city, level',
		description: 'Attributes to remove, separated by commas, or an array from an expression',
	},
	batchSizeOptions,
];

export const description = updateDisplayOptions({ show: { resource: ['userAttribute'], operation: ['remove'] } }, properties);

const names = listInput.pipe(z.array(z.string().min(1)).min(1, 'needs at least one attribute name'));

export async function prepare(this: IExecuteFunctions, i: number): Promise<PerUserPlan<string[]>> {
	return readPerUser(this, i, readParam<string[]>(this, 'names', i, names, 'Attribute Names'));
}

export async function executeBatch(this: IExecuteFunctions, items: Array<PreparedItem<PerUserPlan<string[]>>>): Promise<Map<number, ItemResult | Error>> {
	return await executePerUser(
		this,
		items,
		'all_member_push/im_remove_attr',
		(call) => ({ UserAttrs: call.map((p) => ({ To_Account: p.account, Attrs: p.value })) }),
		(p) => ({ account: p.account, status: 'removed', attributes: p.value }),
	);
}
