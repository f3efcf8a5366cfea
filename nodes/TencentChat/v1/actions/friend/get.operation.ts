import { z } from 'zod';
import { collection, listInput, text } from '../../../../shared/schemas';
import { tencentApi } from '../../../transport/request';
import { tencentOperation } from '../../helpers/common';
import { batchSizeOption } from '../../helpers/perUser';
import { pairCalls, readPair, type PairPlan } from '../../helpers/sns';
import { STANDARD } from '../profile/common';
import { friend, friendData, owner } from './common';

/** friend_get_list: "≤ 100 friends per call recommended" (dobyte/tencent-im sns/api.go batchGetFriendsLimit; 1047/34910). */
export const MAX_FRIENDS_PER_GET = 100;

const SNS_TAGS = [
	{ name: 'Add Source', value: 'Tag_SNS_IM_AddSource' },
	{ name: 'Add Wording', value: 'Tag_SNS_IM_AddWording' },
	{ name: 'Added At', value: 'Tag_SNS_IM_AddTime' },
	{ name: 'Friend Lists', value: 'Tag_SNS_IM_Group' },
	{ name: 'Remark', value: 'Tag_SNS_IM_Remark' },
	{ name: 'Remark Set At', value: 'Tag_SNS_IM_RemarkTime' },
];
const TAGS = [...SNS_TAGS, ...STANDARD.map((s) => ({ name: `Profile: ${s.label}`, value: s.tag }))];
const extraTag = text({ maxBytes: 64 }).refine(
	(t) => /^Tag_(SNS|Profile)_Custom_\w{1,8}$/.test(t.trim()),
	'must be a custom tag such as Tag_SNS_Custom_level or Tag_Profile_Custom_vip',
);

/**
 * friend_get_list — tencentcloud.com/document/product/1047/34910: given friends' relationship and
 * profile fields (To_Account, TagList); InfoItem [{ To_Account, SnsProfileItem, ResultCode }].
 */
export const get = tencentOperation<PairPlan<string[]>>({
	resource: 'friend',
	operation: 'get',
	option: { name: 'Get', description: 'Get fields of given friends, in calls of up to 100 (friend_get_list)', action: 'Get a friend' },
	properties: [
		owner,
		friend,
		{
			displayName: 'Fields',
			name: 'tags',
			type: 'multiOptions',
			default: [],
			options: TAGS,
			description: 'Friend and profile fields to get (TagList). Leave empty for the friend fields (remark, lists, source, wording, times).',
		},
		collection([
			batchSizeOption(MAX_FRIENDS_PER_GET),
			{
				displayName: 'Custom Fields',
				name: 'extraTags',
				type: 'string',
				default: '',
				placeholder: 'Tag_SNS_Custom_level',
				description: 'Custom friend or profile tags to get too, separated by commas',
			},
		]),
	],
	read(r) {
		const tags = r.param('tags', z.array(z.enum(TAGS.map((t) => t.value) as [string, ...string[]])), 'Fields', []);
		const extra: string[] = r.option('options', 'extraTags', listInput.pipe(z.array(extraTag)), 'Custom Fields', '');
		const list = [...new Set([...(tags.length ? tags : SNS_TAGS.map((t) => t.value)), ...extra.map((t) => t.trim())])];
		return readPair(r, 'Friend User ID', list, MAX_FRIENDS_PER_GET, list.join(','));
	},
	doc: {
		api: '`sns/friend_get_list`',
		limits:
			'One friend per item; items of one user asking for the same fields go in calls of up to 100 (the documented recommendation). 200 calls/s. Sources: tencentcloud.com 1047/34910, dobyte/tencent-im `sns/api.go`, `sns/types.go` (getFriendsReq).',
	},
	shape: pairCalls({
		api: tencentApi('sns/friend_get_list', true),
		list: 'InfoItem',
		otherKey: 'friend',
		body: (account, call) => ({ From_Account: account, To_Account: call.map((p) => p.other), TagList: call[0].value }),
		ok: (_p, e) => friendData(e?.SnsProfileItem),
	}),
});
