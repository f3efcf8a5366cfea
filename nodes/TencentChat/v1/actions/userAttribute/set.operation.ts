import { keyValueMap } from '../../../../shared/schemas';
import { tencentApi } from '../../../transport/request';
import { tencentOperation } from '../../helpers/common';
import { attributePairsField } from '../../helpers/fields';
import { accountField, batchSizeOptions, perUserCalls, readPerUser } from '../../helpers/perUser';

/** im_set_attr — tencent-chat.md §4.10: values ≤ 50 bytes; names must be set with Set Attribute Names first. */

const attrs = keyValueMap({ maxValueBytes: 50 }).refine((m) => Object.keys(m).length > 0, 'needs at least one attribute');

export const set = tencentOperation({
	resource: 'userAttribute',
	operation: 'set',
	option: { name: 'Set', description: 'Set users’ push attribute values (im_set_attr)', action: 'Set user attributes' },
	doc: { api: '`im_set_attr` (or `timpush/set_attr`)', limits: 'One user per item, coalesced into calls of ≤ 100 users; values ≤ 50 bytes. 100/s.' },
	properties: [
		accountField(),
		attributePairsField({ displayName: 'Attributes', name: 'attributes' }),
		batchSizeOptions,
	],
	read: (r) => readPerUser(r, r.param('attributes', attrs, 'Attributes', {})),
	shape: perUserCalls<Record<string, string>>(
		tencentApi('all_member_push/im_set_attr', true),
		(call) => ({ UserAttrs: call.map((p) => ({ To_Account: p.account, Attrs: p.value })) }),
		(p) => ({ account: p.account, status: 'set', attributes: p.value }),
	),
});
