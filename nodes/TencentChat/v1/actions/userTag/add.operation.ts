import { tencentOperation } from '../../helpers/common';
import { accountField, batchSizeOptions } from '../../helpers/perUser';
import { readTags, tagsField, userTagsCalls } from './tags';

/** im_add_tag — tencent-chat.md §4.11. */
export const add = tencentOperation({
	resource: 'userTag',
	operation: 'add',
	option: { name: 'Add', description: 'Add tags to users, up to 100 users per call (im_add_tag)', action: 'Add user tags' },
	properties: [accountField(), tagsField, batchSizeOptions],
	read: readTags,
	shape: userTagsCalls('all_member_push/im_add_tag', 'added'),
});
