import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { readParam } from '../../../../shared/params';
import type { ItemResult, PreparedItem } from '../../../../shared/router';
import { keyValueMap } from '../../../../shared/schemas';
import { accountField, batchSizeOptions, executePerUser, readPerUser, type PerUserPlan } from '../../helpers/perUser';

/** im_set_attr — tencent-chat.md §4.10: values ≤ 50 bytes; names must be set with Set Attribute Names first. */

const properties: INodeProperties[] = [
	accountField,
	{
		displayName: 'Attributes',
		name: 'attributes',
		type: 'fixedCollection',
		placeholder: 'Add Attribute',
		default: {},
		typeOptions: { multipleValues: true },
		options: [
			{
				displayName: 'Attribute',
				name: 'pairs',
				values: [
					{ displayName: 'Name', name: 'key', type: 'string', default: '', placeholder: 'city' },
					{ displayName: 'Value', name: 'value', type: 'string', default: '', placeholder: 'shenzhen' },
				],
			},
		],
	},
	batchSizeOptions,
];

export const description = updateDisplayOptions({ show: { resource: ['userAttribute'], operation: ['set'] } }, properties);

const attrs = keyValueMap({ maxValueBytes: 50 }).refine((m) => Object.keys(m).length > 0, 'needs at least one attribute');

export async function prepare(this: IExecuteFunctions, i: number): Promise<PerUserPlan<Record<string, string>>> {
	return readPerUser(this, i, readParam(this, 'attributes', i, attrs, 'Attributes', {}));
}

export async function executeBatch(
	this: IExecuteFunctions,
	items: Array<PreparedItem<PerUserPlan<Record<string, string>>>>,
): Promise<Map<number, ItemResult | Error>> {
	return await executePerUser(
		this,
		items,
		'all_member_push/im_set_attr',
		(call) => ({ UserAttrs: call.map((p) => ({ To_Account: p.account, Attrs: p.value })) }),
		(p) => ({ account: p.account, status: 'set', attributes: p.value }),
	);
}
