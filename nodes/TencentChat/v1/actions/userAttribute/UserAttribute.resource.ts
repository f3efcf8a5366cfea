import type { INodeProperties } from 'n8n-workflow';
import * as get from './get.operation';
import * as remove from './remove.operation';
import * as set from './set.operation';

export { get, remove, set };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['userAttribute'] } },
		options: [
			{
				name: 'Get',
				value: 'get',
				description: 'Get users’ push attributes, up to 100 users per call (im_get_attr)',
				action: 'Get user attributes',
			},
			{
				name: 'Remove',
				value: 'remove',
				description: 'Remove push attributes from users (im_remove_attr)',
				action: 'Remove user attributes',
			},
			{
				name: 'Set',
				value: 'set',
				description: 'Set users’ push attribute values (im_set_attr)',
				action: 'Set user attributes',
			},
		],
		default: 'get',
	},
	...get.description,
	...remove.description,
	...set.description,
];
