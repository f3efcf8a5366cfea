import { z, ZodPipeline, type ZodTypeAny } from 'zod';
import { int64Id, listInput, plainSchema, Refusal, toInt64Id } from '../nodes/shared/schemas';
import { int64List, optionalInt64List, uniqueIds } from '../nodes/VolcengineRtc/v1/helpers/im';
import { userId, userIdList } from '../nodes/TencentChat/v1/helpers/fields';

/**
 * `listInput.pipe(z.array(…))` runs in one pass (nodes/shared/schemas/lists.ts OnePassList). These tests
 * hold it to the plain zod pipeline (`ZodPipeline.create`, which does not take the one-pass route):
 * same output, same first issue (message and path), for every input of a corpus.
 */

const first = (schema: ZodTypeAny, v: unknown) => {
	const r = schema.safeParse(v);
	return r.success ? { ok: r.data as unknown } : { issue: { path: r.error.issues[0].path, message: r.error.issues[0].message } };
};

const plainPipeline = (array: ZodTypeAny) => ZodPipeline.create(listInput, array);

const TWO_63 = '9223372036854775808';
const corpus: unknown[] = [
	'20001, 20002',
	'20001,,;\n 20002 \r\n',
	' , ;\n',
	'',
	undefined,
	null,
	[],
	[20001, '20002, 20003', ' 20004 ', '', '  ', 7n],
	'20001, abc',
	[20001, 9007199254740994],
	`20001,${TWO_63}`,
	'20001\n-3',
	'0',
	{ a: 1 },
	true,
	['20001', null],
	['20001', ['20002']],
	['20001', { id: 1 }],
	[1.5],
	[Number.NaN],
	42,
	'20001, 20001, 20002',
	'a\tb, 20002',
	'\u00a020001\u3000, 20002',
	Array.from({ length: 600 }, (_, k) => String(1000 + k)),
	[...Array.from({ length: 600 }, (_, k) => String(1000 + k)), 'bad'],
	['bad', ...Array.from({ length: 600 }, (_, k) => String(1000 + k))],
];

const arrays: Array<[string, ZodTypeAny]> = [
	['int64, min 1', z.array(int64Id).min(1, 'needs at least one receiver')],
	['int64, no limits', z.array(int64Id)],
	['int64, max 500 without message', z.array(int64Id).max(500)],
	['int64, max 500 and min 1', z.array(int64Id).min(1, 'needs one').max(500, 'at most 500 members')],
	['int64, exactly 2', z.array(int64Id).length(2)],
	['text entries (no plain check)', z.array(z.string().min(3, 'too short')).min(1, 'needs one')],
	['refine entries (dirty, not aborted)', z.array(z.union([z.string(), z.number()]).transform((t) => String(t).trim()).refine((t) => t !== 'abc', 'abc is refused'))],
];

describe.each(arrays)('one pass = plain zod pipeline: %s', (_name, array) => {
	const fast = listInput.pipe(array);
	test.each(corpus.map((v, k) => [k, v] as const))('input %d', (_k, v) => {
		expect(first(fast, v)).toEqual(first(plainPipeline(array), v));
	});
});

describe('int64 id lists', () => {
	const receivers = int64List('receiver');

	test('entries from text and arrays, trimmed, empty ones dropped, as bigints in order', () => {
		expect(receivers.parse('20001,,; 20002 \n\r\n20003')).toEqual([20001n, 20002n, 20003n]);
		expect(receivers.parse([20001, ' 20002, 20003 ', '', 20004n])).toEqual([20001n, 20002n, 20003n, 20004n]);
	});

	test('positions count the entries after splitting and dropping empty ones', () => {
		expect(first(receivers, ['20001, , 20002', '', 'x'])).toEqual({ issue: { path: [2], message: 'must be a positive int64 id (digits only), got "x"' } });
	});

	test('the first bad entry is reported, not a later one', () => {
		expect(first(receivers, '1, 2, abc, -4')).toEqual({ issue: { path: [2], message: 'must be a positive int64 id (digits only), got "abc"' } });
	});

	test('numbers above 2^53 are refused; the same id as text is kept exactly', () => {
		expect(first(receivers, [20001, 9007199254740994])).toEqual({
			issue: { path: [1], message: '9007199254740994 is above 2^53 and has lost precision; pass the id as a string' },
		});
		expect(receivers.parse(['9007199254740993', '9223372036854775807'])).toEqual([9007199254740993n, 9223372036854775807n]);
		expect(first(receivers, ['1', '9223372036854775808'])).toEqual({ issue: { path: [1], message: 'must be between 1 and 9223372036854775807, got 9223372036854775808' } });
	});

	test('empty input is the list rule, with the field-level path', () => {
		for (const v of ['', ' ,;\n', [], undefined, null, ['', ' ']]) {
			expect(first(receivers, v)).toEqual({ issue: { path: [], message: 'needs at least one receiver' } });
		}
		expect(optionalInt64List.parse('')).toEqual([]);
	});

	test('a value that is not a list is refused as before', () => {
		expect(first(receivers, { a: 1 })).toEqual({ issue: { path: [], message: 'must be a list or a comma-separated string, got an object' } });
		expect(first(receivers, true)).toEqual({ issue: { path: [], message: 'must be a list or a comma-separated string, got a boolean' } });
	});

	test('duplicates are kept by the list and removed by uniqueIds, first occurrence kept', () => {
		const all = receivers.parse('3, 1, 3, 2, 1');
		expect(all).toEqual([3n, 1n, 3n, 2n, 1n]);
		expect(uniqueIds(all)).toEqual([3n, 1n, 2n]);
	});

	test('the plain check and the schema agree', () => {
		for (const v of ['12', ' 12 ', 12, 12n, '', 'x', 1.5, -1, 0, null, [], 2 ** 60, TWO_63]) {
			const r = toInt64Id(v);
			const s = int64Id.safeParse(v);
			if (r instanceof Refusal) expect(s.success ? undefined : s.error.issues[0].message).toBe(r.message);
			else expect(s.success && s.data).toBe(r);
		}
	});

	test('300,000 ids in one pass', () => {
		const to = Array.from({ length: 300_000 }, (_, k) => String(10_000_000_000n + BigInt(k)));
		const out = receivers.parse(to);
		expect(out.length).toBe(300_000);
		expect(out[299_999]).toBe(10_000_299_999n);
		to.push('not-an-id');
		expect(first(receivers, to)).toEqual({ issue: { path: [300_000], message: 'must be a positive int64 id (digits only), got "not-an-id"' } });
	});
});

describe('other element schemas take the same route', () => {
	test('Tencent user ID lists (per-entry zod parse) keep their messages', () => {
		expect(userIdList.parse('alice, bob')).toEqual(['alice', 'bob']);
		expect(first(userIdList, ['alice', 'x'.repeat(33)])).toEqual(first(plainPipeline(z.array(userId).min(1, 'needs at least one user ID')), ['alice', 'x'.repeat(33)]));
		expect(first(userIdList, '')).toEqual({ issue: { path: [], message: 'needs at least one user ID' } });
	});

	test('plainSchema: a custom plain check with its refusal', () => {
		const even = plainSchema((v) => (typeof v === 'number' && v % 2 === 0 ? v : new Refusal('must be even')));
		expect(listInput.pipe(z.array(even)).parse([2, 4])).toEqual([2, 4]);
		expect(first(listInput.pipe(z.array(even)), [2, 3])).toEqual({ issue: { path: [1], message: 'must be even' } });
	});

	test('a pipe into something other than an array is a plain pipeline', () => {
		expect(listInput.pipe(z.array(z.string()).transform((a) => a.length)).parse('a, b')).toBe(2);
	});
});
