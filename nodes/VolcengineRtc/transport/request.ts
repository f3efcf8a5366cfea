import type { IDataObject, INode } from 'n8n-workflow';
import type { Answer } from '../../shared/delivery';
import type { VendorAdapter, VendorResult } from '../../shared/engine/vendorRequest';
import { vendorApiError } from '../../shared/errors';
import type { JsonAnswer } from '../../shared/http';
import { IM_VERSION, RTS_VERSION } from './endpoints';
import { volcengineQuota } from './limits';

export const VOLCENGINE_CREDENTIAL = 'volcengineRtcApi';
const VENDOR = 'Volcengine';

/** One Volcengine OpenAPI action: POST / with `Action` and `Version` in the query. */
export interface VolcengineApi {
	name: string;
	version: string;
	idempotent?: boolean;
	/** Real-time signalling (§5): success also needs `Result.Message` to say so. */
	rts?: boolean;
}

/**
 * An IM-style action (Version 2020-12-01). `idempotent`: safe to repeat after an ambiguous
 * failure (reads, idempotent writes, a send de-duplicated by ClientMsgId). BatchSendMessage and
 * UserBroadcast are not de-duplicated by Volcengine (§3.3).
 */
export const imApi = (name: string, idempotent = false): VolcengineApi => ({ name, version: IM_VERSION, idempotent });

/** A real-time signalling action (Version 2023-07-20). RTS sends are not de-duplicated by Volcengine. */
export const rtsApi = (name: string): VolcengineApi => ({ name, version: RTS_VERSION, rts: true });

interface Envelope {
	ResponseMetadata?: { RequestId?: string; Error?: { Code?: string; CodeN?: number; Message?: string } };
	Result?: IDataObject;
}

const HINTS: Record<string, string> = {
	SignatureDoesNotMatch: 'Check the Secret Access Key (no stray spaces, do not base64-decode it) and the region.',
	InvalidAccessKey: 'Check the Access Key ID in the credential.',
	InvalidTimestamp: "The request time was rejected: check this machine's clock.",
	'AccessDenied.NoPermissionForApp': 'This account may not use this App ID: check the App ID and the keys.',
};

/** volcengine-rtc.md §3.3: which answers mean "not processed, send again". */
function classifyCode(code: string): Answer<never>['kind'] {
	if (code.startsWith('FlowLimitExceeded')) return 'throttle';
	if (code.startsWith('InternalError') || code === 'ServiceUnavailableTemp' || code === 'FailToConnect') return 'retry';
	if (code === 'InternalServiceTimeout') return 'ambiguous';
	return 'fail';
}

/**
 * The Volcengine side of nodes/shared/engine/vendorRequest.ts: POST / signed by the credential
 * (every attempt afresh), one limiter budget per access key and action (or action group), and
 * `ResponseMetadata.Error` checked on every answer, also on HTTP 200 (§3.1).
 */
export const volcengineAdapter: VendorAdapter<VolcengineApi> = {
	vendor: VENDOR,
	key: 'volcengine',
	credentialType: VOLCENGINE_CREDENTIAL,
	identity: (credential) => String(credential.accessKeyId ?? '').trim(),
	target: (api) => ({ url: '/', qs: { Action: api.name, Version: api.version } }),
	quotaOf: (api) => volcengineQuota(api.name),
	classify(api, answer, node, itemIndex) {
		const envelope = envelopeAnswer(node, api.name, answer, itemIndex);
		return api.rts && envelope.kind === 'ok' ? rtsAnswer(node, api.name, envelope.value, itemIndex) : envelope;
	},
};

/**
 * RTS success = the envelope's success and a `Result.Message` that is "success" in any casing —
 * vendor samples and the Go SDK model (volcengine/volc-sdk-golang service/rtc/v20230720/model.go)
 * write both "success" and "Success" — or no Message at all. Other text in Message is a failure
 * (not retried): the same SDK model says Message carries the error text when the request failed.
 */
function rtsAnswer(node: INode, action: string, value: VendorResult, itemIndex?: number): Answer<VendorResult> {
	const answer = value.result.Message;
	const confirmed = answer === undefined || answer === null || answer === '' || (typeof answer === 'string' && answer.trim().toLowerCase() === 'success');
	if (confirmed) return { kind: 'ok', value };
	const error = vendorApiError(
		node,
		{
			vendor: VENDOR,
			code: 'NotSuccess',
			message: `${action} answered ${typeof answer === 'string' ? `"${answer}"` : `a Message that is not text (${typeof answer})`}`,
			requestId: value.requestId,
			hint: 'Volcengine did not confirm the message. Check the RTC App ID and that real-time messaging by OpenAPI is enabled for the app.',
		},
		itemIndex,
	);
	return { kind: 'fail', error };
}

/** Words a throttle answer uses when the budget that ran out is a daily one. */
const PER_SECOND = /QPS|per second|每秒/i;
const DAILY = /\b(per|a|each)\s+day\b|\bdaily\b|\btoday\b|每天|每日|当天|当日/i;

/**
 * Classifies one answer (§3.1: HTTP ≠ 200 is a failure; HTTP 200 is a success only when
 * `ResponseMetadata.Error` is absent):
 * - HTTP 429 is a throttle whatever the body says — no IM throttle code is documented
 *   (https://www.volcengine.com/docs/6348/412253), so the status is the reliable signal;
 * - an `Error` object is a failure even without `Code`/`CodeN` (the SDK models declare both
 *   fields required, but an answer missing them must not pass as a success);
 * - a throttle of an action with a daily quota (UserBroadcast, 20/day: 6348/1125997) that does not
 *   name the per-second budget, or any throttle whose message names a day, is "spent for today":
 *   failed at once, never retried and never counted as a throttle (no pause of the shared
 *   limiter). The vendor documents no code for it.
 */
function envelopeAnswer(node: INode, action: string, answer: JsonAnswer, itemIndex?: number): Answer<VendorResult> {
	const { status } = answer;
	const envelope = answer.json as Envelope | undefined;
	const meta = envelope && typeof envelope === 'object' ? envelope.ResponseMetadata : undefined;
	const err = meta?.Error;
	const hasError = err !== undefined && err !== null;
	if (hasError || status === 429) {
		const e = (hasError && typeof err === 'object' ? err : {}) as NonNullable<NonNullable<Envelope['ResponseMetadata']>['Error']>;
		const code = e.Code || (e.CodeN !== undefined && e.CodeN !== null ? String(e.CodeN) : status === 429 ? 'HTTP 429' : 'UnknownError');
		const vendorMessage = typeof err === 'string' ? err : typeof e.Message === 'string' ? e.Message : '';
		const kind: Answer<never>['kind'] = status === 429 ? 'throttle' : classifyCode(code);
		const quota = volcengineQuota(action);
		// An answer that names the per-second budget (FlowLimitExceeded.QPSOverLimit) is a plain throttle.
		const perSecond = PER_SECOND.test(`${code} ${vendorMessage}`);
		if (kind === 'throttle' && (DAILY.test(vendorMessage) || (quota.perDay !== undefined && !perSecond))) {
			const limit = quota.perDay !== undefined ? ` (${quota.perDay} requests per day)` : '';
			const error = vendorApiError(
				node,
				{
					vendor: VENDOR,
					code,
					message: `${action} daily quota${limit} is used up, try tomorrow${vendorMessage ? ` — ${vendorMessage}` : ''}`,
					requestId: meta?.RequestId,
					httpCode: status,
					hint: 'Volcengine counts this quota per day; repeating the request today would fail again, so it was not retried.',
				},
				itemIndex,
			);
			return { kind: 'fail', error };
		}
		const error = vendorApiError(
			node,
			{
				vendor: VENDOR,
				code,
				message: vendorMessage || (hasError ? `${action} answered with an error and no code` : `${action} was throttled (HTTP 429)`),
				requestId: meta?.RequestId,
				httpCode: status,
				hint: HINTS[code],
			},
			itemIndex,
		);
		return { kind, error } as Answer<VendorResult>;
	}
	if (!envelope || typeof envelope !== 'object' || status < 200 || status > 299) {
		const error = vendorApiError(
			node,
			{ vendor: VENDOR, code: `HTTP ${status}`, message: `${action} got no valid answer`, requestId: meta?.RequestId, httpCode: status },
			itemIndex,
		);
		// 503: the service did not take the request. Other failures without an envelope may have been processed.
		return { kind: status === 503 ? 'retry' : 'ambiguous', error };
	}
	return { kind: 'ok', value: { result: (envelope.Result ?? {}) as IDataObject, requestId: meta?.RequestId } };
}
