import { defineResource } from '../../../../shared/engine/defineOperation';
import { addToAllowList, removeFromAllowList } from './allowList';
import { getAllowList } from './getAllowList.operation';
import { getRestricted } from './getRestricted.operation';
import { liftRestriction } from './liftRestriction.operation';
import { restrict } from './restrict.operation';

export const { description, operations } = defineResource('conversationAccess', 'restrict', [
	addToAllowList,
	getAllowList,
	getRestricted,
	liftRestriction,
	removeFromAllowList,
	restrict,
]);
