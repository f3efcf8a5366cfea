import { defineResource } from '../../../../shared/engine/defineOperation';
import { get } from './get.operation';
import { set } from './set.operation';

export const { description, operations } = defineResource('profile', 'get', [get, set]);
