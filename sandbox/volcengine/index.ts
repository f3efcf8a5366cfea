// Sandbox code (not shipped): the Volcengine RTC half of the vendor emulator, composed.
//
// One file per resource, each exporting its routes (sandbox/routes.ts shape); the gateway
// (gateway.ts) authenticates, takes the route's quotas and writes the envelope. Adding an Action is
// a handler and one `action(...)` line in its resource file.
import type { RawRequest, RawResponse, Sandbox } from '../types';
import { routeTable } from '../routes';
import { appTokenRoutes } from './appToken';
import { blocklistRoutes } from './blocklist';
import { callbackAdminRoutes } from './callbackAdmin';
import { conversationAdminRoutes } from './conversationAdmin';
import { accessListRoutes } from './accessLists';
import { conversationRoutes } from './conversations';
import { friendRoutes } from './friends';
import { serveVolcengine } from './gateway';
import { liveRoutes } from './live';
import { messageRoutes } from './messages';
import { participantRoutes } from './participants';
import { roomControlRoutes } from './roomControl';
import { rtsRoutes } from './rts';
import { userRoutes } from './users';
import { userTagRoutes } from './userTags';

export const VOLCENGINE_ROUTES = routeTable(
	messageRoutes,
	userRoutes,
	userTagRoutes,
	conversationRoutes,
	rtsRoutes,
	conversationAdminRoutes,
	appTokenRoutes,
	friendRoutes,
	blocklistRoutes,
	participantRoutes,
	accessListRoutes,
	liveRoutes,
	roomControlRoutes,
	callbackAdminRoutes,
);

/** The Actions the sandbox serves. */
export const VOLCENGINE_ACTIONS = [...VOLCENGINE_ROUTES.keys()];

export function handleVolcengine(sb: Sandbox, req: RawRequest): Promise<RawResponse> {
	return serveVolcengine(VOLCENGINE_ROUTES, sb, req);
}

export * from './state';
export { VOLC_ERRORS, VolcError } from './fields';
export { verifyVolcengineSignature } from './gateway';
export { seedVolcengineConversation } from './conversations';
export { seedVolcengineOnline, seedVolcengineProfiles, seedVolcengineUsers, type SeedTags, type UserSeed } from './users';
