import { single } from '../../../../shared/engine/callShapes';
import { text, textField } from '../../../../shared/schemas';
import { tencentApi } from '../../../transport/request';
import { requestIdOf, tencentOperation } from '../../helpers/common';
import { userId } from '../../helpers/fields';
import { msgKeyField } from './c2cTarget';

/** admin_msgwithdraw — tencent-chat.md §4.3. MsgKey comes from Send to User(s) output. */

interface Body {
	From_Account: string;
	To_Account: string;
	MsgKey: string;
}

export const recall = tencentOperation<Body>({
	resource: 'message',
	operation: 'recall',
	option: { name: 'Recall', description: 'Recall a one-to-one message by its MsgKey (admin_msgwithdraw)', action: 'Recall a one to one message' },
	doc: { api: '`openim/admin_msgwithdraw`', limits: 'Takes the MsgKey from a send\'s output (`messageId` / `messageIds`; `msgKey` in node version 1).' },
	properties: [
		textField('Sender User ID', 'fromAccount', 'The original sender (From_Account)', { required: true, placeholder: 'administrator' }),
		{ displayName: 'Receiver User ID', name: 'toAccount', type: 'string', default: '', required: true, description: 'The original receiver (To_Account)' },
		msgKeyField,
	],
	read: (r) => ({
		From_Account: r.param('fromAccount', userId, 'Sender User ID'),
		To_Account: r.param('toAccount', userId, 'Receiver User ID'),
		MsgKey: r.param('msgKey', text({ maxBytes: 50 }), 'Message Key'),
	}),
	shape: single({
		api: tencentApi('openim/admin_msgwithdraw', true),
		body: (body) => ({ ...body }),
		output: (body, answer) => ({ status: 'recalled', from: body.From_Account, to: body.To_Account, msgKey: body.MsgKey, requestId: requestIdOf(answer) }),
	}),
});
