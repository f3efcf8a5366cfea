import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { z } from 'zod';
import { readParam } from '../../../../shared/params';
import { listInput, text } from '../../../../shared/schemas';
import { tencentApiRequest } from '../../../transport/request';
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

export const description = updateDisplayOptions({ show: { resource: ['group'], operation: ['sendSystemNotification'] } }, properties);

const membersSchema = listInput.pipe(z.array(userId).max(MAX_NOTIFICATION_MEMBERS, `at most ${MAX_NOTIFICATION_MEMBERS} members`));

export async function prepare(this: IExecuteFunctions, i: number): Promise<Record<string, unknown>> {
	const body: Record<string, unknown> = {
		GroupId: readParam(this, 'groupId', i, groupIdSchema, 'Group ID'),
		Content: readParam(this, 'content', i, text(), 'Content'),
	};
	const members = readParam<string[]>(this, 'members', i, membersSchema, 'Member User IDs', '');
	if (members.length) body.ToMembers_Account = members;
	return body;
}

export async function executeItem(this: IExecuteFunctions, body: Record<string, unknown>, i: number): Promise<IDataObject> {
	const res = await tencentApiRequest.call(this, 'group_open_http_svc/send_group_system_notification', body, { itemIndex: i });
	return {
		status: 'sent',
		groupId: body.GroupId as string,
		members: (body.ToMembers_Account as string[]) ?? 'all',
		requestId: (res.RequestId as string) ?? null,
	};
}
