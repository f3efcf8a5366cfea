import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';
import { single } from '../../../../shared/engine/callShapes';
import { utf8Length } from '../../../../shared/schemas';
import { tencentApi } from '../../../transport/request';
import { requestIdOf, tencentOperation } from '../../helpers/common';

/** im_set_attr_name — tencent-chat.md §4.9: up to 10 push attributes, numbered "0"–"9", names ≤ 50 bytes. */

const properties: INodeProperties[] = [
	{
		displayName: 'Attribute Names',
		name: 'attrNames',
		type: 'fixedCollection',
		placeholder: 'Add Attribute Name',
		default: {},
		typeOptions: { multipleValues: true },
		description: 'Names of the app’s push attributes; set them before setting user attributes',
		options: [
			{
				displayName: 'Attribute',
				name: 'pairs',
				values: [
					{
						displayName: 'Number',
						name: 'key',
						type: 'options',
						default: '0',
						options: Array.from({ length: 10 }, (_, n) => ({ name: String(n), value: String(n) })),
					},
					{ displayName: 'Name', name: 'value', type: 'string', default: '', placeholder: 'city' },
				],
			},
		],
	},
];


const namesSchema = z.unknown().transform((v, ctx): Record<string, string> => {
	const pairs = ((v as { pairs?: Array<{ key?: unknown; value?: unknown }> })?.pairs ?? []) as Array<{ key?: unknown; value?: unknown }>;
	const out: Record<string, string> = {};
	for (const p of pairs) {
		const key = String(p.key ?? '');
		const name = typeof p.value === 'string' ? p.value.trim() : '';
		if (!/^[0-9]$/.test(key)) ctx.addIssue({ code: z.ZodIssueCode.custom, message: `attribute number "${key}" must be 0 to 9` });
		else if (name === '' || utf8Length(name) > 50) ctx.addIssue({ code: z.ZodIssueCode.custom, message: `name of attribute ${key} must be 1 to 50 bytes` });
		else if (out[key] !== undefined) ctx.addIssue({ code: z.ZodIssueCode.custom, message: `attribute ${key} is given twice` });
		else out[key] = name;
	}
	if (Object.keys(out).length === 0 && pairs.length === 0) ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'needs at least one attribute' });
	return out;
});

export const setAttributeNames = tencentOperation<{ AttrNames: Record<string, string> }>({
	resource: 'push',
	operation: 'setAttributeNames',
	option: { name: 'Set Attribute Names', description: 'Name the app’s push attributes 0–9 (im_set_attr_name)', action: 'Set push attribute names' },
	doc: { api: '`im_set_attr_name`', limits: 'Attributes numbered 0–9, names ≤ 50 bytes.' },
	properties,
	read: (r) => ({ AttrNames: r.param('attrNames', namesSchema, 'Attribute Names', {}) }),
	shape: single({
		api: tencentApi('all_member_push/im_set_attr_name', true),
		body: (body) => body,
		output: (body, answer) => ({ status: 'set', attrNames: body.AttrNames as IDataObject, requestId: requestIdOf(answer) }),
	}),
});
