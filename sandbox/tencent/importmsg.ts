// Sandbox code (not shipped): openim/importmsg (the worked example of docs/architecture.md: one
// handler, one route line in messages.ts).
import { TimError } from './fields';
import type { TencentC2CMessage, TimCtx } from './state';

/**
 * Imports one one-to-one message (cloud.tencent.com/document/product/269/2568; trtc.io/document/35014):
 * SyncFromOldSystem 1 (real-time, counted as unread), 2 (history, not counted) or 5 (the current
 * page's real-time import during a migration); MsgRandom and MsgTimeStamp required, MsgSeq optional.
 * No callback is fired and nothing is pushed. De-duplication: a message whose MsgSeq, MsgRandom and
 * MsgTimeStamp match one already in the conversation — in either direction — is a duplicate and
 * changes nothing (the first import's content stays); the answer is still OK.
 * sandbox: the error codes are sendmsg's (20003 unknown account, 90005 MsgRandom, 90007 MsgBody)
 * plus 90030 for SyncFromOldSystem (listed on the error-code page); MsgTimeStamp uses 90010.
 */

const UINT32_MAX = 4294967295;
const isUint32 = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= UINT32_MAX;

function account(ctx: TimCtx, body: Record<string, unknown>, name: 'From_Account' | 'To_Account'): string {
	const v = body[name];
	if (typeof v !== 'string' || v === '') throw new TimError(90010, `${name} is required and must be a string`);
	if (!ctx.st.accounts.has(v)) throw new TimError(20003, `${name} ${v} is not an imported account`);
	return v;
}

export function importmsg(ctx: TimCtx, body: Record<string, unknown>): Record<string, unknown> {
	if (![1, 2, 5].includes(body.SyncFromOldSystem as number)) throw new TimError(90030, 'SyncFromOldSystem is required and must be 1, 2 or 5');
	const from = account(ctx, body, 'From_Account');
	const to = account(ctx, body, 'To_Account');
	if (!isUint32(body.MsgRandom)) throw new TimError(90005, 'MsgRandom is required and must be an unsigned 32-bit integer');
	if (body.MsgSeq !== undefined && !isUint32(body.MsgSeq)) throw new TimError(90010, 'MsgSeq must be an unsigned 32-bit integer');
	if (!isUint32(body.MsgTimeStamp) || body.MsgTimeStamp === 0) throw new TimError(90010, 'MsgTimeStamp is required (UNIX seconds)');
	const msgBody = body.MsgBody;
	if (!Array.isArray(msgBody) || msgBody.length === 0) throw new TimError(90007, 'MsgBody must be a non-empty array of TIMMsgElement');
	for (const [i, el] of msgBody.entries()) {
		if (!el || typeof el !== 'object' || typeof el.MsgType !== 'string' || !el.MsgContent || typeof el.MsgContent !== 'object') {
			throw new TimError(90007, `MsgBody[${i}] must be { MsgType, MsgContent }`);
		}
	}
	if (body.CloudCustomData !== undefined && typeof body.CloudCustomData !== 'string') throw new TimError(90010, 'CloudCustomData must be a string');
	// sandbox: like the vendor, without MsgSeq the server picks one, so a blind repeat is not a duplicate.
	const msgSeq = (body.MsgSeq as number | undefined) ?? Math.floor(Math.random() * UINT32_MAX);
	const msgRandom = body.MsgRandom;
	const msgTime = body.MsgTimeStamp;
	const same = (m: TencentC2CMessage) =>
		m.via === 'importmsg' && m.msgSeq === msgSeq && m.msgRandom === msgRandom && m.msgTime === msgTime && ((m.from === from && m.to === to) || (m.from === to && m.to === from));
	if (ctx.st.c2c.some(same)) {
		ctx.st.counters.deduplicated++;
		return {};
	}
	ctx.st.c2c.push({
		from, to, msgKey: `${msgSeq}_${msgRandom}_${msgTime}`, msgSeq, msgRandom, msgTime, msgLifeTime: 0, msgBody,
		cloudCustomData: body.CloudCustomData as string | undefined, via: 'importmsg', recalled: false, at: ctx.now,
		unread: body.SyncFromOldSystem !== 2,
	});
	return {};
}
