import { single } from '../../../../shared/engine/callShapes';
import { tencentApi } from '../../../transport/request';
import { requestIdOf, tencentOperation, type Body } from '../../helpers/common';
import { userId } from '../../helpers/fields';
import { listNames, listNamesField, owner } from './common';

/** group_delete — 1047/34926: GroupName []; the friends stay friends, only the lists go. */
export const deleteLists = tencentOperation<Body>({
	resource: 'friendList',
	operation: 'delete',
	option: { name: 'Delete', description: 'Delete friend lists of a user; the friends stay (group_delete)', action: 'Delete friend lists' },
	properties: [owner, listNamesField('Names of the lists to delete (GroupName), separated by commas, 1 to 100')],
	read: (r) => ({ From_Account: r.param('account', userId, 'User ID'), GroupName: r.param('listNames', listNames, 'Friend List Names') }),
	orderKey: (body) => `friendLists:${body.From_Account as string}`,
	doc: {
		api: '`sns/group_delete`',
		limits:
			'One call per item, up to 100 list names (dobyte/tencent-im `sns/api.go`). 200 calls/s. Sources: tencentcloud.com 1047/34926, dobyte `sns/types.go` (deleteGroupsReq).',
	},
	shape: single({
		// A repeat fails (the lists are gone), so it is not repeated blindly.
		api: tencentApi('sns/group_delete', false),
		body: (body) => body,
		output: (body, answer) => ({
			account: body.From_Account as string,
			status: 'deleted',
			listNames: body.GroupName as string[],
			currentSequence: (answer.result.CurrentSequence as number) ?? null,
			requestId: requestIdOf(answer),
		}),
	}),
});
