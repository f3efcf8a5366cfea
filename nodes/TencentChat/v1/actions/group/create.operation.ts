import type { INodeProperties } from 'n8n-workflow';
import { z } from 'zod';
import { single } from '../../../../shared/engine/callShapes';
import type { ItemReader } from '../../../../shared/engine/reader';
import { intInRange, listInput, text, utf8Length, collection, textField, numberField, booleanField, optionsField } from '../../../../shared/schemas';
import { tencentApi } from '../../../transport/request';
import { GROUP_TYPES, groupTypeOptions, type GroupType } from './groupTypes';
import { requestIdOf, tencentOperation, type Body } from '../../helpers/common';
import { optionalUserId, userId } from '../../helpers/fields';

/**
 * create_group — tencent-chat.md §6.1. Name ≤ 30 bytes, introduction ≤ 240, notification ≤ 300,
 * avatar URL ≤ 100; a custom group ID is printable ASCII ≤ 48 bytes and must not start with @TGS#
 * (Community IDs may use the @TGS#_ prefix). Initial members are not allowed for AVChatRoom.
 */

export const MAX_INITIAL_MEMBERS = 500;

const properties: INodeProperties[] = [
	optionsField(
		'Group Type',
		'groupType',
		'Public',
		groupTypeOptions({
			AVChatRoom: 'Live streaming: unlimited members, online only; members join through the client SDK',
			Community: 'Up to 100,000 members, optionally with topics',
			ChatRoom: 'Temporary meetings; members may join and leave freely',
			Public: 'Anyone may apply to join; an admin approves',
			Private: 'Members are invited; no applications',
		}),
		'Type of the group (Type); it cannot be changed later',
	),
	textField('Name', 'name', 'Group name (Name), at most 30 bytes in UTF-8 (10 Chinese characters)', { required: true, placeholder: 'Project Apollo' }),
	collection([
		optionsField('Apply Join Option', 'applyJoinOption', '', [
			{ name: 'Anyone Can Join (FreeAccess)', value: 'FreeAccess' },
			{ name: 'Approval Required (NeedPermission)', value: 'NeedPermission' },
			{ name: 'No Applications (DisableApply)', value: 'DisableApply' },
			{ name: 'Tencent Default', value: '' },
		], 'How users may apply to join (ApplyJoinOption). The default is not sent; Tencent then applies its own rule for the group type.'),
		textField('Avatar URL', 'faceUrl', 'Group picture URL (FaceUrl), at most 100 bytes', { placeholder: 'https://example.com/group.png' }),
		textField(
			'Custom Group ID',
			'groupId',
			'Your own ID for the group (GroupId): printable ASCII without spaces, at most 48 bytes, not starting with @TGS# (a Community may use the @TGS#_ prefix). Leave empty to let Tencent generate one.',
			{ placeholder: 'project-apollo' },
		),
		booleanField('Enable Topics', 'supportTopic', false, 'Whether the community supports topics (SupportTopic); Community groups only'),
		textField(
			'Initial Member User IDs',
			'members',
			'Up to 500 imported users, separated by commas, or an array from an expression (MemberList). Not for audio-video groups, whose members join through the client SDK.',
			{ placeholder: 'user_1, user_2' },
		),
		textField('Introduction', 'introduction', 'Group introduction (Introduction), at most 240 bytes', { typeOptions: { rows: 3 } }),
		numberField('Max Member Count', 'maxMemberCount', 200, 1, 4294967295, 'Member limit of the group (MaxMemberCount); without it the limit of your plan applies'),
		textField('Notification', 'notification', 'Group notice (Notification), at most 300 bytes', { typeOptions: { rows: 3 } }),
		textField(
			'Owner User ID',
			'owner',
			'Group owner (Owner_Account): an imported user, added as a member. Leave empty for a group without owner.',
			{ placeholder: 'user_1001' },
		),
	]),
];

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

function read(r: ItemReader): Body {
	const i = r.itemIndex;
	const type = r.param<GroupType>('groupType', z.enum(GROUP_TYPES, { errorMap: () => ({ message: `must be one of ${GROUP_TYPES.join(', ')}` }) }), 'Group Type');
	const body: Body = { Type: type, Name: r.param('name', text({ maxBytes: 30 }), 'Name') };
	const groupId = r.option('options', 'groupId', customGroupId, 'Custom Group ID', '');
	if (groupId !== undefined) {
		const communityPrefix = type === 'Community' && groupId.startsWith('@TGS#_');
		if (groupId.startsWith('@TGS#') && !communityPrefix) {
			r.fail(`Invalid "Custom Group ID" in item ${i}: must not start with @TGS# (reserved for IDs Tencent generates)`, 'Nothing was sent for this item. Only Community groups may use the @TGS#_ prefix.');
		}
		body.GroupId = groupId;
	}
	const owner = r.option('options', 'owner', optionalUserId, 'Owner User ID', '');
	if (owner) body.Owner_Account = owner;
	const introduction = r.option('options', 'introduction', optionalText(240), 'Introduction', '');
	if (introduction !== undefined) body.Introduction = introduction;
	const notification = r.option('options', 'notification', optionalText(300), 'Notification', '');
	if (notification !== undefined) body.Notification = notification;
	const faceUrl = r.option('options', 'faceUrl', optionalText(100), 'Avatar URL', '');
	if (faceUrl !== undefined) body.FaceUrl = faceUrl;
	const maxMembers = r.option<number | undefined>('options', 'maxMemberCount', intInRange(1, 4294967295).optional(), 'Max Member Count', undefined);
	if (maxMembers !== undefined) body.MaxMemberCount = maxMembers;
	const apply = r.option('options', 'applyJoinOption', z.enum(['', 'FreeAccess', 'NeedPermission', 'DisableApply']), 'Apply Join Option', '');
	if (apply) body.ApplyJoinOption = apply;
	const topics = r.option('options', 'supportTopic', z.boolean({ invalid_type_error: 'must be true or false' }), 'Enable Topics', false);
	if (topics) {
		if (type !== 'Community') {
			r.fail(`Invalid "Enable Topics" in item ${i}: topics exist only in Community groups`);
		}
		body.SupportTopic = 1;
	}
	const members = [...new Set(r.option<string[]>('options', 'members', membersSchema, 'Initial Member User IDs', ''))].filter((m) => m !== owner);
	if (members.length) {
		if (type === 'AVChatRoom') {
			r.fail(`Invalid "Initial Member User IDs" in item ${i}: audio-video groups (AVChatRoom) cannot have initial members`, 'Nothing was sent for this item. Members of an audio-video group join through the client SDK.');
		}
		body.MemberList = members.map((Member_Account) => ({ Member_Account }));
	}
	return body;
}

/**
 * Not repeated after an unclear failure: without a custom ID a repeat would create a second group.
 * Items that name the same custom group ID go out in input order (the first creates it).
 */
export const create = tencentOperation<Body>({
	resource: 'group',
	operation: 'create',
	option: { name: 'Create', description: 'Create a group with optional custom ID, owner and initial members (create_group)', action: 'Create a group' },
	doc: { api: '`group_open_http_svc/create_group`', limits: 'Name ≤ 30 B, introduction ≤ 240, notification ≤ 300; custom ID ≤ 48 B, not `@TGS#`; ≤ 500 initial members, none for AVChatRoom. Never repeated after an ambiguous failure.' },
	properties,
	read,
	orderKey: (body) => (body.GroupId === undefined ? undefined : `group:${body.GroupId as string}`),
	shape: single({
		api: tencentApi('group_open_http_svc/create_group'),
		body: (body) => body,
		output: (body, answer) => ({
			status: 'created',
			groupId: (answer.result.GroupId as string) ?? (body.GroupId as string) ?? null,
			type: body.Type as string,
			name: body.Name as string,
			owner: (body.Owner_Account as string) ?? null,
			initialMembers: ((body.MemberList as Array<{ Member_Account: string }>) ?? []).map((m) => m.Member_Account),
			requestId: requestIdOf(answer),
		}),
	}),
});
