import { defineResource } from '../../../../shared/engine/defineOperation';
import { getExtensions, setExtensions } from './extensions.operation';
import { getHistory } from './getHistory.operation';
import { importMessage } from './importMessage.operation';
import { markRead } from './markRead.operation';
import { modify } from './modify.operation';
import { recall } from './recall.operation';
import { sendToUser } from './sendToUser.operation';
import { sendToUsers } from './sendToUsers.operation';

export const { description, operations } = defineResource('message', 'sendToUser', [
	recall,
	sendToUser,
	sendToUsers,
	importMessage,
	modify,
	getHistory,
	markRead,
	getExtensions,
	setExtensions,
]);
