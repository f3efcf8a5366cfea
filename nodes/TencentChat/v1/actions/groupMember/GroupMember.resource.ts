import { defineResource } from '../../../../shared/engine/defineOperation';
import { contractOperation } from '../../helpers/common';
import * as add from './add.operation';
import { deleteMembers } from './delete.operation';
import { getOnlineCount } from './getOnlineCount.operation';

export const { description, operations } = defineResource('groupMember', 'add', [
	contractOperation({ name: 'Add', value: 'add', description: 'Add users to a group, in calls of 20 by default (add_group_member)', action: 'Add group members' }, add),
	deleteMembers,
	getOnlineCount,
]);
