import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';
import type { ItemReader } from '../../../../shared/engine/reader';
import { emptyAs, keyValueField, keyValueMap, listInput, text } from '../../../../shared/schemas';
import { otherField, ownerField } from '../../helpers/sns';
import { profileOf } from '../profile/common';

/**
 * Fields shared by the friend operations (sns/friend_*). Request fields: dobyte/tencent-im
 * sns/types.go (addFriendItem, importFriendItem, updateFriendItem, …) and sns/enum.go (AddType,
 * DeleteType, CheckType, Tag_SNS_IM_*); doocs/qcloud-im-server-sdk-java model/request/AddFriendItem.java,
 * ImportFriendItem.java; tencentcloud.com/document/product/1047/34902–34910. Length rules of the
 * standard friend fields (AddSource keyword ≤ 8 bytes, Remark ≤ 96, list name ≤ 30, AddWording
 * ≤ 256): the standard friend fields page as we read it (1047/33521), not in either SDK.
 */

/** friend_add/import/update: no per-call maximum on the pages; 100 per call keeps answers small. */
export const MAX_FRIENDS_PER_WRITE = 100;
/** friend_delete, friend_check: "≤ 1,000 To_Account per call" (dobyte sns/types.go; 1047/34905, 34907). */
export const MAX_FRIENDS_PER_LIST_CALL = 1000;

export const ADD_SOURCE_PREFIX = 'AddSource_Type_';

export const owner = ownerField('The user whose friends these are (From_Account). Items of one user are combined into calls.');
export const friend = otherField('Friend User ID', 'The friend (To_Account), one per input item');

export const addSourceField: INodeProperties = {
	displayName: 'Add Source',
	name: 'addSource',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'Web',
	description: `Where the friendship came from (AddSource): a keyword of at most 8 bytes; ${ADD_SOURCE_PREFIX} is added in front when missing`,
};

export const remarkField: INodeProperties = {
	displayName: 'Remark',
	name: 'remark',
	type: 'string',
	default: '',
	placeholder: 'Colleague from Shenzhen',
	description: 'The name this user gives the friend (Remark), at most 96 bytes',
};
export const groupNamesField = (description: string): INodeProperties => ({
	displayName: 'Friend Lists',
	name: 'groupNames',
	type: 'string',
	default: '',
	placeholder: 'Colleagues',
	description,
});
export const addWordingField: INodeProperties = {
	displayName: 'Add Wording',
	name: 'addWording',
	type: 'string',
	default: '',
	placeholder: 'Hi, I am Alice',
	description: 'The message sent with the request (AddWording), at most 256 bytes',
};

export const addSource = text({ maxBytes: 8 + ADD_SOURCE_PREFIX.length }).transform((v, ctx) => {
	const s = v.trim().startsWith(ADD_SOURCE_PREFIX) ? v.trim() : ADD_SOURCE_PREFIX + v.trim();
	if (!/^AddSource_Type_\w{1,8}$/.test(s)) {
		ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'must be 1 to 8 letters, digits or underscores' });
		return z.NEVER;
	}
	return s;
});

const groupName = text({ maxBytes: 30 });
export const groupNameList = listInput.pipe(z.array(groupName));

/** The optional friend fields of one item, vendor-named; empty ones are left out. */
export function readFriendFields(r: ItemReader, collection: string, withWording = true): Record<string, unknown> {
	const out: Record<string, unknown> = {};
	const remark = r.option(collection, 'remark', emptyAs(text({ maxBytes: 96 })), 'Remark', '');
	if (remark !== undefined) out.Remark = remark;
	if (withWording) {
		const wording = r.option(collection, 'addWording', emptyAs(text({ maxBytes: 256 })), 'Add Wording', '');
		if (wording !== undefined) out.AddWording = wording;
	}
	return out;
}

export const deleteTypeField: INodeProperties = {
	displayName: 'Delete From',
	name: 'deleteType',
	type: 'options',
	default: 'both',
	options: [
		{ name: 'Both Users', value: 'both', description: 'Each user is removed from the other’s friends (Delete_Type_Both)' },
		{ name: 'This User Only', value: 'single', description: 'Only this user’s friends change (Delete_Type_Single)' },
	],
};

export const DELETE_TYPES = { both: 'Delete_Type_Both', single: 'Delete_Type_Single' } as const;
export const readDeleteType = (r: ItemReader) => DELETE_TYPES[r.param('deleteType', z.enum(['both', 'single']), 'Delete From', 'both')];

/**
 * A friend's [{ Tag, Value }] (ValueItem, SnsProfileItem) as named fields: Tag_SNS_IM_Remark →
 * remark, Tag_SNS_IM_Group → friendLists, Tag_SNS_Custom_x → customFriendFields.x, profile tags as Profile → Get names them.
 */
export function friendData(items: unknown): IDataObject {
	const out: IDataObject = {};
	const custom: IDataObject = {};
	const profile: Array<{ Tag?: unknown; Value?: unknown }> = [];
	for (const e of (items ?? []) as Array<{ Tag?: unknown; Value?: unknown }>) {
		const tag = String(e.Tag);
		if (tag.startsWith('Tag_SNS_Custom_')) custom[tag.slice('Tag_SNS_Custom_'.length)] = e.Value as IDataObject[string];
		else if (tag.startsWith('Tag_SNS_IM_')) {
			const k = tag.slice('Tag_SNS_IM_'.length);
			out[k === 'Group' ? 'friendLists' : k.charAt(0).toLowerCase() + k.slice(1)] = e.Value as IDataObject[string];
		} else profile.push(e);
	}
	if (Object.keys(custom).length) out.customFriendFields = custom;
	return { ...out, ...profileOf(profile) };
}

export const SNS_CUSTOM_PREFIX = 'Tag_SNS_Custom_';

export const customFriendFields = keyValueField({
	displayName: 'Custom Friend Fields',
	name: 'customFields',
	description: `Custom friend fields (${SNS_CUSTOM_PREFIX}…) configured in the Chat console; the value is sent as text`,
	placeholder: 'Add Custom Field',
	pairName: 'Field',
	keyPlaceholder: 'level',
	valuePlaceholder: 'close',
});

/** Custom friend fields as [{ Tag, Value }] (CustomItem, SnsItem). */
export function readCustomFriendFields(r: ItemReader): Array<{ Tag: string; Value: string }> {
	const map = r.param(
		'customFields',
		keyValueMap({ keyPattern: /^(Tag_SNS_Custom_)?\w{1,8}$/, keyRule: `must be 1 to 8 letters, digits or underscores (after ${SNS_CUSTOM_PREFIX})` }),
		'Custom Friend Fields',
		{},
	);
	return Object.entries(map).map(([k, v]) => ({ Tag: k.startsWith(SNS_CUSTOM_PREFIX) ? k : SNS_CUSTOM_PREFIX + k, Value: v }));
}
