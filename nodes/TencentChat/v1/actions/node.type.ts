import type { OperationMap } from '../../../shared/router';
import * as account from './account/Account.resource';
import * as conversation from './conversation/Conversation.resource';
import * as communityTopic from './communityTopic/CommunityTopic.resource';
import * as appData from './appData/AppData.resource';
import * as blocklist from './blocklist/Blocklist.resource';
import * as chatbot from './chatbot/Chatbot.resource';
import * as friend from './friend/Friend.resource';
import * as friendList from './friendList/FriendList.resource';
import * as globalMute from './globalMute/GlobalMute.resource';
import * as group from './group/Group.resource';
import * as groupMember from './groupMember/GroupMember.resource';
import * as groupCounter from './groupCounter/GroupCounter.resource';
import * as liveGroup from './liveGroup/LiveGroup.resource';
import * as groupAttribute from './groupAttribute/GroupAttribute.resource';
import * as message from './message/Message.resource';
import * as profile from './profile/Profile.resource';
import * as push from './push/Push.resource';
import * as userAttribute from './userAttribute/UserAttribute.resource';
import * as userTag from './userTag/UserTag.resource';

/** Resource → operation map: the router looks every (resource, operation) pair up here. */
export const operations = {
	account: account.operations,
	conversation: conversation.operations,
	communityTopic: communityTopic.operations,
	appData: appData.operations,
	blocklist: blocklist.operations,
	chatbot: chatbot.operations,
	friend: friend.operations,
	friendList: friendList.operations,
	globalMute: globalMute.operations,
	group: group.operations,
	groupMember: groupMember.operations,
	groupCounter: groupCounter.operations,
	liveGroup: liveGroup.operations,
	groupAttribute: groupAttribute.operations,
	message: message.operations,
	profile: profile.operations,
	push: push.operations,
	userAttribute: userAttribute.operations,
	userTag: userTag.operations,
} satisfies OperationMap;

export type TencentChatResource = keyof typeof operations;
