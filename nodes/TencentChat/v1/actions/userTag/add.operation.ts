import { userTagsOperation } from './tags';

/** im_add_tag — tencent-chat.md §4.11. */
export const add = userTagsOperation({
	operation: 'add',
	option: { name: 'Add', description: 'Add tags to users, up to 100 users per call (im_add_tag)', action: 'Add user tags' },
	path: 'all_member_push/im_add_tag',
	status: 'added',
});
