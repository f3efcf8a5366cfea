// Sandbox code (not shipped): Tencent Chat global mute — set and get (tencent-chat.md §5.6); the
// send handlers (messages.ts) refuse a muted sender with muteLeft().
import { TimError, uint32Field, UINT32_MAX } from './fields';
import { route, type TimRoute } from './route';
import type { TimCtx } from './state';

/** Remaining mute seconds as getnospeaking reports them: 0 = not muted, 4294967295 = permanent. */
export function muteLeft(ctx: TimCtx, account: string, kind: 'c2c' | 'group'): number {
	const m = ctx.st.mutes.get(account);
	const until = m ? (kind === 'c2c' ? m.c2cUntil : m.groupUntil) : 0;
	if (until === Infinity) return UINT32_MAX;
	return until > ctx.now ? Math.ceil((until - ctx.now) / 1000) : 0;
}

function muteAccount(ctx: TimCtx, body: Record<string, unknown>, name: string): string {
	const v = body[name];
	if (typeof v !== 'string' || v === '') throw new TimError(70402, `${name} is required and must be a string`);
	if (!ctx.st.accounts.has(v)) throw new TimError(70107, `${v} is not an imported account`);
	return v;
}

function setnospeaking(ctx: TimCtx, body: Record<string, unknown>) {
	const account = muteAccount(ctx, body, 'Set_Account');
	const c2c = uint32Field(body, 'C2CmsgNospeakingTime', 70402, false);
	const group = uint32Field(body, 'GroupmsgNospeakingTime', 70402, false);
	if (c2c === undefined && group === undefined) throw new TimError(70402, 'C2CmsgNospeakingTime or GroupmsgNospeakingTime is required');
	const until = (s: number) => (s === UINT32_MAX ? Infinity : s === 0 ? 0 : ctx.now + s * 1000);
	const m = ctx.st.mutes.get(account) ?? { c2cUntil: 0, groupUntil: 0 };
	if (c2c !== undefined) m.c2cUntil = until(c2c);
	if (group !== undefined) m.groupUntil = until(group);
	ctx.st.mutes.set(account, m);
	return {};
}

/** §5.6: the answer may lack ActionStatus — this one does (the field is removed from the envelope). */
function getnospeaking(ctx: TimCtx, body: Record<string, unknown>) {
	const account = muteAccount(ctx, body, 'Get_Account');
	return { ActionStatus: undefined, C2CmsgNospeakingTime: muteLeft(ctx, account, 'c2c'), GroupmsgNospeakingTime: muteLeft(ctx, account, 'group') };
}

export const muteRoutes: TimRoute[] = [
	route('openconfigsvr/setnospeaking', 'config', 200, setnospeaking),
	route('openconfigsvr/getnospeaking', 'config', 200, getnospeaking),
];
