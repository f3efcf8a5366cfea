import { defineResource } from '../../../../shared/engine/defineOperation';
import { importMessage } from './importMessage.operation';
import { recall } from './recall.operation';
import { sendToUser } from './sendToUser.operation';
import { sendToUsers } from './sendToUsers.operation';

export const { description, operations } = defineResource('message', 'sendToUser', [recall, sendToUser, sendToUsers, importMessage]);
