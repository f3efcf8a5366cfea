import type { INodeProperties } from 'n8n-workflow';
import { z } from 'zod';
import type { ItemReader } from '../../../shared/engine/reader';
import { idText } from '../../../shared/rules';
import { listInput, text, utf8Length } from '../../../shared/schemas';

/**
 * Real-time signalling (RTS, volcengine-rtc.md §5): Version 2023-07-20, a STRING RTC App ID (not
 * the integer IM App ID), string user and room ids, and a Message that is text or base64 binary.
 */

/** §1 / §5: RoomId, UserId, From and To: ≤ 128 characters of a-z A-Z 0-9 @ . _ - */
export const RTS_ID = /^[a-zA-Z0-9_@\-.]{1,128}$/;
/** §5: SendUnicast, SendRoomUnicast, SendBroadcast: ≤ 64 KB; BatchSendRoomUnicast: ≤ 20 KB (bytes of Message). */
export const MAX_MESSAGE_BYTES = 64 * 1024;
export const MAX_BATCH_MESSAGE_BYTES = 20 * 1024;
/** §5: BatchSendRoomUnicast takes at most 600 receivers per call. */
export const MAX_ROOM_RECEIVERS_PER_CALL = 600;

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

export const rtsId = idText({ pattern: RTS_ID, rule: (s) => `"${s}" is not allowed: use at most 128 characters of letters, digits and @._-` });

export const rtsIdList = listInput.pipe(z.array(rtsId).min(1, 'needs at least one user ID'));

/** The RTC App ID: text (24 hex characters in the console), never the integer IM App ID. */
export const rtcAppId = idText({
	pattern: /^[A-Za-z0-9_-]{1,128}$/,
	rule: (s) => `"${s}" is not an RTC App ID (letters and digits, as shown in the RTC console)`,
	numbers: false,
});

export const rtcAppIdField: INodeProperties = {
	displayName: 'RTC App ID',
	name: 'rtcAppId',
	type: 'string',
	default: '',
	required: true,
	placeholder: '661e0d3c2b1a5f00e9a543cf',
	description:
		'The RTC App ID from the RTC console (text, usually 24 characters). This is not the integer IM App ID used by the other resources.',
};

export const fromField: INodeProperties = {
	displayName: 'Sender ID',
	name: 'from',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'server-notice',
	description:
		"Server-side sender ID (From): up to 128 characters of letters, digits and @._-. Use one fixed value that is not a real user's ID in this app.",
};

export const binaryField: INodeProperties = {
	displayName: 'Binary Message',
	name: 'binary',
	type: 'boolean',
	default: false,
	description: 'Whether the message is binary, given as base64 text (Binary). Off: the message is plain text.',
};

export function messageField(maxBytes: number): INodeProperties {
	return {
		displayName: 'Message',
		name: 'message',
		type: 'string',
		default: '',
		required: true,
		typeOptions: { rows: 4 },
		placeholder: '{"type":"notice","text":"Hello"}',
		description: `Message text, or base64 when Binary Message is on. At most ${maxBytes / 1024} KB (bytes of this text).`,
	};
}

export interface RtsCommon {
	AppId: string;
	From: string;
	Binary: boolean;
	Message: string;
}

/** Reads the fields every RTS action has; checks the Message size and, for binary messages, base64. */
export function readRtsCommon(r: ItemReader, maxBytes: number): RtsCommon {
	const appId = r.param('rtcAppId', rtcAppId, 'RTC App ID');
	const from = r.param('from', rtsId, 'Sender ID');
	const binary = r.param('binary', z.boolean({ invalid_type_error: 'must be true or false' }), 'Binary Message', false);
	const message = r.param('message', text(), 'Message');
	const bytes = utf8Length(message);
	const i = r.itemIndex;
	if (bytes > maxBytes) {
		r.fail(
			`Invalid "Message" in item ${i}: is ${bytes} bytes; the limit is ${maxBytes} bytes (${maxBytes / 1024} KB)`,
			'Nothing was sent for this item. Volcengine counts the bytes of the Message text (base64 text for binary messages).',
		);
	}
	if (binary && !BASE64.test(message)) {
		r.fail(
			`Invalid "Message" in item ${i}: is not base64, but Binary Message is on`,
			'Nothing was sent for this item. Give binary content as standard base64 (A-Z a-z 0-9 + /, padded with =), or switch Binary Message off.',
		);
	}
	return { AppId: appId, From: from, Binary: binary, Message: message };
}

/** The output fields every RTS send echoes (success is checked by the adapter: transport/request.ts). */
export const rtsEcho = (body: Record<string, unknown>, requestId: string | undefined) => ({
	status: 'sent',
	rtcAppId: body.AppId as string,
	...(body.RoomId !== undefined ? { roomId: body.RoomId as string } : {}),
	from: body.From as string,
	...(body.To !== undefined && !Array.isArray(body.To) ? { to: body.To as string } : {}),
	binary: body.Binary as boolean,
	requestId: requestId ?? null,
});
