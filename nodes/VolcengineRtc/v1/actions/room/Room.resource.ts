import type { INodeProperties } from 'n8n-workflow';
import * as broadcast from './broadcast.operation';
import * as sendToUser from './sendToUser.operation';
import * as sendToUserInRoom from './sendToUserInRoom.operation';
import * as sendToUsersInRoom from './sendToUsersInRoom.operation';

export { broadcast, sendToUser, sendToUserInRoom, sendToUsersInRoom };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['room'] } },
		options: [
			{
				name: 'Broadcast in Room',
				value: 'broadcast',
				description: 'Send a message to every user in an RTC room (SendBroadcast)',
				action: 'Broadcast a message in a room',
			},
			{
				name: 'Send to User in Room',
				value: 'sendToUserInRoom',
				description: 'Send a message to one user in an RTC room (SendRoomUnicast)',
				action: 'Send a message to a user in a room',
			},
			{
				name: 'Send to User Outside Room',
				value: 'sendToUser',
				description: 'Send a message to a user logged in outside any room (SendUnicast)',
				action: 'Send a message to a user outside a room',
			},
			{
				name: 'Send to Users in Room',
				value: 'sendToUsersInRoom',
				description: 'Send a message to any number of users in an RTC room (BatchSendRoomUnicast)',
				action: 'Send a message to users in a room',
			},
		],
		default: 'broadcast',
	},
	...broadcast.description,
	...sendToUser.description,
	...sendToUserInRoom.description,
	...sendToUsersInRoom.description,
];
