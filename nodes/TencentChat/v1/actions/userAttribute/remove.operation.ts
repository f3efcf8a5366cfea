import { z } from 'zod';
import { listInput } from '../../../../shared/schemas';
import { tencentApi } from '../../../transport/request';
import { tencentOperation } from '../../helpers/common';
import { accountField, batchSizeOptions, perUserCalls, readPerUser } from '../../helpers/perUser';

/** im_remove_attr — tencent-chat.md §4.10. */

const names = listInput.pipe(z.array(z.string().min(1)).min(1, 'needs at least one attribute name'));

export const remove = tencentOperation({
	resource: 'userAttribute',
	operation: 'remove',
	option: { name: 'Remove', description: 'Remove push attributes from users (im_remove_attr)', action: 'Remove user attributes' },
	doc: { api: '`im_remove_attr` (or `timpush/remove_attr`)', limits: 'One user per item, coalesced into calls of ≤ 100 users; values ≤ 50 bytes. 100/s.' },
	properties: [
		accountField(),
		{
			displayName: 'Attribute Names',
			name: 'names',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'city, level',
			description: 'Attributes to remove, separated by commas, or an array from an expression',
		},
		batchSizeOptions,
	],
	read: (r) => readPerUser(r, r.param<string[]>('names', names, 'Attribute Names')),
	shape: perUserCalls<string[]>(
		tencentApi('all_member_push/im_remove_attr', true),
		(call) => ({ UserAttrs: call.map((p) => ({ To_Account: p.account, Attrs: p.value })) }),
		(p) => ({ account: p.account, status: 'removed', attributes: p.value }),
	),
});
