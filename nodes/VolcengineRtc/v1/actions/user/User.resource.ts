import type { INodeProperties } from 'n8n-workflow';
import * as get from './get.operation';
import * as getOnlineStatus from './getOnlineStatus.operation';
import * as register from './register.operation';
import * as unregister from './unregister.operation';
import * as update from './update.operation';

export { get, getOnlineStatus, register, unregister, update };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['user'] } },
		options: [
			{
				name: 'Get',
				value: 'get',
				description: 'Read the profile of registered users, many items per call (BatchGetUser)',
				action: 'Get a user',
			},
			{
				name: 'Get Online Status',
				value: 'getOnlineStatus',
				description: 'Whether users are connected, with their connections, many items per call (QueryOnlineStatus)',
				action: 'Get the online status of a user',
			},
			{
				name: 'Register',
				value: 'register',
				description: 'Register users with the IM service, many items per call (RegisterUsers)',
				action: 'Register a user',
			},
			{
				name: 'Unregister',
				value: 'unregister',
				description: 'Remove users from the IM service, many items per call (UnRegisterUsers)',
				action: 'Unregister a user',
			},
			{
				name: 'Update',
				value: 'update',
				description: 'Change the profile of registered users, many items per call (BatchUpdateUser)',
				action: 'Update a user',
			},
		],
		default: 'get',
	},
	...get.description,
	...getOnlineStatus.description,
	...register.description,
	...unregister.description,
	...update.description,
];
