import { z } from 'zod';

/** Cross-service zod primitives. Service request/response schemas live in each service's transport/. */

const INT64_MAX = 9223372036854775807n;

function describeType(v: unknown): string {
	if (v === null) return 'null';
	if (Array.isArray(v)) return 'an array';
	if (typeof v === 'number' && Number.isNaN(v)) return 'NaN';
	if (v === undefined) return 'undefined';
	return typeof v === 'object' ? 'an object' : `a ${typeof v}`;
}

/**
 * A positive int64 id given as a decimal string, a safe integer, or a bigint. Returns a bigint, so it
 * can be written as a bare JSON number by `stringifyJson` without ever passing through a JS number.
 * Numbers above 2^53 are refused: they were already rounded before they reached us.
 */
export const int64Id = z.unknown().transform((v, ctx): bigint => {
	let text: string;
	if (typeof v === 'bigint') text = v.toString();
	else if (typeof v === 'number') {
		if (!Number.isInteger(v)) {
			ctx.addIssue({ code: z.ZodIssueCode.custom, message: `must be a whole number, got ${Number.isNaN(v) ? 'NaN' : v}` });
			return z.NEVER;
		}
		if (!Number.isSafeInteger(v)) {
			ctx.addIssue({
				code: z.ZodIssueCode.custom,
				message: `${v} is above 2^53 and has lost precision; pass the id as a string`,
			});
			return z.NEVER;
		}
		text = String(v);
	} else if (typeof v === 'string') text = v.trim();
	else {
		ctx.addIssue({ code: z.ZodIssueCode.custom, message: `must be an int64 id, got ${describeType(v)}` });
		return z.NEVER;
	}
	if (!/^\d{1,19}$/.test(text)) {
		ctx.addIssue({
			code: z.ZodIssueCode.custom,
			message: text === '' ? 'is required' : `must be a positive int64 id (digits only), got "${text.slice(0, 40)}"`,
		});
		return z.NEVER;
	}
	const n = BigInt(text);
	if (n < 1n || n > INT64_MAX) {
		ctx.addIssue({ code: z.ZodIssueCode.custom, message: `must be between 1 and 9223372036854775807, got ${text}` });
		return z.NEVER;
	}
	return n;
});

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

/**
 * A list given as an array, or as a string separated by commas, semicolons or new lines. Empty
 * entries are dropped. Returns the raw entries; validate them with the element schema.
 */
export const listInput = z.unknown().transform((v, ctx): unknown[] => {
	if (Array.isArray(v)) return v.flatMap((x) => (typeof x === 'string' ? splitList(x) : [x]));
	if (typeof v === 'string') return splitList(v);
	if (typeof v === 'number' || typeof v === 'bigint') return [v];
	if (v === undefined || v === null) return [];
	ctx.addIssue({ code: z.ZodIssueCode.custom, message: `must be a list or a comma-separated string, got ${describeType(v)}` });
	return z.NEVER;
});

function splitList(s: string): string[] {
	return s
		.split(/[,;\n\r]+/)
		.map((x) => x.trim())
		.filter((x) => x !== '');
}

/**
 * Keys that a JavaScript object cannot hold as plain data: assigning `__proto__` changes the
 * object's prototype instead (so the pair silently disappears and the item still says "sent"), and
 * `constructor` / `prototype` are refused with it so no key can shadow an object's machinery.
 */
export const PROTOTYPE_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

export const prototypeKeyRule = (k: string) => `key "${k}" is not allowed (a reserved JavaScript name that cannot be sent as data)`;

/**
 * The first own key named like a prototype key anywhere in a value (objects from expressions or
 * from parsed JSON), as a path such as `.Ext.__proto__`; undefined when there is none.
 */
export function findPrototypeKey(value: unknown, depth = 0): { path: Array<string | number>; key: string } | undefined {
	if (value === null || typeof value !== 'object' || depth > 32) return undefined;
	if (Array.isArray(value)) {
		for (let i = 0; i < value.length; i++) {
			const v = value[i];
			if (v !== null && typeof v === 'object') {
				const hit = findPrototypeKey(v, depth + 1);
				if (hit) return { path: [i, ...hit.path], key: hit.key };
			}
		}
		return undefined;
	}
	for (const k of Object.keys(value)) {
		if (PROTOTYPE_KEYS.has(k)) return { path: [], key: k };
		const hit = findPrototypeKey((value as Record<string, unknown>)[k], depth + 1);
		if (hit) return { path: [k, ...hit.path], key: hit.key };
	}
	return undefined;
}

interface PairOptions {
	maxValueBytes?: number;
	/** Rule a key (trimmed) must match, with the words that explain it. */
	keyPattern?: RegExp;
	keyRule?: string;
	/** Rule a value must match. */
	valuePattern?: RegExp;
	valueRule?: string;
	/** Refuse empty values. */
	requireValue?: boolean;
}

/**
 * Key/value pairs from a fixedCollection (`{ pairs: [{ key, value }] }`) or an object from an
 * expression, in order, keys trimmed, duplicates kept (a tag filter may name one key twice).
 */
export function keyValuePairs(opts: PairOptions = {}) {
	return z.unknown().transform((v, ctx): Array<[string, string]> => {
		if (v === undefined || v === null || v === '') return [];
		let entries: Array<[unknown, unknown]>;
		if (typeof v === 'object' && !Array.isArray(v) && Array.isArray((v as { pairs?: unknown }).pairs)) {
			entries = ((v as { pairs: Array<{ key?: unknown; value?: unknown }> }).pairs ?? []).map((p) => [p.key, p.value]);
		} else if (typeof v === 'object' && !Array.isArray(v)) {
			entries = Object.entries(v as object);
		} else {
			ctx.addIssue({ code: z.ZodIssueCode.custom, message: `must be key/value pairs, got ${describeType(v)}` });
			return z.NEVER;
		}
		const out: Array<[string, string]> = [];
		for (const [rawKey, val] of entries) {
			const k = typeof rawKey === 'string' ? rawKey.trim() : '';
			if (k === '') {
				ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'has an entry with an empty key' });
				return z.NEVER;
			}
			if (PROTOTYPE_KEYS.has(k)) {
				ctx.addIssue({ code: z.ZodIssueCode.custom, message: prototypeKeyRule(k) });
				return z.NEVER;
			}
			if (opts.keyPattern && !opts.keyPattern.test(k)) {
				ctx.addIssue({ code: z.ZodIssueCode.custom, message: `key "${k}" ${opts.keyRule ?? 'is not allowed'}` });
				return z.NEVER;
			}
			if (val !== undefined && val !== null && typeof val === 'object') {
				ctx.addIssue({ code: z.ZodIssueCode.custom, message: `value of "${k}" must be text, got ${describeType(val)}` });
				return z.NEVER;
			}
			const s = val === undefined || val === null ? '' : String(val);
			if (opts.requireValue && s.trim() === '') {
				ctx.addIssue({ code: z.ZodIssueCode.custom, message: `value of "${k}" is empty` });
				return z.NEVER;
			}
			if (opts.valuePattern && !opts.valuePattern.test(s)) {
				ctx.addIssue({ code: z.ZodIssueCode.custom, message: `value of "${k}" ${opts.valueRule ?? 'is not allowed'}` });
				return z.NEVER;
			}
			if (opts.maxValueBytes !== undefined && utf8Length(s) > opts.maxValueBytes) {
				ctx.addIssue({ code: z.ZodIssueCode.custom, message: `value of "${k}" is over ${opts.maxValueBytes} bytes` });
				return z.NEVER;
			}
			out.push([k, s]);
		}
		return out;
	});
}

/** Key/value pairs as a map: a key given twice is an error (which value was meant is unclear). */
export function keyValueMap(opts: PairOptions = {}) {
	return keyValuePairs(opts).transform((pairs, ctx): Record<string, string> => {
		const out: Record<string, string> = {};
		for (const [k, v] of pairs) {
			if (Object.prototype.hasOwnProperty.call(out, k)) {
				ctx.addIssue({ code: z.ZodIssueCode.custom, message: `key "${k}" is given twice` });
				return z.NEVER;
			}
			out[k] = v;
		}
		return out;
	});
}
