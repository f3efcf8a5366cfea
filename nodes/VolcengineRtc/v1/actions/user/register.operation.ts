import { z } from 'zod';
import { collection } from '../../../../shared/schemas';
import { imApi } from '../../../transport/request';
import { volcengineOperation } from '../../helpers/common';
import { perUserResults, readUserItem, userCalls, userProperties, type UserItemPlan } from '../../helpers/users';
import { profileFields, readProfile } from './profile';

/**
 * RegisterUsers — volcengine-rtc.md §4.7: ≤ 20 users per call. One user per item; items are
 * coalesced, and each FailedInfos entry goes back to its own item.
 */

export const MAX_REGISTER_PER_CALL = 20;
// Registering the same profile again has the same effect: safe to repeat.
const api = imApi('RegisterUsers', true);

// Sorted by display name: Extra Fields (Ext), Is Robot, Nickname, Portrait URL, Tag List, Tags.
const additionalFields = collection(
	[
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
	'Additional Fields',
	'additionalFields',
);

interface RegisterPlan extends UserItemPlan {
	entry: Record<string, unknown>;
}

export const register = volcengineOperation<RegisterPlan>({
	resource: 'user',
	operation: 'register',
	option: { name: 'Register', description: 'Register users with the IM service, many items per call (RegisterUsers)', action: 'Register a user' },
	doc: { api: '`RegisterUsers`', limits: 'One user per item, items coalesced into calls of ≤ 20; `FailedInfos` back to their item. Tags as free strings (key/value list or Tag List).' },
	properties: userProperties('User to register', MAX_REGISTER_PER_CALL, [additionalFields]),
	async read(r) {
		const user = await readUserItem(r, MAX_REGISTER_PER_CALL);
		const { NickName, Portrait, Tags, Ext } = readProfile(r, 'additionalFields');
		const entry: Record<string, unknown> = { UserId: user.userId, NickName, Portrait };
		if (Tags?.length) entry.Tags = Tags;
		if (Ext && Object.keys(Ext).length) entry.Ext = Ext;
		if (r.has('additionalFields', 'isRobot')) {
			entry.IsRobot = r.option('additionalFields', 'isRobot', z.boolean({ invalid_type_error: 'must be true or false' }), 'Is Robot', false);
		}
		return { ...user, entry };
	},
	shape: userCalls(async (call, send) => {
		const answer = await send(api, { AppId: call[0].plan.appId, Users: call.map(({ plan }) => plan.entry) });
		return perUserResults(call, answer, 'registered');
	}),
});
