import type { INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';
import * as conversation from './conversation/Conversation.resource';
import * as conversationAccess from './conversationAccess/ConversationAccess.resource';
import * as conversationMember from './conversationMember/ConversationMember.resource';
import * as message from './message/Message.resource';
import * as room from './room/Room.resource';
import * as user from './user/User.resource';
import * as userTag from './userTag/UserTag.resource';

/** Everything of version 1 except its identity (name, icon, subtitle), which VolcengineRtcV1 declares. */
export const versionDescription: Omit<INodeTypeDescription, 'displayName' | 'name' | 'description' | 'group'> = {
	version: 1,
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
				{ name: 'Conversation', value: 'conversation', description: 'Read, change and delete the messages of a conversation' },
				{
					name: 'Conversation Access',
					value: 'conversationAccess',
					description: 'Live groups: mute or ban users, and the allow list of who may post while everyone is muted',
				},
				{ name: 'Conversation Member', value: 'conversationMember', description: 'Add, read, change and remove the members of a conversation; admins; live group members' },
				{ name: 'Message', value: 'message', description: 'Send, broadcast and recall messages' },
				{
					name: 'Room',
					value: 'room',
					description:
						'Real-time signalling to users in an RTC room or outside one, and room control: remove or ban users, ban audio/video, dismiss a room (uses the RTC App ID)',
				},
				{ name: 'User', value: 'user', description: 'Register, read, update and unregister IM users; online status' },
				{ name: 'User Tag', value: 'userTag', description: 'Tags of registered users, used to target broadcasts' },
			],
			default: 'message',
		},
		...conversation.description,
		...conversationAccess.description,
		...conversationMember.description,
		...message.description,
		...room.description,
		...user.description,
		...userTag.description,
	],
};
