import { defineVersion, type ResourceEntry } from '../../../shared/engine/defineNode';
import * as blocklist from './blocklist/Blocklist.resource';
import * as conversation from './conversation/Conversation.resource';
import * as conversationAccess from './conversationAccess/ConversationAccess.resource';
import * as conversationMember from './conversationMember/ConversationMember.resource';
import * as friend from './friend/Friend.resource';
import * as message from './message/Message.resource';
import * as room from './room/Room.resource';
import * as user from './user/User.resource';
import * as userTag from './userTag/UserTag.resource';

/** The Resource selector, in this order; each entry brings its resource's fields. */
export const resources: ResourceEntry[] = [
	{ name: 'Blocklist', value: 'blocklist', description: "A user's blocklist (blacklist): add, remove, check and list blocked users", resource: blocklist },
	{ name: 'Conversation', value: 'conversation', description: 'Create, read and manage conversations, member settings and messages', resource: conversation },
	{ name: 'Conversation Access', value: 'conversationAccess', description: 'Live groups: mute or ban users, and the allow list of who may post while everyone is muted', resource: conversationAccess },
	{ name: 'Conversation Member', value: 'conversationMember', description: 'Add, read, change and remove the members of a conversation; admins; live group members', resource: conversationMember },
	{ name: 'Friend', value: 'friend', description: 'Friendships between users: add, remove, update, check and list friends', resource: friend },
	{ name: 'Message', value: 'message', description: 'Send, broadcast and recall messages', resource: message },
	{
		name: 'Room',
		value: 'room',
		description: 'Real-time signalling to users in an RTC room or outside one, and room control: remove or ban users, ban audio/video, dismiss a room (uses the RTC App ID)',
		resource: room,
	},
	{ name: 'User', value: 'user', description: 'Register, read, update and unregister IM users; online status; app tokens', resource: user },
	{ name: 'User Tag', value: 'userTag', description: 'Tags of registered users, used to target broadcasts', resource: userTag },
];

/** Everything of versions 1 and 1.1 (1.1: the message composer) except its identity, which VolcengineRtcV1 declares. */
export const versionDescription = defineVersion({ version: [1, 1.1], defaultName: 'Volcengine RTC', credential: 'volcengineRtcApi', defaultResource: 'message', resources });
