import { defineVersion, type ResourceEntry } from '../../../shared/engine/defineNode';
import * as conversation from './conversation/Conversation.resource';
import * as message from './message/Message.resource';
import * as room from './room/Room.resource';
import * as user from './user/User.resource';
import * as userTag from './userTag/UserTag.resource';

/** The Resource selector, in this order; each entry brings its resource's fields. */
export const resources: ResourceEntry[] = [
	{ name: 'Conversation', value: 'conversation', description: 'Read, change and delete the messages of a conversation', resource: conversation },
	{ name: 'Message', value: 'message', description: 'Send, broadcast and recall messages', resource: message },
	{ name: 'Room', value: 'room', description: 'Real-time signalling to users in an RTC room or logged in outside one (uses the RTC App ID)', resource: room },
	{ name: 'User', value: 'user', description: 'Register, read, update and unregister IM users; online status', resource: user },
	{ name: 'User Tag', value: 'userTag', description: 'Tags of registered users, used to target broadcasts', resource: userTag },
];

/** Everything of version 1 except its identity (name, icon, subtitle), which VolcengineRtcV1 declares. */
export const versionDescription = defineVersion({ version: 1, defaultName: 'Volcengine RTC', credential: 'volcengineRtcApi', defaultResource: 'message', resources });
