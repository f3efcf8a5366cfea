import { z } from 'zod';
import { collection, listInput } from '../../../../shared/schemas';
import { tencentApi } from '../../../transport/request';
import { tencentOperation } from '../../helpers/common';
import { accountField, batchSizeOption, perUserCalls, readPerUser } from '../../helpers/perUser';
import { failedEntry } from '../../helpers/sns';
import { customTag, profileOf, STANDARD } from './common';

/**
 * portrait_get — "≤ 100 users per call recommended, or the answer may be too large"
 * (tencentcloud.com/document/product/1047/34917; dobyte/tencent-im profile/api.go). One user per
 * item, coalesced into calls of up to 100 with the same fields; UserProfileItem per user.
 */
export const get = tencentOperation({
	resource: 'profile',
	operation: 'get',
	option: {
		name: 'Get',
		description: 'Get profile fields of users, up to 100 users per call (portrait_get)',
		action: 'Get user profiles',
	},
	properties: [
		accountField(),
		{
			displayName: 'Fields',
			name: 'tags',
			type: 'multiOptions',
			default: [],
			options: STANDARD.map((s) => ({ name: s.label, value: s.tag })),
			description: 'Standard profile fields to get (TagList). Leave empty for all of them.',
		},
		collection([
			batchSizeOption(100),
			{
				displayName: 'Custom Fields',
				name: 'customFields',
				type: 'string',
				default: '',
				placeholder: 'vip, city',
				description: 'Names of custom profile fields to get too (Tag_Profile_Custom_…), separated by commas',
			},
		]),
	],
	read(r) {
		const tags = r.param('tags', z.array(z.enum(STANDARD.map((s) => s.tag) as [string, ...string[]])), 'Fields', []);
		const custom: string[] = r.option('options', 'customFields', listInput.pipe(z.array(customTag)), 'Custom Fields', '');
		const tagList = [...new Set([...(tags.length ? tags : STANDARD.map((s) => s.tag)), ...custom])];
		return readPerUser(r, tagList);
	},
	doc: {
		api: '`profile/portrait_get`',
		limits:
			'One user per item; items asking for the same fields go in calls of up to 100 users (the documented recommendation; Batch Size). 200 calls/s. Sources: tencentcloud.com 1047/34917, dobyte/tencent-im `profile/api.go`, doocs `PortraitGetRequest.java`.',
	},
	shape: perUserCalls<string[]>(
		tencentApi('profile/portrait_get', true),
		(call) => ({
			To_Account: call.map((p) => p.account),
			TagList: call[0].value,
		}),
		(p, res) => {
			const e = ((res.UserProfileItem ?? []) as Array<Record<string, unknown>>).find((x) => String(x.To_Account) === p.account);
			if (!e)
				return {
					account: p.account,
					...failedEntry(null, 'The answer has no profile for this user'),
				};
			const code = Number(e.ResultCode ?? 0);
			if (code !== 0)
				return {
					account: p.account,
					...failedEntry(code, String(e.ResultInfo ?? '')),
				};
			return { account: p.account, ...profileOf(e.ProfileItem) };
		},
		(p) => p.value.join(','),
	),
});
