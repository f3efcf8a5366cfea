import type { INodeProperties } from 'n8n-workflow';
import * as get from './get.operation';
import * as set from './set.operation';

export { get, set };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['globalMute'] } },
		options: [
			{
				name: 'Get',
				value: 'get',
				description: 'Get how long a user is still muted app-wide (getnospeaking)',
				action: 'Get the global mute of a user',
			},
			{
				name: 'Set',
				value: 'set',
				description: 'Mute or unmute a user app-wide for one-to-one and/or group messages (setnospeaking)',
				action: 'Set the global mute of a user',
			},
		],
		default: 'get',
	},
	...get.description,
	...set.description,
];
