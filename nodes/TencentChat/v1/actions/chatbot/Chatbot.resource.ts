import { defineResource } from '../../../../shared/engine/defineOperation';
import { create } from './create.operation';
import { deleteChatbot } from './delete.operation';
import { getMany } from './getMany.operation';

export const { description, operations } = defineResource('chatbot', 'getMany', [create, deleteChatbot, getMany]);
