import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { z } from 'zod';
import { readOption } from '../../../../shared/params';
import type { ItemResult, PreparedItem } from '../../../../shared/router';
import { batchSizeOption, entryFor, executePerUser, readPerUser, type PerUserPlan } from '../../helpers/perUser';
import { userIdField } from './common';

/**
 * query_online_status — tencent-chat.md §5.5: ≤ 500 accounts per call. QueryResult and ErrorList
 * entries (70107: account does not exist) go back to the account's item.
 */

export const MAX_STATUS_PER_CALL = 500;

const properties: INodeProperties[] = [
	userIdField('One account per input item; many items are combined into calls of up to 500 accounts'),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			batchSizeOption(MAX_STATUS_PER_CALL),
			{
				displayName: 'Include Device Details',
				name: 'detail',
				type: 'boolean',
				default: false,
				description: 'Whether to return the status of each platform (iPhone, Android, Web, PC, iPad, Mac) the user is logged in on (IsNeedDetail)',
			},
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['account'], operation: ['queryOnlineStatus'] } }, properties);

export async function prepare(this: IExecuteFunctions, i: number): Promise<PerUserPlan<boolean>> {
	const detail = readOption(this, 'options', 'detail', i, z.boolean({ invalid_type_error: 'must be true or false' }), 'Include Device Details', false);
	return readPerUser(this, i, detail, MAX_STATUS_PER_CALL);
}

export async function executeBatch(this: IExecuteFunctions, items: Array<PreparedItem<PerUserPlan<boolean>>>): Promise<Map<number, ItemResult | Error>> {
	return await executePerUser(
		this,
		items,
		'openim/query_online_status',
		(call) => {
			const body: Record<string, unknown> = { To_Account: call.map((p) => p.account) };
			if (call[0].value) body.IsNeedDetail = 1;
			return body;
		},
		(p, res) => {
			const r = entryFor(res, 'QueryResult', p.account);
			if (!r) return { account: p.account, status: 'failed', errorInfo: 'The answer has no status for this account' };
			const out: IDataObject = { account: p.account, onlineStatus: (r.Status as string) ?? null, online: r.Status === 'Online' };
			if (p.value) out.detail = (r.Detail as IDataObject[]) ?? [];
			return out;
		},
		// IsNeedDetail applies to the whole call: items that differ in it do not share a call.
		{ compatible: (a, b) => a.value === b.value },
	);
}
