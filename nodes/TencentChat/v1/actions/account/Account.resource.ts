import type { INodeProperties } from 'n8n-workflow';
import * as check from './check.operation';
import * as deleteAccount from './delete.operation';
import * as importAccount from './import.operation';
import * as importMany from './importMany.operation';
import * as queryOnlineStatus from './queryOnlineStatus.operation';

export { check, deleteAccount, importAccount, importMany, queryOnlineStatus };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['account'] } },
		options: [
			{
				name: 'Check',
				value: 'check',
				description: 'Check whether users are imported, up to 100 users per call (account_check)',
				action: 'Check accounts',
			},
			{
				name: 'Delete',
				value: 'delete',
				description: 'Delete accounts irreversibly, up to 100 users per call (account_delete)',
				action: 'Delete accounts',
			},
			{
				name: 'Import',
				value: 'import',
				description: 'Import one account with nickname and avatar (account_import)',
				action: 'Import an account',
			},
			{
				name: 'Import Many',
				value: 'importMany',
				description: 'Import accounts, up to 100 users per call (multiaccount_import)',
				action: 'Import many accounts',
			},
			{
				name: 'Query Online Status',
				value: 'queryOnlineStatus',
				description: 'Get whether users are online, up to 500 users per call (query_online_status)',
				action: 'Query online status of accounts',
			},
		],
		default: 'import',
	},
	...check.description,
	...deleteAccount.description,
	...importAccount.description,
	...importMany.description,
	...queryOnlineStatus.description,
];
