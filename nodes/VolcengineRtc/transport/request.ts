import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { credentialFields } from '../../shared/credentialIdentity';
import { deliver, quotaRule, readDeliveryOptions, type Answer } from '../../shared/delivery';
import { vendorApiError } from '../../shared/errors';
import { postJson, type JsonAnswer } from '../../shared/http';
import { stringifyJson } from '../../shared/json';
import { IM_VERSION } from './endpoints';
import { volcengineQuota } from './limits';

export const VOLCENGINE_CREDENTIAL = 'volcengineRtcApi';
const VENDOR = 'Volcengine';

export interface VolcengineCallOptions {
	version?: string;
	itemIndex?: number;
	/** Receivers carried by this call (counted against per-minute quotas). */
	units?: number;
	/**
	 * Safe to repeat after an ambiguous failure: reads, idempotent writes, or a send the vendor
	 * de-duplicates (SendMessage with a fixed ClientMsgId). Default false: BatchSendMessage and
	 * UserBroadcast are not de-duplicated by Volcengine (§3.3).
	 */
	idempotent?: boolean;
}

export interface VolcengineCallResult {
	result: IDataObject;
	requestId?: string;
}

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
function classify(code: string): Answer<never>['kind'] {
	if (code.startsWith('FlowLimitExceeded')) return 'throttle';
	if (code.startsWith('InternalError') || code === 'ServiceUnavailableTemp' || code === 'FailToConnect') return 'retry';
	if (code === 'InternalServiceTimeout') return 'ambiguous';
	return 'fail';
}

/**
 * One call to the Volcengine OpenAPI, paced, retried and classified by nodes/shared/delivery.ts.
 * The body is serialised once here (int64 as bare JSON numbers) and that exact string is what the
 * credential signs and what goes on the wire; every attempt is signed afresh.
 * `ResponseMetadata.Error` is checked on every answer, also on HTTP 200 (§3.1).
 */
export async function volcengineApiRequest(
	this: IExecuteFunctions,
	action: string,
	body: Record<string, unknown>,
	options: VolcengineCallOptions = {},
): Promise<VolcengineCallResult> {
	const node = this.getNode();
	const bodyText = stringifyJson(body);
	const delivery = readDeliveryOptions(this, options.itemIndex ?? 0);
	const quota = volcengineQuota(action);
	const creds = await credentialFields(this, VOLCENGINE_CREDENTIAL);
	const account = String(creds.accessKeyId ?? '').trim();
	return await deliver<VolcengineCallResult>({
		node,
		vendor: VENDOR,
		api: action,
		limiterKey: `volcengine|${account}|${quota.group ?? action}`,
		rule: quotaRule(quota, delivery),
		units: options.units,
		idempotent: options.idempotent ?? false,
		options: delivery,
		itemIndex: options.itemIndex,
		attempt: async (timeoutMs) =>
			answerOf(
				this,
				action,
				await postJson(this, VOLCENGINE_CREDENTIAL, { url: '/', qs: { Action: action, Version: options.version ?? IM_VERSION }, body: bodyText, timeoutMs }),
				options.itemIndex,
			),
	});
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
function answerOf(ctx: IExecuteFunctions, action: string, answer: JsonAnswer, itemIndex?: number): Answer<VolcengineCallResult> {
	const node = ctx.getNode();
	const { status } = answer;
	const envelope = answer.json as Envelope | undefined;
	const meta = envelope && typeof envelope === 'object' ? envelope.ResponseMetadata : undefined;
	const err = meta?.Error;
	const hasError = err !== undefined && err !== null;
	if (hasError || status === 429) {
		const e = (hasError && typeof err === 'object' ? err : {}) as NonNullable<NonNullable<Envelope['ResponseMetadata']>['Error']>;
		const code = e.Code || (e.CodeN !== undefined && e.CodeN !== null ? String(e.CodeN) : status === 429 ? 'HTTP 429' : 'UnknownError');
		const vendorMessage = typeof err === 'string' ? err : typeof e.Message === 'string' ? e.Message : '';
		const kind: Answer<never>['kind'] = status === 429 ? 'throttle' : classify(code);
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
		return { kind, error } as Answer<VolcengineCallResult>;
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
