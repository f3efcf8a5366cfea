import type { INodeProperties } from 'n8n-workflow';
import { z } from 'zod';
import { single } from '../../../../shared/engine/callShapes';
import { listInput, text } from '../../../../shared/schemas';
import { tencentApi } from '../../../transport/request';
import { requestIdOf, tencentOperation, type Body } from '../../helpers/common';
import { groupIdField, groupIdSchema, userId } from '../../helpers/fields';

/**
 * send_group_system_notification — tencent-chat.md §4.5. Deprecated by Tencent for new customers;
 * the recipient cap is 500 (older docs) or 50 (newest docs): the safer 50 is enforced.
 */

export const MAX_NOTIFICATION_MEMBERS = 50;

const properties: INodeProperties[] = [
	{
		displayName: 'Tencent retired this API for new customers; existing apps may still use it. Prefer Send Message.',
		name: 'deprecatedNotice',
		type: 'notice',
		default: '',
	},
	groupIdField,
	{
		displayName: 'Content',
		name: 'content',
		type: 'string',
		default: '',
		required: true,
		typeOptions: { rows: 3 },
		description: 'Notification text, delivered online only (clients receive it through onReceiveRESTCustomData)',
	},
	{
		displayName: 'Member User IDs',
		name: 'members',
		type: 'string',
		default: '',
		placeholder: 'user1, user2',
		description: 'Up to 50 members, separated by commas, or an array from an expression. Leave empty for all members.',
	},
];

const membersSchema = listInput.pipe(z.array(userId).max(MAX_NOTIFICATION_MEMBERS, `at most ${MAX_NOTIFICATION_MEMBERS} members`));

export const sendSystemNotification = tencentOperation<Body>({
	resource: 'group',
	operation: 'sendSystemNotification',
	option: {
		name: 'Send System Notification',
		description: 'Send a system notification to group members (send_group_system_notification)',
		action: 'Send a group system notification',
	},
	doc: { api: '`group_open_http_svc/send_group_system_notification`', limits: '≤ 50 members (the newest docs\' cap). Retired by Tencent for new customers.' },
	properties,
	read(r) {
		const body: Body = { GroupId: r.param('groupId', groupIdSchema, 'Group ID'), Content: r.param('content', text(), 'Content') };
		const members = r.param<string[]>('members', membersSchema, 'Member User IDs', '');
		if (members.length) body.ToMembers_Account = members;
		return body;
	},
	shape: single({
		api: tencentApi('group_open_http_svc/send_group_system_notification'),
		body: (body) => body,
		output: (body, answer) => ({
			status: 'sent',
			groupId: body.GroupId as string,
			members: (body.ToMembers_Account as string[]) ?? 'all',
			requestId: requestIdOf(answer),
		}),
	}),
});
