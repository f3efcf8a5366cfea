import type { INodeProperties } from 'n8n-workflow';
import type { ItemReader } from '../../../../shared/engine/reader';
import type { Body } from '../../helpers/common';
import { roomIdField } from './common';
import { readRoom, readUser, roomControl, roomControlApi, rtcUserIdField } from './control';

/**
 * KickUser and DismissRoom — Version 2020-12-01 only (Go SDK service/rtc/v20201201/model.go
 * `KickUserBody` {AppId, RoomId, UserId}, `DismissRoomBody` {AppId, RoomId}); doc pages
 * 6348/357742 and 6348/357815: QPS 60 each, still available, Volcengine recommends BanRoomUser for
 * new work. A removed user gets error -1006 and may rejoin; a dismissed room's users get -1011.
 */

function legacy(operation: string, option: [name: string, description: string, action: string], api: string, page: string, fields: INodeProperties[], read: (r: ItemReader) => Body, done: string) {
	const [name, description, action] = option;
	return roomControl({
		operation,
		option: { name, description: `${description} (${api})`, action },
		doc: { api, limits: `One per item. QPS 60 ([6348/${page}](https://www.volcengine.com/docs/6348/${page})). Version 2020-12-01; Volcengine recommends Ban User for new work.` },
		api: roomControlApi(api, '2020-12-01'),
		fields,
		read,
		done,
	});
}

export const removeUser = legacy('removeUser', ['Remove User', 'Remove a user from a room; they may rejoin', 'Remove a user from a room'], 'KickUser', '357742', [roomIdField, rtcUserIdField('RTC user to remove')], (r) => ({ RoomId: readRoom(r), UserId: readUser(r) }), 'removed');

export const dismiss = legacy('dismiss', ['Dismiss Room', 'Close a room and remove everyone in it', 'Dismiss a room'], 'DismissRoom', '357815', [roomIdField], (r) => ({ RoomId: readRoom(r) }), 'dismissed');
