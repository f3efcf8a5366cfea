import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { z } from 'zod';
import { readOption, readParam } from '../../../../shared/params';
import type { ItemResult, PreparedItem } from '../../../../shared/router';
import { intInRange, int64Id, text } from '../../../../shared/schemas';
import { volcengineApiRequest } from '../../../transport/request';
import { resolveAppId } from '../../helpers/common';
import { appIdField, batchSizeOption } from '../../helpers/fields';
import { failedInfosByUser, userExt } from '../../helpers/im';
import { mergeTags, tagListSchema, tagPairsSchema } from '../../helpers/tags';
import { runUserCalls, userIdField, type UserItemPlan } from '../../helpers/users';
import { profileFields } from './profile';

/**
 * RegisterUsers — volcengine-rtc.md §4.7: ≤ 20 users per call. One user per item; items are
 * coalesced, and each FailedInfos entry goes back to its own item.
 */

export const MAX_REGISTER_PER_CALL = 20;

const properties: INodeProperties[] = [
	appIdField,
	userIdField('User to register'),
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		// Sorted by display name: Extra Fields (Ext), Is Robot, Nickname, Portrait URL, Tag List, Tags.
		options: [
			profileFields[0],
			{
				displayName: 'Is Robot',
				name: 'isRobot',
				type: 'boolean',
				default: false,
				description: 'Whether the user is a robot account (IsRobot); an app can have at most 5,000 robots',
			},
			...profileFields.slice(1),
		],
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [batchSizeOption(MAX_REGISTER_PER_CALL, 'Users (input items)')],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['user'], operation: ['register'] } }, properties);

export interface RegisterPlan extends UserItemPlan {
	entry: Record<string, unknown>;
}

export const nickNameSchema = text({ maxBytes: 100, allowEmpty: true });
export const portraitSchema = text({ maxBytes: 500, allowEmpty: true });

export async function prepare(this: IExecuteFunctions, i: number): Promise<RegisterPlan> {
	const appId = await resolveAppId(this, i);
	const userId = readParam(this, 'userId', i, int64Id, 'User ID');
	const fields = (this.getNodeParameter('additionalFields', i, {}) ?? {}) as IDataObject;
	const entry: Record<string, unknown> = { UserId: userId };
	if (fields.nickName !== undefined) entry.NickName = readOption(this, 'additionalFields', 'nickName', i, nickNameSchema, 'Nickname', '');
	if (fields.portrait !== undefined) entry.Portrait = readOption(this, 'additionalFields', 'portrait', i, portraitSchema, 'Portrait URL', '');
	if (fields.tags !== undefined || fields.tagList !== undefined) {
		// Free strings, sent as entered (helpers/tags.ts).
		const tags = mergeTags(
			readOption(this, 'additionalFields', 'tags', i, tagPairsSchema, 'Tags', {}),
			readOption(this, 'additionalFields', 'tagList', i, tagListSchema, 'Tag List', ''),
		);
		if (tags.length) entry.Tags = tags;
	}
	if (fields.ext !== undefined) {
		const ext = readOption(this, 'additionalFields', 'ext', i, userExt, 'Extra Fields (Ext)', {});
		if (Object.keys(ext).length) entry.Ext = ext;
	}
	if (fields.isRobot !== undefined) {
		entry.IsRobot = readOption(this, 'additionalFields', 'isRobot', i, z.boolean({ invalid_type_error: 'must be true or false' }), 'Is Robot', false);
	}
	const batchSize = readOption(this, 'options', 'batchSize', i, intInRange(1, MAX_REGISTER_PER_CALL), 'Batch Size', MAX_REGISTER_PER_CALL);
	return { appId, userId, batchSize, entry };
}

export async function executeBatch(
	this: IExecuteFunctions,
	items: Array<PreparedItem<RegisterPlan>>,
): Promise<Map<number, ItemResult | Error>> {
	return await runUserCalls(this, items, async (call, out) => {
		const body = { AppId: call[0].plan.appId, Users: call.map(({ plan }) => plan.entry) };
		// Registering the same profile again has the same effect: safe to repeat.
		const { result, requestId } = await volcengineApiRequest.call(this, 'RegisterUsers', body, { itemIndex: call[0].itemIndex, idempotent: true });
		const failures = failedInfosByUser(result);
		for (const { itemIndex, plan } of call) {
			const f = failures.get(String(plan.userId));
			const json: IDataObject = { userId: String(plan.userId), status: f ? 'failed' : 'registered' };
			if (f) Object.assign(json, f);
			Object.assign(json, { requestId: requestId ?? null, batchSize: call.length });
			out.set(itemIndex, json);
		}
	});
}
