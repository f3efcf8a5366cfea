import { z } from 'zod';
import { listInput, textField, utf8Length } from '../../../../shared/schemas';
import { tencentApi } from '../../../transport/request';
import type { OperationDoc } from '../../../../shared/engine/defineOperation';
import { tencentOperation } from '../../helpers/common';
import { accountField, batchSizeOptions, perUserCalls, readPerUser } from '../../helpers/perUser';

/** Tag rules of tencent-chat.md §4.11: ≤ 10 tags per user per request, each 1–50 bytes. */
export const tagsField = textField('Tags', 'tags', 'Up to 10 tags, separated by commas, or an array from an expression', { required: true, placeholder: 'vip, beta' });

export const tagsSchema = listInput.pipe(
	z
		.array(z.string().refine((t) => utf8Length(t) <= 50, 'a tag is longer than 50 bytes'))
		.min(1, 'needs at least one tag')
		.max(10, 'at most 10 tags per user in one request'),
);

/**
 * add / remove: one declaration, `UserTags: [{ To_Account, Tags }]` (im_add_tag / im_remove_tag,
 * tencent-chat.md §4.11); both are safe to repeat.
 */
export function userTagsOperation(o: { operation: string; option: { name: string; description: string; action: string }; path: string; status: string; doc?: OperationDoc }) {
	return tencentOperation({
		resource: 'userTag',
		operation: o.operation,
		option: o.option,
		properties: [accountField(), tagsField, batchSizeOptions],
		read: (r) => readPerUser(r, r.param<string[]>('tags', tagsSchema, 'Tags')),
		shape: perUserCalls<string[]>(
			tencentApi(o.path, true),
			(call) => ({ UserTags: call.map((p) => ({ To_Account: p.account, Tags: p.value })) }),
			(p) => ({ account: p.account, status: o.status, tags: p.value }),
		),
		...(o.doc ? { doc: o.doc } : {}),
	});
}
