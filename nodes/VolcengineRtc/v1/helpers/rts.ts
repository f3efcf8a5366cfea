import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { z } from 'zod';
import { vendorApiError } from '../../../shared/errors';
import { readParam } from '../../../shared/params';
import { listInput, text, utf8Length } from '../../../shared/schemas';
import { RTS_VERSION } from '../../transport/endpoints';
import { volcengineApiRequest } from '../../transport/request';

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

export const rtsId = z.unknown().transform((v, ctx): string => {
	if (typeof v === 'number' && Number.isSafeInteger(v)) v = String(v);
	if (typeof v !== 'string') {
		ctx.addIssue({ code: z.ZodIssueCode.custom, message: `must be text, got ${v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v}` });
		return z.NEVER;
	}
	const s = v.trim();
	if (s === '') {
		ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'is required and cannot be empty' });
		return z.NEVER;
	}
	if (!RTS_ID.test(s)) {
		ctx.addIssue({
			code: z.ZodIssueCode.custom,
			message: `"${s.slice(0, 40)}" is not allowed: use at most 128 characters of letters, digits and @._-`,
		});
		return z.NEVER;
	}
	return s;
});

export const rtsIdList = listInput.pipe(z.array(rtsId).min(1, 'needs at least one user ID'));

/** The RTC App ID: text (24 hex characters in the console), never the integer IM App ID. */
const rtcAppId = z.unknown().transform((v, ctx): string => {
	if (typeof v !== 'string' || v.trim() === '') {
		ctx.addIssue({
			code: z.ZodIssueCode.custom,
			message: typeof v === 'string' ? 'is required and cannot be empty' : `must be text, got ${v === null ? 'null' : typeof v}`,
		});
		return z.NEVER;
	}
	const s = v.trim();
	if (!/^[A-Za-z0-9_-]{1,128}$/.test(s)) {
		ctx.addIssue({ code: z.ZodIssueCode.custom, message: `"${s.slice(0, 40)}" is not an RTC App ID (letters and digits, as shown in the RTC console)` });
		return z.NEVER;
	}
	return s;
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
export function readRtsCommon(ctx: IExecuteFunctions, i: number, maxBytes: number): RtsCommon {
	const appId = readParam(ctx, 'rtcAppId', i, rtcAppId, 'RTC App ID');
	const from = readParam(ctx, 'from', i, rtsId, 'Sender ID');
	const binary = readParam(ctx, 'binary', i, z.boolean({ invalid_type_error: 'must be true or false' }), 'Binary Message', false);
	const message = readParam(ctx, 'message', i, text(), 'Message');
	const bytes = utf8Length(message);
	if (bytes > maxBytes) {
		throw new NodeOperationError(ctx.getNode(), `Invalid "Message" in item ${i}: is ${bytes} bytes; the limit is ${maxBytes} bytes (${maxBytes / 1024} KB)`, {
			itemIndex: i,
			description: 'Nothing was sent for this item. Volcengine counts the bytes of the Message text (base64 text for binary messages).',
		});
	}
	if (binary && !BASE64.test(message)) {
		throw new NodeOperationError(ctx.getNode(), `Invalid "Message" in item ${i}: is not base64, but Binary Message is on`, {
			itemIndex: i,
			description: 'Nothing was sent for this item. Give binary content as standard base64 (A-Z a-z 0-9 + /, padded with =), or switch Binary Message off.',
		});
	}
	return { AppId: appId, From: from, Binary: binary, Message: message };
}

/**
 * One RTS call. Success = HTTP 200 without ResponseMetadata.Error (checked by the transport, §3.1)
 * and a `Result.Message` that is "success" in any casing — vendor samples and the Go SDK model
 * (volcengine/volc-sdk-golang service/rtc/v20230720/model.go) write both "success" and "Success" —
 * or no Message at all. Other text in Message is a failure: the same SDK model says Message
 * carries the error text when the request failed. RTS sends are not de-duplicated by Volcengine,
 * so an ambiguous failure is not repeated (unless the user allows it in the delivery options).
 */
export async function rtsRequest(
	ctx: IExecuteFunctions,
	action: string,
	body: Record<string, unknown>,
	itemIndex: number,
): Promise<{ requestId: string | null }> {
	const { result, requestId } = await volcengineApiRequest.call(ctx, action, body, { version: RTS_VERSION, itemIndex });
	const answer = (result as IDataObject).Message;
	const confirmed = answer === undefined || answer === null || answer === '' || (typeof answer === 'string' && answer.trim().toLowerCase() === 'success');
	if (!confirmed) {
		throw vendorApiError(
			ctx.getNode(),
			{
				vendor: 'Volcengine',
				code: 'NotSuccess',
				message: `${action} answered ${typeof answer === 'string' ? `"${answer}"` : `a Message that is not text (${typeof answer})`}`,
				requestId,
				hint: 'Volcengine did not confirm the message. Check the RTC App ID and that real-time messaging by OpenAPI is enabled for the app.',
			},
			itemIndex,
		);
	}
	return { requestId: requestId ?? null };
}
