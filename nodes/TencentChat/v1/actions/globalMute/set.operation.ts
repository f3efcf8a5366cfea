import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import { z } from 'zod';
import { readParam } from '../../../../shared/params';
import { intInRange } from '../../../../shared/schemas';
import { tencentApiRequest } from '../../../transport/request';
import { userId } from '../../helpers/fields';
import { PERMANENT, userIdField } from './common';

/**
 * setnospeaking — tencent-chat.md §5.6: mutes a user app-wide, for one-to-one and/or group
 * messages. 0 = unmute, 4294967295 = permanent, anything else = seconds. At least one of the two.
 */

type Mode = 'unchanged' | 'duration' | 'permanent' | 'unmute';

function muteFields(prefix: 'c2c' | 'group', what: string): INodeProperties[] {
	return [
		{
			displayName: `${what} Messages`,
			name: `${prefix}Mute`,
			type: 'options',
			default: 'unchanged',
			options: [
				{ name: 'Leave Unchanged', value: 'unchanged', description: 'Do not send this setting' },
				{ name: 'Mute for a Duration', value: 'duration', description: 'Mute for a number of seconds' },
				{ name: 'Mute Permanently', value: 'permanent', description: 'Mute until unmuted (4294967295)' },
				{ name: 'Unmute', value: 'unmute', description: 'Lift the mute (0)' },
			],
			description: `Whether the user may send ${what.toLowerCase()} messages`,
		},
		{
			displayName: `${what} Mute Seconds`,
			name: `${prefix}Seconds`,
			type: 'number',
			default: 3600,
			required: true,
			typeOptions: { minValue: 1, maxValue: PERMANENT - 1, numberPrecision: 0 },
			displayOptions: { show: { [`${prefix}Mute`]: ['duration'] } },
			description: 'How long the mute lasts, in seconds',
		},
	];
}

const properties: INodeProperties[] = [
	userIdField('The user to mute or unmute (Set_Account)'),
	...muteFields('c2c', 'One-to-One'),
	...muteFields('group', 'Group'),
];

export const description = updateDisplayOptions({ show: { resource: ['globalMute'], operation: ['set'] } }, properties);

const modeSchema = z.enum(['unchanged', 'duration', 'permanent', 'unmute']);

function seconds(ctx: IExecuteFunctions, prefix: 'c2c' | 'group', label: string, i: number): number | undefined {
	const mode = readParam<Mode>(ctx, `${prefix}Mute`, i, modeSchema, `${label} Messages`, 'unchanged');
	if (mode === 'unchanged') return undefined;
	if (mode === 'unmute') return 0;
	if (mode === 'permanent') return PERMANENT;
	return readParam(ctx, `${prefix}Seconds`, i, intInRange(1, PERMANENT - 1), `${label} Mute Seconds`);
}

export async function prepare(this: IExecuteFunctions, i: number): Promise<Record<string, unknown>> {
	const body: Record<string, unknown> = { Set_Account: readParam(this, 'account', i, userId, 'User ID') };
	const c2c = seconds(this, 'c2c', 'One-to-One', i);
	const group = seconds(this, 'group', 'Group', i);
	if (c2c === undefined && group === undefined) {
		throw new NodeOperationError(this.getNode(), `Nothing to set in item ${i}: "One-to-One Messages" and "Group Messages" are both "Leave Unchanged"`, {
			itemIndex: i,
			description: 'Nothing was sent for this item. Choose a mute, a duration or Unmute for at least one of them.',
		});
	}
	if (c2c !== undefined) body.C2CmsgNospeakingTime = c2c;
	if (group !== undefined) body.GroupmsgNospeakingTime = group;
	return body;
}

/** Settings for one user go out in input order (the last one wins). */
export function orderKey(body: Record<string, unknown>): string {
	return `mute:${body.Set_Account as string}`;
}

export async function executeItem(this: IExecuteFunctions, body: Record<string, unknown>, i: number): Promise<IDataObject> {
	// Setting the same values again is harmless (a duration restarts from the repeat).
	const res = await tencentApiRequest.call(this, 'openconfigsvr/setnospeaking', body, { itemIndex: i, idempotent: true });
	return {
		account: body.Set_Account as string,
		status: 'set',
		c2cMuteSeconds: (body.C2CmsgNospeakingTime as number) ?? null,
		groupMuteSeconds: (body.GroupmsgNospeakingTime as number) ?? null,
		requestId: (res.RequestId as string) ?? null,
	};
}
