import type { IDataObject } from 'n8n-workflow';
import { tencentApi } from '../../../transport/request';
import { tencentOperation } from '../../helpers/common';
import { accountField, accountsBody, batchSizeOptions, entryFor, perUserCalls, readPerUser } from '../../helpers/perUser';

/** im_get_attr — tencent-chat.md §4.10. */
export const get = tencentOperation({
	resource: 'userAttribute',
	operation: 'get',
	option: { name: 'Get', description: 'Get users’ push attributes, up to 100 users per call (im_get_attr)', action: 'Get user attributes' },
	doc: { api: '`im_get_attr` (or `timpush/get_attr`)', limits: 'One user per item, coalesced into calls of ≤ 100 users; values ≤ 50 bytes. 100/s.' },
	properties: [accountField(), batchSizeOptions],
	read: (r) => readPerUser(r, null),
	shape: perUserCalls(tencentApi('all_member_push/im_get_attr', true), accountsBody, (p, res) => ({
		account: p.account,
		attributes: (entryFor(res, 'UserAttrs', p.account)?.Attrs as IDataObject) ?? {},
	})),
});
