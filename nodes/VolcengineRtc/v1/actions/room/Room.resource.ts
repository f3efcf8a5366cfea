import { defineResource } from '../../../../shared/engine/defineOperation';
import { banUser, updateBan } from './bans';
import { broadcast } from './broadcast.operation';
import { dismiss, removeUser } from './legacy';
import { sendToUser } from './sendToUser.operation';
import { sendToUserInRoom } from './sendToUserInRoom.operation';
import { sendToUsersInRoom } from './sendToUsersInRoom.operation';
import { banStream, limitPublishing, unbanStream } from './streams';

export const { description, operations } = defineResource('room', 'broadcast', [
	broadcast,
	sendToUser,
	sendToUserInRoom,
	sendToUsersInRoom,
	banUser,
	updateBan,
	removeUser,
	dismiss,
	banStream,
	unbanStream,
	limitPublishing,
]);
