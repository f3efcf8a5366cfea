import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { z } from 'zod';
import { planBatches } from '../../../../shared/batching';
import { toNodeError } from '../../../../shared/errors';
import { readOption, readParam } from '../../../../shared/params';
import type { ItemResult, PreparedItem } from '../../../../shared/router';
import { tencentApiRequest } from '../../../transport/request';
import { drawUint32, fromAccountField, optionalUint32, optionalUserId, randomOption } from '../../helpers/fields';
import { MAX_MESSAGE_BYTES, messageBytes, type MsgElement } from '../../../transport/msgBody';
import { messageFields, messageOptionsField } from '../../descriptions/message.description';
import { readMessage } from '../../helpers/readMessage';
import { collection } from '../../../../shared/rules';

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
		{
			displayName: 'Merge Items',
			name: 'merge',
			type: 'boolean',
			default: false,
			description:
				'Whether to combine the messages of consecutive items into one broadcast (several elements in one MsgBody, up to 12,000 bytes and one custom element per call) — far fewer calls at 1 call per second',
		},
		randomOption('random', 'Random', 'De-duplication value: the same content with the same Random within 5 minutes is dropped by Tencent.'),
	]),
	messageOptionsField('broadcast'),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['group'], operation: ['broadcastToAvGroups'] } },
	properties,
);

export interface BroadcastPlan {
	from?: string;
	msgBody: MsgElement[];
	cloudCustomData?: string;
	random: number;
	merge: boolean;
}

export async function prepare(this: IExecuteFunctions, i: number): Promise<BroadcastPlan> {
	const from = readParam(this, 'fromAccount', i, optionalUserId, 'Sender User ID', '');
	const msg = readMessage(this, i, 'broadcast');
	const random = readOption(this, 'options', 'random', i, optionalUint32, 'Random', '') ?? drawUint32();
	const merge = readOption(this, 'options', 'merge', i, z.boolean(), 'Merge Items', false);
	return { from, msgBody: msg.MsgBody, cloudCustomData: msg.CloudCustomData, random, merge };
}

const customCount = (b: MsgElement[]) => b.filter((e) => e.MsgType === 'TIMCustomElem').length;

/** Items that may travel in one call: same sender and cloud data, ≤ one custom element, ≤ 12,000 bytes. */
export function planBroadcasts(items: Array<PreparedItem<BroadcastPlan>>): Array<Array<PreparedItem<BroadcastPlan>>> {
	const calls: Array<Array<PreparedItem<BroadcastPlan>>> = [];
	for (const group of planBatches(items, {
		max: () => Number.MAX_SAFE_INTEGER,
		compatible: (a, b) => a.plan.merge && b.plan.merge && a.plan.from === b.plan.from && a.plan.cloudCustomData === b.plan.cloudCustomData,
	})) {
		let current: Array<PreparedItem<BroadcastPlan>> = [];
		let body: MsgElement[] = [];
		for (const item of group) {
			const next = [...body, ...item.plan.msgBody];
			const fits = current.length === 0 || (customCount(next) <= 1 && messageBytes({ MsgBody: next, CloudCustomData: item.plan.cloudCustomData }) <= MAX_MESSAGE_BYTES);
			if (!fits) {
				calls.push(current);
				current = [];
				body = [];
			}
			current.push(item);
			body = [...body, ...item.plan.msgBody];
		}
		if (current.length) calls.push(current);
	}
	return calls;
}

export async function executeBatch(this: IExecuteFunctions, items: Array<PreparedItem<BroadcastPlan>>): Promise<Map<number, ItemResult | Error>> {
	const out = new Map<number, ItemResult | Error>();
	const calls = planBroadcasts(items);
	for (let c = 0; c < calls.length; c++) {
		const call = calls[c];
		const head = call[0].plan;
		// The call's Random is the first item's: fixed before the first attempt, so a retry stays a duplicate.
		const body: Record<string, unknown> = { Random: head.random, MsgBody: call.flatMap((x) => x.plan.msgBody) };
		if (head.from) body.From_Account = head.from;
		if (head.cloudCustomData !== undefined) body.CloudCustomData = head.cloudCustomData;
		try {
			const res = await tencentApiRequest.call(this, 'group_open_http_svc/send_broadcast_msg', body, {
				itemIndex: call[0].itemIndex,
				idempotent: true, // same content + same Random within 5 min is dropped (§4.6)
			});
			for (const { itemIndex } of call) {
				const json: IDataObject = {
					status: 'sent',
					msgSeq: (res.MsgSeq as number) ?? null,
					random: head.random,
					call: c + 1,
					itemsInCall: call.length,
					elements: (body.MsgBody as unknown[]).length,
					requestId: (res.RequestId as string) ?? null,
				};
				out.set(itemIndex, json);
			}
		} catch (error) {
			if (!this.continueOnFail()) throw toNodeError(this.getNode(), error, call[0].itemIndex);
			for (const { itemIndex } of call) out.set(itemIndex, error as Error);
		}
	}
	return out;
}
