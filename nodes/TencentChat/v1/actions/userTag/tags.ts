import type { INodeProperties } from 'n8n-workflow';
import { z } from 'zod';
import type { ItemReader } from '../../../../shared/engine/reader';
import { listInput, utf8Length } from '../../../../shared/schemas';
import { tencentApi } from '../../../transport/request';
import { perUserCalls, readPerUser } from '../../helpers/perUser';

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

/** add / remove: the same call shape, `UserTags: [{ To_Account, Tags }]`; both are safe to repeat. */
export const userTagsCalls = (path: string, status: string) =>
	perUserCalls<string[]>(
		tencentApi(path, true),
		(call) => ({ UserTags: call.map((p) => ({ To_Account: p.account, Tags: p.value })) }),
		(p) => ({ account: p.account, status, tags: p.value }),
	);

export const readTags = (r: ItemReader) => readPerUser(r, r.param<string[]>('tags', tagsSchema, 'Tags'));
