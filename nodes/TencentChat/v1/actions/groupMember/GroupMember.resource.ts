import type { INodeProperties } from 'n8n-workflow';
import * as add from './add.operation';
import * as deleteMembers from './delete.operation';
import * as getOnlineCount from './getOnlineCount.operation';

export { add, deleteMembers, getOnlineCount };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['groupMember'] } },
		options: [
			{
				name: 'Add',
				value: 'add',
				description: 'Add users to a group, in calls of 20 by default (add_group_member)',
				action: 'Add group members',
			},
			{
				name: 'Delete',
				value: 'delete',
				description: 'Remove members from a group, in calls of 100 (delete_group_member)',
				action: 'Delete group members',
			},
			{
				name: 'Get Online Count',
				value: 'getOnlineCount',
				description: 'Get the number of members online in a group (get_online_member_num)',
				action: 'Get the online member count of a group',
			},
		],
		default: 'add',
	},
	...add.description,
	...deleteMembers.description,
	...getOnlineCount.description,
];
