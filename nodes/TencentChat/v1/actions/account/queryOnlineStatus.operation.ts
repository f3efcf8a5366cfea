import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';
import { tencentApi } from '../../../transport/request';
import { tencentOperation } from '../../helpers/common';
import { accountField, batchSizeOption, entryFor, perUserCalls, readPerUser } from '../../helpers/perUser';
import { collection } from '../../../../shared/schemas';

/**
 * query_online_status — tencent-chat.md §5.5: ≤ 500 accounts per call. QueryResult and ErrorList
 * entries (70107: account does not exist) go back to the account's item.
 */

export const MAX_STATUS_PER_CALL = 500;

export const queryOnlineStatus = tencentOperation({
	resource: 'account',
	operation: 'queryOnlineStatus',
	option: {
		name: 'Query Online Status',
		description: 'Get whether users are online, up to 500 users per call (query_online_status)',
		action: 'Query online status of accounts',
	},
	doc: { api: '`openim/query_online_status`', limits: 'Coalesced, ≤ 500 per call; `QueryResult`/`ErrorList` per item.' },
	properties: [
		accountField('One account per input item; many items are combined into calls of up to 500 accounts'),
		collection([
			batchSizeOption(MAX_STATUS_PER_CALL),
			{
				displayName: 'Include Device Details',
				name: 'detail',
				type: 'boolean',
				default: false,
				description: 'Whether to return the status of each platform (iPhone, Android, Web, PC, iPad, Mac) the user is logged in on (IsNeedDetail)',
			},
		]),
	],
	read: (r) =>
		readPerUser(r, r.option('options', 'detail', z.boolean({ invalid_type_error: 'must be true or false' }), 'Include Device Details', false), MAX_STATUS_PER_CALL),
	shape: perUserCalls<boolean>(
		tencentApi('openim/query_online_status', true),
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
		(p) => String(p.value),
	),
});
