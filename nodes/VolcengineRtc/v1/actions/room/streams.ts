import type { INodeProperties } from 'n8n-workflow';
import type { ItemReader } from '../../../../shared/engine/reader';
import { registerSecret } from '../../../../shared/errors';
import { intInRange, text } from '../../../../shared/schemas';
import { durationField, flag, readDuration, readRoom, readUser, roomControlApi, roomOp, rtcUserIdField } from './control';
import { roomIdField } from './common';

/**
 * BanUserStream / UnbanUserStream (2023-11-01) — Go SDK service/rtc/v20231101/model.go
 * `BanUserStreamBody` (AppId, RoomId, UserId, Audio, Video, ForbiddenInterval {0, [60, 259200]} s)
 * and `UnbanUserStreamBody` (AppId, RoomId, UserId, Audio, Video); docs 6348/1188354 (QPS 60) and
 * 6348/80655 (QPS 60). Audio / Video = true means "ban" for BanUserStream and "unban" for
 * UnbanUserStream, as both doc pages say; the SDK's comment on BanUserStreamBody says the opposite
 * (copied from Unban, it seems) — see the README's unconfirmed table. Only the kinds switched on are sent as true.
 * LimitTokenPrivilege (2023-11-01) — `LimitTokenPrivilegeBody` (AppId, RoomId, UserId, Token,
 * ForbiddenInterval [60, 259200] s; result EndTime); doc 6348/1188352: QPS 40, needs publish
 * authentication (连麦鉴权) switched on in the console.
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

export const banStream = roomOp(
	'banStream',
	['Ban Stream', 'Stop a user from publishing audio or video in a room', "Ban a user's audio or video"],
	roomControlApi('BanUserStream'),
	['1188354', 60, 'One user per item. Duration 0 (until Unban Stream) or up to 259200 s. Still billed while banned.'],
	[roomIdField, rtcUserIdField('RTC user'), ...kinds('ban'), durationField(MAX_STREAM_BAN_SECONDS, 'How long the ban lasts (ForbiddenInterval); 0 keeps it until Unban Stream')],
	(r) => ({ ...readKinds(r, 'ban'), ForbiddenInterval: readDuration(r, MAX_STREAM_BAN_SECONDS) }),
	'banned',
);

export const unbanStream = roomOp(
	'unbanStream',
	['Unban Stream', 'Let a user publish audio or video again', "Unban a user's audio or video"],
	roomControlApi('UnbanUserStream'),
	['80655', 60, 'One user per item.'],
	[roomIdField, rtcUserIdField('RTC user'), ...kinds('unban')],
	(r) => readKinds(r, 'unban'),
	'unbanned',
);

const tokenField: INodeProperties = {
	displayName: 'Token',
	name: 'token',
	type: 'string',
	typeOptions: { password: true },
	default: '',
	required: true,
	description: 'The RTC token the user joined with (Token). It is sent to Volcengine only and never appears in the output.',
};

export const limitPublishing = roomOp(
	'limitPublishing',
	['Limit Publishing', "Stop a user's token from publishing for a time", 'Limit the publishing of a token'],
	roomControlApi('LimitTokenPrivilege'),
	['1188352', 40, 'One token per item, 60 to 259200 s; the output has the end time, never the token. Needs publish authentication on in the console.'],
	[roomIdField, rtcUserIdField('RTC user'), tokenField, durationField(MAX_STREAM_BAN_SECONDS, 'How long the token cannot publish (ForbiddenInterval)', 60)],
	(r) => {
		const Token = r.param('token', text(), 'Token');
		// A vendor or proxy echoing the token back in an error gets it scrubbed (nodes/shared/errors.ts).
		registerSecret(Token);
		return { RoomId: readRoom(r), UserId: readUser(r), Token, ForbiddenInterval: r.param('forbiddenInterval', intInRange(60, MAX_STREAM_BAN_SECONDS), 'Duration (Seconds)', 600) };
	},
	'limited',
);
