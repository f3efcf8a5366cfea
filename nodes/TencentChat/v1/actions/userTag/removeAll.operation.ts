import { tencentApi } from '../../../transport/request';
import { tencentOperation } from '../../helpers/common';
import { accountField, accountsBody, batchSizeOptions, perUserCalls, readPerUser } from '../../helpers/perUser';

/** im_remove_all_tags — tencent-chat.md §4.11. */
export const removeAll = tencentOperation({
	resource: 'userTag',
	operation: 'removeAll',
	option: { name: 'Remove All', description: 'Remove every tag of users (im_remove_all_tags)', action: 'Remove all user tags' },
	doc: { api: '`im_remove_all_tags` (or `timpush/clear_all_tags`)', limits: 'Coalesced into calls of ≤ 100 users; ≤ 10 tags per user per call, tags ≤ 50 bytes. 100/s.' },
	properties: [accountField(), batchSizeOptions],
	read: (r) => readPerUser(r, null),
	shape: perUserCalls(tencentApi('all_member_push/im_remove_all_tags', true), accountsBody, (p) => ({ account: p.account, status: 'removed all' })),
});
