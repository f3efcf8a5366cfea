import { tencentOperation, type Body } from '../../helpers/common';
import { groupLocatorField } from '../../helpers/groupLocator';
import { attributeDoc, attributesField, attributeWrite, orderByGroup, readAttributes, readGroup } from './common';

/** modify_group_attr (add or change the given keys; others stay) and set_group_attr (replace the whole set) — 1047/44188, 1047/44190. */
export const set = tencentOperation<{ body: Body }>({
	resource: 'groupAttribute',
	operation: 'set',
	option: { name: 'Set', description: 'Add or change custom attributes of a group; other attributes stay (modify_group_attr)', action: 'Set group attributes' },
	properties: [groupLocatorField, attributesField],
	read: (r) => ({ body: { GroupId: readGroup(r), GroupAttr: readAttributes(r) } }),
	orderKey: orderByGroup,
	shape: attributeWrite('modify_group_attr', 'set'),
	doc: attributeDoc('modify_group_attr', 'Adds or changes the given keys.', '44188'),
});

export const replaceAll = tencentOperation<{ body: Body }>({
	resource: 'groupAttribute',
	operation: 'replaceAll',
	option: { name: 'Replace All', description: 'Replace all custom attributes of a group with the given ones (set_group_attr)', action: 'Replace all group attributes' },
	properties: [groupLocatorField, attributesField],
	read: (r) => ({ body: { GroupId: readGroup(r), GroupAttr: readAttributes(r) } }),
	orderKey: orderByGroup,
	shape: attributeWrite('set_group_attr', 'replaced'),
	doc: attributeDoc('set_group_attr', 'Replaces the whole set.', '44190'),
});
