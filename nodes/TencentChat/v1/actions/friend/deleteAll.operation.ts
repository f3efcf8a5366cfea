import { single } from '../../../../shared/engine/callShapes';
import { userId } from '../../helpers/fields';
import { tencentApi } from '../../../transport/request';
import { requestIdOf, tencentOperation } from '../../helpers/common';
import { deleteTypeField, owner, readDeleteType } from './common';

/** friend_delete_all — tencentcloud.com/document/product/1047/34906: From_Account, DeleteType; clears the user's friends. */
export const deleteAll = tencentOperation<{ From_Account: string; DeleteType: string }>({
	resource: 'friend',
	operation: 'deleteAll',
	option: { name: 'Delete All', description: 'Delete every friend of a user (friend_delete_all)', action: 'Delete all friends of a user' },
	properties: [{ ...owner, description: 'The user whose friends to delete (From_Account)' }, deleteTypeField],
	read: (r) => ({ From_Account: r.param('account', userId, 'User ID'), DeleteType: readDeleteType(r) }),
	doc: {
		api: '`sns/friend_delete_all`',
		limits: 'One user per call. 200 calls/s. Sources: tencentcloud.com 1047/34906, dobyte/tencent-im `sns/types.go` (deleteAllFriendsReq).',
	},
	shape: single({
		// Deleting all friends twice leaves the same empty list: safe to repeat.
		api: tencentApi('sns/friend_delete_all', true),
		body: (body) => body,
		output: (body, answer) => ({ account: body.From_Account, status: 'deleted', deleteType: body.DeleteType, requestId: requestIdOf(answer) }),
	}),
});
