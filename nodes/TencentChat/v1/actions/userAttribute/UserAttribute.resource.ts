import { defineResource } from '../../../../shared/engine/defineOperation';
import { get } from './get.operation';
import { remove } from './remove.operation';
import { set } from './set.operation';

export const { description, operations } = defineResource('userAttribute', 'get', [get, remove, set]);
