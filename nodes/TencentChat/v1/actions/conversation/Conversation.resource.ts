import { defineResource } from '../../../../shared/engine/defineOperation';
import { deleteConversation } from './delete.operation';
import { getMany } from './getMany.operation';
import { createGroup, deleteGroup, updateGroup } from './groups.operation';
import { getAllMarks, getMarks, mark } from './marks.operation';
import { getUnreadCount, setGroupUnreadCount } from './unread.operation';

export const { description, operations } = defineResource('conversation', 'getMany', [
	getMany,
	deleteConversation,
	getUnreadCount,
	setGroupUnreadCount,
	createGroup,
	updateGroup,
	deleteGroup,
	mark,
	getMarks,
	getAllMarks,
]);
