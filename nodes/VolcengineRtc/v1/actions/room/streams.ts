import type { INodeProperties } from 'n8n-workflow';
import type { ItemReader } from '../../../../shared/engine/reader';
import { durationField, flag, readDuration, readRoom, readUser, roomControl, roomControlApi, rtcUserIdField } from './control';
import { roomIdField } from './common';

/**
 * BanUserStream / UnbanUserStream (2023-11-01) — Go SDK service/rtc/v20231101/model.go
 * `BanUserStreamBody` (AppId, RoomId, UserId, Audio, Video, ForbiddenInterval {0, [60, 259200]} s)
 * and `UnbanUserStreamBody` (AppId, RoomId, UserId, Audio, Video); docs 6348/1188354 (QPS 60) and
 * 6348/80655 (QPS 60). Audio / Video = true means "ban" for BanUserStream and "unban" for
 * UnbanUserStream, as both doc pages say; the SDK's comment on BanUserStreamBody says the opposite
 * (copied from Unban, it seems) — see the README's unconfirmed table. Only the kinds switched on are sent as true.
 */

export const MAX_STREAM_BAN_SECONDS = 259200;

function kinds(verb: string): INodeProperties[] {
	return [
		{ displayName: 'Audio', name: 'audio', type: 'boolean', default: true, description: `Whether to ${verb} the user's audio (Audio)` },
		{ displayName: 'Video', name: 'video', type: 'boolean', default: true, description: `Whether to ${verb} the user's video (Video)` },
	];
}

function readKinds(r: ItemReader, verb: string) {
	const Audio = r.param('audio', flag, 'Audio', true);
	const Video = r.param('video', flag, 'Video', true);
	if (!Audio && !Video) r.fail(`"Audio" and "Video" are both off in item ${r.itemIndex}`, `Switch on what to ${verb}. Nothing was sent.`);
	return { RoomId: readRoom(r), UserId: readUser(r), Audio, Video };
}

export const banStream = roomControl({
	operation: 'banStream',
	option: { name: 'Ban Stream', description: 'Stop a user from publishing audio or video in a room (BanUserStream)', action: "Ban a user's audio or video" },
	doc: {
		api: 'BanUserStream',
		limits: 'One user per item. Duration 0 (until Unban Stream) or up to 259200 s. QPS 60 ([6348/1188354](https://www.volcengine.com/docs/6348/1188354)). Version 2023-11-01. Still billed while banned.',
	},
	api: roomControlApi('BanUserStream'),
	fields: [roomIdField, rtcUserIdField('RTC user'), ...kinds('ban'), durationField(MAX_STREAM_BAN_SECONDS, 'How long the ban lasts (ForbiddenInterval); 0 keeps it until Unban Stream')],
	read: (r) => ({ ...readKinds(r, 'ban'), ForbiddenInterval: readDuration(r, MAX_STREAM_BAN_SECONDS) }),
	done: 'banned',
});

export const unbanStream = roomControl({
	operation: 'unbanStream',
	option: { name: 'Unban Stream', description: 'Let a user publish audio or video again (UnbanUserStream)', action: "Unban a user's audio or video" },
	doc: { api: 'UnbanUserStream', limits: 'One user per item. QPS 60 ([6348/80655](https://www.volcengine.com/docs/6348/80655)). Version 2023-11-01.' },
	api: roomControlApi('UnbanUserStream'),
	fields: [roomIdField, rtcUserIdField('RTC user'), ...kinds('unban')],
	read: (r) => readKinds(r, 'unban'),
	done: 'unbanned',
});
