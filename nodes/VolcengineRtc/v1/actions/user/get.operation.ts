import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import type { Send } from '../../../../shared/engine/callShapes';
import { imApi, type VolcengineApi } from '../../../transport/request';
import { userJson, userOperation } from '../../helpers/users';

/**
 * BatchGetUser — volcengine-rtc.md §4.7: ≤ 50 users per call; items are coalesced. A user in
 * NotFoundUsers gives `found: false` on its own item (not an error).
 */

export const MAX_GET_PER_CALL = 50;

/** BatchGetUser for a set of ids: found users by id, and the ids Volcengine reported as not found. */
export async function batchGetUsers(send: Send<VolcengineApi>, appId: number, userIds: bigint[]) {
	const { result, requestId } = await send(imApi('BatchGetUser', true), { AppId: appId, UserIds: userIds });
	const users = new Map<string, IDataObject>();
	for (const u of (Array.isArray(result.Users) ? result.Users : []) as IDataObject[]) users.set(String(u.UserId), u);
	const notFound = new Set((Array.isArray(result.NotFoundUsers) ? result.NotFoundUsers : []).map(String));
	return { users, notFound, requestId: requestId ?? null };
}

export const get = userOperation({
	operation: 'get',
	option: { name: 'Get', description: 'Read the profile of registered users, many items per call (BatchGetUser)', action: 'Get a user' },
	doc: { api: '`BatchGetUser`', limits: 'Coalesced, ≤ 50 per call; `NotFoundUsers` give `found: false` on their item. 100/s.' },
	what: 'Registered user to read',
	max: MAX_GET_PER_CALL,
	async run(call, send, ctx) {
		const { users, notFound, requestId } = await batchGetUsers(send, call[0].plan.appId, call.map(({ plan }) => plan.userId));
		return call.map(({ itemIndex, plan }) => {
			const id = String(plan.userId);
			const u = users.get(id);
			if (u) return { found: true, ...userJson(u), requestId };
			if (notFound.has(id)) return { found: false, userId: id, requestId };
			return new NodeOperationError(ctx.getNode(), `Volcengine answered BatchGetUser without user ${id}`, {
				itemIndex,
				description: 'The user is neither in Users nor in NotFoundUsers of the answer.',
			});
		});
	},
});
