import { defineResource } from '../../../../shared/engine/defineOperation';
import { broadcast } from './broadcast.operation';
import { recall } from './recall.operation';
import { sendToConversation } from './sendToConversation.operation';
import { sendToGroups } from './sendToGroups.operation';
import { sendToUsers } from './sendToUsers.operation';

export const { description, operations } = defineResource('message', 'sendToUsers', [broadcast, recall, sendToConversation, sendToGroups, sendToUsers]);
