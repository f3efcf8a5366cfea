import { single } from '../../../../shared/engine/callShapes';
import { tencentApi } from '../../../transport/request';
import { requestIdOf, tencentOperation, type Body } from '../../helpers/common';
import { fromAccountField, optionalUserId, userId } from '../../helpers/fields';
import { messageFields, messageOptionsFields } from '../../descriptions/message.description';
import { readMessage } from '../../helpers/readMessage';
import { c2cOptions, readC2cFields } from './common';
import { collection, textField } from '../../../../shared/schemas';

/** sendmsg — tencent-chat.md §4.1. MsgSeq and MsgRandom are fixed before the first attempt (§3.4). */
export const sendToUser = tencentOperation<Body>({
	resource: 'message',
	operation: 'sendToUser',
	option: { name: 'Send to User', description: 'Send a one-to-one message (sendmsg)', action: 'Send a message to a user' },
	doc: { api: '`openim/sendmsg`', limits: 'MsgRandom random, MsgSeq **increasing** (time-based, per process), both fixed per item before the first attempt (de-dup window 120 s). Tencent orders same-second messages by MsgSeq ([269/2282](https://cloud.tencent.com/document/product/269/2282)), so a conversation keeps input order, retries included. Output carries `msgKey` for recall.' },
	properties: [
		fromAccountField,
		textField('Receiver User ID', 'toAccount', 'The receiving user (To_Account); must be an imported account', { required: true, placeholder: 'user_1001' }),
		...messageFields,
		collection(c2cOptions),
		...messageOptionsFields('c2c'),
	],
	read(r) {
		const from = r.param('fromAccount', optionalUserId, 'Sender User ID', '');
		const to = r.param('toAccount', userId, 'Receiver User ID');
		const msg = readMessage(r.ctx, r.itemIndex, 'c2c');
		const body: Body = {};
		if (from) body.From_Account = from;
		body.To_Account = to;
		return Object.assign(body, readC2cFields(r), msg);
	},
	// Messages in one conversation go out in input order.
	orderKey: (body) => `c2c:${String(body.From_Account ?? '')}>${String(body.To_Account)}`,
	shape: single({
		// MsgSeq + MsgRandom fixed per item: a repeat within 120 s is dropped (§3.4).
		api: tencentApi('openim/sendmsg', true),
		body: (body) => body,
		output: (body, answer) => ({
			status: 'sent',
			from: (body.From_Account as string) ?? null,
			to: body.To_Account as string,
			msgKey: (answer.result.MsgKey as string) ?? null,
			msgTime: (answer.result.MsgTime as number) ?? null,
			msgSeq: body.MsgSeq as number,
			msgRandom: body.MsgRandom as number,
			requestId: requestIdOf(answer),
		}),
	}),
});
