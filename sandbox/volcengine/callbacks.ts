// Sandbox code (not shipped): the Volcengine callback (volcengine-rtc.md §6) — signer, builder and
// the callbacks that follow the sandbox's own operations. Written from the spec on its own (it does
// not reuse the trigger node's verifier), so the two check each other.
import { createHash, randomBytes, randomInt, randomUUID } from 'node:crypto';
import { stringifyJson } from '../json';
import type { BuiltCallback, CallbackKind, VolcengineCallbackConfig, VolcengineSendRequest } from '../callbacks/types';
import type { VolcengineMessage } from './state';

/** §6.2 as Volcengine computes it: the 8 strings sorted bytewise, concatenated, SHA-256. */
export function volcengineSign(f: { EventType: string; EventData: string; EventTime: string; EventId: string; AppId: string; Version: string; Nonce: string }, secret: string): string {
	const parts = [f.EventType, f.EventData, f.EventTime, f.EventId, f.AppId, f.Version, f.Nonce, secret].map((s) => Buffer.from(s, 'utf8'));
	parts.sort(Buffer.compare);
	return createHash('sha256').update(Buffer.concat(parts)).digest('hex');
}

/** RFC 3339 with nanoseconds, as Volcengine writes EventTime. */
export function volcengineTime(ms: number): string {
	const iso = new Date(ms).toISOString(); // 2024-01-15T08:30:00.123Z
	return `${iso.slice(0, 19)}.${iso.slice(20, 23)}000000Z`;
}

/**
 * One callback of the given kind, ready to deliver; throws (with a readable reason) when it cannot
 * be built. `defaultAppId` is used when the request names none.
 */
export function buildVolcengineCallback(cfg: VolcengineCallbackConfig, req: VolcengineSendRequest, kind: CallbackKind, now: number, defaultAppId: string): BuiltCallback {
	if (kind === 'wrongApp') throw new Error('kind wrongApp is for Tencent (SdkAppid)');
	if (!cfg.url) throw new Error('no Volcengine callback URL is configured (callbacks.volcengine.url)');
	const appId = String(req.appId ?? defaultAppId);
	const eventType = req.eventType ?? 'SendMessage';
	const eventData =
		typeof req.eventData === 'string'
			? req.eventData
			: stringifyJson(req.eventData ?? { AppId: Number(appId), Sender: 10001, Receiver: 20001, MessageId: 7205759403792793601n, MsgType: 10001, Content: 'hi' });
	const fields = {
		EventType: eventType,
		EventData: eventData,
		EventTime: volcengineTime(kind === 'stale' ? now - 3600_000 : now),
		EventId: `sandbox-${randomUUID()}`,
		AppId: appId,
		Version: '2020-12-01',
		Nonce: randomBytes(3).toString('base64url').slice(0, 4),
	};
	let shifted: typeof fields | undefined;
	if (kind === 'shifted') {
		if (cfg.secret === '') throw new Error('kind shifted needs a callback secret (callbacks.volcengine.secret)');
		// The move keeps the signature only when the Nonce sorts right before the EventId: draw
		// Nonces below "sandbox-" until one does (the secret may sort between them).
		for (let i = 0; i < 64 && !shifted; i++) {
			fields.Nonce = Array.from({ length: 4 }, () => 'abcdefghijklmnopqr'[randomInt(0, 18)]).join('');
			const candidate = { ...fields, EventId: `${fields.Nonce}${fields.EventId}`, Nonce: '' };
			if (volcengineSign(candidate, cfg.secret) === volcengineSign(fields, cfg.secret)) shifted = candidate;
		}
		if (!shifted) throw new Error('no Nonce sorts right before the EventId with this secret; cannot build a shifted replay');
	}
	const signature = kind === 'unsigned' || cfg.secret === '' ? '' : volcengineSign(fields, cfg.secret);
	const sent = { ...fields, Signature: signature };
	if (kind === 'forged') {
		// Signed as sent by Volcengine, then changed on the way (the signature no longer matches).
		const changed = fields.EventData.replace(/"Content":"[^"]*"/, '"Content":"forged"');
		sent.EventData = changed !== fields.EventData ? changed : `${fields.EventData} `;
	}
	const text = stringifyJson(sent);
	const bodies = shifted
		? [text, stringifyJson({ ...shifted, Signature: signature })]
		: Array<string>(kind === 'duplicate' ? (req.copies ?? 2) : 1).fill(text);
	return {
		delivery: { vendor: 'volcengine', kind, event: eventType, eventId: fields.EventId, url: cfg.url, body: text, bodies, simultaneous: req.simultaneous === true, attempts: [], status: null, at: now },
		timeoutMs: cfg.timeoutMs,
		// §6.1: a valid callback is retried while it is not answered with HTTP 200, up to 3 deliveries.
		maxAttempts: kind === 'valid' ? Math.max(1, Math.min(cfg.attempts, 3)) : 1,
		retryDelayMs: cfg.retryDelayMs,
	};
}

/**
 * The callbacks that follow a `volcengine.message` event: one IM SendMessage event per message
 * BatchSendMessage stored (the handler puts them in the event). sandbox: the EventData fields
 * beyond the spec's CB1 example are unconfirmed (§6.3).
 */
export function volcengineCallbacksAfter(e: Record<string, unknown>): VolcengineSendRequest[] {
	if (e.action !== 'BatchSendMessage' || !Array.isArray(e.messages)) return [];
	return (e.messages as VolcengineMessage[]).map((m) => ({
		vendor: 'volcengine',
		eventType: 'SendMessage',
		eventData: stringifyJson({
			AppId: m.appId,
			Sender: m.sender,
			Receiver: m.receiver,
			MessageId: m.messageId,
			InboxType: m.inboxType,
			MsgType: m.msgType,
			Content: m.content,
			...(m.ext ? { Ext: m.ext } : {}),
		}),
		appId: m.appId,
	}));
}
