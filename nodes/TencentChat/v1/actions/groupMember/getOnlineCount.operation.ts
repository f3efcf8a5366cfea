import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { readParam } from '../../../../shared/params';
import { tencentApiRequest } from '../../../transport/request';
import { groupIdField, groupIdSchema } from '../../helpers/fields';

/**
 * get_online_member_num — tencent-chat.md §6.6. The count refreshes every 10 s; audio-video groups,
 * or other types on Pro/Pro Plus/Enterprise with "group member online status" switched on.
 */

const properties: INodeProperties[] = [
	{
		displayName: 'Tencent refreshes the count every 10 seconds: poll no faster than that.',
		name: 'refreshNotice',
		type: 'notice',
		default: '',
	},
	groupIdField,
];

export const description = updateDisplayOptions({ show: { resource: ['groupMember'], operation: ['getOnlineCount'] } }, properties);

export async function prepare(this: IExecuteFunctions, i: number): Promise<Record<string, unknown>> {
	return { GroupId: readParam(this, 'groupId', i, groupIdSchema, 'Group ID') };
}

export async function executeItem(this: IExecuteFunctions, body: Record<string, unknown>, i: number): Promise<IDataObject> {
	const res = await tencentApiRequest.call(this, 'group_open_http_svc/get_online_member_num', body, { itemIndex: i, idempotent: true });
	return { groupId: body.GroupId as string, onlineMemberCount: Number(res.OnlineMemberNum ?? 0), requestId: (res.RequestId as string) ?? null };
}
