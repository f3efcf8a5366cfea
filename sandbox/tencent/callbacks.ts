// Sandbox code (not shipped): the Tencent Chat callback (tencent-chat.md §8) — signer, builder and
// the after-send callbacks that follow the sandbox's own sends. Written from the spec on its own
// (it does not reuse the trigger node's verifier), so the two check each other.
import { createHash, randomInt } from 'node:crypto';
import { stringifyJson } from '../json';
import { withQuery } from '../callbacks/http';
import type { BuiltCallback, CallbackKind, TencentCallbackConfig, TencentSendRequest } from '../callbacks/types';

/** §8.2 as Tencent computes it. */
export function tencentSign(token: string, requestTime: string | number): string {
	return createHash('sha256').update(`${token}${requestTime}`).digest('hex');
}

/**
 * One callback of the given kind, ready to deliver; throws (with a readable reason) when it cannot
 * be built. `automatic` = sent after a sandbox operation: the body is used as given, not merged
 * over a sample.
 */
export function buildTencentCallback(cfg: TencentCallbackConfig, req: TencentSendRequest, kind: CallbackKind, now: number, defaultSdkAppId: string, automatic: boolean): BuiltCallback {
	if (kind === 'shifted') throw new Error('kind shifted is for Volcengine (its signature covers the body)');
	if (!cfg.url) throw new Error('no Tencent callback URL is configured (callbacks.tencent.url)');
	const command = req.command ?? 'Group.CallbackAfterSendMsg';
	const sdkAppId = String(req.sdkAppId ?? defaultSdkAppId);
	const body = automatic ? (req.body ?? {}) : { ...sampleTencentBody(command, now), ...(req.body ?? {}) };
	const text = stringifyJson(body);
	const params: Array<[string, string]> = [
		['SdkAppid', kind === 'wrongApp' ? String(Number(sdkAppId) + 1) : sdkAppId],
		['CallbackCommand', command],
		['contenttype', 'json'],
		['ClientIP', '127.0.0.1'],
		['OptPlatform', 'RESTAPI'],
	];
	if (kind !== 'unsigned' && cfg.token !== '') {
		const requestTime = String(Math.floor(now / 1000) - (kind === 'stale' ? 120 : 0));
		const sign = kind === 'forged' ? tencentSign(`forged-${cfg.token}`, requestTime) : tencentSign(cfg.token, requestTime);
		params.push(['Sign', sign], ['RequestTime', requestTime]);
	}
	const url = withQuery(cfg.url, params);
	const bodies = Array<string>(kind === 'duplicate' ? (req.copies ?? 2) : 1).fill(text);
	return {
		delivery: { vendor: 'tencent', kind, event: command, url, body: text, bodies, simultaneous: req.simultaneous === true, attempts: [], status: null, at: now },
		timeoutMs: cfg.timeoutMs,
		// §8.3: Tencent does not retry a callback.
		maxAttempts: 1,
		retryDelayMs: 0,
	};
}

/**
 * The after-send callbacks one `tencent.message` event causes (sent at `eventMs`), unless the send
 * forbade them with ForbidCallbackControl ∋ ForbidAfterSendMsgCallback (§3.3): the send handlers
 * (tencent/messages.ts) put the delivered message and the sender's ForbidCallbackControl in the event.
 */
export function tencentCallbacksAfter(e: Record<string, unknown>, eventMs: number): TencentSendRequest[] {
	if (Array.isArray(e.forbidCallbackControl) && e.forbidCallbackControl.includes('ForbidAfterSendMsgCallback')) return [];
	if (e.command === 'group_open_http_svc/send_group_msg') {
		const body: Record<string, unknown> = {
			CallbackCommand: 'Group.CallbackAfterSendMsg',
			GroupId: e.groupId,
			Type: e.groupType,
			From_Account: e.from,
			Operator_Account: e.from,
			Random: e.random,
			MsgSeq: e.msgSeq,
			MsgTime: e.msgTime,
			OnlineOnlyFlag: 0,
			MsgBody: e.msgBody,
			CloudCustomData: e.cloudCustomData ?? '',
			EventTime: eventMs,
		};
		return [{ vendor: 'tencent', command: 'Group.CallbackAfterSendMsg', body, sdkAppId: e.sdkAppId as number }];
	}
	if (e.command !== 'openim/sendmsg') return [];
	return ((e.to as string[]) ?? []).map((to) => {
		const body: Record<string, unknown> = {
			CallbackCommand: 'C2C.CallbackAfterSendMsg',
			From_Account: e.from,
			To_Account: to,
			MsgSeq: e.msgSeq,
			MsgRandom: e.msgRandom,
			MsgTime: e.msgTime,
			MsgKey: e.msgKey,
			OnlineOnlyFlag: 0,
			MsgBody: e.msgBody,
			CloudCustomData: e.cloudCustomData ?? '',
			SendMsgResult: 0,
			ErrorInfo: 'send msg succeed',
			UnreadMsgNum: 1,
			EventTime: eventMs,
		};
		return { vendor: 'tencent', command: 'C2C.CallbackAfterSendMsg', body, sdkAppId: e.sdkAppId as number };
	});
}

/** A plausible body for a command sent by hand (after-send payloads of §8.5, else a minimal body). */
function sampleTencentBody(command: string, nowMs: number): Record<string, unknown> {
	const text = [{ MsgType: 'TIMTextElem', MsgContent: { Text: 'hello from the sandbox' } }];
	const random = randomInt(0, 2 ** 32);
	if (command.startsWith('Group.') && command.includes('SendMsg')) {
		return {
			CallbackCommand: command, GroupId: '@TGS#sandbox', Type: 'Public', From_Account: 'alice', Operator_Account: 'alice',
			Random: random, OnlineOnlyFlag: 0, MsgBody: text, CloudCustomData: '', EventTime: nowMs,
			...(command.includes('After') ? { MsgSeq: 1, MsgTime: Math.floor(nowMs / 1000) } : {}),
		};
	}
	if (command.startsWith('C2C.') && command.includes('SendMsg')) {
		const msgTime = Math.floor(nowMs / 1000);
		return {
			CallbackCommand: command, From_Account: 'alice', To_Account: 'bob', MsgSeq: 1, MsgRandom: random, MsgTime: msgTime,
			MsgKey: `1_${random}_${msgTime}`, OnlineOnlyFlag: 0, MsgBody: text, CloudCustomData: '', EventTime: nowMs,
			...(command.includes('After') ? { SendMsgResult: 0, ErrorInfo: 'send msg succeed', UnreadMsgNum: 1 } : {}),
		};
	}
	return { CallbackCommand: command, EventTime: nowMs };
}
