import { defineResource } from '../../../../shared/engine/defineOperation';
import { create, importTopic } from './create.operation';
import { deleteTopics } from './delete.operation';
import { get } from './get.operation';
import { update } from './update.operation';

export const { description, operations } = defineResource('communityTopic', 'get', [create, deleteTopics, get, importTopic, update]);
