import { defineResource } from '../../../../shared/engine/defineOperation';
import { add } from './add.operation';
import { get } from './get.operation';
import { remove } from './remove.operation';
import { removeAll } from './removeAll.operation';

export const { description, operations } = defineResource('userTag', 'get', [add, get, remove, removeAll]);
