import type { INodeProperties } from 'n8n-workflow';
import * as broadcastToAvGroups from './broadcastToAvGroups.operation';
import * as create from './create.operation';
import * as destroy from './destroy.operation';
import * as listAll from './listAll.operation';
import * as recallMessages from './recallMessages.operation';
import * as sendMessage from './sendMessage.operation';
import * as sendSystemNotification from './sendSystemNotification.operation';

export { broadcastToAvGroups, create, destroy, listAll, recallMessages, sendMessage, sendSystemNotification };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['group'] } },
		options: [
			{
				name: 'Broadcast to All Audio-Video Groups',
				value: 'broadcastToAvGroups',
				description: 'Send one message into every audio-video group (AVChatRoom) of the app (send_broadcast_msg)',
				action: 'Broadcast to all audio video groups',
			},
			{
				name: 'Create',
				value: 'create',
				description: 'Create a group with optional custom ID, owner and initial members (create_group)',
				action: 'Create a group',
			},
			{
				name: 'Destroy',
				value: 'destroy',
				description: 'Dismiss a group irreversibly (destroy_group)',
				action: 'Destroy a group',
			},
			{
				name: 'List All',
				value: 'listAll',
				description: 'List the IDs of all groups of the app, page by page (get_appid_group_list)',
				action: 'List all groups',
			},
			{
				name: 'Recall Messages',
				value: 'recallMessages',
				description: 'Recall group messages by sequence number, in calls of 10 (group_msg_recall)',
				action: 'Recall group messages',
			},
			{
				name: 'Send Message',
				value: 'sendMessage',
				description: 'Send a message into a group (send_group_msg)',
				action: 'Send a group message',
			},
			{
				name: 'Send System Notification',
				value: 'sendSystemNotification',
				description: 'Send a system notification to group members (send_group_system_notification)',
				action: 'Send a group system notification',
			},
		],
		default: 'sendMessage',
	},
	...broadcastToAvGroups.description,
	...create.description,
	...destroy.description,
	...listAll.description,
	...recallMessages.description,
	...sendMessage.description,
	...sendSystemNotification.description,
];
