import { imApi } from '../../../transport/request';
import { volcengineOperation } from '../../helpers/common';
import { perUserResults, readUserItem, userCalls, userProperties } from '../../helpers/users';

/** UnRegisterUsers — volcengine-rtc.md §4.7: ≤ 10 users per call; items are coalesced. */

export const MAX_UNREGISTER_PER_CALL = 10;
// Unregistering twice has the same effect: safe to repeat.
const api = imApi('UnRegisterUsers', true);

export const unregister = volcengineOperation({
	resource: 'user',
	operation: 'unregister',
	option: { name: 'Unregister', description: 'Remove users from the IM service, many items per call (UnRegisterUsers)', action: 'Unregister a user' },
	properties: userProperties('User to unregister', MAX_UNREGISTER_PER_CALL),
	read: async (r) => await readUserItem(r, MAX_UNREGISTER_PER_CALL),
	shape: userCalls(async (call, send) => {
		const answer = await send(api, { AppId: call[0].plan.appId, UserIds: call.map(({ plan }) => plan.userId) });
		return perUserResults(call, answer, 'unregistered');
	}),
});
