import type { INodeProperties } from 'n8n-workflow';
import * as broadcast from './broadcast.operation';
import * as recall from './recall.operation';
import * as sendToConversation from './sendToConversation.operation';
import * as sendToGroups from './sendToGroups.operation';
import * as sendToUsers from './sendToUsers.operation';

export { broadcast, recall, sendToConversation, sendToGroups, sendToUsers };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['message'] } },
		options: [
			{
				name: 'Broadcast to Users',
				value: 'broadcast',
				description: 'Broadcast a message to all registered users or to users matching tags (UserBroadcast)',
				action: 'Broadcast a message to users',
			},
			{
				name: 'Recall',
				value: 'recall',
				description: 'Recall a message in a conversation (RecallMessage)',
				action: 'Recall a message',
			},
			{
				name: 'Send to Conversation',
				value: 'sendToConversation',
				description: 'Send a message into an existing conversation, safe to retry (SendMessage)',
				action: 'Send a message to a conversation',
			},
			{
				name: 'Send to Groups',
				value: 'sendToGroups',
				description: 'Send the same message into any number of group conversations (BatchSendGroupMessage)',
				action: 'Send a message to groups',
			},
			{
				name: 'Send to Users',
				value: 'sendToUsers',
				description: 'Send a one-to-one message from one sender to any number of users (BatchSendMessage)',
				action: 'Send a message to users',
			},
		],
		default: 'sendToUsers',
	},
	...broadcast.description,
	...recall.description,
	...sendToConversation.description,
	...sendToGroups.description,
	...sendToUsers.description,
];
