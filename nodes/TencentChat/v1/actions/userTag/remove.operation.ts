import { userTagsOperation } from './tags';

/** im_remove_tag — tencent-chat.md §4.11. */
export const remove = userTagsOperation({
	operation: 'remove',
	option: { name: 'Remove', description: 'Remove tags from users (im_remove_tag)', action: 'Remove user tags' },
	path: 'all_member_push/im_remove_tag',
	status: 'removed',
});
