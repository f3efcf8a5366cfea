import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import { z } from 'zod';
import { readOption, readParam } from '../../../../shared/params';
import type { ItemResult, PreparedItem } from '../../../../shared/router';
import { intInRange, int64Id } from '../../../../shared/schemas';
import { volcengineApiRequest } from '../../../transport/request';
import { resolveAppId } from '../../helpers/common';
import { appIdField, batchSizeOption } from '../../helpers/fields';
import { failedInfosByUser, userExt } from '../../helpers/im';
import { mergeTags, tagListSchema, tagPairsSchema } from '../../helpers/tags';
import { runUserCalls, userIdField, type UserItemPlan } from '../../helpers/users';
import { batchGetUsers } from './get.operation';
import { profileFields } from './profile';
import { nickNameSchema, portraitSchema } from './register.operation';

/**
 * BatchUpdateUser — volcengine-rtc.md §4.7: ≤ 10 users per call; items are coalesced. The official
 * SDK marks every profile field (NickName, Portrait, Tags, Ext) as required, so an update replaces
 * the whole profile. By default the node first reads the current profiles (BatchGetUser, one call
 * per update call) and sends them with only the fields you set changed; unregistered users fail on
 * their own item without being sent.
 */

export const MAX_UPDATE_PER_CALL = 10;

const properties: INodeProperties[] = [
	appIdField,
	userIdField('Registered user to update'),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: profileFields,
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			batchSizeOption(MAX_UPDATE_PER_CALL, 'Users (input items)'),
			{
				displayName: 'Fields Not Set',
				name: 'unsetFields',
				type: 'options',
				default: 'keep',
				description: 'What happens to the profile fields you do not set',
				options: [
					{
						name: 'Clear Them',
						value: 'clear',
						description: 'Send them empty: the profile becomes exactly what you set (one call)',
					},
					{
						name: 'Keep Current Values',
						value: 'keep',
						description: 'Read the profile first and send its current values (two calls per batch)',
					},
				],
			},
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['user'], operation: ['update'] } }, properties);

interface Profile {
	NickName?: string;
	Portrait?: string;
	Tags?: string[];
	Ext?: Record<string, string>;
}

export interface UpdateUserPlan extends UserItemPlan {
	changes: Profile;
	keepUnset: boolean;
}

export async function prepare(this: IExecuteFunctions, i: number): Promise<UpdateUserPlan> {
	const appId = await resolveAppId(this, i);
	const userId = readParam(this, 'userId', i, int64Id, 'User ID');
	const fields = (this.getNodeParameter('updateFields', i, {}) ?? {}) as IDataObject;
	const changes: Profile = {};
	if (fields.nickName !== undefined) changes.NickName = readOption(this, 'updateFields', 'nickName', i, nickNameSchema, 'Nickname', '');
	if (fields.portrait !== undefined) changes.Portrait = readOption(this, 'updateFields', 'portrait', i, portraitSchema, 'Portrait URL', '');
	if (fields.tags !== undefined || fields.tagList !== undefined) {
		// Free strings, sent as entered (helpers/tags.ts).
		changes.Tags = mergeTags(
			readOption(this, 'updateFields', 'tags', i, tagPairsSchema, 'Tags', {}),
			readOption(this, 'updateFields', 'tagList', i, tagListSchema, 'Tag List', ''),
		);
	}
	if (fields.ext !== undefined) changes.Ext = readOption(this, 'updateFields', 'ext', i, userExt, 'Extra Fields (Ext)', {});
	if (Object.keys(changes).length === 0) {
		throw new NodeOperationError(this.getNode(), `"Update Fields" is empty in item ${i}`, {
			itemIndex: i,
			description: 'Add at least one field to change. Nothing was sent.',
		});
	}
	const unset = readOption(this, 'options', 'unsetFields', i, z.enum(['keep', 'clear']), 'Fields Not Set', 'keep');
	const batchSize = readOption(this, 'options', 'batchSize', i, intInRange(1, MAX_UPDATE_PER_CALL), 'Batch Size', MAX_UPDATE_PER_CALL);
	return { appId, userId, batchSize, changes, keepUnset: unset === 'keep' };
}

export async function executeBatch(
	this: IExecuteFunctions,
	items: Array<PreparedItem<UpdateUserPlan>>,
): Promise<Map<number, ItemResult | Error>> {
	// Items that keep unset fields never share a call with items that clear them.
	const groups: Array<Array<PreparedItem<UpdateUserPlan>>> = [];
	for (const item of items) {
		const last = groups[groups.length - 1];
		if (last && last[0].plan.keepUnset === item.plan.keepUnset) last.push(item);
		else groups.push([item]);
	}
	const out = new Map<number, ItemResult | Error>();
	for (const group of groups) {
		const results = await runUserCalls(this, group, async (call, res) => {
			const appId = call[0].plan.appId;
			let current = new Map<string, IDataObject>();
			let send = call;
			if (call[0].plan.keepUnset) {
				const got = await batchGetUsers(this, appId, call.map(({ plan }) => plan.userId), call[0].itemIndex);
				current = got.users;
				send = call.filter(({ plan }) => current.has(String(plan.userId)));
				for (const { itemIndex, plan } of call) {
					if (current.has(String(plan.userId))) continue;
					res.set(itemIndex, {
						userId: String(plan.userId),
						status: 'failed',
						code: 'UserNotFound',
						message: `user ${plan.userId} is not registered (BatchGetUser); nothing was sent for it`,
						requestId: got.requestId,
						batchSize: 0,
					});
				}
				if (send.length === 0) return;
			}
			const users = send.map(({ plan }) => {
				const now = current.get(String(plan.userId)) ?? {};
				const pick = <K extends keyof Profile>(k: K, empty: NonNullable<Profile[K]>) =>
					plan.changes[k] ?? ((now[k] as Profile[K] | undefined) ?? empty);
				return {
					UserId: plan.userId,
					NickName: pick('NickName', ''),
					Portrait: pick('Portrait', ''),
					Tags: pick('Tags', []),
					Ext: pick('Ext', {}),
				};
			});
			// Setting the same profile again has the same effect: safe to repeat.
			const { result, requestId } = await volcengineApiRequest.call(
				this,
				'BatchUpdateUser',
				{ AppId: appId, Users: users },
				{ itemIndex: send[0].itemIndex, idempotent: true },
			);
			const failures = failedInfosByUser(result);
			for (const { itemIndex, plan } of send) {
				const f = failures.get(String(plan.userId));
				const json: IDataObject = {
					userId: String(plan.userId),
					status: f ? 'failed' : 'updated',
					updated: Object.keys(plan.changes).map((k) => k[0].toLowerCase() + k.slice(1)),
					unsetFields: plan.keepUnset ? 'kept' : 'cleared',
				};
				if (f) Object.assign(json, f);
				Object.assign(json, { requestId: requestId ?? null, batchSize: send.length });
				res.set(itemIndex, json);
			}
		});
		for (const [k, v] of results) out.set(k, v);
	}
	return out;
}
