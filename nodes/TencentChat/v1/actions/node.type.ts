import type { OperationMap } from '../../../shared/router';
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

/** Resource → operation map: the router looks every (resource, operation) pair up here. */
export const operations = {
	account: account.operations,
	conversation: conversation.operations,
	communityTopic: communityTopic.operations,
	globalMute: globalMute.operations,
	group: group.operations,
	groupMember: groupMember.operations,
	groupCounter: groupCounter.operations,
	liveGroup: liveGroup.operations,
	groupAttribute: groupAttribute.operations,
	message: message.operations,
	push: push.operations,
	userAttribute: userAttribute.operations,
	userTag: userTag.operations,
} satisfies OperationMap;

export type TencentChatResource = keyof typeof operations;
