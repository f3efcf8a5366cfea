import { defineResource } from '../../../../shared/engine/defineOperation';
import { update } from './update.operation';

export const { description, operations } = defineResource('userTag', 'update', [update]);
