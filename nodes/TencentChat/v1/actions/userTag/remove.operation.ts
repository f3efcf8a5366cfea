import { tencentOperation } from '../../helpers/common';
import { accountField, batchSizeOptions } from '../../helpers/perUser';
import { readTags, tagsField, userTagsCalls } from './tags';

/** im_remove_tag — tencent-chat.md §4.11. */
export const remove = tencentOperation({
	resource: 'userTag',
	operation: 'remove',
	option: { name: 'Remove', description: 'Remove tags from users (im_remove_tag)', action: 'Remove user tags' },
	properties: [accountField(), tagsField, batchSizeOptions],
	read: readTags,
	shape: userTagsCalls('all_member_push/im_remove_tag', 'removed'),
});
