import type { INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';
import * as account from './account/Account.resource';
import * as appData from './appData/AppData.resource';
import * as blocklist from './blocklist/Blocklist.resource';
import * as chatbot from './chatbot/Chatbot.resource';
import * as friend from './friend/Friend.resource';
import * as friendList from './friendList/FriendList.resource';
import * as globalMute from './globalMute/GlobalMute.resource';
import * as group from './group/Group.resource';
import * as groupMember from './groupMember/GroupMember.resource';
import * as message from './message/Message.resource';
import * as profile from './profile/Profile.resource';
import * as push from './push/Push.resource';
import * as userAttribute from './userAttribute/UserAttribute.resource';
import * as userTag from './userTag/UserTag.resource';

/** Everything of version 1 except its identity (name, icon, subtitle), which TencentChatV1 declares. */
export const versionDescription: Omit<INodeTypeDescription, 'displayName' | 'name' | 'description' | 'group'> = {
	version: 1,
	defaults: { name: 'Tencent Chat' },
	inputs: [NodeConnectionTypes.Main],
	outputs: [NodeConnectionTypes.Main],
	credentials: [{ name: 'tencentChatApi', required: true }],
	properties: [
		{
			displayName: 'Resource',
			name: 'resource',
			type: 'options',
			noDataExpression: true,
			options: [
				{ name: 'Account', value: 'account', description: 'Import, check and delete users; query their online status' },
				{ name: 'App Data', value: 'appData', description: 'App usage data, message log downloads, server IP addresses (Operations Management)' },
				{ name: 'Blocklist', value: 'blocklist', description: 'Block and unblock users for a user; list and check blocklists' },
				{ name: 'Chatbot', value: 'chatbot', description: 'Create, list and delete chatbot accounts' },
				{ name: 'Friend', value: 'friend', description: 'Add, import, update, check, list and delete friends of a user' },
				{ name: 'Friend List', value: 'friendList', description: 'Create, delete and read the friend lists of a user' },
				{ name: 'Global Mute', value: 'globalMute', description: 'Mute users app-wide for one-to-one and group messages' },
				{ name: 'Group', value: 'group', description: 'Create, destroy and list groups; group messages, broadcasts, recalls' },
				{ name: 'Group Member', value: 'groupMember', description: 'Add and remove group members; count online members' },
				{ name: 'Message', value: 'message', description: 'One-to-one messages to one or many users' },
								{ name: 'Profile', value: 'profile', description: 'Get and set user profile fields' },
				{ name: 'Push', value: 'push', description: 'Push to all users, or by tags or attributes' },
				{ name: 'User Attribute', value: 'userAttribute', description: 'Push attributes of users' },
				{ name: 'User Tag', value: 'userTag', description: 'Push tags of users' },
			],
			default: 'message',
		},
		...account.description,
		...appData.description,
		...blocklist.description,
		...chatbot.description,
		...friend.description,
		...friendList.description,
		...globalMute.description,
		...group.description,
		...groupMember.description,
		...message.description,
		...profile.description,
		...push.description,
		...userAttribute.description,
		...userTag.description,
	],
};
