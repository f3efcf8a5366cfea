import type { INodeProperties } from 'n8n-workflow';
import * as deleteMessage from './deleteMessage.operation';
import * as getManyMessages from './getManyMessages.operation';
import * as getMessages from './getMessages.operation';
import * as updateMessage from './updateMessage.operation';

export { deleteMessage, getManyMessages, getMessages, updateMessage };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['conversation'] } },
		options: [
			{
				name: 'Delete Message',
				value: 'deleteMessage',
				description: 'Delete a message for one member or for everyone (DeleteMessage, DeleteConversationMessage)',
				action: 'Delete a message in a conversation',
			},
			{
				name: 'Get Many Messages',
				value: 'getManyMessages',
				description: 'Page through the messages of a conversation (GetConversationMessages)',
				action: 'Get many messages of a conversation',
			},
			{
				name: 'Get Messages by ID',
				value: 'getMessages',
				description: 'Read messages of a conversation by their IDs (GetMessages)',
				action: 'Get messages of a conversation by ID',
			},
			{
				name: 'Update Message',
				value: 'updateMessage',
				description: 'Change the content or Ext of a message (ModifyMessage)',
				action: 'Update a message in a conversation',
			},
		],
		default: 'getManyMessages',
	},
	...deleteMessage.description,
	...getManyMessages.description,
	...getMessages.description,
	...updateMessage.description,
];
