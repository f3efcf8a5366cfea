import { z } from 'zod';
import { collection } from '../../../../shared/schemas';
import { tencentApi } from '../../../transport/request';
import { tencentOperation, type Body } from '../../helpers/common';
import { fromAccountField, optionalUserId } from '../../helpers/fields';
import { groupLocatorField } from '../../helpers/groupLocator';
import { groupCall, optionalText, put, readGroup } from '../../helpers/groupOps';
import { profileFields, readProfile } from './profile';

/**
 * modify_group_base_info — tencentcloud.com/document/product/1047/34962: GroupId, Name, Introduction,
 * Notification, FaceUrl, MaxMemberNum, ApplyJoinOption, MuteAllMember ("On" / "Off"),
 * AppDefinedData, From_Account (doocs/qcloud-im-server-sdk-java ModifyGroupBaseInfoRequest.java;
 * dobyte/tencent-im group/types.go updateGroupReq). 200 calls/s. Setting the same values again
 * changes nothing: safe to repeat.
 */
export const update = tencentOperation<{ body: Body }>({
	resource: 'group',
	operation: 'update',
	option: { name: 'Update', description: 'Change the name, notice, options or custom data of a group (modify_group_base_info)', action: 'Update a group' },
	properties: [
		groupLocatorField,
		collection(
			[
				...profileFields('MaxMemberNum'),
				{
					displayName: 'Mute All Members',
					name: 'muteAll',
					type: 'options',
					default: 'On',
					options: [
						{ name: 'On', value: 'On', description: 'Only the owner and admins can speak' },
						{ name: 'Off', value: 'Off' },
					],
					description: 'Whether everyone but the owner and admins is muted (MuteAllMember)',
				},
				{ displayName: 'Name', name: 'name', type: 'string', default: '', placeholder: 'Product Team', description: 'At most 30 bytes (Name)' },
				{ ...fromAccountField, description: 'Change as this member, so permission checks apply to them (From_Account). Empty: as the app admin.' },
			],
			'Update Fields',
			'updateFields',
		),
	],
	read(r) {
		const body: Body = { GroupId: readGroup(r) };
		put(body, 'Name', r.option('updateFields', 'name', optionalText(30), 'Name', ''));
		readProfile(r, 'updateFields', body, 'MaxMemberNum');
		if (r.has('updateFields', 'muteAll')) body.MuteAllMember = r.option('updateFields', 'muteAll', z.enum(['On', 'Off']), 'Mute All Members', 'On');
		put(body, 'From_Account', r.option('updateFields', 'fromAccount', optionalUserId, 'Sender User ID', ''));
		if (Object.keys(body).filter((k) => k !== 'From_Account').length === 1) r.fail(`Invalid "Update Fields" in item ${r.itemIndex}: add at least one field to change`);
		return { body };
	},
	orderKey: ({ body }) => `group:${String(body.GroupId)}`,
	shape: groupCall({ api: tencentApi('group_open_http_svc/modify_group_base_info', true), status: 'updated', extra: ({ body }) => ({ updated: Object.keys(body).filter((k) => k !== 'GroupId' && k !== 'From_Account') }) }),
	doc: {
		api: '`group_open_http_svc/modify_group_base_info`',
		limits: 'One call per item; Name ≤ 30 bytes, Introduction ≤ 240, Notice ≤ 300, Avatar URL ≤ 100. Changes to one group go out in input order. Sources: tencentcloud.com 1047/34962; doocs `ModifyGroupBaseInfoRequest.java`.',
	},
});
