import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';
import { single } from '../../../../shared/engine/callShapes';
import { GROUP_MESSAGES_PER_SECOND } from '../../../transport/limits';
import { tencentApi } from '../../../transport/request';
import { requestIdOf, shownSender, tencentOperation } from '../../helpers/common';
import { drawUint32, fromAccountField, groupIdField, groupIdSchema, optionalUint32, optionalUserId, randomOption } from '../../helpers/fields';
import { messageFields, messageOptionsFields } from '../../descriptions/message.description';
import { readMessage, type BuiltMessage } from '../../helpers/readMessage';
import { collection, intInRange, numberField, booleanField, optionsField } from '../../../../shared/schemas';

/** The highest per-group pace the field takes (live groups take about 40 per second). */
const MAX_GROUP_RATE = 1000;

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
		numberField(
			'Messages per Second per Group',
			'groupRate',
			40,
			0,
			MAX_GROUP_RATE,
			'Pace messages into one group to this rate. Live (audio-video, AVChatRoom) groups take about 40 per second and drop the rest. 0 = no per-group pacing.',
		),
		booleanField(
			'Online Members Only',
			'onlineOnly',
			false,
			'Whether to deliver only to members online now, without storing the message (OnlineOnlyFlag; not for live audio-video groups (AVChatRoom), not with Send Control)',
		),
		optionsField('Priority', 'priority', '', [
			{ name: 'Default', value: '' },
			{ name: 'High', value: 'High' },
			{ name: 'Low', value: 'Low' },
			{ name: 'Lowest', value: 'Lowest' },
			{ name: 'Normal', value: 'Normal' },
		], 'Used when the group is over its message rate (MsgPriority)'),
		randomOption('random', 'De-duplication Number (Random)', 'De-duplication value: a second message with the same Random within 5 minutes is dropped by Tencent.'),
		booleanField(
			'Retry Dropped Messages',
			'retryDropped',
			false,
			'Whether to send a message again, with back-off, when Tencent accepted the call but dropped the message (MsgDropReason, e.g. MsgFreqCtrl: the group was over its message rate). Up to Delivery → Max Attempts. Off: the item is reported as dropped.',
		),
		{ displayName: 'Topic ID', name: 'topicId', type: 'string', default: '', description: 'Topic of a topic-enabled Community group' },
	]),
	...messageOptionsFields('group'),
];

interface GroupSendPlan {
	body: Record<string, unknown>;
	groupRate: number;
	retryDropped: boolean;
	/** Who the output says sent it (node version 1.1: the app admin when no sender is given). */
	shownFrom?: string | null;
}

/** Tencent accepted the call but discarded the message (MsgDropReason, e.g. MsgFreqCtrl). */
const dropReasonOf = (result: IDataObject): string | undefined =>
	typeof result.MsgDropReason === 'string' && result.MsgDropReason !== '' ? result.MsgDropReason : undefined;

export const sendMessage = tencentOperation<GroupSendPlan>({
	resource: 'group',
	operation: 'sendMessage',
	option: { name: 'Send Message', description: 'Send a message into a group (send_group_msg)', action: 'Send a group message' },
	doc: { api: '`group_open_http_svc/send_group_msg`', limits: 'Random fixed per item (de-dup window 5 min); priority, online-only, topic. Paced **40 messages/s per group** by default (*Messages per Second per Group*; live groups accept about that and discard the rest). An OK answer with `MsgDropReason` (e.g. `MsgFreqCtrl`) is **`dropped`**, not `sent`; *Retry Dropped Messages* resends with back-off.' },
	properties,
	read(r) {
		const groupId = r.param('groupId', groupIdSchema, 'Group ID');
		const from = r.param('fromAccount', optionalUserId, 'Sender User ID', '');
		const msg: BuiltMessage = readMessage(r.ctx, r.itemIndex, 'group');
		const random = r.option('options', 'random', optionalUint32, 'De-duplication Number (Random)', '') ?? drawUint32();
		const onlineOnly = r.option('options', 'onlineOnly', z.boolean(), 'Online Members Only', false);
		const priority = r.option('options', 'priority', z.enum(['', 'High', 'Normal', 'Low', 'Lowest']), 'Priority', '');
		const topicId = r.option('options', 'topicId', z.string(), 'Topic ID', '');
		if (onlineOnly && msg.SendMsgControl) r.fail(`"Online Members Only" cannot be combined with "Send Control" (item ${r.itemIndex})`);
		const body: Record<string, unknown> = { GroupId: groupId, Random: random, ...msg };
		if (from) body.From_Account = from;
		if (priority) body.MsgPriority = priority;
		if (onlineOnly) body.OnlineOnlyFlag = 1;
		if (topicId) body.TopicId = topicId;
		const groupRate = r.option('options', 'groupRate', intInRange(0, MAX_GROUP_RATE), 'Messages per Second per Group', GROUP_MESSAGES_PER_SECOND.perSecond);
		const retryDropped = r.option('options', 'retryDropped', z.boolean(), 'Retry Dropped Messages', false);
		return { body, groupRate, retryDropped };
	},
	// Messages into one group go out in input order.
	orderKey: (plan) => `group:${plan.body.GroupId as string}`,
	shape: single({
		before: async (plan, _send, ctx) => ({ ...plan, shownFrom: await shownSender(ctx, plan.body.From_Account as string | undefined) }),
		api: tencentApi('group_open_http_svc/send_group_msg', true), // Random fixed per item: a repeat within 5 min is dropped (§3.4)
		body: (plan) => plan.body,
		options: ({ body, groupRate }) => (groupRate > 0 ? { pace: { key: body.GroupId as string, quota: { perSecond: groupRate } } } : {}),
		// A dropped message was not stored, so sending it again (same Random) cannot duplicate it.
		again: (plan, answer) => plan.retryDropped && dropReasonOf(answer.result) !== undefined,
		output(plan, answer, attempts) {
			const dropReason = dropReasonOf(answer.result);
			const out: IDataObject = {
				status: dropReason ? 'dropped' : 'sent',
				groupId: plan.body.GroupId as string,
				from: plan.shownFrom ?? null,
				msgSeq: (answer.result.MsgSeq as number) ?? null,
				msgTime: (answer.result.MsgTime as number) ?? null,
				random: plan.body.Random as number,
				requestId: requestIdOf(answer),
			};
			if (!dropReason) {
				if (attempts > 1) out.attempts = attempts;
			} else {
				out.msgDropReason = dropReason;
				out.attempts = attempts;
				out.error = `Tencent accepted the call but dropped the message (MsgDropReason ${dropReason})${plan.retryDropped ? ' on every attempt' : ''}; it was not delivered.`;
			}
			return out;
		},
	}),
});
