import type { INodeProperties } from 'n8n-workflow';
import * as broadcast from './broadcast.operation';
import * as sendToUsers from './sendToUsers.operation';

export { broadcast, sendToUsers };

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
				name: 'Send to Users',
				value: 'sendToUsers',
				description: 'Send a one-to-one message from one sender to any number of users (BatchSendMessage)',
				action: 'Send a message to users',
			},
		],
		default: 'sendToUsers',
	},
	...broadcast.description,
	...sendToUsers.description,
];
