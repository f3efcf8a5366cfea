import { z, ZodArray, ZodEffects, ZodFirstPartyTypeKind, ZodPipeline, INVALID, OK, type ParseInput, type ParseReturnType, type ZodTypeAny, type ZodUnknown } from 'zod';
import { describeType, PLAIN_CHECKS, Refusal } from './scalars';

/** List input (receivers, ids, tags): an array or a separated string, validated in one pass. */

const listShapeMessage = (v: unknown) => `must be a list or a comma-separated string, got ${describeType(v)}`;
const isListShape = (v: unknown) => Array.isArray(v) || typeof v === 'string' || typeof v === 'number' || typeof v === 'bigint' || v === undefined || v === null;

/**
 * Calls `visit` with each entry of a list value as `listInput` reads it (an array's strings split,
 * a string split by commas, semicolons or new lines, entries trimmed, empty ones dropped) until it
 * returns false. No intermediate arrays: a million entries are read in place.
 */
function eachEntry(v: unknown, visit: (entry: unknown) => boolean): void {
	if (typeof v === 'string') eachPiece(v, visit);
	else if (Array.isArray(v)) {
		for (let k = 0; k < v.length; k++) {
			const x: unknown = v[k];
			if (!(typeof x === 'string' ? eachPiece(x, visit) : visit(x))) return;
		}
	} else if (typeof v === 'number' || typeof v === 'bigint') visit(v);
}

function eachPiece(s: string, visit: (entry: string) => boolean): boolean {
	let start = 0;
	for (let k = 0; k <= s.length; k++) {
		const c = k < s.length ? s.charCodeAt(k) : 44;
		// , ; \n \r — the separators of `s.split(/[,;\n\r]+/)`
		if (c === 44 || c === 59 || c === 10 || c === 13) {
			if (k > start) {
				const piece = s.slice(start, k).trim();
				if (piece !== '' && !visit(piece)) return false;
			}
			start = k + 1;
		}
	}
	return true;
}

/**
 * `listInput.pipe(z.array(element)…)` in one pass: the entries are checked as they are read (a
 * plain loop for elements with a plain check, else one short-lived parse per entry), instead of
 * zod's array parse, which holds a parse result and a path object for every entry at once (~750 MB
 * for a million receivers). The outcome is the same: the output, and the first issue — the list's
 * length rule first, then the first bad entry with its index — reproduced by zod itself, so the
 * messages are byte for byte those of the plain pipeline.
 */
class OnePassList<A extends ZodTypeAny, B extends ZodTypeAny> extends ZodPipeline<A, B> {
	private lengthOnly?: ZodArray<ZodTypeAny>;

	_parse(input: ParseInput): ParseReturnType<B['_output']> {
		const { ctx } = this._processInputParams(input);
		const v: unknown = ctx.data;
		if (ctx.common.async || !isListShape(v)) return super._parse(input);
		const def = (this._def.out as unknown as ZodArray<ZodTypeAny>)._def;
		const element = def.type;
		const upper = Math.min(def.exactLength?.value ?? Infinity, def.maxLength?.value ?? Infinity);
		const lower = Math.max(def.exactLength?.value ?? 0, def.minLength?.value ?? 0);
		const check = PLAIN_CHECKS.get(element);
		const out: unknown[] = [];
		let count = 0;
		let bad: { value: unknown; index: number } | undefined;
		eachEntry(v, (x) => {
			const index = count++;
			if (index >= upper) return false; // too many: the length rule is the error
			if (bad) return true; // only counting now, for the length rule
			if (check) {
				const r = check(x);
				if (r instanceof Refusal) bad = { value: x, index };
				else out.push(r);
			} else {
				const r = element.safeParse(x);
				if (r.success) out.push(r.data);
				else bad = { value: x, index };
			}
			return bad === undefined || upper !== Infinity;
		});
		if (count > upper || count < lower) {
			// zod's own length rule, on a stand-in of the same length (capped), adds the exact issue
			this.lengthOnly ??= new ZodArray({ ...def, type: z.any() });
			this.lengthOnly._parseSync({ data: new Array(Math.min(count, upper + 1)), path: ctx.path, parent: ctx });
			return INVALID;
		}
		if (bad) {
			// the element's own parse, at its index, adds the exact issue
			element._parseSync({ data: bad.value, path: [...ctx.path, bad.index], parent: ctx });
			return INVALID;
		}
		return OK(out);
	}
}

/** `listInput`, whose `.pipe(z.array(…))` is the one-pass `OnePassList`. */
class ListInput extends ZodEffects<ZodUnknown, unknown[], unknown> {
	override pipe<T extends ZodTypeAny>(target: T): ZodPipeline<this, T> {
		if (target instanceof ZodArray) return new OnePassList<this, T>({ in: this, out: target, typeName: ZodFirstPartyTypeKind.ZodPipeline });
		return super.pipe(target);
	}
}

/**
 * A list given as an array, or as a string separated by commas, semicolons or new lines. Empty
 * entries are dropped. Returns the raw entries; validate them with the element schema:
 * `listInput.pipe(z.array(element))` validates in one pass (see `OnePassList`).
 */
export const listInput = new ListInput({
	schema: z.unknown(),
	typeName: ZodFirstPartyTypeKind.ZodEffects,
	effect: {
		type: 'transform',
		transform: (v: unknown, ctx: z.RefinementCtx): unknown[] => {
			if (!isListShape(v)) {
				ctx.addIssue({ code: z.ZodIssueCode.custom, message: listShapeMessage(v) });
				return z.NEVER;
			}
			const out: unknown[] = [];
			eachEntry(v, (x) => out.push(x) > 0);
			return out;
		},
	},
});
