/* eslint-disable */
// Sandbox code (not shipped): the Tencent Chat error type, the windows and limits, and the field
// checks and small rules the resource files share (§1.4, §1.5, §3.1, §3.4).
import { stringifyJson } from '../json';
import type { TencentGroup, TencentState, TimCtx } from './state';

export class TimError extends Error {
	constructor(
		readonly code: number,
		message: string,
	) {
		super(message);
	}
}

// ---- windows and limits (§1.4, §1.5, §3.4) ------------------------------------------------------

export const C2C_DEDUP_MS = 120_000;
export const GROUP_DEDUP_MS = 5 * 60_000;
export const PUSH_DEDUP_MS = 7 * 24 * 3600_000;
export const MSG_BODY_LIMIT = 12 * 1024; // §1.5
export const BROADCAST_BODY_LIMIT = 12_000; // §1.5, §4.6
export const PUSH_REQUEST_LIMIT = 10 * 1024; // §1.5
export const UINT32_MAX = 4294967295;

// ---- helpers ------------------------------------------------------------------------------------

export function isObj(v: unknown): v is Record<string, any> {
	return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function bytes(s: string): number {
	return Buffer.byteLength(s, 'utf8');
}

/** Key-sorted JSON, so that field order does not change a message's content checksum. */
export function canonical(v: unknown): string {
	if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
	if (isObj(v)) {
		return `{${Object.keys(v)
			.sort()
			.filter((k) => v[k] !== undefined)
			.map((k) => `${JSON.stringify(k)}:${canonical(v[k])}`)
			.join(',')}}`;
	}
	return stringifyJson(v);
}

const CRC_TABLE = (() => {
	const t = new Uint32Array(256);
	for (let n = 0; n < 256; n++) {
		let c = n;
		for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
		t[n] = c >>> 0;
	}
	return t;
})();

function crc32(s: string): number {
	let c = 0xffffffff;
	for (const b of Buffer.from(s, 'utf8')) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
	return (c ^ 0xffffffff) >>> 0;
}

/** §3.4: "CRC32 of content" — the message elements plus CloudCustomData. */
export function contentCrc(msgBody: unknown[], cloudCustomData: string | undefined): number {
	return crc32(canonical(msgBody) + '\u0000' + (cloudCustomData ?? ''));
}

export function purge<V extends { at: number }>(m: Map<unknown, V>, now: number, windowMs: number) {
	if (m.size < 5000) return;
	for (const [k, v] of m) if (now - v.at > windowMs) m.delete(k);
}

export function randomUint32(): number {
	return Math.floor(Math.random() * UINT32_MAX) + 1;
}

export function uint32Field(body: Record<string, unknown>, name: string, code: number, required: true): number;
export function uint32Field(body: Record<string, unknown>, name: string, code: number, required: false): number | undefined;
export function uint32Field(body: Record<string, unknown>, name: string, code: number, required: boolean): number | undefined {
	const v = body[name];
	if (v === undefined || v === null) {
		if (required) throw new TimError(code, `${name} is required`);
		return undefined;
	}
	if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > UINT32_MAX) {
		throw new TimError(code, `${name} must be an unsigned 32-bit integer`);
	}
	return v;
}

export function stringField(body: Record<string, unknown>, name: string, code: number, required: true): string;
export function stringField(body: Record<string, unknown>, name: string, code: number, required: false): string | undefined;
export function stringField(body: Record<string, unknown>, name: string, code: number, required: boolean): string | undefined {
	const v = body[name];
	if (v === undefined || v === null) {
		if (required) throw new TimError(code, `${name} is required`);
		return undefined;
	}
	if (typeof v !== 'string') throw new TimError(code, `${name} must be a string`);
	if (required && v === '') throw new TimError(code, `${name} is empty`);
	return v;
}

export function stringArray(v: unknown, name: string, code: number): string[] {
	if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) throw new TimError(code, `${name} must be an array of strings`);
	return v as string[];
}

export const ELEM_TYPES = new Set([
	'TIMTextElem',
	'TIMLocationElem',
	'TIMFaceElem',
	'TIMCustomElem',
	'TIMSoundElem',
	'TIMImageElem',
	'TIMFileElem',
	'TIMVideoFileElem',
	'TIMRelayElem',
]);

/** §3.1: an array of {MsgType, MsgContent}; at most one TIMCustomElem. */
export function msgBodyField(body: Record<string, unknown>, notArray: number, bad: number): unknown[] {
	const v = body.MsgBody;
	if (!Array.isArray(v)) throw new TimError(notArray, 'MsgBody must be an array of TIMMsgElement');
	if (v.length === 0) throw new TimError(bad, 'MsgBody is empty');
	let custom = 0;
	v.forEach((el, i) => {
		if (!isObj(el)) throw new TimError(bad, `MsgBody[${i}] must be an object`);
		const type = el.MsgType;
		if (typeof type !== 'string' || !ELEM_TYPES.has(type)) throw new TimError(bad, `MsgBody[${i}].MsgType ${JSON.stringify(type)} is not supported`);
		const c = el.MsgContent;
		if (!isObj(c)) throw new TimError(bad, `MsgBody[${i}].MsgContent must be an object`);
		if (type === 'TIMTextElem' && typeof c.Text !== 'string') throw new TimError(bad, `MsgBody[${i}]: TIMTextElem needs MsgContent.Text (string)`);
		if (type === 'TIMCustomElem') {
			custom++;
			if (typeof c.Data !== 'string') throw new TimError(bad, `MsgBody[${i}]: TIMCustomElem needs MsgContent.Data (string)`);
		}
		if (type === 'TIMFaceElem' && (typeof c.Index !== 'number' || !Number.isInteger(c.Index))) {
			throw new TimError(bad, `MsgBody[${i}]: TIMFaceElem needs MsgContent.Index (integer)`);
		}
	});
	if (custom > 1) throw new TimError(bad, 'A message may carry at most one TIMCustomElem (§3.1)');
	return v;
}

export function contentSize(msgBody: unknown[], cloudCustomData: string | undefined): number {
	return bytes(stringifyJson(msgBody)) + bytes(cloudCustomData ?? '');
}

/** Takes from a sliding-window quota when limits are enforced; throws `code` (and counts a throttle) when empty. */
export function throttle(ctx: TimCtx, key: string, limit: number, windowMs: number, n: number, code: number, what: string): void {
	const { sb } = ctx;
	if (!sb.config.enforceLimits) return;
	if (!sb.quotas.take(`tim:${ctx.sdkAppId}:${key}`, limit, windowMs, n, ctx.now, sb.config.limitScale)) {
		sb.stats.throttled++;
		throw new TimError(code, `${what} over the frequency limit`);
	}
}

export function fromAccount(ctx: TimCtx, body: Record<string, unknown>, missing: number): string {
	const v = body.From_Account;
	if (v === undefined || v === null || v === '') return ctx.identifier;
	if (typeof v !== 'string') throw new TimError(60015, 'From_Account must be a string');
	if (!ctx.st.accounts.has(v)) throw new TimError(missing, `From_Account ${v} does not exist`);
	return v;
}

export function groupOf(ctx: TimCtx, body: Record<string, unknown>): TencentGroup {
	const id = stringField(body, 'GroupId', 10004, true);
	const g = ctx.st.groups.get(id);
	if (!g) throw new TimError(10010, `Group ${id} does not exist or was dismissed`);
	return g;
}

export function nextGroupSeq(g: TencentGroup): number {
	return g.nextSeq++;
}

export function isOnline(st: TencentState, account: string): boolean {
	return (st.online.get(account) ?? []).some((p) => p.Status === 'Online');
}

/** sandbox: unknown users don't fail the call; they are listed in ErrorList with 70107 (as query_online_status does, §5.5). */
export type ErrorList = Array<{ To_Account: string; ErrorCode: number }>;
export function withErrors(out: Record<string, unknown>, errors: ErrorList) {
	if (errors.length) out.ErrorList = errors;
	return out;
}
