import { z } from 'zod';
import { collection, emptyAs, intInRange } from '../../../../shared/schemas';
import { tencentApi } from '../../../transport/request';
import { tencentOperation, type Body } from '../../helpers/common';
import { userId } from '../../helpers/fields';
import { groupLocatorField } from '../../helpers/groupLocator';
import { customDataField, groupCall, optionalText, put, readCustomData, readGroup } from '../../helpers/groupOps';

/**
 * modify_group_member_info — tencentcloud.com/document/product/1047/34900: GroupId, Member_Account,
 * Role ("Admin" / "Member"), MsgFlag (AcceptAndNotify, AcceptNotNotify, Discard), NameCard ≤ 50
 * bytes, AppMemberDefinedData, MuteTime in seconds (menu §1.3; doocs/qcloud-im-server-sdk-java
 * ModifyGroupMemberInfoRequest.java; dobyte/tencent-im group/types.go updateMemberReq). Setting the
 * same values again changes nothing: safe to repeat.
 */
export const update = tencentOperation<{ body: Body }>({
	resource: 'groupMember',
	operation: 'update',
	option: { name: 'Update', description: "Change a member's role, name card, notifications or custom data (modify_group_member_info)", action: 'Update a group member' },
	properties: [
		groupLocatorField,
		{ displayName: 'Member User ID', name: 'member', type: 'string', default: '', required: true, placeholder: 'user_1001', description: 'The member to change (Member_Account)' },
		collection(
			[
				customDataField('custom', 'Custom Data', 'Custom member fields to set (AppMemberDefinedData)'),
				{ displayName: 'Mute for (Seconds)', name: 'muteTime', type: 'number', default: '', typeOptions: { minValue: 0, maxValue: 4294967295, numberPrecision: 0 }, description: 'Mute the member, 0 to 4294967295 seconds; 0 unmutes (MuteTime)' },
				{ displayName: 'Name Card', name: 'nameCard', type: 'string', default: '', placeholder: 'Team lead', description: 'Name shown in this group, at most 50 bytes (NameCard)' },
				{
					displayName: 'Notifications',
					name: 'msgFlag',
					type: 'options',
					default: 'AcceptAndNotify',
					options: [
						{ name: 'Receive and Notify (AcceptAndNotify)', value: 'AcceptAndNotify' },
						{ name: 'Receive Silently (AcceptNotNotify)', value: 'AcceptNotNotify' },
						{ name: 'Do Not Receive (Discard)', value: 'Discard' },
					],
					description: 'How the member receives group messages (MsgFlag)',
				},
				{ displayName: 'Role', name: 'role', type: 'options', default: 'Member', options: [{ name: 'Admin', value: 'Admin' }, { name: 'Member', value: 'Member' }], description: 'Make the member an admin or a plain member (Role)' },
			],
			'Update Fields',
			'updateFields',
		),
	],
	read(r) {
		const f = 'updateFields';
		const body: Body = { GroupId: readGroup(r), Member_Account: r.param('member', userId, 'Member User ID') };
		if (r.has(f, 'role')) body.Role = r.option(f, 'role', z.enum(['Admin', 'Member']), 'Role', 'Member');
		if (r.has(f, 'msgFlag')) body.MsgFlag = r.option(f, 'msgFlag', z.enum(['AcceptAndNotify', 'AcceptNotNotify', 'Discard']), 'Notifications', 'AcceptAndNotify');
		put(body, 'NameCard', r.option(f, 'nameCard', optionalText(50), 'Name Card', ''));
		put(body, 'MuteTime', r.option(f, 'muteTime', emptyAs(intInRange(0, 4294967295)), 'Mute for (Seconds)', ''));
		const custom = readCustomData(r, f, 'custom', 'Custom Data');
		if (custom.length) body.AppMemberDefinedData = custom;
		if (Object.keys(body).length === 2) r.fail(`Invalid "Update Fields" in item ${r.itemIndex}: add at least one field to change`);
		return { body };
	},
	orderKey: ({ body }) => `group:${String(body.GroupId)}`,
	shape: groupCall({
		api: tencentApi('group_open_http_svc/modify_group_member_info', true),
		status: 'updated',
		extra: ({ body }) => ({ member: String(body.Member_Account), updated: Object.keys(body).slice(2) }),
	}),
	doc: { api: '`group_open_http_svc/modify_group_member_info`', limits: 'One call per item; Name Card ≤ 50 bytes; Mute in seconds (0 unmutes). Sources: tencentcloud.com 1047/34900; doocs `ModifyGroupMemberInfoRequest.java`; dobyte `group/types.go`.' },
});
