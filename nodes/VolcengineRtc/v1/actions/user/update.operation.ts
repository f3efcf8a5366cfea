import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { collection, optionsField } from '../../../../shared/schemas';
import { z } from 'zod';
import { imApi } from '../../../transport/request';
import { volcengineOperation } from '../../helpers/common';
import { perUserResults, readUserItem, userCalls, userProperties, type UserItemPlan } from '../../helpers/users';
import { batchGetUsers } from './get.operation';
import { profileFields, readProfile, type Profile } from './profile';

/**
 * BatchUpdateUser — volcengine-rtc.md §4.7: ≤ 10 users per call; items are coalesced. The official
 * SDK marks every profile field (NickName, Portrait, Tags, Ext) as required, so an update replaces
 * the whole profile. By default the node first reads the current profiles (BatchGetUser, one call
 * per update call) and sends them with only the fields you set changed; unregistered users fail on
 * their own item without being sent.
 */

export const MAX_UPDATE_PER_CALL = 10;
// Setting the same profile again has the same effect: safe to repeat.
const api = imApi('BatchUpdateUser', true);

const updateFields: INodeProperties = collection(profileFields, 'Update Fields', 'updateFields');

const unsetFieldsOption: INodeProperties = optionsField('Fields Not Set', 'unsetFields', 'keep', [
	{ name: 'Clear Them', value: 'clear', description: 'Send them empty: the profile becomes exactly what you set (one call)' },
	{ name: 'Keep Current Values', value: 'keep', description: 'Read the profile first and send its current values (two calls per batch)' },
], 'What happens to the profile fields you do not set');

interface UpdateUserPlan extends UserItemPlan {
	changes: Profile;
	keepUnset: boolean;
}

export const update = volcengineOperation<UpdateUserPlan>({
	resource: 'user',
	operation: 'update',
	option: { name: 'Update', description: 'Change the profile of registered users, many items per call (BatchUpdateUser)', action: 'Update a user' },
	doc: { api: '`BatchUpdateUser`', limits: 'Coalesced, ≤ 10 per call; unset fields kept (read first) or cleared. Tags as free strings.' },
	properties: userProperties('Registered user to update', MAX_UPDATE_PER_CALL, [updateFields], [unsetFieldsOption]),
	async read(r) {
		const user = await readUserItem(r, MAX_UPDATE_PER_CALL);
		const changes = readProfile(r, 'updateFields');
		if (Object.keys(changes).length === 0) r.fail(`"Update Fields" is empty in item ${r.itemIndex}`, 'Add at least one field to change. Nothing was sent.');
		const unset = r.option('options', 'unsetFields', z.enum(['keep', 'clear']), 'Fields Not Set', 'keep');
		return { ...user, changes, keepUnset: unset === 'keep' };
	},
	// Read-modify-write: items that keep unset fields never share a call with items that clear them.
	shape: userCalls(
		async (call, send) => {
			const appId = call[0].plan.appId;
			let current = new Map<string, IDataObject>();
			const out = new Map<number, IDataObject>();
			let sent = call;
			if (call[0].plan.keepUnset) {
				const got = await batchGetUsers(send, appId, call.map(({ plan }) => plan.userId));
				current = got.users;
				sent = call.filter(({ plan }) => current.has(String(plan.userId)));
				for (const { itemIndex, plan } of call) {
					if (current.has(String(plan.userId))) continue;
					out.set(itemIndex, {
						userId: String(plan.userId),
						status: 'failed',
						code: 'UserNotFound',
						message: `user ${plan.userId} is not registered (BatchGetUser); nothing was sent for it`,
						requestId: got.requestId,
						batchSize: 0,
					});
				}
			}
			if (sent.length) {
				const users = sent.map(({ plan }) => {
					const now = current.get(String(plan.userId)) ?? {};
					const pick = <K extends keyof Profile>(k: K, empty: NonNullable<Profile[K]>) => plan.changes[k] ?? ((now[k] as Profile[K] | undefined) ?? empty);
					return { UserId: plan.userId, NickName: pick('NickName', ''), Portrait: pick('Portrait', ''), Tags: pick('Tags', []), Ext: pick('Ext', {}) };
				});
				const answer = await send(api, { AppId: appId, Users: users }, { itemIndex: sent[0].itemIndex });
				const results = perUserResults(sent, answer, 'updated', (plan) => ({
					updated: Object.keys(plan.changes).map((k) => k[0].toLowerCase() + k.slice(1)),
					unsetFields: plan.keepUnset ? 'kept' : 'cleared',
				}));
				sent.forEach(({ itemIndex }, k) => out.set(itemIndex, results[k]));
			}
			return call.map(({ itemIndex }) => out.get(itemIndex)!);
		},
		(plan) => String(plan.keepUnset),
	),
});
