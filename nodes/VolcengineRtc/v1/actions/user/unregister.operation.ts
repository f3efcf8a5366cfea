import { imApi } from '../../../transport/request';
import { perUserResults, userOperation } from '../../helpers/users';

/** UnRegisterUsers — volcengine-rtc.md §4.7: ≤ 10 users per call; items are coalesced. */

export const MAX_UNREGISTER_PER_CALL = 10;
// Unregistering twice has the same effect: safe to repeat.
const api = imApi('UnRegisterUsers', true);

export const unregister = userOperation({
	operation: 'unregister',
	option: { name: 'Unregister', description: 'Remove users from the IM service, many items per call (UnRegisterUsers)', action: 'Unregister a user' },
	doc: { api: '`UnRegisterUsers`', limits: 'Coalesced, ≤ 10 per call.' },
	what: 'User to unregister',
	max: MAX_UNREGISTER_PER_CALL,
	async run(call, send) {
		const answer = await send(api, { AppId: call[0].plan.appId, UserIds: call.map(({ plan }) => plan.userId) });
		return perUserResults(call, answer, 'unregistered');
	},
});
