import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { readParam } from '../../../../shared/params';
import type { ItemResult, PreparedItem } from '../../../../shared/router';
import { batchSizeOptions, executePerUser, readPerUser, type PerUserPlan } from '../../helpers/perUser';
import { faceUrlField, nickField, optionalProfileText, userIdField } from './common';

/**
 * multiaccount_import — tencent-chat.md §5.2: ≤ 100 accounts per call. One account per input item;
 * consecutive items are combined into calls (the AccountList form, so nickname and avatar travel
 * too), and every account listed in FailAccounts is reported on its own item.
 */

const properties: INodeProperties[] = [
	userIdField('One account per input item; many items are combined into calls of up to 100 accounts'),
	nickField,
	faceUrlField,
	batchSizeOptions,
];

export const description = updateDisplayOptions({ show: { resource: ['account'], operation: ['importMany'] } }, properties);

interface Profile {
	nick?: string;
	faceUrl?: string;
}

export async function prepare(this: IExecuteFunctions, i: number): Promise<PerUserPlan<Profile>> {
	return readPerUser(this, i, {
		nick: readParam(this, 'nick', i, optionalProfileText, 'Nickname', ''),
		faceUrl: readParam(this, 'faceUrl', i, optionalProfileText, 'Avatar URL', ''),
	});
}

export async function executeBatch(this: IExecuteFunctions, items: Array<PreparedItem<PerUserPlan<Profile>>>): Promise<Map<number, ItemResult | Error>> {
	return await executePerUser(
		this,
		items,
		'im_open_login_svc/multiaccount_import',
		(call) => ({
			AccountList: call.map((p) => {
				const entry: Record<string, string> = { UserID: p.account };
				if (p.value.nick !== undefined) entry.Nick = p.value.nick;
				if (p.value.faceUrl !== undefined) entry.FaceUrl = p.value.faceUrl;
				return entry;
			}),
		}),
		(p, res) => {
			const failed = ((res.FailAccounts ?? []) as unknown[]).map(String).includes(p.account);
			return failed
				? { account: p.account, status: 'failed', errorInfo: 'Listed in FailAccounts: Tencent did not import this account' }
				: { account: p.account, status: 'imported', nick: p.value.nick ?? null, faceUrl: p.value.faceUrl ?? null };
		},
	);
}
