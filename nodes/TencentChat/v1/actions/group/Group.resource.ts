import { defineResource } from '../../../../shared/engine/defineOperation';
import { broadcastToAvGroups } from './broadcastToAvGroups.operation';
import { create } from './create.operation';
import { destroy } from './destroy.operation';
import { listAll } from './listAll.operation';
import { recallMessages } from './recallMessages.operation';
import { sendMessage } from './sendMessage.operation';
import { sendSystemNotification } from './sendSystemNotification.operation';

export const { description, operations } = defineResource('group', 'sendMessage', [
	broadcastToAvGroups,
	create,
	destroy,
	listAll,
	recallMessages,
	sendMessage,
	sendSystemNotification,
]);
