import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { readParam } from '../../../../shared/params';
import { tencentApiRequest } from '../../../transport/request';
import { fromAccountField, optionalUserId, userId } from '../../helpers/fields';
import { messageFields, messageOptions, readMessage } from '../../helpers/message';
import { c2cOptions, messageBodyFields, readC2cFields } from './common';

/** sendmsg — tencent-chat.md §4.1. MsgSeq and MsgRandom are fixed before the first attempt (§3.4). */

const properties: INodeProperties[] = [
	fromAccountField,
	{
		displayName: 'Receiver User ID',
		name: 'toAccount',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'user_1001',
		description: 'The receiving user (To_Account); must be an imported account',
	},
	...messageFields,
	{ displayName: 'Options', name: 'options', type: 'collection', placeholder: 'Add Option', default: {}, options: c2cOptions },
	{
		displayName: 'Message Options',
		name: 'messageOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: messageOptions('c2c'),
	},
];

export const description = updateDisplayOptions({ show: { resource: ['message'], operation: ['sendToUser'] } }, properties);

export async function prepare(this: IExecuteFunctions, i: number): Promise<Record<string, unknown>> {
	const from = readParam(this, 'fromAccount', i, optionalUserId, 'Sender User ID', '');
	const to = readParam(this, 'toAccount', i, userId, 'Receiver User ID');
	const msg = readMessage(this, i, 'c2c');
	const body: Record<string, unknown> = {};
	if (from) body.From_Account = from;
	body.To_Account = to;
	Object.assign(body, readC2cFields(this, i), messageBodyFields(msg));
	return body;
}

/** Messages in one conversation go out in input order. */
export function orderKey(body: Record<string, unknown>): string {
	return `c2c:${String(body.From_Account ?? '')}>${String(body.To_Account)}`;
}

export async function executeItem(this: IExecuteFunctions, body: Record<string, unknown>, i: number): Promise<IDataObject> {
	const res = await tencentApiRequest.call(this, 'openim/sendmsg', body, {
		itemIndex: i,
		idempotent: true, // MsgSeq + MsgRandom fixed per item: a repeat within 120 s is dropped (§3.4)
	});
	return {
		status: 'sent',
		from: (body.From_Account as string) ?? null,
		to: body.To_Account as string,
		msgKey: (res.MsgKey as string) ?? null,
		msgTime: (res.MsgTime as number) ?? null,
		msgSeq: body.MsgSeq as number,
		msgRandom: body.MsgRandom as number,
		requestId: (res.RequestId as string) ?? null,
	};
}
