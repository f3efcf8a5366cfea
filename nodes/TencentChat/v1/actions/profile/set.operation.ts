import { single } from '../../../../shared/engine/callShapes';
import { collection, keyValueField, keyValueMap } from '../../../../shared/schemas';
import { tencentApi } from '../../../transport/request';
import { requestIdOf, tencentOperation } from '../../helpers/common';
import { userId } from '../../helpers/fields';
import { accountField } from '../../helpers/perUser';
import { CUSTOM_PREFIX, MAX_PROFILE_VALUE_BYTES, schemaFor, standardFields, STANDARD } from './common';

interface Plan {
	account: string;
	items: Array<{ Tag: string; Value: unknown }>;
}

/** portrait_set — one user per call; every field given is one ProfileItem (tencentcloud.com/document/product/1047/34916). */
export const set = tencentOperation<Plan>({
	resource: 'profile',
	operation: 'set',
	option: {
		name: 'Set',
		description: 'Set profile fields of a user (portrait_set)',
		action: 'Set a user profile',
	},
	properties: [
		accountField('The user whose profile to set (From_Account)'),
		collection(standardFields, 'Profile Fields', 'profileFields'),
		keyValueField({
			displayName: 'Custom Fields',
			name: 'customFields',
			description: `Custom profile fields (${CUSTOM_PREFIX}…) configured in the Chat console; the value is sent as text`,
			placeholder: 'Add Custom Field',
			pairName: 'Field',
			keyPlaceholder: 'vip',
			valuePlaceholder: 'gold',
			valueDescription: 'At most 500 bytes',
		}),
	],
	read(r) {
		const items: Plan['items'] = [];
		for (const s of STANDARD)
			if (r.has('profileFields', s.key))
				items.push({
					Tag: s.tag,
					Value: r.option('profileFields', s.key, schemaFor(s.key), s.label, undefined),
				});
		const custom = r.param(
			'customFields',
			keyValueMap({
				keyPattern: /^(Tag_Profile_Custom_)?\w{1,8}$/,
				keyRule: `must be 1 to 8 letters, digits or underscores (after ${CUSTOM_PREFIX})`,
				maxValueBytes: MAX_PROFILE_VALUE_BYTES,
			}),
			'Custom Fields',
			{},
		);
		for (const [k, v] of Object.entries(custom))
			items.push({
				Tag: k.startsWith(CUSTOM_PREFIX) ? k : CUSTOM_PREFIX + k,
				Value: v,
			});
		if (!items.length) r.fail(`Invalid "Profile Fields" in item ${r.itemIndex}: nothing to set; add at least one profile field or custom field`);
		return { account: r.param('account', userId, 'User ID'), items };
	},
	// Two sets of one user keep their order (the last value wins).
	orderKey: (plan) => `profile:${plan.account}`,
	doc: {
		api: '`profile/portrait_set`',
		limits:
			'One user per call, every field given in one call; a value over 500 bytes is refused before sending (Tencent: 40601). 200 calls/s. Sources: tencentcloud.com 1047/34916, dobyte/tencent-im `profile/types.go`, doocs `PortraitSetRequest.java`.',
	},
	shape: single({
		// Setting the same values again changes nothing: safe to repeat.
		api: tencentApi('profile/portrait_set', true),
		body: (plan) => ({ From_Account: plan.account, ProfileItem: plan.items }),
		output: (plan, answer) => ({
			account: plan.account,
			status: 'updated',
			fields: plan.items.map((i) => i.Tag),
			requestId: requestIdOf(answer),
		}),
	}),
});
