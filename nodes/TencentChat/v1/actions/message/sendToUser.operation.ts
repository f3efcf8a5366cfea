import { single } from '../../../../shared/engine/callShapes';
import { tencentApi } from '../../../transport/request';
import { requestIdOf, shownSender, tencentOperation, type Body } from '../../helpers/common';
import { sharedVocabulary } from '../../../../shared/engine/outcomes';
import { fromAccountField, optionalUserId, userId } from '../../helpers/fields';
import { messageFields, messageOptionsFields } from '../../descriptions/message.description';
import { readMessage } from '../../helpers/readMessage';
import { c2cOptions, readC2cFields } from './common';
import { collection, textField } from '../../../../shared/schemas';

/** sendmsg — tencent-chat.md §4.1. MsgSeq and MsgRandom are fixed before the first attempt (§3.4). */
/** The request body, and (node version 1.1) who the output says sent it. */
interface Plan {
	body: Body;
	shared: boolean;
	shownFrom?: string | null;
}

export const sendToUser = tencentOperation<Plan>({
	resource: 'message',
	operation: 'sendToUser',
	option: { name: 'Send to User', description: 'Send a one-to-one message (sendmsg)', action: 'Send a message to a user' },
	doc: { api: '`openim/sendmsg`', limits: 'MsgRandom random, MsgSeq **increasing** (time-based, per process), both fixed per item before the first attempt (de-dup window 120 s). Tencent orders same-second messages by MsgSeq ([269/2282](https://cloud.tencent.com/document/product/269/2282)), so a conversation keeps input order, retries included. Output carries the MsgKey for Recall (`messageId`; `msgKey` in node version 1).' },
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
		return { body: Object.assign(body, readC2cFields(r), msg), shared: sharedVocabulary(r.ctx) };
	},
	// Messages in one conversation go out in input order.
	orderKey: ({ body }) => `c2c:${String(body.From_Account ?? '')}>${String(body.To_Account)}`,
	shape: single({
		before: async (plan, _send, ctx) => ({ ...plan, shownFrom: await shownSender(ctx, plan.body.From_Account as string | undefined) }),
		// MsgSeq + MsgRandom fixed per item: a repeat within 120 s is dropped (§3.4).
		api: tencentApi('openim/sendmsg', true),
		body: ({ body }) => body,
		output: ({ body, shared, shownFrom }, answer) => ({
			status: 'sent',
			from: shownFrom ?? null,
			to: body.To_Account as string,
			// 1.1: `messageId` (the MsgKey, which Recall takes); version 1: `msgKey`.
			[shared ? 'messageId' : 'msgKey']: (answer.result.MsgKey as string) ?? null,
			msgTime: (answer.result.MsgTime as number) ?? null,
			msgSeq: body.MsgSeq as number,
			msgRandom: body.MsgRandom as number,
			requestId: requestIdOf(answer),
		}),
	}),
});
