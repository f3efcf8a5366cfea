import type { INodeProperties } from 'n8n-workflow';
import * as update from './update.operation';

export { update };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['userTag'] } },
		options: [
			{
				name: 'Update',
				value: 'update',
				description: 'Set or delete tags of registered users, many items per call (BatchUpdateUserTags)',
				action: 'Update user tags',
			},
		],
		default: 'update',
	},
	...update.description,
];
