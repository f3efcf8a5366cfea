import type { INodeProperties } from 'n8n-workflow';
import * as add from './add.operation';
import * as get from './get.operation';
import * as remove from './remove.operation';
import * as removeAll from './removeAll.operation';

export { add, get, remove, removeAll };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['userTag'] } },
		options: [
			{
				name: 'Add',
				value: 'add',
				description: 'Add tags to users, up to 100 users per call (im_add_tag)',
				action: 'Add user tags',
			},
			{
				name: 'Get',
				value: 'get',
				description: 'Get users’ tags (im_get_tag)',
				action: 'Get user tags',
			},
			{
				name: 'Remove',
				value: 'remove',
				description: 'Remove tags from users (im_remove_tag)',
				action: 'Remove user tags',
			},
			{
				name: 'Remove All',
				value: 'removeAll',
				description: 'Remove every tag of users (im_remove_all_tags)',
				action: 'Remove all user tags',
			},
		],
		default: 'get',
	},
	...add.description,
	...get.description,
	...remove.description,
	...removeAll.description,
];
