import type { OperationMap } from '../../../shared/router';
import * as conversation from './conversation/Conversation.resource';
import * as message from './message/Message.resource';
import * as room from './room/Room.resource';
import * as user from './user/User.resource';
import * as userTag from './userTag/UserTag.resource';

/** Resource → operation map: the router looks every (resource, operation) pair up here. */
export const operations = {
	conversation: {
		deleteMessage: conversation.deleteMessage,
		getManyMessages: conversation.getManyMessages,
		getMessages: conversation.getMessages,
		updateMessage: conversation.updateMessage,
	},
	message: {
		broadcast: message.broadcast,
		recall: message.recall,
		sendToConversation: message.sendToConversation,
		sendToGroups: message.sendToGroups,
		sendToUsers: message.sendToUsers,
	},
	room: {
		broadcast: room.broadcast,
		sendToUser: room.sendToUser,
		sendToUserInRoom: room.sendToUserInRoom,
		sendToUsersInRoom: room.sendToUsersInRoom,
	},
	user: {
		get: user.get,
		getOnlineStatus: user.getOnlineStatus,
		register: user.register,
		unregister: user.unregister,
		update: user.update,
	},
	userTag: { update: userTag.update },
} satisfies OperationMap;

export type VolcengineRtcResource = keyof typeof operations;
