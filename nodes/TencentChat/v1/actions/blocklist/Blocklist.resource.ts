import { defineResource } from '../../../../shared/engine/defineOperation';
import { add } from './add.operation';
import { check } from './check.operation';
import { deleteBlocked } from './delete.operation';
import { getMany } from './getMany.operation';

export const { description, operations } = defineResource('blocklist', 'add', [add, deleteBlocked, getMany, check]);
