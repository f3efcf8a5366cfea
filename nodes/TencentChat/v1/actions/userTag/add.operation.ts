import { userTagsOperation } from './tags';

/** im_add_tag — tencent-chat.md §4.11. */
export const add = userTagsOperation({
	operation: 'add',
	option: { name: 'Add', description: 'Add tags to users, up to 100 users per call (im_add_tag)', action: 'Add user tags' },
	doc: { api: '`im_add_tag` (or `timpush/add_tag`)', limits: 'Coalesced into calls of ≤ 100 users; ≤ 10 tags per user per call, tags ≤ 50 bytes. 100/s.' },
	path: 'all_member_push/im_add_tag',
	status: 'added',
});
