import type { IDataObject } from 'n8n-workflow';
import { hexDigestEquals, parseRfc3339, sha256Hex, withinReplayWindow } from '../../shared/webhook';

/**
 * Volcengine RTC / IM callbacks (volcengine-rtc.md §6): the envelope, the signature of §6.2 and the
 * event catalogue. Pure functions, explicit clock.
 */

/** §6.1 envelope, every value a string exactly as received. */
export interface VolcengineEnvelope {
	EventType: string;
	EventData: string;
	EventTime: string;
	EventId: string;
	AppId: string;
	Version: string;
	/** `Nonce` (BytePlus docs spell it `Noce`). */
	Nonce: string;
	Signature: string;
}

/** A field value as the signer saw it: strings as-is, numbers (and int64 kept as digits) as their text. */
function asText(v: unknown): string {
	if (typeof v === 'string') return v;
	if (typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean') return String(v);
	return '';
}

/** Reads the envelope out of the parsed body (parsed with the int64-safe parser from the raw text). */
export function readVolcengineEnvelope(body: IDataObject): VolcengineEnvelope {
	return {
		EventType: asText(body.EventType),
		EventData: asText(body.EventData),
		EventTime: asText(body.EventTime),
		EventId: asText(body.EventId),
		AppId: asText(body.AppId),
		Version: asText(body.Version),
		Nonce: asText(body.Nonce ?? body.Noce),
		Signature: asText(body.Signature),
	};
}

/**
 * §6.2: the 8 strings (EventType, EventData, EventTime, EventId, AppId, Version, Nonce, secret)
 * sorted by bytes (`Buffer.compare`, like Go's sort.Strings), concatenated, plain SHA-256, lowercase hex.
 */
export function volcengineCallbackSignature(ev: Omit<VolcengineEnvelope, 'Signature'>, secret: string): string {
	const parts = [ev.EventType, ev.EventData, ev.EventTime, ev.EventId, ev.AppId, ev.Version, ev.Nonce, secret].map((s) => Buffer.from(s, 'utf8'));
	parts.sort(Buffer.compare);
	return sha256Hex(Buffer.concat(parts));
}

/** Length of `Nonce` (volcengine-rtc.md §6.1 "4-character random"; BytePlus docs-75124: "Noce … 4-digit random number"). */
export const VOLCENGINE_NONCE_LENGTH = 4;

/**
 * Why a Nonce is unusable, or undefined when it is fine. The signature concatenates the sorted
 * fields without separators, so characters can move between neighbouring fields without changing
 * it: an empty Nonce with its characters prepended to EventId (`a1b2` + `evt-1` → `a1b2evt-1`)
 * still verifies, under a new EventId. A Nonce of exactly the documented length stops that move;
 * de-duplicating on the signature (the node) stops every other one. Any 4 visible ASCII
 * characters are accepted: the docs say "character" in one place and "digit" in another.
 */
export function volcengineNonceProblem(nonce: string): string | undefined {
	if (nonce === '') return 'Nonce is missing or empty';
	const length = [...nonce].length;
	if (length !== VOLCENGINE_NONCE_LENGTH) return `Nonce must be ${VOLCENGINE_NONCE_LENGTH} characters, got ${length}`;
	if (!/^[\x21-\x7e]+$/.test(nonce)) return `Nonce must be ${VOLCENGINE_NONCE_LENGTH} visible ASCII characters`;
	return undefined;
}

export type VolcengineVerdict = { ok: true; signed: boolean; eventMs: number } | { ok: false; reason: string };

export interface VolcengineVerifyInput {
	envelope: VolcengineEnvelope;
	/** Callback secret key (trigger override, else credential); empty = none configured. */
	secret: string;
	acceptUnsigned: boolean;
	/** EventTime further than this from now (either way) is refused as a replay. */
	maxAgeSeconds: number;
	nowMs: number;
}

/**
 * Nonce shape, signature (constant-time compare) and replay window. Without a secret the callback
 * is refused unless unsigned callbacks were explicitly accepted (fail closed).
 */
export function verifyVolcengineCallback(input: VolcengineVerifyInput): VolcengineVerdict {
	const ev = input.envelope;
	if (ev.EventType === '' || ev.EventId === '') return { ok: false, reason: 'EventType or EventId is missing' };
	const nonceProblem = volcengineNonceProblem(ev.Nonce);
	if (nonceProblem) return { ok: false, reason: nonceProblem };
	const eventMs = parseRfc3339(ev.EventTime);
	let signed = false;
	if (input.secret === '') {
		if (!input.acceptUnsigned) return { ok: false, reason: 'no callback secret key is configured, so the callback cannot be authenticated' };
	} else {
		if (ev.Signature === '') return { ok: false, reason: 'Signature is missing' };
		if (!hexDigestEquals(volcengineCallbackSignature(ev, input.secret), ev.Signature)) return { ok: false, reason: 'Signature does not match' };
		signed = true;
	}
	if (eventMs === undefined) return { ok: false, reason: 'EventTime is missing or not an RFC 3339 time' };
	if (!withinReplayWindow(eventMs, input.nowMs, input.maxAgeSeconds)) {
		return { ok: false, reason: `EventTime is more than ${input.maxAgeSeconds} s away from now` };
	}
	return { ok: true, signed, eventMs };
}
