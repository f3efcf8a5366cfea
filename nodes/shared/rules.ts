import type { INodeProperties } from 'n8n-workflow';
import { z, type ZodType, type ZodTypeDef } from 'zod';
import type { ItemReader } from './engine/reader';
import { intInRange } from './schemas';

/**
 * Domain rules written once for every operation of both nodes (zod schemas and their UI fields).
 * They sit beside shared/schemas.ts, which holds the primitives they build on.
 */

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

function describe(v: unknown): string {
	if (v === null) return 'null';
	if (Array.isArray(v)) return 'an array';
	return typeof v === 'object' ? 'an object' : `a ${typeof v}`;
}

/**
 * A textual id (a room, an RTC user, an RTC App ID): text (a safe integer too, unless `numbers`
 * is false), trimmed, required, matching `pattern`; `rule(s)` says why a value does not.
 */
export function idText(opts: { pattern: RegExp; rule: (shown: string) => string; numbers?: boolean }) {
	return z.unknown().transform((v, ctx): string => {
		if (opts.numbers !== false && typeof v === 'number' && Number.isSafeInteger(v)) v = String(v);
		if (typeof v !== 'string') {
			ctx.addIssue({ code: z.ZodIssueCode.custom, message: `must be text, got ${describe(v)}` });
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

/**
 * The key/value list UI (`{ pairs: [{ key, value }] }`), read by `keyValuePairs` / `keyValueMap`
 * in shared/schemas.ts (which also refuse prototype keys). `pairName` is the display name of one
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

/** A collection parameter: Options ("Add Option"), or Additional / Update Fields ("Add Field"). */
export function collection(options: INodeProperties[], displayName = 'Options', name = 'options'): INodeProperties {
	return { displayName, name, type: 'collection', placeholder: displayName === 'Options' ? 'Add Option' : 'Add Field', default: {}, options };
}

/** Return All / Limit of a paged read (read with `readLimit`). */
export const returnAllFields: INodeProperties[] = [
	{ displayName: 'Return All', name: 'returnAll', type: 'boolean', default: false, description: 'Whether to return all results or only up to a given limit' },
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		default: 50,
		typeOptions: { minValue: 1 },
		displayOptions: { show: { returnAll: [false] } },
		description: 'Max number of results to return',
	},
];

/** The Return All / Limit pair of one item: undefined = Return All. */
export function readLimit(r: ItemReader): number | undefined {
	const all = r.param('returnAll', z.boolean({ invalid_type_error: 'must be true or false' }), 'Return All', false);
	return all ? undefined : r.param('limit', intInRange(1, Number.MAX_SAFE_INTEGER), 'Limit', 50);
}
