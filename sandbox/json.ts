// Sandbox code (not shipped): the sandbox's own int64-safe JSON codec.
//
// Deliberately independent of nodes/shared/json.ts (issue 11 §4): the sandbox plays the vendor,
// and a vendor does not share our parser. If the node's codec wrote a big id wrongly, this one
// must be able to notice. It is written differently on purpose (a sticky-regex tokenizer rather
// than a character loop) and kept small: the sandbox only needs to read requests exactly and to
// write answers exactly.
//
// - `readJson(text, 'bigint')`: integer literals outside ±(2^53−1) become `bigint` (so a handler
//   can tell a number from a string and keep all 19 digits); in mode 'string' they become decimal
//   strings (for control-plane bodies and decoded UserSigs, where text is enough).
// - `writeJson(value)`: like JSON.stringify, except that a `bigint` is written as a bare number.
//
// The names `parseJson` / `stringifyJson` are kept as aliases so the emulator reads as before.

export type BigIntAs = 'bigint' | 'string';

export class SandboxJsonError extends Error {
	constructor(message: string, readonly at: number) {
		super(message);
		this.name = 'SandboxJsonError';
	}
}

// One token at a time, anchored at `lastIndex` (the y flag). Raw control characters are not allowed in a JSON string.
// eslint-disable-next-line no-control-regex
const TOKEN = /[ \t\r\n]*(?:([{}[\]:,])|("(?:[^"\\\u0000-\u001f]+|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*")|(-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?)|(true|false|null))/y;
const TRAILING_WS = /[ \t\r\n]*$/y;

type Tok = { kind: 'punct' | 'string' | 'number' | 'word'; text: string; at: number };

function tokenize(text: string): Tok[] {
	const toks: Tok[] = [];
	TOKEN.lastIndex = 0;
	for (;;) {
		const at = TOKEN.lastIndex;
		TRAILING_WS.lastIndex = at;
		if (TRAILING_WS.test(text) && TRAILING_WS.lastIndex === text.length) break;
		TOKEN.lastIndex = at;
		const m = TOKEN.exec(text);
		if (!m) throw new SandboxJsonError(`invalid JSON near position ${at}`, at);
		if (m[1] !== undefined) toks.push({ kind: 'punct', text: m[1], at });
		else if (m[2] !== undefined) toks.push({ kind: 'string', text: m[2], at });
		else if (m[3] !== undefined) toks.push({ kind: 'number', text: m[3], at });
		else toks.push({ kind: 'word', text: m[4], at });
	}
	return toks;
}

export function readJson(text: string, bigAs: BigIntAs = 'string'): unknown {
	const toks = tokenize(text);
	let i = 0;
	const fail = (why: string): never => {
		const at = toks[i]?.at ?? text.length;
		throw new SandboxJsonError(`invalid JSON at position ${at}: ${why}`, at);
	};
	const expect = (p: string) => {
		if (toks[i]?.kind !== 'punct' || toks[i].text !== p) fail(`expected ${p}`);
		i++;
	};
	const value = (): unknown => {
		const t = toks[i];
		if (!t) return fail('unexpected end');
		i++;
		switch (t.kind) {
			case 'string':
				// The token regex already proved the escapes valid, so JSON.parse of one string is exact.
				return JSON.parse(t.text) as string;
			case 'word':
				return t.text === 'true' ? true : t.text === 'false' ? false : null;
			case 'number': {
				const n = Number(t.text);
				if (/^-?[0-9]+$/.test(t.text) && !Number.isSafeInteger(n)) return bigAs === 'bigint' ? BigInt(t.text) : BigInt(t.text).toString();
				return n;
			}
			default:
				if (t.text === '[') {
					const arr: unknown[] = [];
					if (toks[i]?.text === ']' && toks[i].kind === 'punct') {
						i++;
						return arr;
					}
					for (;;) {
						arr.push(value());
						if (toks[i]?.kind === 'punct' && toks[i].text === ',') {
							i++;
							continue;
						}
						expect(']');
						return arr;
					}
				}
				if (t.text === '{') {
					const obj: Record<string, unknown> = {};
					if (toks[i]?.text === '}' && toks[i].kind === 'punct') {
						i++;
						return obj;
					}
					for (;;) {
						if (toks[i]?.kind !== 'string') fail('expected a key');
						const key = JSON.parse(toks[i++].text) as string;
						expect(':');
						// defineProperty, so a "__proto__" key stays an own key the handlers can see and refuse.
						Object.defineProperty(obj, key, { value: value(), enumerable: true, writable: true, configurable: true });
						if (toks[i]?.kind === 'punct' && toks[i].text === ',') {
							i++;
							continue;
						}
						expect('}');
						return obj;
					}
				}
				i--;
				return fail(`unexpected ${t.text}`);
		}
	};
	const v = value();
	if (i !== toks.length) fail('trailing characters');
	return v;
}

export function writeJson(value: unknown): string {
	if (value === null) return 'null';
	switch (typeof value) {
		case 'bigint':
			return value.toString(10);
		case 'number':
			return Number.isFinite(value) ? JSON.stringify(value) : 'null';
		case 'string':
		case 'boolean':
			return JSON.stringify(value);
		case 'object': {
			if (Array.isArray(value)) return `[${value.map((v) => (v === undefined || typeof v === 'function' || typeof v === 'symbol' ? 'null' : writeJson(v))).join(',')}]`;
			const toJSON = (value as { toJSON?: () => unknown }).toJSON;
			if (typeof toJSON === 'function') return writeJson(toJSON.call(value));
			const parts: string[] = [];
			for (const [k, v] of Object.entries(value as object)) {
				if (v === undefined || typeof v === 'function' || typeof v === 'symbol') continue;
				parts.push(`${JSON.stringify(k)}:${writeJson(v)}`);
			}
			return `{${parts.join(',')}}`;
		}
		default:
			return 'null';
	}
}

export const parseJson = readJson;
export const stringifyJson = writeJson;
