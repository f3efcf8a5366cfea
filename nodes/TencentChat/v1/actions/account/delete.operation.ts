import { tencentApi } from '../../../transport/request';
import { tencentOperation } from '../../helpers/common';
import { batchSizeOptions, readPerUser } from '../../helpers/perUser';
import { accountItemCalls, accountsField } from './common';

/**
 * account_delete — tencent-chat.md §5.4: ≤ 100 accounts per call; one ResultItem per account.
 * Irreversible. An account without a ResultItem is reported as failed, never as deleted.
 */
export const deleteAccount = tencentOperation({
	resource: 'account',
	operation: 'delete',
	option: { name: 'Delete', description: 'Delete accounts irreversibly, up to 100 users per call (account_delete)', action: 'Delete accounts' },
	doc: { api: '`im_open_login_svc/account_delete`', limits: 'Coalesced, ≤ 100 per call; irreversible (notice); never repeated after an ambiguous failure.' },
	properties: [
		{
			displayName:
				'Deleting an account cannot be undone: its contacts, profile, group memberships and conversations are removed. Apps on paid editions must allow deletion in the console (else error 71000) and cannot import a deleted user ID again for 3 months (error 70399).',
			name: 'deleteNotice',
			type: 'notice',
			default: '',
		},
		accountsField,
		batchSizeOptions,
	],
	read: (r) => readPerUser(r, null),
	// A repeat would answer 70107 for accounts the first attempt deleted: never repeated blindly.
	shape: accountItemCalls(tencentApi('im_open_login_svc/account_delete', false), 'DeleteItem', (account) => ({ account, status: 'deleted' })),
});
