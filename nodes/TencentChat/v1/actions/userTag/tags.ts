import type { INodeProperties } from 'n8n-workflow';
import { z } from 'zod';
import { listInput, utf8Length } from '../../../../shared/schemas';

/** Tag rules of tencent-chat.md §4.11: ≤ 10 tags per user per request, each 1–50 bytes. */
export const tagsField: INodeProperties = {
	displayName: 'Tags',
	name: 'tags',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'vip, beta',
	description: 'Up to 10 tags, separated by commas, or an array from an expression',
};

export const tagsSchema = listInput.pipe(
	z
		.array(z.string().refine((t) => utf8Length(t) <= 50, 'a tag is longer than 50 bytes'))
		.min(1, 'needs at least one tag')
		.max(10, 'at most 10 tags per user in one request'),
);
