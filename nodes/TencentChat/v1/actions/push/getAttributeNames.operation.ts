import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { tencentApiRequest } from '../../../transport/request';

/** im_get_attr_name — tencent-chat.md §4.9. */

const properties: INodeProperties[] = [];

export const description = updateDisplayOptions({ show: { resource: ['push'], operation: ['getAttributeNames'] } }, properties);

export async function prepare(this: IExecuteFunctions): Promise<Record<string, unknown>> {
	return {};
}

export async function executeItem(this: IExecuteFunctions, body: Record<string, unknown>, i: number): Promise<IDataObject> {
	const res = await tencentApiRequest.call(this, 'all_member_push/im_get_attr_name', body, { itemIndex: i, idempotent: true });
	return { attrNames: (res.AttrNames as IDataObject) ?? {}, requestId: (res.RequestId as string) ?? null };
}
