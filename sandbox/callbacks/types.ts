// Sandbox code (not shipped): what the vendors' callback (webhook) senders are configured with, and
// what a delivery records. Shared by the sender core (callbacks/sender.ts) and the vendor builders
// (volcengine/callbacks.ts, tencent/callbacks.ts).

export interface TencentCallbackConfig {
	/** Callback URL as pasted in the console; '' = callbacks off. */
	url: string;
	/** Authentication token (§8.2); '' = callbacks go out without Sign/RequestTime. */
	token: string;
	/** Tencent waits at most this long for the answer (§8.3: 2 s). */
	timeoutMs: number;
}

export interface VolcengineCallbackConfig {
	/** Callback URL as set in the RTC console; '' = callbacks off. */
	url: string;
	/** Callback secret key (§6.2); '' = callbacks go out without a Signature. */
	secret: string;
	/** Success = HTTP 200 within this time (§6.1: 5 s). */
	timeoutMs: number;
	/** Deliveries per event, first try included (§6.1: up to 3). */
	attempts: number;
	retryDelayMs: number;
}

export interface CallbacksConfig {
	tencent: TencentCallbackConfig;
	volcengine: VolcengineCallbackConfig;
}

export function defaultCallbacksConfig(): CallbacksConfig {
	return {
		tencent: { url: '', token: '', timeoutMs: 2000 },
		volcengine: { url: '', secret: '', timeoutMs: 5000, attempts: 3, retryDelayMs: 100 },
	};
}

export type CallbackVendor = 'tencent' | 'volcengine';
/**
 * valid: signed and fresh · forged: Tencent signed with another token, Volcengine EventData changed
 * after signing · stale: correctly signed but old (Tencent RequestTime −120 s, Volcengine EventTime
 * −1 h) · duplicate: the same valid callback delivered twice (`copies` times; at the same moment
 * with `simultaneous`) · unsigned: no Sign / no Signature · wrongApp (Tencent): signed, but for
 * another SdkAppid · shifted (Volcengine): a valid callback, then a replay of it with the Nonce
 * moved into the EventId (empty Nonce, EventId = Nonce + EventId): the signature, computed over the
 * sorted fields concatenated without separators, still matches (volcengine-rtc.md §6.2).
 */
export type CallbackKind = 'valid' | 'forged' | 'stale' | 'duplicate' | 'unsigned' | 'wrongApp' | 'shifted';
export const CALLBACK_KINDS: CallbackKind[] = ['valid', 'forged', 'stale', 'duplicate', 'unsigned', 'wrongApp', 'shifted'];

/** At most this many copies of one callback per send request. */
export const MAX_COPIES = 10;

export interface CallbackAttempt {
	/** Which copy (0-based) this request belongs to; copies of a `shifted` send differ in their body. */
	copy: number;
	status: number | null;
	body: string;
	error?: string;
	ms: number;
}

export interface CallbackDelivery {
	vendor: CallbackVendor;
	kind: CallbackKind;
	/** Tencent CallbackCommand or Volcengine EventType. */
	event: string;
	/** Volcengine EventId. */
	eventId?: string;
	url: string;
	/** The body of the first copy. */
	body: string;
	/** The body of every copy, in copy order (one entry unless duplicate or shifted). */
	bodies: string[];
	/** The copies were POSTed at the same moment (each on its own connection), not one after another. */
	simultaneous: boolean;
	/** One entry per HTTP request, in the order the answers came (duplicates and retries add entries). */
	attempts: CallbackAttempt[];
	/** Status of the last attempt; null when it got no answer (refused, timeout). */
	status: number | null;
	at: number;
}

export interface TencentSendRequest {
	vendor: 'tencent';
	kind?: CallbackKind;
	/** Default Group.CallbackAfterSendMsg. */
	command?: string;
	/** Body fields; merged over a sample body for the command. */
	body?: Record<string, unknown>;
	sdkAppId?: number | string;
	/** Identical deliveries (kind duplicate; default 2, at most MAX_COPIES). */
	copies?: number;
	/** Send the copies at the same moment instead of one after another. */
	simultaneous?: boolean;
}

export interface VolcengineSendRequest {
	vendor: 'volcengine';
	kind?: CallbackKind;
	/** Default SendMessage. */
	eventType?: string;
	/** An object (written with int64-exact JSON) or the EventData string itself. */
	eventData?: Record<string, unknown> | string;
	appId?: number | string;
	/** Identical deliveries (kind duplicate; default 2, at most MAX_COPIES). */
	copies?: number;
	/** Send the copies at the same moment instead of one after another. */
	simultaneous?: boolean;
}

export type SendRequest = TencentSendRequest | VolcengineSendRequest;

/** What a vendor builder hands the sender: the delivery record (without attempts) and how to retry. */
export interface BuiltCallback {
	delivery: CallbackDelivery;
	timeoutMs: number;
	/** Requests per copy at most (first try included); 1 = no retry. */
	maxAttempts: number;
	retryDelayMs: number;
}
