import { tencentApi } from '../../../transport/request';
import { tencentOperation } from '../../helpers/common';
import { accountField, accountsBody, batchSizeOptions, perUserCalls, readPerUser } from '../../helpers/perUser';

/** im_remove_all_tags — tencent-chat.md §4.11. */
export const removeAll = tencentOperation({
	resource: 'userTag',
	operation: 'removeAll',
	option: { name: 'Remove All', description: 'Remove every tag of users (im_remove_all_tags)', action: 'Remove all user tags' },
	properties: [accountField(), batchSizeOptions],
	read: (r) => readPerUser(r, null),
	shape: perUserCalls(tencentApi('all_member_push/im_remove_all_tags', true), accountsBody, (p) => ({ account: p.account, status: 'removed all' })),
});
