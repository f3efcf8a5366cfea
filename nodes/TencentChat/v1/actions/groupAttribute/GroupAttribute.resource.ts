import { defineResource } from '../../../../shared/engine/defineOperation';
import { clear, deleteAttributes } from './delete.operation';
import { get } from './get.operation';
import { replaceAll, set } from './set.operation';

export const { description, operations } = defineResource('groupAttribute', 'get', [get, set, replaceAll, deleteAttributes, clear]);
