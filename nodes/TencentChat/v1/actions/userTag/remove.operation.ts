import { userTagsOperation } from './tags';

/** im_remove_tag — tencent-chat.md §4.11. */
export const remove = userTagsOperation({
	operation: 'remove',
	option: { name: 'Remove', description: 'Remove tags from users (im_remove_tag)', action: 'Remove user tags' },
	doc: { api: '`im_remove_tag` (or `timpush/remove_tag`)', limits: 'Coalesced into calls of ≤ 100 users; ≤ 10 tags per user per call, tags ≤ 50 bytes. 100/s.' },
	path: 'all_member_push/im_remove_tag',
	status: 'removed',
});
