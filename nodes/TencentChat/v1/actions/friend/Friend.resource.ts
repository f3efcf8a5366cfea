import { defineResource } from '../../../../shared/engine/defineOperation';
import { add } from './add.operation';
import { check } from './check.operation';
import { deleteFriend } from './delete.operation';
import { deleteAll } from './deleteAll.operation';
import { get } from './get.operation';
import { getMany } from './getMany.operation';
import { importFriend } from './import.operation';
import { update } from './update.operation';

export const { description, operations } = defineResource('friend', 'add', [add, importFriend, update, deleteFriend, deleteAll, check, get, getMany]);
