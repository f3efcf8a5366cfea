import type { INodeProperties } from 'n8n-workflow';
import * as getAttributeNames from './getAttributeNames.operation';
import * as pushToAll from './pushToAll.operation';
import * as setAttributeNames from './setAttributeNames.operation';

export { getAttributeNames, pushToAll, setAttributeNames };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['push'] } },
		options: [
			{
				name: 'Get Attribute Names',
				value: 'getAttributeNames',
				description: 'Get the names of the app’s push attributes (im_get_attr_name)',
				action: 'Get push attribute names',
			},
			{
				name: 'Push to All Users',
				value: 'pushToAll',
				description: 'Push a message to all users, or to users matching tags or attributes (im_push)',
				action: 'Push a message to all users',
			},
			{
				name: 'Set Attribute Names',
				value: 'setAttributeNames',
				description: 'Name the app’s push attributes 0–9 (im_set_attr_name)',
				action: 'Set push attribute names',
			},
		],
		default: 'pushToAll',
	},
	...getAttributeNames.description,
	...pushToAll.description,
	...setAttributeNames.description,
];
