import { tencentApi } from '../../../transport/request';
import { tencentOperation } from '../../helpers/common';
import { accountField, accountsBody, batchSizeOptions, entryFor, perUserCalls, readPerUser } from '../../helpers/perUser';

/** im_get_tag — tencent-chat.md §4.11. */
export const get = tencentOperation({
	resource: 'userTag',
	operation: 'get',
	option: { name: 'Get', description: 'Get users’ tags (im_get_tag)', action: 'Get user tags' },
	doc: { api: '`im_get_tag` (or `timpush/get_tag`)', limits: 'Coalesced into calls of ≤ 100 users; ≤ 10 tags per user per call, tags ≤ 50 bytes. 100/s.' },
	properties: [accountField(), batchSizeOptions],
	read: (r) => readPerUser(r, null),
	shape: perUserCalls(tencentApi('all_member_push/im_get_tag', true), accountsBody, (p, res) => ({
		account: p.account,
		tags: (entryFor(res, 'UserTags', p.account)?.Tags as string[]) ?? [],
	})),
});
