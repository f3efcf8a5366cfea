import type { INodeProperties } from 'n8n-workflow';
import { z } from 'zod';
import { single } from '../../../../shared/engine/callShapes';
import type { ItemReader } from '../../../../shared/engine/reader';
import { intInRange, numberField, optionsField } from '../../../../shared/schemas';
import { tencentApi } from '../../../transport/request';
import { requestIdOf, tencentOperation, type Body } from '../../helpers/common';
import { userId } from '../../helpers/fields';
import { accountField } from '../../helpers/perUser';
import { PERMANENT } from './common';

/**
 * setnospeaking — tencent-chat.md §5.6: mutes a user app-wide, for one-to-one and/or group
 * messages. 0 = unmute, 4294967295 = permanent, anything else = seconds. At least one of the two.
 */

type Mode = 'unchanged' | 'duration' | 'permanent' | 'unmute';

function muteFields(prefix: 'c2c' | 'group', what: string): INodeProperties[] {
	return [
		optionsField(`${what} Messages`, `${prefix}Mute`, 'unchanged', [
			{ name: 'Leave Unchanged', value: 'unchanged', description: 'Do not send this setting' },
			{ name: 'Mute for a Duration', value: 'duration', description: 'Mute for a number of seconds' },
			{ name: 'Mute Permanently', value: 'permanent', description: 'Mute until unmuted (4294967295)' },
			{ name: 'Unmute', value: 'unmute', description: 'Lift the mute (0)' },
		], `Whether the user may send ${what.toLowerCase()} messages`),
		numberField(
			`${what} Mute Seconds`,
			`${prefix}Seconds`,
			3600,
			1,
			PERMANENT - 1,
			'How long the mute lasts, in seconds',
			{ required: true, displayOptions: { show: { [`${prefix}Mute`]: ['duration'] } } },
		),
	];
}

const modeSchema = z.enum(['unchanged', 'duration', 'permanent', 'unmute']);

function seconds(r: ItemReader, prefix: 'c2c' | 'group', label: string): number | undefined {
	const mode = r.param<Mode>(`${prefix}Mute`, modeSchema, `${label} Messages`, 'unchanged');
	if (mode === 'unchanged') return undefined;
	if (mode === 'unmute') return 0;
	if (mode === 'permanent') return PERMANENT;
	return r.param(`${prefix}Seconds`, intInRange(1, PERMANENT - 1), `${label} Mute Seconds`);
}

export const set = tencentOperation<Body>({
	resource: 'globalMute',
	operation: 'set',
	option: {
		name: 'Set',
		description: 'Mute or unmute a user app-wide for one-to-one and/or group messages (setnospeaking)',
		action: 'Set the global mute of a user',
	},
	doc: { api: '`openconfigsvr/setnospeaking`', limits: 'One-to-one and/or group mute: duration, permanent or unmute.' },
	properties: [accountField('The user to mute or unmute (Set_Account)'), ...muteFields('c2c', 'One-to-One'), ...muteFields('group', 'Group')],
	read(r) {
		const body: Body = { Set_Account: r.param('account', userId, 'User ID') };
		const c2c = seconds(r, 'c2c', 'One-to-One');
		const group = seconds(r, 'group', 'Group');
		if (c2c === undefined && group === undefined) {
			r.fail(
				`Nothing to set in item ${r.itemIndex}: "One-to-One Messages" and "Group Messages" are both "Leave Unchanged"`,
				'Nothing was sent for this item. Choose a mute, a duration or Unmute for at least one of them.',
			);
		}
		if (c2c !== undefined) body.C2CmsgNospeakingTime = c2c;
		if (group !== undefined) body.GroupmsgNospeakingTime = group;
		return body;
	},
	// Settings for one user go out in input order (the last one wins).
	orderKey: (body) => `mute:${body.Set_Account as string}`,
	shape: single({
		// Setting the same values again is harmless (a duration restarts from the repeat).
		api: tencentApi('openconfigsvr/setnospeaking', true),
		body: (body) => body,
		output: (body, answer) => ({
			account: body.Set_Account as string,
			status: 'set',
			c2cMuteSeconds: (body.C2CmsgNospeakingTime as number) ?? null,
			groupMuteSeconds: (body.GroupmsgNospeakingTime as number) ?? null,
			requestId: requestIdOf(answer),
		}),
	}),
});
