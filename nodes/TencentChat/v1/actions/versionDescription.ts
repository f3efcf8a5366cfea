import { defineVersion, type ResourceEntry } from '../../../shared/engine/defineNode';
import * as account from './account/Account.resource';
import * as globalMute from './globalMute/GlobalMute.resource';
import * as group from './group/Group.resource';
import * as groupMember from './groupMember/GroupMember.resource';
import * as message from './message/Message.resource';
import * as push from './push/Push.resource';
import * as userAttribute from './userAttribute/UserAttribute.resource';
import * as userTag from './userTag/UserTag.resource';

/** The Resource selector, in this order; each entry brings its resource's fields. */
export const resources: ResourceEntry[] = [
	{ name: 'Account', value: 'account', description: 'Import, check and delete users; query their online status', resource: account },
	{ name: 'Global Mute', value: 'globalMute', description: 'Mute users app-wide for one-to-one and group messages', resource: globalMute },
	{ name: 'Group', value: 'group', description: 'Create, destroy and list groups; group messages, broadcasts, recalls', resource: group },
	{ name: 'Group Member', value: 'groupMember', description: 'Add and remove group members; count online members', resource: groupMember },
	{ name: 'Message', value: 'message', description: 'One-to-one messages to one or many users', resource: message },
	{ name: 'Push', value: 'push', description: 'Push to all users, or by tags or attributes', resource: push },
	{ name: 'User Attribute', value: 'userAttribute', description: 'Push attributes of users', resource: userAttribute },
	{ name: 'User Tag', value: 'userTag', description: 'Push tags of users', resource: userTag },
];

/** Everything of version 1 except its identity (name, icon, subtitle), which TencentChatV1 declares. */
export const versionDescription = defineVersion({ version: 1, defaultName: 'Tencent Chat', credential: 'tencentChatApi', defaultResource: 'message', resources });
