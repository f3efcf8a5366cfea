import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import { z } from 'zod';
import { readOption, readParam } from '../../../../shared/params';
import { tencentApiRequest } from '../../../transport/request';
import { drawUint32, fromAccountField, groupIdField, groupIdSchema, optionalUint32, optionalUserId, randomOption } from '../../helpers/fields';
import { messageFields, messageOptions, readMessage, type BuiltMessage } from '../../helpers/message';

/** send_group_msg — tencent-chat.md §4.4. */

const properties: INodeProperties[] = [
	groupIdField,
	fromAccountField,
	...messageFields,
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Online Members Only',
				name: 'onlineOnly',
				type: 'boolean',
				default: false,
				description: 'Whether to deliver only to members online now, without storing the message (OnlineOnlyFlag; not for AVChatRoom, not with Send Control)',
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
			{ displayName: 'Topic ID', name: 'topicId', type: 'string', default: '', description: 'Topic of a topic-enabled Community group' },
		],
	},
	{
		displayName: 'Message Options',
		name: 'messageOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: messageOptions('group'),
	},
];

export const description = updateDisplayOptions({ show: { resource: ['group'], operation: ['sendMessage'] } }, properties);

export interface GroupSendPlan {
	body: Record<string, unknown>;
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
	const body: Record<string, unknown> = { GroupId: groupId, Random: random, MsgBody: msg.MsgBody };
	if (from) body.From_Account = from;
	if (priority) body.MsgPriority = priority;
	if (onlineOnly) body.OnlineOnlyFlag = 1;
	if (msg.CloudCustomData !== undefined) body.CloudCustomData = msg.CloudCustomData;
	if (msg.OfflinePushInfo) body.OfflinePushInfo = msg.OfflinePushInfo;
	if (msg.SendMsgControl) body.SendMsgControl = msg.SendMsgControl;
	if (msg.ForbidCallbackControl) body.ForbidCallbackControl = msg.ForbidCallbackControl;
	if (topicId) body.TopicId = topicId;
	return { body };
}

/** Messages into one group go out in input order. */
export function orderKey(plan: GroupSendPlan): string {
	return `group:${plan.body.GroupId as string}`;
}

export async function executeItem(this: IExecuteFunctions, plan: GroupSendPlan, i: number): Promise<IDataObject> {
	const res = await tencentApiRequest.call(this, 'group_open_http_svc/send_group_msg', plan.body, {
		itemIndex: i,
		idempotent: true, // Random fixed per item: a repeat within 5 min is dropped (§3.4)
	});
	return {
		status: 'sent',
		groupId: plan.body.GroupId as string,
		msgSeq: (res.MsgSeq as number) ?? null,
		msgTime: (res.MsgTime as number) ?? null,
		random: plan.body.Random as number,
		requestId: (res.RequestId as string) ?? null,
	};
}
