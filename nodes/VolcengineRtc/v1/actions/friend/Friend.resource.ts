import { defineResource } from '../../../../shared/engine/defineOperation';
import { add } from './add.operation';
import { check } from './check.operation';
import { getMany } from './getMany.operation';
import { remove } from './remove.operation';
import { update } from './update.operation';

export const { description, operations } = defineResource('friend', 'add', [add, check, getMany, remove, update]);
