// Sandbox code (not shipped): the Tencent Cloud Chat half of the vendor emulator, composed.
//
// One file per resource, each exporting its routes (sandbox/routes.ts shape); the gateway
// (gateway.ts) checks the query and the UserSig, takes the route's quotas and writes the envelope.
// Adding a path is a handler and one `route(...)` line in its resource file.
import type { RawRequest, RawResponse, Sandbox } from '../types';
import { routeTable } from '../routes';
import { accountRoutes } from './accounts';
import { serveTencent } from './gateway';
import { groupRoutes } from './groups';
import { conversationRoutes } from './conversations';
import { groupHistoryRoutes } from './groupHistory';
import { historyRoutes } from './history';
import { groupInfoRoutes } from './groupInfo';
import { groupMemberRoutes } from './groupMembers';
import { attributeRoutes } from './attributes';
import { liveGroupRoutes } from './liveGroups';
import { topicRoutes } from './topics';
import { counterRoutes } from './counters';
import { messageRoutes } from './messages';
import { muteRoutes } from './mutes';
import { pushRoutes } from './push';
import { profileRoutes } from './profile';
import { snsRoutes } from './sns';
import { snsListRoutes } from './snsLists';
import { operationRoutes } from './operations';
import { robotRoutes } from './robots';

export const TENCENT_ROUTES = routeTable(messageRoutes, groupRoutes, pushRoutes, accountRoutes, muteRoutes, historyRoutes, groupHistoryRoutes, conversationRoutes, groupInfoRoutes, groupMemberRoutes, attributeRoutes, liveGroupRoutes, topicRoutes, counterRoutes, profileRoutes, snsRoutes, snsListRoutes, operationRoutes, robotRoutes);

/** The paths after /v4/ the sandbox serves. */
export const TENCENT_PATHS = [...TENCENT_ROUTES.keys()];

export function handleTencent(sb: Sandbox, req: RawRequest): Promise<RawResponse> {
	return serveTencent(TENCENT_ROUTES, sb, req);
}

export * from './state';
export { TimError } from './fields';
export { decodeUserSig, verifyUserSig, type DecodedUserSig } from './gateway';
export { seedTencentDeletedAccount, seedTencentGroup, seedTencentGroupMessages, seedTencentOnline, seedTencentUserTags, type GroupMessageSeed, type TencentGroupSeed } from './seed';
