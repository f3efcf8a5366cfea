import { defineResource } from '../../../../shared/engine/defineOperation';
import { broadcastToAvGroups } from './broadcastToAvGroups.operation';
import { create } from './create.operation';
import { deleteMessagesBySender } from './deleteMessagesBySender.operation';
import { destroy } from './destroy.operation';
import { getMessages } from './getMessages.operation';
import { importMessages } from './importMessages.operation';
import { listAll } from './listAll.operation';
import { getMessageExtensions, setMessageExtensions } from './messageExtensions.operation';
import { modifyMessage } from './modifyMessage.operation';
import { getReadReceiptDetails, getReadReceipts } from './readReceipts.operation';
import { recallMessages } from './recallMessages.operation';
import { sendMessage } from './sendMessage.operation';
import { sendSystemNotification } from './sendSystemNotification.operation';
import { changeOwner } from './changeOwner.operation';
import { get } from './get.operation';
import { getJoined } from './getJoined.operation';
import { importGroup } from './import.operation';
import { update } from './update.operation';

export const { description, operations } = defineResource('group', 'sendMessage', [
	broadcastToAvGroups,
	create,
	destroy,
	listAll,
	recallMessages,
	sendMessage,
	sendSystemNotification,
	importMessages,
	modifyMessage,
	getMessages,
	deleteMessagesBySender,
	getReadReceipts,
	getReadReceiptDetails,
	getMessageExtensions,
	setMessageExtensions,
	changeOwner,
	get,
	getJoined,
	importGroup,
	update,
]);
