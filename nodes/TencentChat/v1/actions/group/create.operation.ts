import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import { z } from 'zod';
import { readOption, readParam } from '../../../../shared/params';
import { intInRange, listInput, text, utf8Length } from '../../../../shared/schemas';
import { tencentApiRequest } from '../../../transport/request';
import { optionalUserId, userId } from '../../helpers/fields';
import { collection } from '../../../../shared/rules';

/**
 * create_group — tencent-chat.md §6.1. Name ≤ 30 bytes, introduction ≤ 240, notification ≤ 300,
 * avatar URL ≤ 100; a custom group ID is printable ASCII ≤ 48 bytes and must not start with @TGS#
 * (Community IDs may use the @TGS#_ prefix). Initial members are not allowed for AVChatRoom.
 */

export const MAX_INITIAL_MEMBERS = 500;
export const GROUP_TYPES = ['Public', 'Private', 'ChatRoom', 'AVChatRoom', 'Community'] as const;
export type GroupType = (typeof GROUP_TYPES)[number];

const properties: INodeProperties[] = [
	{
		displayName: 'Group Type',
		name: 'groupType',
		type: 'options',
		default: 'Public',
		options: [
			{ name: 'Audio-Video Group (AVChatRoom)', value: 'AVChatRoom', description: 'Live streaming: unlimited members, online only; members join through the client SDK' },
			{ name: 'Community', value: 'Community', description: 'Up to 100,000 members, optionally with topics' },
			{ name: 'Meeting Group (ChatRoom)', value: 'ChatRoom', description: 'Temporary meetings; members may join and leave freely' },
			{ name: 'Public Group', value: 'Public', description: 'Anyone may apply to join; an admin approves' },
			{ name: 'Work Group (Private)', value: 'Private', description: 'Members are invited; no applications' },
		],
		description: 'Type of the group (Type); it cannot be changed later',
	},
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'Project Apollo',
		description: 'Group name (Name), at most 30 bytes in UTF-8 (10 Chinese characters)',
	},
	collection([
		{
			displayName: 'Apply Join Option',
			name: 'applyJoinOption',
			type: 'options',
			default: '',
			options: [
				{ name: 'Anyone Can Join (FreeAccess)', value: 'FreeAccess' },
				{ name: 'Approval Required (NeedPermission)', value: 'NeedPermission' },
				{ name: 'No Applications (DisableApply)', value: 'DisableApply' },
				{ name: 'Tencent Default', value: '' },
			],
			description: 'How users may apply to join (ApplyJoinOption). The default is not sent; Tencent then applies its own rule for the group type.',
		},
		{
			displayName: 'Avatar URL',
			name: 'faceUrl',
			type: 'string',
			default: '',
			placeholder: 'https://example.com/group.png',
			description: 'Group picture URL (FaceUrl), at most 100 bytes',
		},
		{
			displayName: 'Custom Group ID',
			name: 'groupId',
			type: 'string',
			default: '',
			placeholder: 'project-apollo',
			description:
				'Your own ID for the group (GroupId): printable ASCII without spaces, at most 48 bytes, not starting with @TGS# (a Community may use the @TGS#_ prefix). Leave empty to let Tencent generate one.',
		},
		{
			displayName: 'Enable Topics',
			name: 'supportTopic',
			type: 'boolean',
			default: false,
			description: 'Whether the community supports topics (SupportTopic); Community groups only',
		},
		{
			displayName: 'Initial Member User IDs',
			name: 'members',
			type: 'string',
			default: '',
			placeholder: 'user_1, user_2',
			description:
				'Up to 500 imported users, separated by commas, or an array from an expression (MemberList). Not for audio-video groups, whose members join through the client SDK.',
		},
		{
			displayName: 'Introduction',
			name: 'introduction',
			type: 'string',
			default: '',
			typeOptions: { rows: 3 },
			description: 'Group introduction (Introduction), at most 240 bytes',
		},
		{
			displayName: 'Max Member Count',
			name: 'maxMemberCount',
			type: 'number',
			default: 200,
			typeOptions: { minValue: 1, numberPrecision: 0 },
			description: 'Member limit of the group (MaxMemberCount); without it the limit of your plan applies',
		},
		{
			displayName: 'Notification',
			name: 'notification',
			type: 'string',
			default: '',
			typeOptions: { rows: 3 },
			description: 'Group notice (Notification), at most 300 bytes',
		},
		{
			displayName: 'Owner User ID',
			name: 'owner',
			type: 'string',
			default: '',
			placeholder: 'user_1001',
			description: 'Group owner (Owner_Account): an imported user, added as a member. Leave empty for a group without owner.',
		},
	]),
];

export const description = updateDisplayOptions({ show: { resource: ['group'], operation: ['create'] } }, properties);

const optionalText = (maxBytes: number) =>
	z.unknown().transform((v, ctx): string | undefined => {
		if (v === undefined || v === null || v === '') return undefined;
		const r = text({ maxBytes }).safeParse(v);
		if (!r.success) {
			ctx.addIssue({ code: z.ZodIssueCode.custom, message: r.error.issues[0].message });
			return z.NEVER;
		}
		return r.data;
	});

/** §6.1 custom GroupId: printable ASCII, ≤ 48 bytes, not @TGS# (the Community prefix @TGS#_ is checked in prepare). */
const customGroupId = z.unknown().transform((v, ctx): string | undefined => {
	if (v === undefined || v === null || v === '') return undefined;
	if (typeof v !== 'string') {
		ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'must be text' });
		return z.NEVER;
	}
	const s = v.trim();
	if (s === '') return undefined;
	if (!/^[\x21-\x7e]+$/.test(s)) {
		ctx.addIssue({ code: z.ZodIssueCode.custom, message: `"${s.slice(0, 48)}" must be printable ASCII without spaces` });
		return z.NEVER;
	}
	if (utf8Length(s) > 48) {
		ctx.addIssue({ code: z.ZodIssueCode.custom, message: `is ${utf8Length(s)} bytes; the limit is 48 bytes` });
		return z.NEVER;
	}
	return s;
});

const membersSchema = listInput.pipe(z.array(userId).max(MAX_INITIAL_MEMBERS, `at most ${MAX_INITIAL_MEMBERS} members`));

export async function prepare(this: IExecuteFunctions, i: number): Promise<Record<string, unknown>> {
	const node = this.getNode();
	const type = readParam<GroupType>(this, 'groupType', i, z.enum(GROUP_TYPES, { errorMap: () => ({ message: `must be one of ${GROUP_TYPES.join(', ')}` }) }), 'Group Type');
	const body: Record<string, unknown> = { Type: type, Name: readParam(this, 'name', i, text({ maxBytes: 30 }), 'Name') };
	const groupId = readOption(this, 'options', 'groupId', i, customGroupId, 'Custom Group ID', '');
	if (groupId !== undefined) {
		const communityPrefix = type === 'Community' && groupId.startsWith('@TGS#_');
		if (groupId.startsWith('@TGS#') && !communityPrefix) {
			throw new NodeOperationError(node, `Invalid "Custom Group ID" in item ${i}: must not start with @TGS# (reserved for IDs Tencent generates)`, {
				itemIndex: i,
				description: 'Nothing was sent for this item. Only Community groups may use the @TGS#_ prefix.',
			});
		}
		body.GroupId = groupId;
	}
	const owner = readOption(this, 'options', 'owner', i, optionalUserId, 'Owner User ID', '');
	if (owner) body.Owner_Account = owner;
	const introduction = readOption(this, 'options', 'introduction', i, optionalText(240), 'Introduction', '');
	if (introduction !== undefined) body.Introduction = introduction;
	const notification = readOption(this, 'options', 'notification', i, optionalText(300), 'Notification', '');
	if (notification !== undefined) body.Notification = notification;
	const faceUrl = readOption(this, 'options', 'faceUrl', i, optionalText(100), 'Avatar URL', '');
	if (faceUrl !== undefined) body.FaceUrl = faceUrl;
	const maxMembers = readOption<number | undefined>(this, 'options', 'maxMemberCount', i, intInRange(1, 4294967295).optional(), 'Max Member Count', undefined);
	if (maxMembers !== undefined) body.MaxMemberCount = maxMembers;
	const apply = readOption(this, 'options', 'applyJoinOption', i, z.enum(['', 'FreeAccess', 'NeedPermission', 'DisableApply']), 'Apply Join Option', '');
	if (apply) body.ApplyJoinOption = apply;
	const topics = readOption(this, 'options', 'supportTopic', i, z.boolean({ invalid_type_error: 'must be true or false' }), 'Enable Topics', false);
	if (topics) {
		if (type !== 'Community') {
			throw new NodeOperationError(node, `Invalid "Enable Topics" in item ${i}: topics exist only in Community groups`, { itemIndex: i });
		}
		body.SupportTopic = 1;
	}
	const members = [...new Set(readOption<string[]>(this, 'options', 'members', i, membersSchema, 'Initial Member User IDs', ''))].filter((m) => m !== owner);
	if (members.length) {
		if (type === 'AVChatRoom') {
			throw new NodeOperationError(node, `Invalid "Initial Member User IDs" in item ${i}: audio-video groups (AVChatRoom) cannot have initial members`, {
				itemIndex: i,
				description: 'Nothing was sent for this item. Members of an audio-video group join through the client SDK.',
			});
		}
		body.MemberList = members.map((Member_Account) => ({ Member_Account }));
	}
	return body;
}

/** Items that name the same custom group ID go out in input order (the first creates it). */
export function orderKey(body: Record<string, unknown>): string | undefined {
	return body.GroupId === undefined ? undefined : `group:${body.GroupId as string}`;
}

export async function executeItem(this: IExecuteFunctions, body: Record<string, unknown>, i: number): Promise<IDataObject> {
	// Not repeated after an unclear failure: without a custom ID a repeat would create a second group.
	const res = await tencentApiRequest.call(this, 'group_open_http_svc/create_group', body, { itemIndex: i });
	return {
		status: 'created',
		groupId: (res.GroupId as string) ?? (body.GroupId as string) ?? null,
		type: body.Type as string,
		name: body.Name as string,
		owner: (body.Owner_Account as string) ?? null,
		initialMembers: ((body.MemberList as Array<{ Member_Account: string }>) ?? []).map((m) => m.Member_Account),
		requestId: (res.RequestId as string) ?? null,
	};
}
