import { defineResource } from '../../../../shared/engine/defineOperation';
import { deleteMessage } from './deleteMessage.operation';
import { getManyMessages } from './getManyMessages.operation';
import { getMessages } from './getMessages.operation';
import { updateMessage } from './updateMessage.operation';

export const { description, operations } = defineResource('conversation', 'getManyMessages', [deleteMessage, getManyMessages, getMessages, updateMessage]);
