import type { OperationMap } from '../../../shared/router';
import * as blocklist from './blocklist/Blocklist.resource';
import * as conversation from './conversation/Conversation.resource';
import * as friend from './friend/Friend.resource';
import * as conversationAccess from './conversationAccess/ConversationAccess.resource';
import * as conversationMember from './conversationMember/ConversationMember.resource';
import * as message from './message/Message.resource';
import * as room from './room/Room.resource';
import * as user from './user/User.resource';
import * as userTag from './userTag/UserTag.resource';

/** Resource → operation map: the router looks every (resource, operation) pair up here. */
export const operations = {
	conversation: conversation.operations,
	blocklist: blocklist.operations,
	friend: friend.operations,
	conversationAccess: conversationAccess.operations,
	conversationMember: conversationMember.operations,
	message: message.operations,
	room: room.operations,
	user: user.operations,
	userTag: userTag.operations,
} satisfies OperationMap;

export type VolcengineRtcResource = keyof typeof operations;
