import type { INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';
import * as blocklist from './blocklist/Blocklist.resource';
import * as conversation from './conversation/Conversation.resource';
import * as friend from './friend/Friend.resource';
import * as message from './message/Message.resource';
import * as room from './room/Room.resource';
import * as user from './user/User.resource';
import * as userTag from './userTag/UserTag.resource';

/** Everything of version 1 except its identity (name, icon, subtitle), which VolcengineRtcV1 declares. */
export const versionDescription: Omit<INodeTypeDescription, 'displayName' | 'name' | 'description' | 'group'> = {
	version: [1, 1.1],
	defaults: { name: 'Volcengine RTC' },
	inputs: [NodeConnectionTypes.Main],
	outputs: [NodeConnectionTypes.Main],
	credentials: [{ name: 'volcengineRtcApi', required: true }],
	properties: [
		{
			displayName: 'Resource',
			name: 'resource',
			type: 'options',
			noDataExpression: true,
			options: [
				{ name: 'Blocklist', value: 'blocklist', description: "A user's blocklist (blacklist): add, remove, check and list blocked users" },
				{ name: 'Conversation', value: 'conversation', description: 'Create, read and manage conversations, member settings and messages' },
				{ name: 'Friend', value: 'friend', description: 'Friendships between users: add, remove, update, check and list friends' },
				{ name: 'Message', value: 'message', description: 'Send, broadcast and recall messages' },
				{
					name: 'Room',
					value: 'room',
					description: 'Real-time signalling to users in an RTC room or logged in outside one (uses the RTC App ID)',
				},
				{ name: 'User', value: 'user', description: 'Register, read, update and unregister IM users; online status; app tokens' },
				{ name: 'User Tag', value: 'userTag', description: 'Tags of registered users, used to target broadcasts' },
			],
			default: 'message',
		},
		...conversation.description,
		...blocklist.description,
		...friend.description,
		...message.description,
		...room.description,
		...user.description,
		...userTag.description,
	],
};
