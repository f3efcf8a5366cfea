import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, sleep, updateDisplayOptions } from 'n8n-workflow';
import { z } from 'zod';
import { readDeliveryOptions } from '../../../../shared/delivery';
import { readOption, readParam } from '../../../../shared/params';
import { GROUP_MESSAGES_PER_SECOND } from '../../../transport/limits';
import { tencentApiRequest } from '../../../transport/request';
import { drawUint32, fromAccountField, groupIdField, groupIdSchema, optionalUint32, optionalUserId, randomOption } from '../../helpers/fields';
import { messageFields, messageOptionsField } from '../../descriptions/message.description';
import { readMessage, type BuiltMessage } from '../../helpers/readMessage';
import { collection } from '../../../../shared/rules';

/**
 * send_group_msg — tencent-chat.md §4.4.
 *
 * An OK answer is not always a delivery: when the group is over its message rate Tencent answers
 * ErrorCode 0 with `MsgDropReason` (e.g. "MsgFreqCtrl") and discards the message
 * (cloud.tencent.com/document/product/269/1629 response fields; doocs/qcloud-im-server-sdk-java
 * SendGroupMsgResult.msgDropReason). Such an item is `dropped`, not `sent`. Live groups (AVChatRoom)
 * take about 40 messages/s per group and discard the rest (trtc.io/document/38173), so messages
 * are paced per GroupId (40/s by default) on top of the API's 200/s.
 */

const properties: INodeProperties[] = [
	groupIdField,
	fromAccountField,
	...messageFields,
	collection([
		{
			displayName: 'Messages per Second per Group',
			name: 'groupRate',
			type: 'number',
			default: 40,
			typeOptions: { minValue: 0, numberPrecision: 0 },
			description: 'Pace messages into one group to this rate. Live (audio-video, AVChatRoom) groups take about 40 per second and drop the rest. 0 = no per-group pacing.',
		},
		{
			displayName: 'Online Members Only',
			name: 'onlineOnly',
			type: 'boolean',
			default: false,
			description: 'Whether to deliver only to members online now, without storing the message (OnlineOnlyFlag; not for live audio-video groups (AVChatRoom), not with Send Control)',
		},
		{
			displayName: 'Priority',
			name: 'priority',
			type: 'options',
			default: '',
			options: [
				{ name: 'Default', value: '' },
				{ name: 'High', value: 'High' },
				{ name: 'Low', value: 'Low' },
				{ name: 'Lowest', value: 'Lowest' },
				{ name: 'Normal', value: 'Normal' },
			],
			description: 'Used when the group is over its message rate (MsgPriority)',
		},
		randomOption('random', 'Random', 'De-duplication value: a second message with the same Random within 5 minutes is dropped by Tencent.'),
		{
			displayName: 'Retry Dropped Messages',
			name: 'retryDropped',
			type: 'boolean',
			default: false,
			description:
				'Whether to send a message again, with back-off, when Tencent accepted the call but dropped the message (MsgDropReason, e.g. MsgFreqCtrl: the group was over its message rate). Up to Delivery → Max Attempts. Off: the item is reported as dropped.',
		},
		{ displayName: 'Topic ID', name: 'topicId', type: 'string', default: '', description: 'Topic of a topic-enabled Community group' },
	]),
	messageOptionsField('group'),
];

export const description = updateDisplayOptions({ show: { resource: ['group'], operation: ['sendMessage'] } }, properties);

export interface GroupSendPlan {
	body: Record<string, unknown>;
	groupRate?: number;
	retryDropped?: boolean;
}

export async function prepare(this: IExecuteFunctions, i: number): Promise<GroupSendPlan> {
	const groupId = readParam(this, 'groupId', i, groupIdSchema, 'Group ID');
	const from = readParam(this, 'fromAccount', i, optionalUserId, 'Sender User ID', '');
	const msg: BuiltMessage = readMessage(this, i, 'group');
	const random = readOption(this, 'options', 'random', i, optionalUint32, 'Random', '') ?? drawUint32();
	const onlineOnly = readOption(this, 'options', 'onlineOnly', i, z.boolean(), 'Online Members Only', false);
	const priority = readOption(this, 'options', 'priority', i, z.enum(['', 'High', 'Normal', 'Low', 'Lowest']), 'Priority', '');
	const topicId = readOption(this, 'options', 'topicId', i, z.string(), 'Topic ID', '');
	if (onlineOnly && msg.SendMsgControl) {
		throw new NodeOperationError(this.getNode(), `"Online Members Only" cannot be combined with "Send Control" (item ${i})`, { itemIndex: i });
	}
	const body: Record<string, unknown> = { GroupId: groupId, Random: random, ...msg };
	if (from) body.From_Account = from;
	if (priority) body.MsgPriority = priority;
	if (onlineOnly) body.OnlineOnlyFlag = 1;
	if (topicId) body.TopicId = topicId;
	const groupRate = readOption(this, 'options', 'groupRate', i, z.number().min(0), 'Messages per Second per Group', GROUP_MESSAGES_PER_SECOND.perSecond);
	const retryDropped = readOption(this, 'options', 'retryDropped', i, z.boolean(), 'Retry Dropped Messages', false);
	return { body, groupRate, retryDropped };
}

/** Back-off before sending a dropped message again: the group's rate window is one second. */
const dropBackoffMs = (n: number): number => Math.min(10000, 500 * 2 ** (n - 1)) + Math.random() * 250;

/** Messages into one group go out in input order. */
export function orderKey(plan: GroupSendPlan): string {
	return `group:${plan.body.GroupId as string}`;
}

export async function executeItem(this: IExecuteFunctions, plan: GroupSendPlan, i: number): Promise<IDataObject> {
	const groupId = plan.body.GroupId as string;
	const rate = plan.groupRate ?? GROUP_MESSAGES_PER_SECOND.perSecond;
	const delivery = readDeliveryOptions(this, i);
	const started = Date.now();
	for (let attempt = 1; ; attempt++) {
		const res = await tencentApiRequest.call(this, 'group_open_http_svc/send_group_msg', plan.body, {
			itemIndex: i,
			idempotent: true, // Random fixed per item: a repeat within 5 min is dropped (§3.4)
			pace: rate > 0 ? { key: groupId, quota: { perSecond: rate } } : undefined,
		});
		const dropReason = typeof res.MsgDropReason === 'string' && res.MsgDropReason !== '' ? res.MsgDropReason : undefined;
		const out: IDataObject = {
			status: dropReason ? 'dropped' : 'sent',
			groupId,
			msgSeq: (res.MsgSeq as number) ?? null,
			msgTime: (res.MsgTime as number) ?? null,
			random: plan.body.Random as number,
			requestId: (res.RequestId as string) ?? null,
		};
		if (!dropReason) {
			if (attempt > 1) out.attempts = attempt;
			return out;
		}
		out.msgDropReason = dropReason;
		out.attempts = attempt;
		// A dropped message was not stored, so sending it again (same Random) cannot duplicate it.
		const budgetLeft = attempt < delivery.maxAttempts && Date.now() - started < delivery.maxRetryMs;
		if (!plan.retryDropped || !budgetLeft) {
			out.error = `Tencent accepted the call but dropped the message (MsgDropReason ${dropReason})${plan.retryDropped ? ' on every attempt' : ''}; it was not delivered.`;
			return out;
		}
		await sleep(dropBackoffMs(attempt));
	}
}
