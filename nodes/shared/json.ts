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
	const out: string[] = [];
	write(value, out);
	return out.join('');
}

function write(value: unknown, out: string[]): void {
	if (value === null) {
		out.push('null');
		return;
	}
	switch (typeof value) {
		case 'string':
			out.push(JSON.stringify(value));
			return;
		case 'bigint':
			out.push(value.toString());
			return;
		case 'number':
			out.push(Number.isFinite(value) ? String(value) : 'null');
			return;
		case 'boolean':
			out.push(value ? 'true' : 'false');
			return;
		case 'object': {
			if (Array.isArray(value)) {
				out.push('[');
				for (let i = 0; i < value.length; i++) {
					if (i > 0) out.push(',');
					const v = value[i];
					write(v === undefined || typeof v === 'function' ? null : v, out);
				}
				out.push(']');
				return;
			}
			const json = (value as { toJSON?: () => unknown }).toJSON;
			if (typeof json === 'function') {
				write(json.call(value), out);
				return;
			}
			out.push('{');
			let first = true;
			for (const key of Object.keys(value as object)) {
				const v = (value as Record<string, unknown>)[key];
				if (v === undefined || typeof v === 'function') continue;
				if (!first) out.push(',');
				first = false;
				out.push(JSON.stringify(key), ':');
				write(v, out);
			}
			out.push('}');
			return;
		}
		default:
			out.push('null');
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
	// Fast path: an integer literal that JSON.parse could round has at least 16 digits
	// (Number.MAX_SAFE_INTEGER is 9007199254740991), so text without a run of 16 digits parses the
	// same with the native parser, which also keeps `__proto__` as an own key. Vendor answers rarely
	// carry such ids: bench anchor, ~32 µs → ~3 µs per answer. Invalid text goes to the hand parser,
	// whose error names the position.
	if (!LONG_DIGIT_RUN.test(text)) {
		try {
			return JSON.parse(text) as unknown;
		} catch {
			// fall through: the hand parser throws the positioned JsonSyntaxError
		}
	} else if (mode === 'string') {
		// Vendor answers do carry int64 ids (Volcengine message ids): quote the unsafe integer
		// literals (never inside a string: strings are matched whole first) and let the native
		// parser read them as the same decimal strings. Bench anchor, Volcengine: ~25 µs → ~4 µs.
		try {
			return JSON.parse(text.replace(STRING_OR_LONG_INTEGER, quoteUnsafeInteger)) as unknown;
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
/** A whole string literal, or an integer literal of 16+ digits (not part of a float, an exponent or a bad token). */
const STRING_OR_LONG_INTEGER = /"(?:[^"\\]|\\.)*"|(?<![\w.+-])-?[1-9]\d{15,}(?![\w.])/g;
const quoteUnsafeInteger = (m: string): string => (m.charCodeAt(0) === 34 || Number.isSafeInteger(Number(m)) ? m : `"${m}"`);
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
