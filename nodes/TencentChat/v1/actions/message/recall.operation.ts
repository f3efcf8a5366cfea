import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { readParam } from '../../../../shared/params';
import { text } from '../../../../shared/schemas';
import { tencentApiRequest } from '../../../transport/request';
import { userId } from '../../helpers/fields';

/** admin_msgwithdraw — tencent-chat.md §4.3. MsgKey comes from Send to User(s) output. */

const properties: INodeProperties[] = [
	{
		displayName: 'Sender User ID',
		name: 'fromAccount',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'administrator',
		description: 'The original sender (From_Account)',
	},
	{ displayName: 'Receiver User ID', name: 'toAccount', type: 'string', default: '', required: true, description: 'The original receiver (To_Account)' },
	{
		displayName: 'Message Key',
		name: 'msgKey',
		type: 'string',
		default: '',
		required: true,
		placeholder: '31906_833502_1572869830',
		description: 'MsgKey returned when the message was sent',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['message'], operation: ['recall'] } }, properties);

export async function prepare(this: IExecuteFunctions, i: number): Promise<Record<string, unknown>> {
	return {
		From_Account: readParam(this, 'fromAccount', i, userId, 'Sender User ID'),
		To_Account: readParam(this, 'toAccount', i, userId, 'Receiver User ID'),
		MsgKey: readParam(this, 'msgKey', i, text({ maxBytes: 50 }), 'Message Key'),
	};
}

export async function executeItem(this: IExecuteFunctions, body: Record<string, unknown>, i: number): Promise<IDataObject> {
	const res = await tencentApiRequest.call(this, 'openim/admin_msgwithdraw', body, { itemIndex: i, idempotent: true });
	return { status: 'recalled', from: body.From_Account as string, to: body.To_Account as string, msgKey: body.MsgKey as string, requestId: (res.RequestId as string) ?? null };
}
