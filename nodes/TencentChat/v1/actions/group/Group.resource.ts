import { defineResource } from '../../../../shared/engine/defineOperation';
import { contractOperation } from '../../helpers/common';
import * as broadcastToAvGroups from './broadcastToAvGroups.operation';
import { create } from './create.operation';
import { deleteMessagesBySender } from './deleteMessagesBySender.operation';
import { destroy } from './destroy.operation';
import { getMessages } from './getMessages.operation';
import { importMessages } from './importMessages.operation';
import * as listAll from './listAll.operation';
import { getMessageExtensions, setMessageExtensions } from './messageExtensions.operation';
import { modifyMessage } from './modifyMessage.operation';
import { getReadReceiptDetails, getReadReceipts } from './readReceipts.operation';
import { recallMessages } from './recallMessages.operation';
import * as sendMessage from './sendMessage.operation';
import { sendSystemNotification } from './sendSystemNotification.operation';
import { changeOwner } from './changeOwner.operation';
import { get } from './get.operation';
import { getJoined } from './getJoined.operation';
import { importGroup } from './import.operation';
import { update } from './update.operation';

export const { description, operations } = defineResource('group', 'sendMessage', [
	contractOperation(
		{
			name: 'Broadcast to All Audio-Video Groups',
			value: 'broadcastToAvGroups',
			description: 'Send one message into every audio-video group (AVChatRoom) of the app (send_broadcast_msg)',
			action: 'Broadcast to all audio video groups',
		},
		broadcastToAvGroups,
	),
	create,
	destroy,
	contractOperation({ name: 'List All', value: 'listAll', description: 'List the IDs of all groups of the app, page by page (get_appid_group_list)', action: 'List all groups' }, listAll),
	recallMessages,
	contractOperation({ name: 'Send Message', value: 'sendMessage', description: 'Send a message into a group (send_group_msg)', action: 'Send a group message' }, sendMessage),
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
