/**
 * JSON that keeps int64 exact.
 *
 * Both vendors use 64-bit integer ids (Volcengine user and message ids, see volcengine-rtc.md §7.8).
 * `JSON.parse` turns 9007199254740993 into 9007199254740992, and `JSON.stringify` cannot write a
 * bigint. These two functions are the only JSON codec of the package:
 * - `stringifyJson` writes `bigint` values as bare JSON numbers (exact digits);
 * - `parseJson` reads integers outside the safe range as decimal strings (or bigints), never as
 *   rounded numbers.
 */

export type BigIntMode = 'string' | 'bigint';

export function stringifyJson(value: unknown): string {
	// Request bodies without a bigint (Tencent's, most of all) are plain data: the native serialiser
	// writes exactly the same text, several times faster than the walk below (bench anchor profile:
	// ~16 µs of a Tencent call in n8n). Anything else (a bigint, toJSON, a class instance, a symbol,
	// very deep nesting) goes through `write`, which owns the package's rules for those.
	if (isPlainJson(value, 0)) return JSON.stringify(value) ?? 'null';
	return write(value);
}

/** Deeper values are left to `write` (which then fails on a cycle as before). */
const MAX_PLAIN_DEPTH = 64;

/**
 * Whether JSON.stringify writes `value` as `write` does: strings, numbers, booleans and null, in
 * arrays and plain objects (prototype Object.prototype or null) without toJSON; undefined and
 * functions inside them (both skip them in objects and write null in arrays).
 */
function isPlainJson(value: unknown, depth: number): boolean {
	if (value === null) return true;
	switch (typeof value) {
		case 'string':
		case 'number':
		case 'boolean':
			return true;
		case 'undefined':
		case 'function':
			// at the top level JSON.stringify gives undefined, turned into 'null' as `write` writes it
			return true;
		case 'object': {
			if (depth >= MAX_PLAIN_DEPTH || typeof (value as { toJSON?: unknown }).toJSON === 'function') return false;
			if (Array.isArray(value)) {
				if (Object.getPrototypeOf(value) !== Array.prototype) return false;
				for (let i = 0; i < value.length; i++) if (!isPlainJson(value[i], depth + 1)) return false;
				return true;
			}
			const proto = Object.getPrototypeOf(value) as unknown;
			if (proto !== Object.prototype && proto !== null) return false;
			for (const key of Object.keys(value)) if (!isPlainJson((value as Record<string, unknown>)[key], depth + 1)) return false;
			return true;
		}
		default:
			// bigint, symbol
			return false;
	}
}

function write(value: unknown): string {
	if (value === null) return 'null';
	switch (typeof value) {
		case 'string':
			return JSON.stringify(value);
		case 'bigint':
			return value.toString();
		case 'number':
			return Number.isFinite(value) ? String(value) : 'null';
		case 'boolean':
			return value ? 'true' : 'false';
		case 'object': {
			if (Array.isArray(value)) {
				let out = '[';
				for (let i = 0; i < value.length; i++) {
					if (i > 0) out += ',';
					const v = value[i];
					out += write(v === undefined || typeof v === 'function' ? null : v);
				}
				return `${out}]`;
			}
			const json = (value as { toJSON?: () => unknown }).toJSON;
			if (typeof json === 'function') return write(json.call(value));
			let out = '{';
			let first = true;
			for (const key of Object.keys(value as object)) {
				const v = (value as Record<string, unknown>)[key];
				if (v === undefined || typeof v === 'function') continue;
				if (!first) out += ',';
				first = false;
				out += `${JSON.stringify(key)}:${write(v)}`;
			}
			return `${out}}`;
		}
		default:
			return 'null';
	}
}

export class JsonSyntaxError extends Error {
	constructor(message: string, readonly position: number) {
		super(message);
		this.name = 'JsonSyntaxError';
	}
}

/**
 * Parses JSON text. Integer literals that do not fit a JS number exactly become decimal strings
 * (mode 'string', for node output) or bigints (mode 'bigint', for code that must tell a number
 * from a string, such as the sandbox validating a request).
 */
export function parseJson(text: string, mode: BigIntMode = 'string'): unknown {
	// Fast paths: an integer literal that JSON.parse could round has at least 16 digits
	// (Number.MAX_SAFE_INTEGER is 9007199254740991); the native parser reads everything else the
	// same, and keeps `__proto__` as an own key. Invalid text goes to the hand parser, whose error
	// names the position.
	if (mode === 'string') {
		// Vendor answers do carry int64 ids (Volcengine message ids): quote the unsafe integer
		// literals (never inside a string) and let the native parser read them as the same decimal
		// strings; text without one is handed to it as it is. One pass (quoteUnsafeIntegers), cheaper
		// than a /\d{16}/ test alone, and no regex callback per string literal (bench anchor,
		// Volcengine: the former `replace` with a callback was ~55 µs per answer in n8n's profile).
		try {
			return JSON.parse(quoteUnsafeIntegers(text)) as unknown;
		} catch {
			// fall through: the hand parser throws the positioned JsonSyntaxError
		}
	} else if (!LONG_DIGIT_RUN.test(text)) {
		try {
			return JSON.parse(text) as unknown;
		} catch {
			// fall through: the hand parser throws the positioned JsonSyntaxError
		}
	}
	const p = new Parser(text, mode);
	p.ws();
	const v = p.value();
	p.ws();
	if (p.i !== text.length) p.fail('unexpected trailing characters');
	return v;
}

const LONG_DIGIT_RUN = /\d{16}/;

/**
 * `text` with every integer literal of 16+ digits that is not a safe integer put in quotes, and
 * nothing else changed; `text` itself when there is none. Exactly what
 * `text.replace(/"(?:[^"\\]|\\.)*"|(?<![\w.+-])-?[1-9]\d{15,}(?![\w.])/g, …)` did (quoting the
 * integer matches that are not safe integers, keeping the string matches), also on invalid text,
 * which the native parser then rejects as before:
 * - a string literal is skipped whole when it closes: `"`, then any characters but `"` and `\`, or
 *   `\` with one character that is not a line terminator, then `"`; when it does not close, the
 *   scan goes on at the next character, as the regex did;
 * - an integer: optional `-`, a digit 1–9, 15+ more digits, not preceded by a word character,
 *   `.`, `+` or `-` (so not a fraction, an exponent or part of a token) and not followed by a word
 *   character or `.` (so not a float or an exponent's mantissa).
 */
export function quoteUnsafeIntegers(text: string): string {
	const n = text.length;
	let out = '';
	let copied = 0;
	let i = 0;
	const bs: BackslashSearch = { from: 0, at: -1 };
	while (i < n) {
		const c = text.charCodeAt(i);
		if (c === 34) {
			const end = stringLiteralEnd(text, i + 1, n, bs);
			i = end < 0 ? i + 1 : end;
			continue;
		}
		if ((c === 45 || (c >= 49 && c <= 57)) && (i === 0 || !isIntegerBoundaryBefore(text.charCodeAt(i - 1)))) {
			let d = c === 45 ? i + 1 : i;
			const first = d < n ? text.charCodeAt(d) : 0;
			if (first >= 49 && first <= 57) {
				const digitsStart = d;
				d++;
				while (d < n && isDigit(text.charCodeAt(d))) d++;
				if (d - digitsStart >= 16 && (d === n || !isWordOrDot(text.charCodeAt(d)))) {
					if (!isSafeIntegerLiteral(text, i, d)) {
						out += text.slice(copied, i) + '"' + text.slice(i, d) + '"';
						copied = d;
					}
					i = d;
					continue;
				}
			}
		}
		i++;
	}
	return copied === 0 ? text : out + text.slice(copied);
}

/**
 * Index after the closing quote of the string literal whose content starts at `from`, or -1 when it
 * does not close. `bs` carries a search for the next backslash from call to call (`at`: the first
 * backslash at or after `from`, text.length when none), so that a text is not searched again for
 * every literal; it is redone when `from` is outside the range the search covered.
 */
function stringLiteralEnd(text: string, from: number, n: number, bs: BackslashSearch): number {
	let q = text.indexOf('"', from);
	if (q < 0) return -1;
	if (from < bs.from || from > bs.at) search(bs, text, from, n);
	while (bs.at < q) {
		const b = bs.at;
		if (b + 1 >= n) return -1;
		const e = text.charCodeAt(b + 1);
		// the regex's `.` (no s flag) matches no line terminator
		if (e === 10 || e === 13 || e === 0x2028 || e === 0x2029) return -1;
		if (b + 1 === q) {
			q = text.indexOf('"', b + 2);
			if (q < 0) return -1;
		}
		search(bs, text, b + 2, n);
	}
	return q + 1;
}

interface BackslashSearch {
	/** Where the search started. */
	from: number;
	/** The first backslash at or after `from`; the text's length when there is none. */
	at: number;
}

function search(bs: BackslashSearch, text: string, from: number, n: number): void {
	const b = text.indexOf('\\', from);
	bs.from = from;
	bs.at = b < 0 ? n : b;
}

const isDigit = (c: number): boolean => c >= 48 && c <= 57;
/** [A-Za-z0-9_] (the regex's \w, no u flag) or `.`. */
const isWordOrDot = (c: number): boolean => isDigit(c) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 46;
/** What may not come right before an integer literal: \w . + - */
const isIntegerBoundaryBefore = (c: number): boolean => isWordOrDot(c) || c === 43 || c === 45;

/** Whether the integer literal text[from, to) (16+ digits, optional `-`) is a safe integer. */
function isSafeIntegerLiteral(text: string, from: number, to: number): boolean {
	return Number.isSafeInteger(Number(text.slice(from, to)));
}

const NUMBER_CHAR = /[0-9eE+\-.]/;

class Parser {
	i = 0;
	constructor(
		readonly s: string,
		readonly mode: BigIntMode,
	) {}

	fail(msg: string): never {
		throw new JsonSyntaxError(`Invalid JSON at position ${this.i}: ${msg}`, this.i);
	}

	ws() {
		const s = this.s;
		let i = this.i;
		while (i < s.length) {
			const c = s.charCodeAt(i);
			if (c === 32 || c === 9 || c === 10 || c === 13) i++;
			else break;
		}
		this.i = i;
	}

	value(): unknown {
		const c = this.s[this.i];
		if (c === '{') return this.object();
		if (c === '[') return this.array();
		if (c === '"') return this.string();
		if (c === 't') return this.literal('true', true);
		if (c === 'f') return this.literal('false', false);
		if (c === 'n') return this.literal('null', null);
		if (c === '-' || (c >= '0' && c <= '9')) return this.number();
		return this.fail(c === undefined ? 'unexpected end' : `unexpected character ${JSON.stringify(c)}`);
	}

	literal<T>(word: string, v: T): T {
		if (this.s.startsWith(word, this.i)) {
			this.i += word.length;
			return v;
		}
		return this.fail(`expected ${word}`);
	}

	number(): number | string | bigint {
		const start = this.i;
		const s = this.s;
		let i = this.i;
		while (i < s.length && NUMBER_CHAR.test(s[i])) i++;
		const raw = s.slice(start, i);
		if (!/^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?$/.test(raw)) this.fail(`bad number ${raw}`);
		this.i = i;
		const n = Number(raw);
		if (/^-?\d+$/.test(raw) && !Number.isSafeInteger(n)) {
			return this.mode === 'bigint' ? BigInt(raw) : BigInt(raw).toString();
		}
		return n;
	}

	string(): string {
		const s = this.s;
		let i = this.i + 1;
		let out = '';
		let chunkStart = i;
		for (;;) {
			if (i >= s.length) {
				this.i = i;
				this.fail('unterminated string');
			}
			const c = s.charCodeAt(i);
			if (c === 34) {
				out += s.slice(chunkStart, i);
				this.i = i + 1;
				return out;
			}
			if (c < 32) {
				this.i = i;
				this.fail('control character in string');
			}
			if (c === 92) {
				out += s.slice(chunkStart, i);
				const e = s[i + 1];
				switch (e) {
					case '"':
					case '\\':
					case '/':
						out += e;
						i += 2;
						break;
					case 'b':
						out += '\b';
						i += 2;
						break;
					case 'f':
						out += '\f';
						i += 2;
						break;
					case 'n':
						out += '\n';
						i += 2;
						break;
					case 'r':
						out += '\r';
						i += 2;
						break;
					case 't':
						out += '\t';
						i += 2;
						break;
					case 'u': {
						const hex = s.slice(i + 2, i + 6);
						if (!/^[0-9a-fA-F]{4}$/.test(hex)) {
							this.i = i;
							this.fail('bad unicode escape');
						}
						out += String.fromCharCode(parseInt(hex, 16));
						i += 6;
						break;
					}
					default:
						this.i = i;
						this.fail('bad escape');
				}
				chunkStart = i;
				continue;
			}
			i++;
		}
	}

	array(): unknown[] {
		this.i++;
		const out: unknown[] = [];
		this.ws();
		if (this.s[this.i] === ']') {
			this.i++;
			return out;
		}
		for (;;) {
			this.ws();
			out.push(this.value());
			this.ws();
			const c = this.s[this.i++];
			if (c === ']') return out;
			if (c !== ',') {
				this.i--;
				this.fail('expected , or ]');
			}
		}
	}

	object(): Record<string, unknown> {
		this.i++;
		const out: Record<string, unknown> = {};
		this.ws();
		if (this.s[this.i] === '}') {
			this.i++;
			return out;
		}
		for (;;) {
			this.ws();
			if (this.s[this.i] !== '"') this.fail('expected a key');
			const key = this.string();
			this.ws();
			if (this.s[this.i++] !== ':') {
				this.i--;
				this.fail('expected :');
			}
			this.ws();
			const v = this.value();
			if (key === '__proto__') {
				Object.defineProperty(out, key, { value: v, enumerable: true, writable: true, configurable: true });
			} else {
				out[key] = v;
			}
			this.ws();
			const c = this.s[this.i++];
			if (c === '}') return out;
			if (c !== ',') {
				this.i--;
				this.fail('expected , or }');
			}
		}
	}
}
