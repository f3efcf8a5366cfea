import type { OperationMap } from '../../../shared/router';
import * as message from './message/Message.resource';
import * as userTag from './userTag/UserTag.resource';

/** Resource → operation map: the router looks every (resource, operation) pair up here. */
export const operations = {
	message: { broadcast: message.broadcast, sendToUsers: message.sendToUsers },
	userTag: { update: userTag.update },
} satisfies OperationMap;

export type VolcengineRtcResource = keyof typeof operations;
