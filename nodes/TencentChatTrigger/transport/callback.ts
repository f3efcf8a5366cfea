import { hexDigestEquals, parseUnixSeconds, sha256Hex, withinReplayWindow } from '../../shared/webhook';

/**
 * Tencent Chat third-party callbacks (tencent-chat.md §8): the command catalogue, the
 * authentication of §8.2 and the answers of §8.3. Pure functions, explicit clock.
 */

/** §8.2: `|now − RequestTime|` beyond this is a replay. */
export const TENCENT_REPLAY_WINDOW_SECONDS = 60;

/** §8.3: the answer Tencent expects (HTTP 200). For a before-event it means "allow". */
export const TENCENT_ACK = { ActionStatus: 'OK', ErrorInfo: '', ErrorCode: 0 } as const;

/** §8.2: lowercase hex SHA-256 of token + RequestTime (plain hash, not HMAC; the body is not signed). */
export function tencentCallbackSign(token: string, requestTime: string): string {
	return sha256Hex(`${token}${requestTime}`);
}

/** Commands whose answer decides what Tencent does (allow, deny, rewrite): before/prev events. */
export function isTencentBeforeEvent(command: string): boolean {
	return /\.Callback(Before|Prev)/.test(command);
}

/**
 * Commands whose answer Tencent reads: the before-events, and the chatbot pass-through callback,
 * whose reply carries the content returned to the bot (https://www.tencentcloud.com/document/product/1047/59057).
 */
export function isTencentAnswerableEvent(command: string): boolean {
	return isTencentBeforeEvent(command) || command === 'Chatbot.OnC2CSignalMessage';
}

/** A single query value: repeated parameters are refused (ambiguous), arrays and objects too. */
export function singleQueryValue(query: Record<string, unknown>, name: string): string | undefined | null {
	const v = query[name];
	if (v === undefined) return undefined;
	return typeof v === 'string' ? v : null;
}

export type TencentVerdict =
	| { ok: true; signed: boolean }
	| { ok: false; reason: string };

export interface TencentVerifyInput {
	query: Record<string, unknown>;
	/** The credential's SDKAppID. */
	sdkAppId: string;
	/** Callback token (trigger override, else credential); empty = none configured. */
	token: string;
	/** The user explicitly accepts callbacks without a configured token. */
	acceptUnsigned: boolean;
	nowMs: number;
}

/**
 * §8.1–§8.2: SdkAppid must be ours; with a token, Sign must equal SHA-256(token + RequestTime)
 * (constant-time compare) and RequestTime must be within 60 s. Without a token the callback is
 * refused unless unsigned callbacks were explicitly accepted (fail closed).
 */
export function verifyTencentCallback(input: TencentVerifyInput): TencentVerdict {
	const appId = singleQueryValue(input.query, 'SdkAppid');
	if (typeof appId !== 'string' || appId.trim() === '' || appId.trim() !== input.sdkAppId.trim()) {
		return { ok: false, reason: 'SdkAppid does not match the credential' };
	}
	const token = input.token;
	if (token === '') {
		if (input.acceptUnsigned) return { ok: true, signed: false };
		return { ok: false, reason: 'no callback token is configured, so the callback cannot be authenticated' };
	}
	const sign = singleQueryValue(input.query, 'Sign');
	const requestTime = singleQueryValue(input.query, 'RequestTime');
	if (typeof sign !== 'string' || typeof requestTime !== 'string') return { ok: false, reason: 'Sign or RequestTime is missing' };
	const sentAt = parseUnixSeconds(requestTime);
	if (sentAt === undefined) return { ok: false, reason: 'RequestTime is malformed' };
	// Compare first, then check the window: both always run for a well-formed request.
	const signOk = hexDigestEquals(tencentCallbackSign(token, requestTime), sign);
	if (!signOk) return { ok: false, reason: 'Sign does not match' };
	if (!withinReplayWindow(sentAt, input.nowMs, TENCENT_REPLAY_WINDOW_SECONDS)) {
		return { ok: false, reason: `RequestTime is more than ${TENCENT_REPLAY_WINDOW_SECONDS} s away from now` };
	}
	return { ok: true, signed: true };
}
