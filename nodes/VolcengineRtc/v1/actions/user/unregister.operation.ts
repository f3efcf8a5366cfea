import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { readOption, readParam } from '../../../../shared/params';
import type { ItemResult, PreparedItem } from '../../../../shared/router';
import { intInRange, int64Id } from '../../../../shared/schemas';
import { volcengineApiRequest } from '../../../transport/request';
import { resolveAppId } from '../../helpers/common';
import { appIdField, batchSizeOption } from '../../helpers/fields';
import { failedInfosByUser } from '../../helpers/im';
import { runUserCalls, userIdField, type UserItemPlan } from '../../helpers/users';

/** UnRegisterUsers — volcengine-rtc.md §4.7: ≤ 10 users per call; items are coalesced. */

export const MAX_UNREGISTER_PER_CALL = 10;

const properties: INodeProperties[] = [
	appIdField,
	userIdField('User to unregister'),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [batchSizeOption(MAX_UNREGISTER_PER_CALL, 'Users (input items)')],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['user'], operation: ['unregister'] } }, properties);

export async function prepare(this: IExecuteFunctions, i: number): Promise<UserItemPlan> {
	const appId = await resolveAppId(this, i);
	const userId = readParam(this, 'userId', i, int64Id, 'User ID');
	const batchSize = readOption(this, 'options', 'batchSize', i, intInRange(1, MAX_UNREGISTER_PER_CALL), 'Batch Size', MAX_UNREGISTER_PER_CALL);
	return { appId, userId, batchSize };
}

export async function executeBatch(
	this: IExecuteFunctions,
	items: Array<PreparedItem<UserItemPlan>>,
): Promise<Map<number, ItemResult | Error>> {
	return await runUserCalls(this, items, async (call, out) => {
		const body = { AppId: call[0].plan.appId, UserIds: call.map(({ plan }) => plan.userId) };
		const { result, requestId } = await volcengineApiRequest.call(this, 'UnRegisterUsers', body, { itemIndex: call[0].itemIndex, idempotent: true });
		const failures = failedInfosByUser(result);
		for (const { itemIndex, plan } of call) {
			const f = failures.get(String(plan.userId));
			const json: IDataObject = { userId: String(plan.userId), status: f ? 'failed' : 'unregistered' };
			if (f) Object.assign(json, f);
			Object.assign(json, { requestId: requestId ?? null, batchSize: call.length });
			out.set(itemIndex, json);
		}
	});
}
