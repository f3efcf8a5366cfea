import { defineResource } from '../../../../shared/engine/defineOperation';
import { add } from './add.operation';
import { deleteLists } from './delete.operation';
import { get } from './get.operation';

export const { description, operations } = defineResource('friendList', 'get', [add, deleteLists, get]);
