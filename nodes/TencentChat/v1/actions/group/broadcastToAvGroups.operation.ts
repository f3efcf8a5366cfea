import type { INodeProperties } from 'n8n-workflow';
import { z } from 'zod';
import { coalesce } from '../../../../shared/engine/callShapes';
import { tencentApi } from '../../../transport/request';
import { requestIdOf, shownSender, tencentOperation } from '../../helpers/common';
import { drawUint32, fromAccountField, optionalUint32, optionalUserId, randomOption } from '../../helpers/fields';
import { MAX_MESSAGE_BYTES, messageBytes, type MsgElement } from '../../../transport/msgBody';
import { messageFields, messageOptionsFields } from '../../descriptions/message.description';
import { readMessage } from '../../helpers/readMessage';
import { collection, booleanField } from '../../../../shared/schemas';

/**
 * send_broadcast_msg — tencent-chat.md §4.6: one message into every audio-video group (AVChatRoom)
 * of the app. 1 call/s by default, so "Merge Items" combines many items' elements into as few
 * calls as the 12,000-byte limit allows.
 */

const properties: INodeProperties[] = [
	{
		displayName:
			'Sends into every audio-video group (AVChatRoom) of the app. Needs the Pro, Pro Plus or Enterprise edition and the console switch "Broadcast messaging of audio-video group"; 1 call per second by default.',
		name: 'broadcastNotice',
		type: 'notice',
		default: '',
	},
	fromAccountField,
	...messageFields,
	collection([
		booleanField(
			'Merge Items',
			'merge',
			false,
			'Whether to combine the messages of consecutive items into one broadcast (several elements in one MsgBody, up to 12,000 bytes and one custom element per call) — far fewer calls at 1 call per second',
		),
		randomOption('random', 'De-duplication Number (Random)', 'De-duplication value: the same content with the same Random within 5 minutes is dropped by Tencent.'),
	]),
	...messageOptionsFields('broadcast'),
];

interface BroadcastPlan {
	from?: string;
	msgBody: MsgElement[];
	cloudCustomData?: string;
	random: number;
	/** Items with the same key may share a call: merged items of one sender and cloud data; else the item alone. */
	callKey: string;
}

const customCount = (b: MsgElement[]) => b.filter((e) => e.MsgType === 'TIMCustomElem').length;

export const broadcastToAvGroups = tencentOperation<BroadcastPlan>({
	resource: 'group',
	operation: 'broadcastToAvGroups',
	option: {
		name: 'Broadcast to All Audio-Video Groups',
		description: 'Send one message into every audio-video group (AVChatRoom) of the app (send_broadcast_msg)',
		action: 'Broadcast to all audio video groups',
	},
	doc: { api: '`group_open_http_svc/send_broadcast_msg`', limits: '1 call/s by default: **Merge Items** combines consecutive items into as few calls as 12,000 bytes and one custom element per message allow; each item is paired with the call that carried it.' },
	properties,
	read(r) {
		const from = r.param('fromAccount', optionalUserId, 'Sender User ID', '');
		const msg = readMessage(r.ctx, r.itemIndex, 'broadcast');
		const random = r.option('options', 'random', optionalUint32, 'De-duplication Number (Random)', '') ?? drawUint32();
		const merge = r.option('options', 'merge', z.boolean(), 'Merge Items', false);
		const callKey = merge ? JSON.stringify(['merge', from, msg.CloudCustomData ?? null]) : `item:${r.itemIndex}`;
		return { from, msgBody: msg.MsgBody, cloudCustomData: msg.CloudCustomData, random, callKey };
	},
	shape: coalesce({
		max: () => Number.MAX_SAFE_INTEGER,
		sameCallKey: (plan) => plan.callKey,
		// A merged call: ≤ one custom element and ≤ 12,000 bytes (§4.6).
		fits(call, next) {
			const body = [...call.flatMap((p) => p.msgBody), ...next.msgBody];
			return customCount(body) <= 1 && messageBytes({ MsgBody: body, CloudCustomData: next.cloudCustomData }) <= MAX_MESSAGE_BYTES;
		},
		// Broadcasts go out one after the other, in input order (1 call per second anyway).
		ordered: true,
		async run(call, send, ctx, c) {
			const head = call[0].plan;
			// The call's Random is the first item's: fixed before the first attempt, so a retry stays a duplicate.
			const body: Record<string, unknown> = { Random: head.random, MsgBody: call.flatMap((x) => x.plan.msgBody) };
			if (head.from) body.From_Account = head.from;
			if (head.cloudCustomData !== undefined) body.CloudCustomData = head.cloudCustomData;
			// Idempotent: the same content with the same Random within 5 min is dropped (§4.6).
			const answer = await send(tencentApi('group_open_http_svc/send_broadcast_msg', true), body);
			const text = (body.MsgBody as MsgElement[]).flatMap((e) => (e.MsgType === 'TIMTextElem' ? [String((e.MsgContent as { Text?: unknown }).Text ?? '')] : []));
			const json = {
				status: 'sent',
				// Who got it, as far as Tencent tells: it names no groups, only that the broadcast was accepted.
				to: 'every audio-video group of the app',
				from: await shownSender(ctx, head.from),
				text: text.length ? text.join('\n') : null,
				msgSeq: (answer.result.MsgSeq as number) ?? null,
				random: head.random,
				call: c + 1,
				itemsInCall: call.length,
				elements: (body.MsgBody as unknown[]).length,
				requestId: requestIdOf(answer),
			};
			return call.map(() => ({ ...json }));
		},
	}),
});
