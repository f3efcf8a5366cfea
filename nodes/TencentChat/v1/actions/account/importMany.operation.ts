import { tencentApi } from '../../../transport/request';
import { tencentOperation } from '../../helpers/common';
import { batchSizeOptions, perUserCalls, readPerUser } from '../../helpers/perUser';
import { accountsField, faceUrlField, nickField, optionalProfileText } from './common';

/**
 * multiaccount_import — tencent-chat.md §5.2: ≤ 100 accounts per call. One account per input item;
 * consecutive items are combined into calls (the AccountList form, so nickname and avatar travel
 * too), and every account listed in FailAccounts is reported on its own item.
 */

interface Profile {
	nick?: string;
	faceUrl?: string;
}

export const importMany = tencentOperation({
	resource: 'account',
	operation: 'importMany',
	option: { name: 'Import Many', description: 'Import accounts, up to 100 users per call (multiaccount_import)', action: 'Import many accounts' },
	doc: { api: '`im_open_login_svc/multiaccount_import`', limits: 'Items coalesced into calls of ≤ 100; `FailAccounts` back to their item.' },
	properties: [accountsField, nickField, faceUrlField, batchSizeOptions],
	read: (r) =>
		readPerUser<Profile>(r, { nick: r.param('nick', optionalProfileText, 'Nickname', ''), faceUrl: r.param('faceUrl', optionalProfileText, 'Avatar URL', '') }),
	shape: perUserCalls<Profile>(
		// Re-importing the same UserID changes nothing (§5.1): safe to repeat.
		tencentApi('im_open_login_svc/multiaccount_import', true),
		(call) => ({
			AccountList: call.map((p) => {
				const entry: Record<string, string> = { UserID: p.account };
				if (p.value.nick !== undefined) entry.Nick = p.value.nick;
				if (p.value.faceUrl !== undefined) entry.FaceUrl = p.value.faceUrl;
				return entry;
			}),
		}),
		(p, res) =>
			((res.FailAccounts ?? []) as unknown[]).map(String).includes(p.account)
				? { account: p.account, status: 'failed', errorInfo: 'Listed in FailAccounts: Tencent did not import this account' }
				: { account: p.account, status: 'imported', nick: p.value.nick ?? null, faceUrl: p.value.faceUrl ?? null },
	),
});
