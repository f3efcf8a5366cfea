import { randomInt } from 'node:crypto';
import type { INodeProperties } from 'n8n-workflow';
import { z } from 'zod';
import { listInput, uint32, utf8Length, textField } from '../../../shared/schemas';

/** Field definitions and schemas shared by the Tencent Chat operations. */

/** UserIDs are strings of at most 32 bytes (§1.5); a whole number from an expression is taken as its digits. */
export const userId = z.unknown().transform((v, ctx): string => {
	if (typeof v === 'number' && Number.isSafeInteger(v)) v = String(v);
	if (typeof v !== 'string') {
		ctx.addIssue({ code: z.ZodIssueCode.custom, message: `must be a user ID (text), got ${v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v}` });
		return z.NEVER;
	}
	const s = v.trim();
	if (s === '') {
		ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'is required and cannot be empty' });
		return z.NEVER;
	}
	if (utf8Length(s) > 32) {
		ctx.addIssue({ code: z.ZodIssueCode.custom, message: `"${s.slice(0, 40)}" is longer than 32 bytes` });
		return z.NEVER;
	}
	return s;
});

export const userIdList = listInput.pipe(z.array(userId).min(1, 'needs at least one user ID'));

export const optionalUserId = z.unknown().transform((v, ctx): string | undefined => {
	if (v === undefined || v === null || v === '') return undefined;
	const r = userId.safeParse(v);
	if (!r.success) {
		ctx.addIssue({ code: z.ZodIssueCode.custom, message: r.error.issues[0].message });
		return z.NEVER;
	}
	return r.data;
});

/** A uint32 de-duplication value (Random / MsgRandom / MsgSeq): given, or drawn once now (§3.4). */
export const optionalUint32 = z.unknown().transform((v, ctx): number | undefined => {
	if (v === undefined || v === null || v === '') return undefined;
	const r = uint32.safeParse(v);
	if (!r.success) {
		ctx.addIssue({ code: z.ZodIssueCode.custom, message: r.error.issues[0].message });
		return z.NEVER;
	}
	return r.data;
});

export const drawUint32 = (): number => randomInt(0, 4294967296);

export const fromAccountField: INodeProperties = textField(
	'Sender User ID',
	'fromAccount',
	"Sender shown to receivers (From_Account). Leave empty to send as the credential's admin account.",
	{ placeholder: 'administrator' },
);

export const groupIdField: INodeProperties = textField('Group ID', 'groupId', 'ID of the group', { required: true, placeholder: '@TGS#2C5SZEAEF' });

export function randomOption(name: string, displayName: string, what: string): INodeProperties {
	return {
		displayName,
		name,
		type: 'number',
		default: '',
		typeOptions: { minValue: 0, maxValue: 4294967295, numberPrecision: 0 },
		description: `${what} A whole number from 0 to 4294967295. Leave empty to draw one per item before the first attempt; it is returned in the output. Set it (for example from an expression over your own message ID) to make re-runs de-duplicate too.`,
	};
}

export const groupIdSchema = z.unknown().transform((v, ctx): string => {
	if (typeof v !== 'string' || v.trim() === '') {
		ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'is required and must be text' });
		return z.NEVER;
	}
	if (utf8Length(v.trim()) > 48) {
		ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'is longer than 48 bytes' });
		return z.NEVER;
	}
	return v.trim();
});

/** Push attributes, name → value (`{ pairs: [{ key, value }] }`, read with keyValueMap): User Attribute → Set, Push → conditions. */
export function attributePairsField(o: { displayName: string; name: string; description?: string; displayOptions?: INodeProperties['displayOptions'] }): INodeProperties {
	return {
		...o,
		type: 'fixedCollection',
		placeholder: 'Add Attribute',
		default: {},
		typeOptions: { multipleValues: true },
		options: [
			{
				displayName: 'Attribute',
				name: 'pairs',
				values: [
					{ displayName: 'Name', name: 'key', type: 'string', default: '', placeholder: 'city' },
					{ displayName: 'Value', name: 'value', type: 'string', default: '', placeholder: 'shenzhen' },
				],
			},
		],
	};
}
