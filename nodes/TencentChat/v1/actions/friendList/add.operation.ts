import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';
import { single } from '../../../../shared/engine/callShapes';
import { emptyAs, listInput } from '../../../../shared/schemas';
import { tencentApi } from '../../../transport/request';
import { requestIdOf, tencentOperation, type Body } from '../../helpers/common';
import { userId } from '../../helpers/fields';
import { listNames, listNamesField, MAX_JOINING_PER_CALL, owner } from './common';

/** group_add — 1047/34950: GroupName [], optional To_Account [] (friends put in the new lists); ResultItem per friend, Fail_Account. */
export const add = tencentOperation<Body>({
	resource: 'friendList',
	operation: 'add',
	option: { name: 'Add', description: 'Create friend lists for a user, optionally with friends in them (group_add)', action: 'Add friend lists' },
	properties: [
		owner,
		listNamesField('Names of the lists to create (GroupName), separated by commas, 1 to 100, each at most 30 bytes'),
		{
			displayName: 'Friend User IDs',
			name: 'friends',
			type: 'string',
			default: '',
			placeholder: 'user_2002, user_2003',
			description: 'Friends to put in the new lists (To_Account), separated by commas, at most 1,000',
		},
	],
	read(r) {
		const body: Body = { From_Account: r.param('account', userId, 'User ID'), GroupName: r.param('listNames', listNames, 'Friend List Names') };
		const friends = r.param('friends', emptyAs(listInput.pipe(z.array(userId).max(MAX_JOINING_PER_CALL, 'takes at most 1,000 users'))), 'Friend User IDs', '');
		if (friends?.length) body.To_Account = [...new Set(friends)];
		return body;
	},
	orderKey: (body) => `friendLists:${body.From_Account as string}`,
	doc: {
		api: '`sns/group_add`',
		limits:
			'One call per item: up to 100 list names and 1,000 friends (dobyte/tencent-im `sns/api.go`; the page states no maximum). 200 calls/s. Sources: tencentcloud.com 1047/34950, dobyte `sns/types.go` (addGroupsReq), doocs `GroupAddRequest.java`.',
	},
	shape: single({
		// A repeat fails (the lists exist), so it is not repeated blindly.
		api: tencentApi('sns/group_add', false),
		body: (body) => body,
		output: (body, answer) => {
			const res = answer.result;
			const failed = new Set(((res.Fail_Account ?? []) as unknown[]).map(String));
			const results = ((res.ResultItem ?? []) as IDataObject[]).map((e) => {
				const code = Number(e.ResultCode ?? 0);
				const to = String(e.To_Account);
				return code === 0 && !failed.has(to)
					? { friend: to, status: 'added' }
					: { friend: to, status: 'failed', code: String(code), reason: String(e.ResultInfo ?? '') };
			});
			return {
				account: body.From_Account as string,
				status: 'created',
				listNames: body.GroupName as string[],
				friends: results,
				failedCount: results.filter((x) => x.status === 'failed').length,
				currentSequence: (res.CurrentSequence as number) ?? null,
				requestId: requestIdOf(answer),
			};
		},
	}),
});
