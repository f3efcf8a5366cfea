import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import { readOption, readParam } from '../../../../shared/params';
import type { ItemResult, PreparedItem } from '../../../../shared/router';
import { intInRange, int64Id } from '../../../../shared/schemas';
import { volcengineApiRequest } from '../../../transport/request';
import { resolveAppId } from '../../helpers/common';
import { appIdField, batchSizeOption } from '../../helpers/fields';
import { runUserCalls, userIdField, userJson, type UserItemPlan } from '../../helpers/users';

/**
 * BatchGetUser — volcengine-rtc.md §4.7: ≤ 50 users per call; items are coalesced. A user in
 * NotFoundUsers gives `found: false` on its own item (not an error).
 */

export const MAX_GET_PER_CALL = 50;

const properties: INodeProperties[] = [
	appIdField,
	userIdField('Registered user to read'),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [batchSizeOption(MAX_GET_PER_CALL, 'Users (input items)')],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['user'], operation: ['get'] } }, properties);

export async function prepare(this: IExecuteFunctions, i: number): Promise<UserItemPlan> {
	const appId = await resolveAppId(this, i);
	const userId = readParam(this, 'userId', i, int64Id, 'User ID');
	const batchSize = readOption(this, 'options', 'batchSize', i, intInRange(1, MAX_GET_PER_CALL), 'Batch Size', MAX_GET_PER_CALL);
	return { appId, userId, batchSize };
}

/** BatchGetUser for a set of ids: found users by id, and the ids Volcengine reported as not found. */
export async function batchGetUsers(
	ctx: IExecuteFunctions,
	appId: number,
	userIds: bigint[],
	itemIndex: number,
): Promise<{ users: Map<string, IDataObject>; notFound: Set<string>; requestId: string | null }> {
	const { result, requestId } = await volcengineApiRequest.call(ctx, 'BatchGetUser', { AppId: appId, UserIds: userIds }, { itemIndex, idempotent: true });
	const users = new Map<string, IDataObject>();
	for (const u of (Array.isArray(result.Users) ? result.Users : []) as IDataObject[]) users.set(String(u.UserId), u);
	const notFound = new Set((Array.isArray(result.NotFoundUsers) ? result.NotFoundUsers : []).map(String));
	return { users, notFound, requestId: requestId ?? null };
}

export async function executeBatch(
	this: IExecuteFunctions,
	items: Array<PreparedItem<UserItemPlan>>,
): Promise<Map<number, ItemResult | Error>> {
	return await runUserCalls(this, items, async (call, out) => {
		const { users, notFound, requestId } = await batchGetUsers(this, call[0].plan.appId, call.map(({ plan }) => plan.userId), call[0].itemIndex);
		for (const { itemIndex, plan } of call) {
			const id = String(plan.userId);
			const u = users.get(id);
			if (u) out.set(itemIndex, { found: true, ...userJson(u), requestId });
			else if (notFound.has(id)) out.set(itemIndex, { found: false, userId: id, requestId });
			else {
				out.set(
					itemIndex,
					new NodeOperationError(this.getNode(), `Volcengine answered BatchGetUser without user ${id}`, {
						itemIndex,
						description: 'The user is neither in Users nor in NotFoundUsers of the answer.',
					}),
				);
			}
		}
	});
}
