import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';
import { single } from '../../../../shared/engine/callShapes';
import type { ItemReader } from '../../../../shared/engine/reader';
import { intInRange } from '../../../../shared/schemas';
import type { VolcengineApi } from '../../../transport/request';
import { volcengineOperation, type Body } from '../../helpers/common';
import { camelJson, placement, type OpSpec } from '../../helpers/members';
import { rtcAppId, rtcAppIdField, rtsId } from '../../helpers/rts';
import { roomIdField } from './common';

/**
 * Room control (RTC OpenAPI, not signalling): remove or ban users, dismiss a room, ban and unban a
 * user's audio/video. Bodies from the Go SDK volcengine/volc-sdk-golang service/rtc/v20231101/model.go
 * (`BanRoomUserBody`, `UpdateBanRoomUserRuleBody`, `BanUserStreamBody`, `UnbanUserStreamBody`:
 * Version 2023-11-01) and service/rtc/v20201201/model.go (`KickUserBody`, `DismissRoomBody`: Version
 * 2020-12-01, the only one the SDK has for them). The RTC App ID is the string one of the
 * signalling operations. Success is the envelope without an Error; `Result.Message` (or `message`,
 * the 2020-12-01 spelling) is passed on as the vendor said it — a repeated ban answers "Room has
 * been banned" (doc 6348/1188353), which is not a failure.
 */

/** Every one of these ends the same when repeated: safe to retry after an ambiguous failure. */
export const roomControlApi = (name: string, version = '2023-11-01'): VolcengineApi => ({ name, version, idempotent: true });

export const rtcUserIdField = (description: string): INodeProperties => ({
	displayName: 'User ID',
	name: 'userId',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'user-1',
	description: `${description} (UserId): up to 128 characters of letters, digits and @._-`,
});

export const readRoom = (r: ItemReader): string => r.param('roomId', rtsId, 'Room ID');
export const readUser = (r: ItemReader): string => r.param('userId', rtsId, 'User ID');
export const flag = z.boolean({ invalid_type_error: 'must be true or false' });

/** "Ban Duration (Seconds)": 0 or `min` to `max` (Volcengine raises smaller values to its minimum, lowers larger ones). */
export function durationField(max: number, description: string, min = 0): INodeProperties {
	return { displayName: 'Duration (Seconds)', name: 'forbiddenInterval', type: 'number', default: 600, typeOptions: { minValue: min, maxValue: max, numberPrecision: 0 }, description: `${description}, ${min} to ${max}` };
}
export const readDuration = (r: ItemReader, max: number): number => r.param('forbiddenInterval', intInRange(0, max), 'Duration (Seconds)', 600);

interface ControlSpec extends Omit<OpSpec, 'resource'> {
	api: VolcengineApi;
	/** Fields after RTC App ID. */
	fields: INodeProperties[];
	/** The body after AppId. */
	read: (r: ItemReader) => Body;
	done: string;
}

/** One room-control call per item (Room resource): RTC App ID + the operation's fields; the output echoes the body. */
export function roomControl(spec: ControlSpec) {
	return volcengineOperation<Body>({
		...placement({ ...spec, resource: 'room' }),
		properties: [rtcAppIdField, ...spec.fields],
		read: (r) => ({ AppId: r.param('rtcAppId', rtcAppId, 'RTC App ID'), ...spec.read(r) }),
		shape: single({
			api: spec.api,
			body: (body) => body,
			output: (body, { result, requestId }): IDataObject => {
				const { AppId, ...rest } = body;
				// The Token of LimitTokenPrivilege is a user's credential: never echoed.
				delete rest.Token;
				const { Message, message, ...more } = result;
				return {
					status: spec.done,
					rtcAppId: AppId as string,
					...camelJson(rest as IDataObject, []),
					...camelJson(more, []),
					vendorMessage: (Message ?? message ?? null) as string | null,
					requestId: requestId ?? null,
				};
			},
		}),
	});
}

/**
 * A room-control operation from one row: its selector entry ([name, what it does, action]; the
 * API name is appended to the description), the API, its doc page and QPS, the README limits
 * sentence, the fields, the body reader and the status word.
 */
export function roomOp(
	operation: string,
	option: [name: string, does: string, action: string],
	api: VolcengineApi,
	doc: [page: string, qps: number, limits: string],
	fields: INodeProperties[],
	read: (r: ItemReader) => Body,
	done: string,
) {
	const [name, does, action] = option;
	const [page, qps, limits] = doc;
	return roomControl({
		operation,
		option: { name, description: `${does} (${api.name})`, action },
		doc: { api: api.name, limits: `${limits} QPS ${qps} ([6348/${page}](https://www.volcengine.com/docs/6348/${page})). Version ${api.version}.` },
		api,
		fields,
		read,
		done,
	});
}

// ---- the ban scope of BanRoomUser / UpdateBanRoomUserRule -----------------------------------

const SCOPES = ['userInRoom', 'room', 'userEverywhere'] as const;

export const scopeFields = (what: string): INodeProperties[] => [
	{
		displayName: 'Applies To',
		name: 'scope',
		type: 'options',
		default: 'userInRoom',
		description: `Who the ${what} is for: the IDs sent decide it (RoomId, UserId, or both)`,
		options: [
			{ name: 'One User in One Room', value: 'userInRoom', description: 'RoomId and UserId' },
			{ name: 'One User in Every Room', value: 'userEverywhere', description: 'UserId only' },
			{ name: 'Whole Room', value: 'room', description: 'RoomId only: every user of the room' },
		],
	},
	{ ...roomIdField, displayOptions: { show: { scope: ['userInRoom', 'room'] } } },
	{ ...rtcUserIdField('RTC user'), displayOptions: { show: { scope: ['userInRoom', 'userEverywhere'] } } },
];

export function readScope(r: ItemReader): Body {
	const scope = r.param('scope', z.enum(SCOPES), 'Applies To', 'userInRoom');
	const body: Body = {};
	if (scope !== 'userEverywhere') body.RoomId = readRoom(r);
	if (scope !== 'room') body.UserId = readUser(r);
	return body;
}

/** The ban range of BanRoomUser / UpdateBanRoomUserRule: {0, [10, 604800]} seconds. */
export const MAX_BAN_SECONDS = 604800;
