import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { readOption, readParam } from '../../../../shared/params';
import type { ItemResult, PreparedItem } from '../../../../shared/router';
import { intInRange, int64Id } from '../../../../shared/schemas';
import { volcengineApiRequest } from '../../../transport/request';
import { resolveAppId } from '../../helpers/common';
import { appIdField, batchSizeOption } from '../../helpers/fields';
import { idString } from '../../helpers/im';
import { runUserCalls, userIdField, type UserItemPlan } from '../../helpers/users';

/**
 * QueryOnlineStatus — volcengine-rtc.md §4.8: ≤ 100 users per call; items are coalesced. A user is
 * online when QueryOnlineResults lists at least one connection for them.
 */

export const MAX_ONLINE_PER_CALL = 100;

const properties: INodeProperties[] = [
	appIdField,
	userIdField('User whose online status to read'),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [batchSizeOption(MAX_ONLINE_PER_CALL, 'Users (input items)')],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['user'], operation: ['getOnlineStatus'] } }, properties);

export async function prepare(this: IExecuteFunctions, i: number): Promise<UserItemPlan> {
	const appId = await resolveAppId(this, i);
	const userId = readParam(this, 'userId', i, int64Id, 'User ID');
	const batchSize = readOption(this, 'options', 'batchSize', i, intInRange(1, MAX_ONLINE_PER_CALL), 'Batch Size', MAX_ONLINE_PER_CALL);
	return { appId, userId, batchSize };
}

const connectionJson = (c: IDataObject): IDataObject => {
	const out: IDataObject = {
		connId: idString(c.ConnId),
		deviceId: idString(c.DeviceId),
		clientVersion: idString(c.ClientVersion),
		platform: (c.Platform as string) ?? null,
	};
	const known = new Set(['ConnId', 'UserId', 'DeviceId', 'ClientVersion', 'Platform']);
	for (const [k, v] of Object.entries(c)) if (!known.has(k)) out[k] = v as IDataObject[string];
	return out;
};

export async function executeBatch(
	this: IExecuteFunctions,
	items: Array<PreparedItem<UserItemPlan>>,
): Promise<Map<number, ItemResult | Error>> {
	return await runUserCalls(this, items, async (call, out) => {
		const body = { AppId: call[0].plan.appId, UserIds: call.map(({ plan }) => plan.userId) };
		const { result, requestId } = await volcengineApiRequest.call(this, 'QueryOnlineStatus', body, { itemIndex: call[0].itemIndex, idempotent: true });
		const byUser = (result.QueryOnlineResults ?? {}) as Record<string, unknown>;
		for (const { itemIndex, plan } of call) {
			const conns = byUser[String(plan.userId)];
			const connections = Array.isArray(conns) ? (conns as IDataObject[]).map(connectionJson) : [];
			out.set(itemIndex, { userId: String(plan.userId), online: connections.length > 0, connections, requestId: requestId ?? null });
		}
	});
}
