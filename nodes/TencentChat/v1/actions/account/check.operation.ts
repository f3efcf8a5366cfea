import { tencentApi } from '../../../transport/request';
import { tencentOperation } from '../../helpers/common';
import { batchSizeOptions, readPerUser } from '../../helpers/perUser';
import { accountItemCalls, accountsField } from './common';

/** account_check — tencent-chat.md §5.3: ≤ 100 accounts per call; one ResultItem per account. */
export const check = tencentOperation({
	resource: 'account',
	operation: 'check',
	option: { name: 'Check', description: 'Check whether users are imported, up to 100 users per call (account_check)', action: 'Check accounts' },
	doc: { api: '`im_open_login_svc/account_check`', limits: 'Coalesced, ≤ 100 per call; `ResultItem` per item.' },
	properties: [accountsField, batchSizeOptions],
	read: (r) => readPerUser(r, null),
	shape: accountItemCalls(tencentApi('im_open_login_svc/account_check', true), 'CheckItem', (account, r) => ({
		account,
		imported: r.AccountStatus === 'Imported',
		accountStatus: (r.AccountStatus as string) ?? null,
	})),
});
