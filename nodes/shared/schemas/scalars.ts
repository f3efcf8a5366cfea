import { z, type ZodTypeAny, type ZodType, type ZodTypeDef } from 'zod';

/**
 * Scalar rules of both nodes: int64 ids, integers in a range, text (UTF-8 byte limits), textual
 * ids (`idText`) and "empty means not set" (`emptyAs`). Service request/response schemas live in
 * each service's transport/.
 */

const INT64_MAX = 9223372036854775807n;

export function describeType(v: unknown): string {
	if (v === null) return 'null';
	if (Array.isArray(v)) return 'an array';
	if (typeof v === 'number' && Number.isNaN(v)) return 'NaN';
	if (v === undefined) return 'undefined';
	return typeof v === 'object' ? 'an object' : `a ${typeof v}`;
}

/** A value a plain check refused, with the reason (the issue message zod reports for it). */
export class Refusal {
	constructor(readonly message: string) {}
}

/**
 * Element schemas that have a plain check (no zod parse state): a list of them (`listInput.pipe(
 * z.array(schema))`) is checked in a plain loop. The schema runs the same check, so messages match.
 */
export const PLAIN_CHECKS = new WeakMap<ZodTypeAny, (v: unknown) => unknown>();

/** A zod schema around a plain check; lists of it are validated without per-entry zod state. */
export function plainSchema<T>(check: (v: unknown) => T | Refusal) {
	const schema = z.unknown().transform((v, ctx): T => {
		const r = check(v);
		if (r instanceof Refusal) {
			ctx.addIssue({ code: z.ZodIssueCode.custom, message: r.message });
			return z.NEVER;
		}
		return r;
	});
	PLAIN_CHECKS.set(schema, check);
	return schema;
}

const INT64_DIGITS = /^\d{1,19}$/;

/**
 * A positive int64 id given as a decimal string, a safe integer, or a bigint, as a bigint (or the
 * refusal). Numbers above 2^53 are refused: they were already rounded before they reached us.
 */
export function toInt64Id(v: unknown): bigint | Refusal {
	let text: string;
	if (typeof v === 'bigint') text = v.toString();
	else if (typeof v === 'number') {
		if (!Number.isInteger(v)) return new Refusal(`must be a whole number, got ${Number.isNaN(v) ? 'NaN' : v}`);
		if (!Number.isSafeInteger(v)) return new Refusal(`${v} is above 2^53 and has lost precision; pass the id as a string`);
		text = String(v);
	} else if (typeof v === 'string') text = v.trim();
	else return new Refusal(`must be an int64 id, got ${describeType(v)}`);
	if (!INT64_DIGITS.test(text)) return new Refusal(text === '' ? 'is required' : `must be a positive int64 id (digits only), got "${text.slice(0, 40)}"`);
	const n = BigInt(text);
	if (n < 1n || n > INT64_MAX) return new Refusal(`must be between 1 and 9223372036854775807, got ${text}`);
	return n;
}

/**
 * A positive int64 id (see `toInt64Id`). Returns a bigint, so it can be written as a bare JSON
 * number by `stringifyJson` without ever passing through a JS number.
 */
export const int64Id = plainSchema(toInt64Id);

/**
 * Built once per range and reused: operations ask for their schemas on every item, and a zod
 * schema is immutable, so one instance per range serves them all (and lets params.ts keep a fixed
 * parameter's validated value per schema).
 */
const intSchemas = new Map<string, ReturnType<typeof buildIntInRange>>();

/** An integer given as a number or a numeric string (expressions often yield strings). */
export function intInRange(min: number, max: number) {
	const key = `${min}:${max}`;
	let schema = intSchemas.get(key);
	if (!schema) intSchemas.set(key, (schema = buildIntInRange(min, max)));
	return schema;
}

function buildIntInRange(min: number, max: number) {
	return z.unknown().transform((v, ctx): number => {
		let n: number;
		if (typeof v === 'number') n = v;
		else if (typeof v === 'string' && /^\s*-?\d+\s*$/.test(v)) n = Number(v);
		else if (v === undefined || v === null || (typeof v === 'string' && v.trim() === '')) {
			ctx.addIssue({ code: z.ZodIssueCode.custom, message: `is required (a whole number from ${min} to ${max})` });
			return z.NEVER;
		}
		else {
			ctx.addIssue({ code: z.ZodIssueCode.custom, message: `must be a whole number, got ${describeType(v)}` });
			return z.NEVER;
		}
		if (!Number.isInteger(n)) {
			ctx.addIssue({ code: z.ZodIssueCode.custom, message: `must be a whole number, got ${Number.isNaN(n) ? 'NaN' : n}` });
			return z.NEVER;
		}
		if (n < min || n > max) {
			ctx.addIssue({ code: z.ZodIssueCode.custom, message: `must be between ${min} and ${max}, got ${n}` });
			return z.NEVER;
		}
		return n;
	});
}

export const uint32 = intInRange(0, 4294967295);

const numberSchemas = new Map<string, ReturnType<typeof buildNumberInRange>>();

/** A number (decimals allowed) from `min` to `max`, given as a number or a numeric string. */
export function numberInRange(min: number, max: number) {
	const key = `${min}:${max}`;
	let schema = numberSchemas.get(key);
	if (!schema) numberSchemas.set(key, (schema = buildNumberInRange(min, max)));
	return schema;
}

function buildNumberInRange(min: number, max: number) {
	return z.unknown().transform((v, ctx): number => {
		const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
		if (!Number.isFinite(n)) {
			ctx.addIssue({ code: z.ZodIssueCode.custom, message: `must be a number from ${min} to ${max}, got ${typeof v === 'string' ? `"${v.slice(0, 40)}"` : describeType(v)}` });
			return z.NEVER;
		}
		if (n < min || n > max) {
			ctx.addIssue({ code: z.ZodIssueCode.custom, message: `must be between ${min} and ${max}, got ${n}` });
			return z.NEVER;
		}
		return n;
	});
}

const textSchemas = new Map<string, ReturnType<typeof buildText>>();

/** A string that must be present and non-empty after trimming; `maxBytes` counts UTF-8 bytes. */
export function text(opts: { maxBytes?: number; allowEmpty?: boolean } = {}) {
	const key = `${opts.maxBytes ?? ''}:${opts.allowEmpty === true}`;
	let schema = textSchemas.get(key);
	if (!schema) textSchemas.set(key, (schema = buildText(opts)));
	return schema;
}

/** Built once per option set (see intInRange). */
function buildText(opts: { maxBytes?: number; allowEmpty?: boolean }) {
	return z.unknown().transform((v, ctx): string => {
		if (typeof v !== 'string') {
			if (typeof v === 'number' && Number.isFinite(v)) v = String(v);
			else {
				ctx.addIssue({ code: z.ZodIssueCode.custom, message: `must be text, got ${describeType(v)}` });
				return z.NEVER;
			}
		}
		const s = v as string;
		if (!opts.allowEmpty && s.trim() === '') {
			ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'is required and cannot be empty' });
			return z.NEVER;
		}
		if (opts.maxBytes !== undefined) {
			const bytes = utf8Length(s);
			if (bytes > opts.maxBytes) {
				ctx.addIssue({ code: z.ZodIssueCode.custom, message: `is ${bytes} bytes; the limit is ${opts.maxBytes} bytes` });
				return z.NEVER;
			}
		}
		return s;
	});
}

export function utf8Length(s: string): number {
	let n = 0;
	for (let i = 0; i < s.length; i++) {
		const c = s.charCodeAt(i);
		if (c < 0x80) n += 1;
		else if (c < 0x800) n += 2;
		else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
			n += 4;
			i++;
		} else n += 3;
	}
	return n;
}

const isEmpty = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

/**
 * "Empty means not set": undefined, null and blank text become `fallback()` (undefined without
 * one); anything else must pass `inner`, whose first issue is reported as is.
 */
export function emptyAs<T>(inner: ZodType<T, ZodTypeDef, unknown>): ZodType<T | undefined, ZodTypeDef, unknown>;
export function emptyAs<T, F>(inner: ZodType<T, ZodTypeDef, unknown>, fallback: () => F): ZodType<T | F, ZodTypeDef, unknown>;
export function emptyAs<T, F>(inner: ZodType<T, ZodTypeDef, unknown>, fallback?: () => F) {
	return z.unknown().transform((v, ctx): T | F | undefined => {
		if (isEmpty(v)) return fallback?.();
		const r = inner.safeParse(v);
		if (r.success) return r.data;
		ctx.addIssue({ code: z.ZodIssueCode.custom, message: r.error.issues[0].message });
		return z.NEVER;
	});
}

/**
 * A textual id (a room, an RTC user, an RTC App ID): text (a safe integer too, unless `numbers`
 * is false), trimmed, required, matching `pattern`; `rule(s)` says why a value does not.
 */
export function idText(opts: { pattern: RegExp; rule: (shown: string) => string; numbers?: boolean }) {
	return z.unknown().transform((v, ctx): string => {
		if (opts.numbers !== false && typeof v === 'number' && Number.isSafeInteger(v)) v = String(v);
		if (typeof v !== 'string') {
			ctx.addIssue({ code: z.ZodIssueCode.custom, message: `must be text, got ${describeType(v)}` });
			return z.NEVER;
		}
		const s = v.trim();
		if (s === '') {
			ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'is required and cannot be empty' });
			return z.NEVER;
		}
		if (!opts.pattern.test(s)) {
			ctx.addIssue({ code: z.ZodIssueCode.custom, message: opts.rule(s.slice(0, 40)) });
			return z.NEVER;
		}
		return s;
	});
}
