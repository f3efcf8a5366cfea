import type { IDataObject, INodeProperties } from 'n8n-workflow';
import type { ItemReader } from '../../../../shared/engine/reader';
import { text } from '../../../../shared/schemas';
import { optionalUserId, userId } from '../../helpers/fields';

/**
 * The stored one-to-one message an operation works on — its sender, receiver and MsgKey (returned
 * by Send to User(s); trtc.io/document/34919) — as modify_c2c_msg, get_key_values and
 * set_key_values take it (doocs/qcloud-im-server-sdk-java ModifyC2cMsgRequest.java,
 * GetKeyValuesRequest.java, SetKeyValuesRequest.java).
 */

export const conversationFields = (senderRequired: boolean): INodeProperties[] => [
	{
		displayName: 'Sender User ID',
		name: 'fromAccount',
		type: 'string',
		default: '',
		required: senderRequired,
		placeholder: 'user_1001',
		description: senderRequired ? 'Who sent the message (From_Account)' : 'Who sent the message (From_Account); optional for this API',
	},
	{ displayName: 'Receiver User ID', name: 'toAccount', type: 'string', default: '', required: true, placeholder: 'user_1002', description: 'Who received it (To_Account)' },
];

export const msgKeyField: INodeProperties = {
	displayName: 'Message Key',
	name: 'msgKey',
	type: 'string',
	default: '',
	required: true,
	placeholder: '31906_833502_1572869830',
	description: 'The message ID (MsgKey) the send returned: `messageId` of Send to User, or the receiver\'s entry in `messageIds` of Send to Users (`msgKey` / `msgKeys` in node version 1)',
};

export const storedMessageFields = (senderRequired: boolean): INodeProperties[] => [...conversationFields(senderRequired), msgKeyField];

/** The request fields naming the message, and the same for the output. */
export function readStoredMessage(r: ItemReader, senderRequired: boolean): { target: IDataObject; echo: IDataObject } {
	const from = senderRequired ? r.param('fromAccount', userId, 'Sender User ID') : r.param('fromAccount', optionalUserId, 'Sender User ID', '');
	const target: IDataObject = {
		...(from ? { From_Account: from } : {}),
		To_Account: r.param('toAccount', userId, 'Receiver User ID'),
		MsgKey: r.param('msgKey', text({ maxBytes: 50 }), 'Message Key'),
	};
	return { target, echo: { fromAccount: from ?? null, toAccount: target.To_Account, msgKey: target.MsgKey } };
}
