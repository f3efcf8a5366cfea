/* eslint-disable */
import { JsonSyntaxError, parseJson, quoteUnsafeIntegers, stringifyJson } from '../nodes/shared/json';

const P53 = 2n ** 53n; // 9007199254740992
const I64_MAX = 2n ** 63n - 1n; // 9223372036854775807
const I64_MIN = -(2n ** 63n);

describe('parseJson: integers', () => {
	test.each([
		['0', 0],
		['-0', -0],
		['42', 42],
		['-42', -42],
		[String(P53 - 1n), Number.MAX_SAFE_INTEGER],
		[String(-(P53 - 1n)), Number.MIN_SAFE_INTEGER],
	])('%s is a safe integer and stays a number', (text, want) => {
		expect(parseJson(text)).toBe(want);
		expect(parseJson(text, 'bigint')).toBe(want);
	});

	test.each([
		[P53],
		[P53 + 1n],
		[P53 + 2n],
		[I64_MAX],
		[I64_MIN],
		[-(P53 + 1n)],
		[2n ** 64n + 1n], // beyond int64 too: still exact
	])('%s is outside the safe range: exact decimal string, or bigint in bigint mode', (n) => {
		expect(parseJson(String(n))).toBe(n.toString());
		expect(parseJson(String(n), 'bigint')).toBe(n);
	});

	test('2^53+1 is not rounded to 2^53 (what JSON.parse does)', () => {
		expect(JSON.parse('9007199254740993')).toBe(9007199254740992);
		expect(parseJson('9007199254740993')).toBe('9007199254740993');
	});

	test('int64 ids inside a vendor-like envelope', () => {
		const text = '{"Result":{"UserMessageId":{"20001":7205759403792793601,"20002":7205759403792793602},"Count":2}}';
		expect(parseJson(text)).toEqual({ Result: { UserMessageId: { '20001': '7205759403792793601', '20002': '7205759403792793602' }, Count: 2 } });
		expect((parseJson(text, 'bigint') as any).Result.UserMessageId['20002']).toBe(7205759403792793602n);
	});
});

describe('parseJson: floats and exponents stay numbers', () => {
	test.each([
		['1.5', 1.5],
		['-0.25', -0.25],
		['1e3', 1000],
		['1E3', 1000],
		['1e+3', 1000],
		['2.5e-3', 0.0025],
		['-1.5E2', -150],
		['0.1', 0.1],
		['9007199254740993.0', 9007199254740992], // a float literal is a float: the caller wrote a decimal point
		['1e21', 1e21],
	])('%s → %p', (text, want) => {
		expect(parseJson(text)).toBe(want);
		expect(parseJson(text, 'bigint')).toBe(want);
	});
});

describe('parseJson: strings, escapes, unicode', () => {
	test.each([
		['"plain"', 'plain'],
		['""', ''],
		['"quote \\" backslash \\\\ slash \\/"', 'quote " backslash \\ slash /'],
		['"\\b\\f\\n\\r\\t"', '\b\f\n\r\t'],
		['"\\u00e9\\u00E9"', 'éé'],
		['"\\u4f60\\u597d"', '你好'],
		['"\\ud83d\\ude00"', '😀'], // surrogate pair from escapes
		['"😀 火山引擎 émoji"', '😀 火山引擎 émoji'], // raw UTF-16 text
		['"\\u0000"', '\u0000'],
	])('%s', (text, want) => {
		expect(parseJson(text)).toBe(want);
		expect(parseJson(text)).toBe(JSON.parse(text));
	});
});

describe('parseJson: structures', () => {
	test('nested objects and arrays, whitespace everywhere', () => {
		const text = ' { "a" : [ 1 , { "b" : [ true , false , null ] } , "x" ] ,\n\t"c" : { } , "d" : [ ] } \r\n';
		expect(parseJson(text)).toEqual({ a: [1, { b: [true, false, null] }, 'x'], c: {}, d: [] });
	});

	test('deeply nested big ids keep their exact value', () => {
		const text = `[[[{"id":${I64_MAX}}]]]`;
		expect(parseJson(text)).toEqual([[[{ id: I64_MAX.toString() }]]]);
	});

	test('duplicate keys: the last one wins, as in JSON.parse', () => {
		expect(parseJson('{"a":1,"a":2}')).toEqual({ a: 2 });
	});

	test('"__proto__" is an own key and never changes the prototype', () => {
		const v = parseJson('{"__proto__":{"polluted":true}}') as Record<string, unknown>;
		expect(Object.getPrototypeOf(v)).toBe(Object.prototype);
		expect(Object.keys(v)).toEqual(['__proto__']);
		expect(({} as any).polluted).toBeUndefined();
		expect((v as any).polluted).toBeUndefined();
	});

	test('text with and without a 16-digit run (native fast path vs hand parser) reads the same', () => {
		const envelope = '{"Result":{"Count":2,"Ids":[123456789012345,-1.5e3,"x\\u00e9"],"__proto__":{"a":null}},"ok":true}';
		const withLongRun = envelope.replace('"ok":true', '"ok":true,"Id":9007199254740993');
		expect(parseJson(envelope)).toEqual(JSON.parse(envelope));
		const slow = parseJson(withLongRun) as Record<string, unknown>;
		expect(slow.Id).toBe('9007199254740993');
		delete slow.Id;
		expect(slow).toEqual(parseJson(envelope));
		expect(Object.keys((parseJson(envelope) as any).Result)).toEqual(['Count', 'Ids', '__proto__']);
	});

	test.each([
		'{"id":9007199254740993,"s":"id 12345678901234567890, \\" 98765432109876543210","n":[-9223372036854775808,1000000000000000]}',
		'[1.12345678901234567,1e12345678901234567,12345678901234567e2,-12345678901234567.5,"\\\\",18446744073709551617]',
		'{"a":{"b":[9007199254740992]},"12345678901234567890":12345678901234567890}',
	])('long integers beside strings, floats and exponents read as the hand parser reads them: %s', (text) => {
		// bigint mode always runs the hand parser: its bigints as strings are what string mode must give
		const asStrings = (v: unknown): unknown =>
			typeof v === 'bigint' ? v.toString() : Array.isArray(v) ? v.map(asStrings) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, asStrings(x)])) : v;
		expect(parseJson(text)).toStrictEqual(asStrings(parseJson(text, 'bigint')));
		expect(JSON.stringify(parseJson(text))).not.toBe(JSON.stringify(JSON.parse(text)));
	});
});

/** What parseJson did before quoteUnsafeIntegers (a regex replace with a callback): the reference it must match. */
const OLD_STRING_OR_LONG_INTEGER = /"(?:[^"\\]|\\.)*"|(?<![\w.+-])-?[1-9]\d{15,}(?![\w.])/g;
const oldQuote = (text: string): string =>
	text.replace(OLD_STRING_OR_LONG_INTEGER, (m) => (m.charCodeAt(0) === 34 || Number.isSafeInteger(Number(m)) ? m : `"${m}"`));

describe('quoteUnsafeIntegers: the single pass that replaced the regex', () => {
	test.each([
		['strings containing digits', '{"s":"12345678901234567890","t":"a 9007199254740993 b","id":9007199254740993}'],
		['escaped quotes and backslashes inside strings', '{"s":"x\\"12345678901234567890\\"","b":"\\\\","id":12345678901234567890,"e":"\\\\\\"9007199254740993"}'],
		['negative integers', '[-9007199254740993,-9007199254740991,-9223372036854775808,-1000000000000000]'],
		['floats with 16+ digits', '[1.12345678901234567,12345678901234567.5,-12345678901234567.25,0.9007199254740993]'],
		['exponents', '[1e12345678901234567,12345678901234567e2,12345678901234567E+2,1e-12345678901234567,1E+9007199254740993]'],
		['__proto__ keys', '{"__proto__":{"id":9007199254740993},"a":{"__proto__":[18446744073709551617]}}'],
		['safe 16-digit integers stay bare', '[1000000000000000,9007199254740991,9007199254740992,9999999999999999]'],
		['whitespace around', ' [ 9007199254740993 ,\n\t18446744073709551617\r\n] '],
		['keys that are long integers', '{"12345678901234567890":12345678901234567890}'],
		['unicode and line separators in strings', '{"s":"\u2028 12345678901234567 \u00e9\ud83d\ude00","n":12345678901234567}'],
	])('%s: the same text as the regex, and parseJson reads it as the hand parser does', (_what, text) => {
		expect(quoteUnsafeIntegers(text)).toBe(oldQuote(text));
		const asStrings = (v: unknown): unknown =>
			typeof v === 'bigint' ? v.toString() : Array.isArray(v) ? v.map(asStrings) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, asStrings(x)])) : v;
		expect(parseJson(text)).toStrictEqual(asStrings(parseJson(text, 'bigint')));
	});

	test('__proto__ stays an own key on the quoted path', () => {
		const v = parseJson('{"__proto__":{"polluted":9007199254740993}}') as Record<string, unknown>;
		expect(Object.getPrototypeOf(v)).toBe(Object.prototype);
		expect(Object.keys(v)).toEqual(['__proto__']);
		expect(({} as any).polluted).toBeUndefined();
		expect(Object.getOwnPropertyDescriptor(v, '__proto__')?.value).toEqual({ polluted: '9007199254740993' });
	});

	test('text with nothing to quote comes back as the same string', () => {
		const text = '{"a":"9007199254740993","b":1000000000000000,"c":1.12345678901234567}';
		expect(quoteUnsafeIntegers(text)).toBe(text);
	});

	test.each([
		['unterminated string', '"abc 12345678901234567'],
		['backslash before a line feed', '["a\\\n12345678901234567"]'],
		['backslash before a line separator', '["a\\\u2028", 12345678901234567, "b"]'],
		['backslash at the end', '"12345678901234567\\'],
		['an escaped line feed ends the regex\'s string: the integer after it is outside', '"\\\n" 12345678901234567 "'],
		['an escaped carriage return', '"\\\r" 12345678901234567 "'],
		['an escaped line separator', '"\\\u2028" 12345678901234567 "'],
		['an escaped paragraph separator', '"\\\u2029" 12345678901234567 "'],
		['an escaped tab does not', '"\\\t" 12345678901234567 "'],
		['a bare long-integer key (invalid JSON the old replace made valid)', '{12345678901234567:1}'],
		['doubled minus', '[--12345678901234567]'],
		['plus sign', '[+12345678901234567]'],
		['leading zero', '[012345678901234567]'],
		['letters around', '[x12345678901234567,12345678901234567x,_12345678901234567]'],
	])('invalid text (%s): the same text as the regex', (_what, text) => {
		expect(quoteUnsafeIntegers(text)).toBe(oldQuote(text));
	});

	test('random texts over JSON-ish characters: identical to the regex replace', () => {
		// deterministic LCG, so a failure can be replayed
		let seed = 0x2545f491;
		const rnd = (k: number) => {
			seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
			return seed % k;
		};
		const alphabet = ['"', '\\', '\n', '\r', '\u2028', '-', '+', '.', 'e', 'E', 'a', '_', ' ', ',', ':', '[', ']', '{', '}', '0', '1', '9', 'é'];
		const digits = () => {
			let d = String(1 + rnd(9));
			const len = 12 + rnd(10);
			while (d.length < len) d += String(rnd(10));
			return d;
		};
		for (let k = 0; k < 20000; k++) {
			let text = '';
			const parts = 1 + rnd(12);
			for (let j = 0; j < parts; j++) {
				const r = rnd(10);
				if (r < 3) text += digits();
				else if (r === 3) text += '9007199254740' + String(990 + rnd(10));
				else text += alphabet[rnd(alphabet.length)];
			}
			const want = oldQuote(text);
			const got = quoteUnsafeIntegers(text);
			if (got !== want) throw new Error(`differs for ${JSON.stringify(text)}: ${JSON.stringify(got)} vs ${JSON.stringify(want)}`);
		}
	});

	test('random texts of quotes, backslashes, line terminators and long integers: identical to the regex replace', () => {
		let seed = 987654321;
		const rnd = (k: number) => {
			seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
			return seed % k;
		};
		const bits = ['"', '"', '\\', '\\', '\n', '\u2029', '-', ' ', '9007199254740993', '12345678901234567', '-18446744073709551617', '1000000000000000'];
		for (let k = 0; k < 20000; k++) {
			let text = '';
			for (let j = 1 + rnd(16); j > 0; j--) text += bits[rnd(bits.length)];
			const want = oldQuote(text);
			const got = quoteUnsafeIntegers(text);
			if (got !== want) throw new Error(`differs for ${JSON.stringify(text)}: ${JSON.stringify(got)} vs ${JSON.stringify(want)}`);
		}
	});

	test('random valid JSON documents: parseJson equals the old regex path', () => {
		let seed = 12345;
		const rnd = (k: number) => {
			seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
			return seed % k;
		};
		const num = (): string => {
			const r = rnd(6);
			const digits = () => {
				let d = String(1 + rnd(9));
				const len = 1 + rnd(22);
				while (d.length < len) d += String(rnd(10));
				return d;
			};
			const sign = rnd(3) === 0 ? '-' : '';
			if (r === 0) return sign + digits() + '.' + digits();
			if (r === 1) return sign + digits() + (rnd(2) ? 'e' : 'E') + ['', '+', '-'][rnd(3)] + digits();
			return sign + digits();
		};
		const str = (): string => {
			const bits = ['a', '\\"', '\\\\', '\\n', '\\u00e9', '😀', ' ', num(), '9007199254740993'];
			let t = '"';
			for (let j = rnd(5); j > 0; j--) t += bits[rnd(bits.length)];
			return t + '"';
		};
		const value = (depth: number): string => {
			const r = rnd(depth > 3 ? 3 : 6);
			if (r === 0) return num();
			if (r === 1) return str();
			if (r === 2) return ['true', 'false', 'null'][rnd(3)];
			if (r === 3) return '[' + Array.from({ length: rnd(4) }, () => value(depth + 1)).join(rnd(2) ? ',' : ' , ') + ']';
			const keys = Array.from({ length: rnd(4) }, () => (rnd(5) === 0 ? '"__proto__"' : str()) + ':' + value(depth + 1));
			return '{' + keys.join(',') + '}';
		};
		const oldParse = (text: string) => JSON.parse(oldQuote(text));
		for (let k = 0; k < 5000; k++) {
			const text = value(0);
			expect(quoteUnsafeIntegers(text)).toBe(oldQuote(text));
			expect(parseJson(text)).toStrictEqual(oldParse(text));
		}
	});
});

describe('parseJson: invalid JSON errors carry the position', () => {
	test.each([
		['', 0, 'unexpected end'],
		['   ', 3, 'unexpected end'],
		['{', 1, 'expected a key'],
		['{"a":1,}', 7, 'expected a key'],
		['{"a" 1}', 5, 'expected :'],
		['{"a":1 "b":2}', 7, 'expected , or }'],
		['[1 2]', 3, 'expected , or ]'],
		['[1,]', 3, 'unexpected character "]"'],
		['"abc', 4, 'unterminated string'],
		['"a\\x"', 2, 'bad escape'],
		['"\\u12G4"', 1, 'bad unicode escape'],
		['"tab\there"', 4, 'control character in string'],
		['tru', 0, 'expected true'],
		['nul', 0, 'expected null'],
		['01', 0, 'bad number 01'],
		['1.', 0, 'bad number 1.'],
		['-', 0, 'bad number -'],
		['1e', 0, 'bad number 1e'],
		['+1', 0, 'unexpected character "+"'],
		['NaN', 0, 'unexpected character "N"'],
		["{'a':1}", 1, 'expected a key'],
		['1 2', 2, 'unexpected trailing characters'],
		['{} x', 3, 'unexpected trailing characters'],
	])('%p fails at position %i (%s)', (text, position, what) => {
		let err: unknown;
		try {
			parseJson(text);
		} catch (e) {
			err = e;
		}
		expect(err).toBeInstanceOf(JsonSyntaxError);
		expect(err).toBeInstanceOf(Error);
		expect((err as JsonSyntaxError).position).toBe(position);
		expect((err as Error).message).toBe(`Invalid JSON at position ${position}: ${what}`);
		expect((err as Error).name).toBe('JsonSyntaxError');
	});
});

describe('stringifyJson', () => {
	test('bigint is written as bare digits (JSON.stringify throws)', () => {
		expect(() => JSON.stringify({ id: 1n })).toThrow();
		expect(stringifyJson({ id: I64_MAX, neg: I64_MIN, small: 5n })).toBe(`{"id":${I64_MAX},"neg":${I64_MIN},"small":5}`);
		expect(stringifyJson([P53 + 1n])).toBe('[9007199254740993]');
	});

	test('undefined and functions: dropped from objects, null in arrays; undefined alone is null', () => {
		expect(stringifyJson({ a: undefined, b: 1, f: () => 1 })).toBe('{"b":1}');
		expect(stringifyJson([undefined, () => 1, 2])).toBe('[null,null,2]');
		expect(stringifyJson(undefined)).toBe('null');
		expect(stringifyJson(null)).toBe('null');
	});

	test('NaN and ±Infinity become null (as JSON.stringify)', () => {
		expect(stringifyJson([NaN, Infinity, -Infinity])).toBe('[null,null,null]');
		expect(stringifyJson({ x: NaN })).toBe(JSON.stringify({ x: NaN }));
	});

	test('numbers, booleans, strings, unicode and escapes match JSON.stringify', () => {
		const v = { n: 1.5, e: 1e21, tiny: 2.5e-7, neg: -0, t: true, f: false, s: 'a"b\\c\n\u0001 😀 火山 é', nested: { arr: [1, [2, [3]]], empty: {}, none: [] } };
		expect(stringifyJson(v)).toBe(JSON.stringify(v));
	});

	test('toJSON is honoured (Date)', () => {
		const d = new Date('2024-01-02T03:04:05.000Z');
		expect(stringifyJson({ d })).toBe('{"d":"2024-01-02T03:04:05.000Z"}');
	});

	test('key order is insertion order; no whitespace', () => {
		expect(stringifyJson({ AppId: 1, Sender: 2n, Receiver: [3n, 4n] })).toBe('{"AppId":1,"Sender":2,"Receiver":[3,4]}');
	});
});

/** stringifyJson before the native fast path: the reference it must match byte for byte. */
function oldStringify(value: unknown): string {
	const out: string[] = [];
	const write = (v: unknown): void => {
		if (v === null) return void out.push('null');
		switch (typeof v) {
			case 'string':
				return void out.push(JSON.stringify(v));
			case 'bigint':
				return void out.push(v.toString());
			case 'number':
				return void out.push(Number.isFinite(v) ? String(v) : 'null');
			case 'boolean':
				return void out.push(v ? 'true' : 'false');
			case 'object': {
				if (Array.isArray(v)) {
					out.push('[');
					for (let i = 0; i < v.length; i++) {
						if (i > 0) out.push(',');
						const x = v[i];
						write(x === undefined || typeof x === 'function' ? null : x);
					}
					return void out.push(']');
				}
				const json = (v as { toJSON?: () => unknown }).toJSON;
				if (typeof json === 'function') return write(json.call(v));
				out.push('{');
				let first = true;
				for (const key of Object.keys(v as object)) {
					const x = (v as Record<string, unknown>)[key];
					if (x === undefined || typeof x === 'function') continue;
					if (!first) out.push(',');
					first = false;
					out.push(JSON.stringify(key), ':');
					write(x);
				}
				return void out.push('}');
			}
			default:
				out.push('null');
		}
	};
	write(value);
	return out.join('');
}

describe('stringifyJson: the same text as before the native fast path', () => {
	const nullProto = Object.assign(Object.create(null), { a: 1, b: [2] });
	class Plainish {
		a = 1;
	}
	const withGetter = { get g() { return 5; }, h: 'x' };
	const sparse = [1, , 3];
	const arrayWithToJSON = Object.assign([1, 2], { toJSON: () => 'replaced' });
	let deep: unknown = { leaf: 1 };
	for (let i = 0; i < 70; i++) deep = { d: deep, a: [i] };
	test.each([
		['a Tencent body', { From_Account: 'administrator', To_Account: ['user_1'], SyncOtherMachine: 2, MsgRandom: 12345678, MsgBody: [{ MsgType: 'TIMTextElem', MsgContent: { Text: 'hello 😀 "q" \\ \n' } }], MsgLifeTime: 604800 }],
		['a Volcengine body with bigints', { AppId: 123456, Sender: 9007199254740993n, Receiver: [9007199254740995n, 1n], Content: '{"text":"hi"}', Ext: {}, IsNormalUser: true }],
		['a bigint deep inside plain data', { a: [{ b: [{ c: 1n }] }], s: 'x' }],
		['undefined, functions and symbols', { u: undefined, f: () => 1, s: Symbol('s'), arr: [undefined, () => 1, Symbol('t')], ok: 1 }],
		['NaN, infinities, -0, floats, exponents', [NaN, Infinity, -Infinity, -0, 0.1, 1e21, 2.5e-7, Number.MAX_SAFE_INTEGER]],
		['a null-prototype object', nullProto],
		['a class instance', { p: new Plainish() }],
		['Date, Buffer, Map, Set, boxed primitives', { d: new Date(0), b: Buffer.from('ab'), m: new Map([[1, 2]]), st: new Set([1]), n: Object(1), str: Object('s'), bool: Object(false) }],
		['a getter', withGetter],
		['a sparse array', sparse],
		['an array with its own toJSON', { a: arrayWithToJSON }],
		['toJSON returning undefined', { a: { toJSON: () => undefined }, b: [{ toJSON: () => undefined }] }],
		['deep nesting', deep],
		['top-level undefined', undefined],
		['top-level function', () => 1],
		['top-level string, number, boolean, null', ['x', 1, true, null]],
		['lone surrogates and control characters', { s: '\ud800 \udfff \u0000 \u001f \u2028' }],
		['__proto__ as an own key', JSON.parse('{"__proto__":{"x":1},"y":2}')],
		['numeric-looking keys (ordered first by the engine)', { b: 1, 2: 'two', 1: 'one', a: 0 }],
	])('%s', (_what, value) => {
		expect(stringifyJson(value)).toBe(oldStringify(value));
	});

	test('random plain and mixed values', () => {
		let seed = 424242;
		const rnd = (k: number) => {
			seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
			return seed % k;
		};
		const leaf = (): unknown => [0, -1.5, 'é"\\\n', true, false, null, undefined, NaN, 12345678901234567n, () => 0, new Date(1), Symbol('x')][rnd(12)];
		const value = (depth: number): unknown => {
			const r = rnd(depth > 4 ? 1 : 4);
			if (r === 0) return leaf();
			if (r === 1) return Array.from({ length: rnd(4) }, () => value(depth + 1));
			return Object.fromEntries(Array.from({ length: rnd(4) }, (_, i) => [`k${i}`, value(depth + 1)]));
		};
		for (let k = 0; k < 3000; k++) {
			const v = value(0);
			expect(stringifyJson(v)).toBe(oldStringify(v));
		}
	});

	test('a cycle still fails (a RangeError from the walk, as before)', () => {
		const a: Record<string, unknown> = { x: 1 };
		a.self = a;
		expect(() => stringifyJson(a)).toThrow(RangeError);
	});
});

describe('round trips', () => {
	const cases = [String(P53 - 1n), String(P53), String(P53 + 1n), String(I64_MAX), String(I64_MIN), '-1', '0', '1.5', '"x"'];

	test.each(cases)('bigint mode: %s → parse → stringify is byte-identical', (text) => {
		expect(stringifyJson(parseJson(text, 'bigint'))).toBe(text);
	});

	test('a request body with int64 ids survives parse (bigint) → stringify exactly', () => {
		const text = `{"AppId":123456,"Sender":${P53 + 1n},"Receiver":[${I64_MAX},${P53 + 3n},42],"Content":"{\\"text\\":\\"hi 😀\\"}","MsgTTL":604800}`;
		expect(stringifyJson(parseJson(text, 'bigint'))).toBe(text);
	});

	test('string mode turns big ids into strings: re-serialised they are quoted, never rounded', () => {
		expect(stringifyJson(parseJson(`{"id":${I64_MAX}}`))).toBe(`{"id":"${I64_MAX}"}`);
	});

	test('stringify then parse gives back the same value', () => {
		const v = { ids: [I64_MAX, P53 + 1n, 7n], text: 'é😀\n', n: -3.25, ok: true, none: null };
		expect(parseJson(stringifyJson(v), 'bigint')).toEqual({ ids: [I64_MAX, P53 + 1n, 7], text: 'é😀\n', n: -3.25, ok: true, none: null });
	});
});
