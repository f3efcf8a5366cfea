import type { IDataObject } from 'n8n-workflow';
import { single } from '../../../../shared/engine/callShapes';
import { tencentApi } from '../../../transport/request';
import { requestIdOf, tencentOperation } from '../../helpers/common';

/** im_get_attr_name — tencent-chat.md §4.9. */
export const getAttributeNames = tencentOperation<Record<string, never>>({
	resource: 'push',
	operation: 'getAttributeNames',
	option: { name: 'Get Attribute Names', description: 'Get the names of the app’s push attributes (im_get_attr_name)', action: 'Get push attribute names' },
	doc: { api: '`im_get_attr_name`', limits: 'Attributes numbered 0–9, names ≤ 50 bytes.' },
	properties: [],
	read: () => ({}),
	shape: single({
		api: tencentApi('all_member_push/im_get_attr_name', true),
		body: () => ({}),
		output: (_, answer) => ({ attrNames: (answer.result.AttrNames as IDataObject) ?? {}, requestId: requestIdOf(answer) }),
	}),
});
