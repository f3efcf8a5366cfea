import type { IDataObject } from 'n8n-workflow';
import { tencentApi } from '../../../transport/request';
import { requestIdOf, tencentOperation } from '../../helpers/common';
import { groupLocatorField } from '../../helpers/groupLocator';
import { listOf, readGroup } from '../../helpers/groupOps';

/** get_group_attr — tencentcloud.com/document/product/1047/44187 (service group_open_attr_http_svc; doocs GetGroupAttrResult.java: GroupAttrAry of { key, value }). */
export const get = tencentOperation<{ GroupId: string }>({
	resource: 'groupAttribute',
	operation: 'get',
	option: { name: 'Get', description: 'Get all custom attributes of a group (get_group_attr)', action: 'Get group attributes' },
	properties: [groupLocatorField],
	read: (r) => ({ GroupId: readGroup(r) }),
	shape: {
		kind: 'item',
		async run(body, send) {
			const answer = await send(tencentApi('group_open_attr_http_svc/get_group_attr', true), body);
			const attributes: IDataObject = {};
			for (const a of listOf(answer.result, 'GroupAttrAry')) attributes[String(a.key)] = String(a.value ?? '');
			return { groupId: body.GroupId, attributes, requestId: requestIdOf(answer) };
		},
	},
	doc: { api: '`group_open_attr_http_svc/get_group_attr`', limits: 'One call per item; the attributes as one object. Sources: tencentcloud.com 1047/44187; doocs `GetGroupAttrResult.java`.' },
});
