import type { IDataObject, INode } from 'n8n-workflow';
import type { Answer } from '../../shared/delivery';
import type { VendorAdapter, VendorResult } from '../../shared/engine/vendorRequest';
import { vendorApiError } from '../../shared/errors';
import type { JsonAnswer } from '../../shared/http';
import { parseTencentCredentials } from './auth';
import { pushPath, type TencentPushApi } from './endpoints';
import { tencentReason } from './errorReasons';
import { DAILY_QUOTA_CODES, tencentQuota } from './limits';
import { invalidateUserSig } from './usersigCache';

export const TENCENT_CREDENTIAL = 'tencentChatApi';
const VENDOR = 'Tencent Chat';

/**
 * Frequency answers (tencent-chat.md §1.4): not processed; back off and send again. 10049: group
 * attribute writes over 5 per second per group (tencent-chat-menu.md §1.3, tencentcloud.com
 * 1047/59499); the node paces to 5/s per group, so this only comes when other clients write too.
 */
export const THROTTLE_CODES = new Set([60007, 60011, 60018, 60019, 10006, 10023, 10049, 90024, 90057]);
/** Internal/timeout codes the spec marks retryable (§1.6). */
export const RETRYABLE_CODES = new Set([60008, 60013, 60014, 10002, 20004, 20005, 70169, 70500, 90994, 91000]);
const USERSIG_EXPIRED = 70001;

const HINTS: Record<number, string> = {
	60026: 'The region of the credential does not match the data center of the SDKAppID.',
	70016: 'Check the region of the credential.',
	70020: 'Check the region of the credential.',
	70009: 'Check the Secret Key and SDKAppID of the credential.',
	70107: 'The user ID was never imported: import the account first.',
	20003: 'The sender or a receiver is not an imported account.',
	90003: 'The receiver is not an imported account.',
	10007: 'No permission: check the group type, the admin account and the feature switches in the console.',
	80002: 'The message body is larger than 12 KB.',
};

/** The plain reason as advice under the message, when the table knows the code. */
function reasonHint(code: number): string | undefined {
	const reason = tencentReason(code, '');
	return reason === `Tencent Chat error ${code}` ? undefined : `${reason.charAt(0).toUpperCase()}${reason.slice(1)}.`;
}

/** One Tencent Chat REST API: `/v4/<service>/<command>`. */
export interface TencentApi {
	/** `service/command`; operations name the legacy push paths (the credential may ask for the current ones). */
	name: string;
	/**
	 * Safe to repeat after an ambiguous failure: reads, idempotent writes, and sends whose
	 * Random/MsgRandom/MsgSeq are fixed so Tencent drops a repeat (§3.4). Default false.
	 */
	idempotent?: boolean;
}

export const tencentApi = (name: string, idempotent = false): TencentApi => ({ name, idempotent });

/** The credential's Push API (legacy all_member_push, or the current timpush paths); legacy when unset. */
export const pushApiOf = (raw: Record<string, unknown>): TencentPushApi => (raw.pushApi === 'timpush' ? 'timpush' : 'legacy');

export type TencentEnvelope = IDataObject & { ActionStatus?: string; ErrorCode?: number; ErrorInfo?: string; RequestId?: string };

/**
 * The Tencent side of nodes/shared/engine/vendorRequest.ts: POST `/v4/<service>/<command>` (the
 * credential adds sdkappid, identifier and the UserSig to the query), one limiter budget per
 * SDKAppID and path. HTTP is always 200; the outcome is ErrorCode (§1.3). An expired UserSig
 * (70001) is regenerated once and the call repeated with the same body, so the message's
 * Random/MsgRandom/MsgSeq — and Tencent's de-duplication — stay the same.
 */
export const tencentAdapter: VendorAdapter<TencentApi> = {
	vendor: VENDOR,
	key: 'tencent',
	credentialType: TENCENT_CREDENTIAL,
	identity: (credential) => String(parseTencentCredentials(credential).sdkAppId),
	// Operations name the legacy push paths; the credential may ask for the current ones.
	resolve: (api, credential) => ({ ...api, name: pushPath(api.name, pushApiOf(credential)) }),
	target: (api) => ({ url: `/v4/${api.name}` }),
	quotaOf: (api) => tencentQuota(api.name),
	classify: (api, answer, node, itemIndex) => answerOf(node, api.name, answer, itemIndex),
	refresh: async (credential) => {
		const creds = parseTencentCredentials(credential);
		invalidateUserSig(creds.sdkAppId, creds.adminUserId);
	},
};

function answerOf(node: INode, path: string, answer: JsonAnswer, itemIndex?: number): Answer<VendorResult> {
	const { status } = answer;
	const envelope = answer.json as TencentEnvelope | undefined;
	const requestId = envelope && typeof envelope === 'object' ? (envelope.RequestId as string | undefined) : undefined;
	// 429 is "too many requests" whatever the body says (an OK envelope behind a gateway's 429 was
	// not processed by Chat): a throttle, paced and retried.
	if (status === 429) {
		const error = vendorApiError(node, { vendor: VENDOR, code: 'HTTP 429', message: `${path} was throttled (HTTP 429 Too Many Requests)`, requestId, httpCode: status }, itemIndex);
		return { kind: 'throttle', error };
	}
	if (!envelope || typeof envelope !== 'object' || Array.isArray(envelope) || (status !== 200 && envelope.ErrorCode === undefined)) {
		const error = vendorApiError(node, { vendor: VENDOR, code: `HTTP ${status}`, message: `${path} got no valid answer`, httpCode: status }, itemIndex);
		// 503: not taken. Anything else without the envelope may have been processed.
		return { kind: status === 503 ? 'retry' : 'ambiguous', error };
	}
	const failed = String(envelope.ActionStatus ?? '').toUpperCase() === 'FAIL';
	if (envelope.ErrorCode === undefined || envelope.ErrorCode === null) {
		// §1.3: the outcome is ErrorCode. "ActionStatus: FAIL" without one is a refusal, never a success.
		if (!failed) return { kind: 'ok', value: { result: envelope, requestId } };
		const error = vendorApiError(
			node,
			{ vendor: VENDOR, code: 'FAIL', message: String(envelope.ErrorInfo ?? '') || `${path} answered ActionStatus FAIL without an ErrorCode`, requestId, httpCode: status },
			itemIndex,
		);
		return { kind: 'fail', error };
	}
	const code = Number(envelope.ErrorCode);
	if (code === 0 && !failed) return { kind: 'ok', value: { result: envelope, requestId } };
	const daily = DAILY_QUOTA_CODES.get(code);
	const error = vendorApiError(
		node,
		{
			vendor: VENDOR,
			code: String(code),
			message: daily ? `${String(envelope.ErrorInfo ?? '') || 'daily limit reached'} — daily quota of ${daily} used up, try tomorrow` : String(envelope.ErrorInfo ?? ''),
			requestId,
			httpCode: status,
			hint: daily ? 'Daily quota, try tomorrow: not retried in this run (the quota resets daily; a higher quota is bought in the console).' : (HINTS[code] ?? reasonHint(code)),
		},
		itemIndex,
	);
	if (daily) {
		// Not a throttle: no pause, no retry — nothing this run does can succeed before the reset. The
		// skeleton remembers it for the execution: later items of the run are not sent.
		error.context.dailyQuota = true;
		return { kind: 'fail', error };
	}
	if (code === USERSIG_EXPIRED) return { kind: 'refresh', error };
	if (THROTTLE_CODES.has(code)) return { kind: 'throttle', error };
	if (RETRYABLE_CODES.has(code)) return { kind: 'retry', error };
	return { kind: 'fail', error };
}
