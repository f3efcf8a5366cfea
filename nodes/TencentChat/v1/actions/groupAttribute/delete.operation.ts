import { tencentOperation, type Body } from '../../helpers/common';
import { groupLocatorField } from '../../helpers/groupLocator';
import { attributeDoc, attributeWrite, keysSchema, orderByGroup, readGroup } from './common';

/**
 * delete_group_attr (given keys; 1047/59499: GroupAttr of { key }) and clear_group_attr (all;
 * 1047/44189: GroupId only, doocs ClearGroupAttrRequest.java). Deleting again is harmless.
 */
export const deleteAttributes = tencentOperation<{ body: Body }>({
	resource: 'groupAttribute',
	operation: 'delete',
	option: { name: 'Delete', description: 'Delete the given custom attributes of a group (delete_group_attr)', action: 'Delete group attributes' },
	properties: [
		groupLocatorField,
		{ displayName: 'Keys', name: 'keys', type: 'string', default: '', required: true, placeholder: 'stage, theme', description: 'Attribute keys to delete, separated by commas, at most 16' },
	],
	read: (r) => ({ body: { GroupId: readGroup(r), GroupAttr: r.param<string[]>('keys', keysSchema, 'Keys').map((key) => ({ key })) } }),
	orderKey: orderByGroup,
	shape: attributeWrite('delete_group_attr', 'deleted'),
	doc: attributeDoc('delete_group_attr', 'Deletes the given keys.', '59499'),
});

export const clear = tencentOperation<{ body: Body }>({
	resource: 'groupAttribute',
	operation: 'clear',
	option: { name: 'Clear', description: 'Delete all custom attributes of a group (clear_group_attr)', action: 'Clear group attributes' },
	properties: [groupLocatorField],
	read: (r) => ({ body: { GroupId: readGroup(r) } }),
	orderKey: orderByGroup,
	shape: attributeWrite('clear_group_attr', 'cleared'),
	doc: attributeDoc('clear_group_attr', 'Deletes every attribute.', '44189'),
});
