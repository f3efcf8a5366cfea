import type { INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';
import * as account from './account/Account.resource';
import * as conversation from './conversation/Conversation.resource';
import * as communityTopic from './communityTopic/CommunityTopic.resource';
import * as globalMute from './globalMute/GlobalMute.resource';
import * as group from './group/Group.resource';
import * as groupMember from './groupMember/GroupMember.resource';
import * as groupCounter from './groupCounter/GroupCounter.resource';
import * as liveGroup from './liveGroup/LiveGroup.resource';
import * as groupAttribute from './groupAttribute/GroupAttribute.resource';
import * as message from './message/Message.resource';
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
				{ name: 'Community Topic', value: 'communityTopic', description: 'Topics of a community: create, import, get, update, delete' },
				{ name: 'Conversation', value: 'conversation', description: 'Conversation lists, unread counts, conversation groups and marks' },
				{ name: 'Global Mute', value: 'globalMute', description: 'Mute users app-wide for one-to-one and group messages' },
				{ name: 'Group', value: 'group', description: 'Create, destroy and list groups; group messages, broadcasts, recalls' },
				{ name: 'Group Attribute', value: 'groupAttribute', description: 'Custom attributes of a group: get, set, replace, delete, clear' },
				{ name: 'Group Counter', value: 'groupCounter', description: 'Numeric counters of a group: get, set, increase, decrease, delete' },
				{ name: 'Group Member', value: 'groupMember', description: 'Add and remove group members; count online members' },
				{ name: 'Live Group', value: 'liveGroup', description: 'Audio-video groups (AVChatRoom): online members and their marks' },
				{ name: 'Message', value: 'message', description: 'One-to-one messages to one or many users' },
				{ name: 'Push', value: 'push', description: 'Push to all users, or by tags or attributes' },
				{ name: 'User Attribute', value: 'userAttribute', description: 'Name/value attributes of users that pushes can target' },
				{ name: 'User Tag', value: 'userTag', description: 'Tags of users that pushes can target' },
			],
			default: 'message',
		},
		...account.description,
		...conversation.description,
		...communityTopic.description,
		...globalMute.description,
		...group.description,
		...groupMember.description,
		...groupCounter.description,
		...liveGroup.description,
		...groupAttribute.description,
		...message.description,
		...push.description,
		...userAttribute.description,
		...userTag.description,
	],
};
