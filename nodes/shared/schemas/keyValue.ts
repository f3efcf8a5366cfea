import type { INodeProperties } from 'n8n-workflow';
import { z } from 'zod';
import { describeType, utf8Length } from './scalars';

/** Key/value collections (attributes, tags, custom fields): the UI field and its readers, safe against prototype keys. */

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

/**
 * The key/value list UI (`{ pairs: [{ key, value }] }`), read by `keyValuePairs` / `keyValueMap`
 * above (which also refuse prototype keys). `pairName` is the display name of one
 * entry; `valueDescription` goes on the Value field.
 */
export function keyValueField(o: {
	displayName: string;
	name: string;
	description: string;
	placeholder: string;
	pairName?: string;
	keyPlaceholder: string;
	valuePlaceholder: string;
	valueDescription?: string;
}): INodeProperties {
	return {
		displayName: o.displayName,
		name: o.name,
		type: 'fixedCollection',
		placeholder: o.placeholder,
		default: {},
		typeOptions: { multipleValues: true },
		description: o.description,
		options: [
			{
				displayName: o.pairName ?? 'Pair',
				name: 'pairs',
				values: [
					{ displayName: 'Key', name: 'key', type: 'string', default: '', placeholder: o.keyPlaceholder },
					{
						displayName: 'Value',
						name: 'value',
						type: 'string',
						default: '',
						placeholder: o.valuePlaceholder,
						...(o.valueDescription ? { description: o.valueDescription } : {}),
					},
				],
			},
		],
	};
}
