import { defineResource } from '../../../../shared/engine/defineOperation';
import { broadcast } from './broadcast.operation';
import { sendToUser } from './sendToUser.operation';
import { sendToUserInRoom } from './sendToUserInRoom.operation';
import { sendToUsersInRoom } from './sendToUsersInRoom.operation';

export const { description, operations } = defineResource('room', 'broadcast', [broadcast, sendToUser, sendToUserInRoom, sendToUsersInRoom]);
