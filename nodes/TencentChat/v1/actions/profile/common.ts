import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { z, type ZodType, type ZodTypeDef } from 'zod';
import { text, uint32 } from '../../../../shared/schemas';

/**
 * The standard profile fields (Tag_Profile_IM_*) and custom ones (Tag_Profile_Custom_*), as named
 * fields. Tags and values: dobyte/tencent-im internal/enum/enum.go (StandardAttr*, GenderType*,
 * AllowType*, AdminForbidType*), doocs/qcloud-im-server-sdk-java constant/TagProfile.java;
 * tencentcloud.com/document/product/1047/33520 (standard profile fields), 34916 (portrait_set: a
 * value over 500 bytes is refused, 40601), 34917 (portrait_get: ≤ 100 users per call recommended).
 */

export const MAX_PROFILE_VALUE_BYTES = 500;
export const CUSTOM_PREFIX = 'Tag_Profile_Custom_';

type Kind = 'text' | 'uint32' | Record<string, string>;

/** key (camelCase, also the output key) → tag, label, value kind. */
export const STANDARD: Array<{
	key: string;
	tag: string;
	label: string;
	kind: Kind;
	hint: string;
}> = [
	{
		key: 'nickname',
		tag: 'Tag_Profile_IM_Nick',
		label: 'Nickname',
		kind: 'text',
		hint: 'Alice',
	},
	{
		key: 'gender',
		tag: 'Tag_Profile_IM_Gender',
		label: 'Gender',
		kind: {
			Female: 'Gender_Type_Female',
			Male: 'Gender_Type_Male',
			Unknown: 'Gender_Type_Unknown',
		},
		hint: '',
	},
	{
		key: 'birthday',
		tag: 'Tag_Profile_IM_BirthDay',
		label: 'Birthday',
		kind: 'uint32',
		hint: 'As a number YYYYMMDD, e.g. 19900101',
	},
	{
		key: 'location',
		tag: 'Tag_Profile_IM_Location',
		label: 'Location',
		kind: 'text',
		hint: 'Shenzhen',
	},
	{
		key: 'signature',
		tag: 'Tag_Profile_IM_SelfSignature',
		label: 'Signature',
		kind: 'text',
		hint: 'Hello there',
	},
	{
		key: 'allowType',
		tag: 'Tag_Profile_IM_AllowType',
		label: 'Friend Requests (Allow Type)',
		kind: {
			'Allow Anyone': 'AllowType_Type_AllowAny',
			'Deny Everyone': 'AllowType_Type_DenyAny',
			'Need Confirmation': 'AllowType_Type_NeedConfirm',
		},
		hint: '',
	},
	{
		key: 'language',
		tag: 'Tag_Profile_IM_Language',
		label: 'Language',
		kind: 'uint32',
		hint: 'A language code number your app defines',
	},
	{
		key: 'avatarUrl',
		tag: 'Tag_Profile_IM_Image',
		label: 'Avatar URL',
		kind: 'text',
		hint: 'https://example.com/avatar/alice.png',
	},
	{
		key: 'messageSettings',
		tag: 'Tag_Profile_IM_MsgSettings',
		label: 'Message Settings',
		kind: 'uint32',
		hint: 'Bit 0 set (1) = no offline push notifications',
	},
	{
		key: 'adminForbidType',
		tag: 'Tag_Profile_IM_AdminForbidType',
		label: 'Admin Forbid Type',
		kind: {
			'Allowed to Send Friend Requests': 'AdminForbid_Type_None',
			'Forbidden to Send Friend Requests': 'AdminForbid_Type_SendOut',
		},
		hint: '',
	},
	{
		key: 'level',
		tag: 'Tag_Profile_IM_Level',
		label: 'Level',
		kind: 'uint32',
		hint: 'Your app’s user level, 0 to 4294967295',
	},
	{
		key: 'role',
		tag: 'Tag_Profile_IM_Role',
		label: 'Role',
		kind: 'uint32',
		hint: 'Your app’s user role, 0 to 4294967295',
	},
];

const BY_TAG = new Map(STANDARD.map((s) => [s.tag, s.key]));

/** ProfileItem [{ Tag, Value }] as named fields; custom ones under `custom`, by name without the prefix. */
export function profileOf(items: unknown): IDataObject {
	const out: IDataObject = {};
	const custom: IDataObject = {};
	for (const e of (items ?? []) as IDataObject[]) {
		const tag = String(e.Tag);
		if (tag.startsWith(CUSTOM_PREFIX)) custom[tag.slice(CUSTOM_PREFIX.length)] = e.Value as string;
		else out[BY_TAG.get(tag) ?? tag] = e.Value as string;
	}
	if (Object.keys(custom).length) out.custom = custom;
	return out;
}

/** The Profile Fields collection of Set: one named field per standard tag. */
export const standardFields: INodeProperties[] = STANDARD.map((s) => {
	const base = { displayName: s.label, name: s.key };
	if (typeof s.kind === 'object') {
		return {
			...base,
			type: 'options' as const,
			default: Object.values(s.kind)[0],
			options: Object.entries(s.kind).map(([name, value]) => ({ name, value })),
			description: `${s.label} (${s.tag})`,
		};
	}
	if (s.kind === 'uint32')
		return {
			...base,
			type: 'number' as const,
			default: 0,
			typeOptions: { minValue: 0, maxValue: 4294967295, numberPrecision: 0 },
			description: `${s.hint}. 0 to 4294967295 (${s.tag}).`,
		};
	return {
		...base,
		type: 'string' as const,
		default: '',
		placeholder: s.hint,
		description: `At most 500 bytes (${s.tag})`,
	};
});

const schemaOf = (kind: Kind) =>
	kind === 'uint32'
		? uint32
		: kind === 'text'
			? text({ maxBytes: MAX_PROFILE_VALUE_BYTES, allowEmpty: true })
			: z.enum(Object.values(kind) as [string, ...string[]]);

export const schemaFor = (key: string): ZodType<unknown, ZodTypeDef, unknown> => schemaOf(STANDARD.find((s) => s.key === key)!.kind);

/** A custom field name: letters, digits and underscores after the prefix (which may be left out). */
export const customTag = text({ maxBytes: 64 }).transform((v, ctx) => {
	const name = v.trim().startsWith(CUSTOM_PREFIX) ? v.trim().slice(CUSTOM_PREFIX.length) : v.trim();
	if (!/^\w{1,8}$/.test(name)) {
		ctx.addIssue({
			code: z.ZodIssueCode.custom,
			message: `"${name.slice(0, 40)}" must be 1 to 8 letters, digits or underscores (after ${CUSTOM_PREFIX})`,
		});
		return z.NEVER;
	}
	return CUSTOM_PREFIX + name;
});
