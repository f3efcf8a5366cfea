import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { readParam } from '../../../../shared/params';
import { tencentApiRequest } from '../../../transport/request';
import { groupIdField, groupIdSchema } from '../../helpers/fields';

/** destroy_group — tencent-chat.md §6.2. */

const properties: INodeProperties[] = [
	{
		displayName: 'Destroying a group cannot be undone: its members, messages and settings are removed.',
		name: 'destroyNotice',
		type: 'notice',
		default: '',
	},
	groupIdField,
];

export const description = updateDisplayOptions({ show: { resource: ['group'], operation: ['destroy'] } }, properties);

export async function prepare(this: IExecuteFunctions, i: number): Promise<Record<string, unknown>> {
	return { GroupId: readParam(this, 'groupId', i, groupIdSchema, 'Group ID') };
}

export function orderKey(body: Record<string, unknown>): string {
	return `group:${body.GroupId as string}`;
}

export async function executeItem(this: IExecuteFunctions, body: Record<string, unknown>, i: number): Promise<IDataObject> {
	const res = await tencentApiRequest.call(this, 'group_open_http_svc/destroy_group', body, { itemIndex: i });
	return { status: 'destroyed', groupId: body.GroupId as string, requestId: (res.RequestId as string) ?? null };
}
