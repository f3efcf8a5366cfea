import { defineResource } from '../../../../shared/engine/defineOperation';
import { deleteCounters } from './delete.operation';
import { get } from './get.operation';
import { update } from './update.operation';

export const { description, operations } = defineResource('groupCounter', 'get', [get, update, deleteCounters]);
