import { MAX_BAN_SECONDS, durationField, readDuration, readScope, roomControlApi, roomOp, scopeFields } from './control';

/**
 * BanRoomUser and UpdateBanRoomUserRule (2023-11-01) — Go SDK service/rtc/v20231101/model.go
 * `BanRoomUserBody` / `UpdateBanRoomUserRuleBody` (AppId, RoomId, UserId, ForbiddenInterval
 * {0, [10, 604800]} s); doc pages 6348/1188353 (QPS 40: the users are removed at once and, with a
 * duration, kept out until it ends) and 6348/1188351 (QPS 20: a new duration from now; 0 lets them
 * back in). The doc's IP form of BanRoomUser is not in the SDK and is not offered.
 */

const SCOPES = 'One ban per item: one user in one room, one user in every room, or a whole room.';
const readBan = (r: Parameters<typeof readScope>[0]) => ({ ...readScope(r), ForbiddenInterval: readDuration(r, MAX_BAN_SECONDS) });

export const banUser = roomOp(
	'banUser',
	['Ban User', 'Remove a user or everyone from a room and keep them out for a time', 'Ban a user from a room'],
	roomControlApi('BanRoomUser'),
	['1188353', 40, `${SCOPES} Duration 0 to 604800 s (0: removed but may rejoin at once; Volcengine raises 1–9 to 10); a repeat answers "Room has been banned".`],
	[...scopeFields('ban'), durationField(MAX_BAN_SECONDS, 'How long they cannot rejoin (ForbiddenInterval); 0 removes them but lets them rejoin at once')],
	readBan,
	'banned',
);

export const updateBan = roomOp(
	'updateBan',
	['Update Ban', 'Change how long a room ban lasts, or lift it with 0', 'Update a room ban'],
	roomControlApi('UpdateBanRoomUserRule'),
	['1188351', 20, `${SCOPES} Duration 0 to 604800 s from now; 0 lifts the ban.`],
	[...scopeFields('ban'), durationField(MAX_BAN_SECONDS, 'New ban length from now (ForbiddenInterval); 0 lifts the ban')],
	readBan,
	'updated',
);
