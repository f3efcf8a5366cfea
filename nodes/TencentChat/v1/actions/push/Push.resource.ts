import { defineResource } from '../../../../shared/engine/defineOperation';
import { getAttributeNames } from './getAttributeNames.operation';
import { pushToAll } from './pushToAll.operation';
import { setAttributeNames } from './setAttributeNames.operation';

export const { description, operations } = defineResource('push', 'pushToAll', [getAttributeNames, pushToAll, setAttributeNames]);
