import { defineResource } from '../../../../shared/engine/defineOperation';
import { add } from './add.operation';
import { deleteMembers } from './delete.operation';
import { getOnlineCount } from './getOnlineCount.operation';

export const { description, operations } = defineResource('groupMember', 'add', [add, deleteMembers, getOnlineCount]);
