import { roomIdField } from './common';
import { readRoom, readUser, roomControlApi, roomOp, rtcUserIdField } from './control';

/**
 * KickUser and DismissRoom — Version 2020-12-01 only (Go SDK service/rtc/v20201201/model.go
 * `KickUserBody` {AppId, RoomId, UserId}, `DismissRoomBody` {AppId, RoomId}); doc pages
 * 6348/357742 and 6348/357815: QPS 60 each, still available, Volcengine recommends BanRoomUser for
 * new work. A removed user gets error -1006 and may rejoin; a dismissed room's users get -1011.
 */

const NOTE = 'Volcengine recommends Ban User for new work.';

export const removeUser = roomOp(
	'removeUser',
	['Remove User', 'Remove a user from a room; they may rejoin', 'Remove a user from a room'],
	roomControlApi('KickUser', '2020-12-01'),
	['357742', 60, `One user per item. ${NOTE}`],
	[roomIdField, rtcUserIdField('RTC user to remove')],
	(r) => ({ RoomId: readRoom(r), UserId: readUser(r) }),
	'removed',
);

export const dismiss = roomOp(
	'dismiss',
	['Dismiss Room', 'Close a room and remove everyone in it', 'Dismiss a room'],
	roomControlApi('DismissRoom', '2020-12-01'),
	['357815', 60, `One room per item. ${NOTE}`],
	[roomIdField],
	(r) => ({ RoomId: readRoom(r) }),
	'dismissed',
);
