import { defineVersion, type ResourceEntry } from '../../../shared/engine/defineNode';
import * as account from './account/Account.resource';
import * as appData from './appData/AppData.resource';
import * as blocklist from './blocklist/Blocklist.resource';
import * as chatbot from './chatbot/Chatbot.resource';
import * as communityTopic from './communityTopic/CommunityTopic.resource';
import * as conversation from './conversation/Conversation.resource';
import * as friend from './friend/Friend.resource';
import * as friendList from './friendList/FriendList.resource';
import * as globalMute from './globalMute/GlobalMute.resource';
import * as group from './group/Group.resource';
import * as groupAttribute from './groupAttribute/GroupAttribute.resource';
import * as groupCounter from './groupCounter/GroupCounter.resource';
import * as groupMember from './groupMember/GroupMember.resource';
import * as liveGroup from './liveGroup/LiveGroup.resource';
import * as message from './message/Message.resource';
import * as profile from './profile/Profile.resource';
import * as push from './push/Push.resource';
import * as userAttribute from './userAttribute/UserAttribute.resource';
import * as userTag from './userTag/UserTag.resource';

/** The Resource selector, in this order; each entry brings its resource's fields. */
export const resources: ResourceEntry[] = [
	{ name: 'Account', value: 'account', description: 'Import, check and delete users; log them out; query their online status', resource: account },
	{ name: 'App Data', value: 'appData', description: 'App usage data, message log downloads, server IP addresses (Operations Management)', resource: appData },
	{ name: 'Blocklist', value: 'blocklist', description: 'Block and unblock users for a user; list and check blocklists', resource: blocklist },
	{ name: 'Chatbot', value: 'chatbot', description: 'Create, list and delete chatbot accounts', resource: chatbot },
	{ name: 'Community Topic', value: 'communityTopic', description: 'Topics of a community: create, import, get, update, delete', resource: communityTopic },
	{ name: 'Conversation', value: 'conversation', description: 'Conversation lists, unread counts, conversation groups and marks', resource: conversation },
	{ name: 'Friend', value: 'friend', description: 'Add, import, update, check, list and delete friends of a user', resource: friend },
	{ name: 'Friend List', value: 'friendList', description: 'Create, delete and read the friend lists of a user', resource: friendList },
	{ name: 'Global Mute', value: 'globalMute', description: 'Mute users app-wide for one-to-one and group messages', resource: globalMute },
	{ name: 'Group', value: 'group', description: 'Create, destroy and list groups; group messages, broadcasts, recalls', resource: group },
	{ name: 'Group Attribute', value: 'groupAttribute', description: 'Custom attributes of a group: get, set, replace, delete, clear', resource: groupAttribute },
	{ name: 'Group Counter', value: 'groupCounter', description: 'Numeric counters of a group: get, set, increase, decrease, delete', resource: groupCounter },
	{ name: 'Group Member', value: 'groupMember', description: 'Add, remove, mute and ban group members; member lists and roles', resource: groupMember },
	{ name: 'Live Group', value: 'liveGroup', description: 'Audio-video groups (AVChatRoom): online members and their marks', resource: liveGroup },
	{ name: 'Message', value: 'message', description: 'One-to-one messages to one or many users', resource: message },
	{ name: 'Profile', value: 'profile', description: 'Get and set user profile fields', resource: profile },
	{ name: 'Push', value: 'push', description: 'Push to all users, or by tags or attributes', resource: push },
	{ name: 'User Attribute', value: 'userAttribute', description: 'Name/value attributes of users that pushes can target', resource: userAttribute },
	{ name: 'User Tag', value: 'userTag', description: 'Tags of users that pushes can target', resource: userTag },
];

/**
 * Everything of versions 1 and 1.1 except their identity (name, icon, subtitle), which TencentChatV1
 * declares. 1.1: the shared output vocabulary (README → Outputs), and a send whose message takes a
 * single extra shows it as a plain field (Cloud Custom Data) or its own collection (Offline Push)
 * instead of a "Message Options" collection of one option. Version 1 keeps the field names of
 * 0.1.0 and that collection (saved workflows).
 */
export const versionDescription = defineVersion({ version: [1, 1.1], defaultName: 'Tencent Chat', credential: 'tencentChatApi', defaultResource: 'message', resources });
