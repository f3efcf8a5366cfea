import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';
import { single } from '../../../../shared/engine/callShapes';
import { emptyAs } from '../../../../shared/schemas';
import { tencentApi } from '../../../transport/request';
import { tencentOperation, type Body } from '../../helpers/common';
import { userId } from '../../helpers/fields';
import { listNames, listNamesField, owner } from './common';

/**
 * group_get — 1047/40123: all lists (LastSequence 0: everything) or the named ones; NeedFriend
 * adds each list's friends. ResultItem [{ GroupName, FriendNumber, To_Account }] → one item per list.
 */
export const get = tencentOperation<Body>({
	resource: 'friendList',
	operation: 'get',
	option: { name: 'Get', description: 'Get the friend lists of a user, one item per list (group_get)', action: 'Get friend lists' },
	properties: [
		owner,
		listNamesField('Only these lists (GroupName), separated by commas. Leave empty for all lists.', false),
		{
			displayName: 'Include Friends',
			name: 'needFriend',
			type: 'boolean',
			default: false,
			description: 'Whether to return the friends in each list (NeedFriend)',
		},
	],
	read(r) {
		const body: Body = { From_Account: r.param('account', userId, 'User ID'), LastSequence: 0 };
		const names = r.param('listNames', emptyAs(listNames), 'Friend List Names', '');
		if (names) body.GroupName = names;
		if (r.param('needFriend', z.boolean({ invalid_type_error: 'must be true or false' }), 'Include Friends', false)) body.NeedFriend = 'Need_Friend_Type_Yes';
		return body;
	},
	doc: {
		api: '`sns/group_get`',
		limits:
			'One call per item; one output item per list. 200 calls/s. Sources: tencentcloud.com 1047/40123, dobyte/tencent-im `sns/types.go` (getGroupsReq), doocs `GroupGetRequest.java`.',
	},
	shape: single({
		api: tencentApi('sns/group_get', true),
		body: (body) => body,
		output: (body, answer) =>
			((answer.result.ResultItem ?? []) as IDataObject[]).map((e) => ({
				account: body.From_Account as string,
				listName: String(e.GroupName),
				friendCount: (e.FriendNumber as number) ?? null,
				...(e.To_Account ? { friends: (e.To_Account as unknown[]).map(String) } : {}),
				currentSequence: (answer.result.CurrentSequence as number) ?? null,
			})),
	}),
});
