import type { INodeProperties } from 'n8n-workflow';
import * as recall from './recall.operation';
import * as sendToUser from './sendToUser.operation';
import * as sendToUsers from './sendToUsers.operation';

export { recall, sendToUser, sendToUsers };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['message'] } },
		options: [
			{
				name: 'Recall',
				value: 'recall',
				description: 'Recall a one-to-one message by its MsgKey (admin_msgwithdraw)',
				action: 'Recall a one to one message',
			},
			{
				name: 'Send to User',
				value: 'sendToUser',
				description: 'Send a one-to-one message (sendmsg)',
				action: 'Send a message to a user',
			},
			{
				name: 'Send to Users',
				value: 'sendToUsers',
				description: 'Send one message to any number of users, in calls of 500 (batchsendmsg)',
				action: 'Send a message to many users',
			},
		],
		default: 'sendToUser',
	},
	...recall.description,
	...sendToUser.description,
	...sendToUsers.description,
];
