import type { IExecuteFunctions, INode, INodeExecutionData } from 'n8n-workflow';
import type { ZodType, ZodTypeDef } from 'zod';
import { parseField } from './errors';

type Schema<T> = ZodType<T, ZodTypeDef, unknown>;

/**
 * Parameters are read once when they can be. Resolving a parameter through n8n costs tens of
 * microseconds per item (expression machinery, cleanup, schema validation), and a node reads a
 * dozen per item: 10,000 items spent seconds before the first call (issue 15). A parameter whose
 * raw value (the node's saved parameters) holds no expression — no string starting with "=" anywhere
 * in it, and no expression fallback when it is unset — has the same value for every item, so it is
 * resolved through n8n once per execution (the first item that asks, so n8n's defaults, cleanup and
 * errors are exactly those of getNodeParameter) and reused; its validated value is reused too (a
 * copy when it is an object). Expressions are still resolved for every item. A value that fails validation
 * is never cached: every item re-validates and fails with its own index, as before. Objects handed
 * out are copies (n8n returns a fresh object on every call, and callers may keep or change it).
 *
 * The commonest expression, a top-level parameter that is exactly `={{ $json.name }}` (or
 * `={{ $json["name"] }}`), is read from the item itself when the item has that field as text, a
 * number, a boolean, null or a list of those: n8n's resolution of it returns exactly that value
 * (`$json` is the item's `json` in the node's input, such a value comes back unchanged, and n8n's
 * cleanup and schema validation leave it as it is), but builds a data proxy and evaluates the
 * expression for it, ~100–200 µs per item. Anything else (a missing field, an object, a list, another expression)
 * still goes through n8n, with its errors.
 */
interface Resolved {
	value: unknown;
	/** Validated values by schema (objects are handed out as copies). */
	parsed: Map<unknown, unknown>;
	/** A collection's validated primitive options, by key and schema. */
	options?: Map<string, Map<unknown, unknown>>;
}

interface ParamState {
	/** n8n's getNode() deep-copies the node (parameters included) on every call: copied once here. */
	node: INode;
	/** Whether a parameter (with a given fallback) is the same for every item. */
	fixed: Map<string, boolean>;
	/** Fixed parameters, resolved once. */
	once: Map<string, Resolved>;
	/** Expression parameters of the item being read (items are read one after another). */
	itemIndex: number;
	item: Map<string, unknown>;
	/** By parameter: the field of a `={{ $json.field }}` expression, or null (any other value). */
	jsonFields: Map<string, string | null>;
	/** The node's input items (for `$json.field`), fetched on first use. */
	input?: INodeExecutionData[];
}

const states = new WeakMap<IExecuteFunctions, ParamState>();

function stateOf(ctx: IExecuteFunctions): ParamState {
	let s = states.get(ctx);
	if (!s) states.set(ctx, (s = { node: ctx.getNode(), fixed: new Map(), once: new Map(), itemIndex: -1, item: new Map(), jsonFields: new Map() }));
	return s;
}

/** The node (for errors and its saved parameters), copied once per execution context. */
export const nodeOf = (ctx: IExecuteFunctions): INode => stateOf(ctx).node;

/** Whether a raw parameter value holds an expression anywhere (n8n marks them with a leading "="). */
export function hasExpression(value: unknown): boolean {
	if (typeof value === 'string') return value.startsWith('=');
	if (Array.isArray(value)) return value.some(hasExpression);
	if (value !== null && typeof value === 'object') return Object.values(value).some(hasExpression);
	return false;
}

/** The raw (unresolved) value at a parameter path such as `options.batchSize`. */
function rawAt(ctx: IExecuteFunctions, name: string): unknown {
	let at: unknown = nodeOf(ctx).parameters;
	for (const key of name.split('.')) {
		if (at === null || typeof at !== 'object') return undefined;
		at = (at as Record<string, unknown>)[key];
	}
	return at;
}

const isPrimitive = (v: unknown) => v === null || (typeof v !== 'object' && typeof v !== 'function');

/**
 * A deep copy, as structuredClone makes it. Parameter values are plain data (objects, arrays,
 * primitives), which are copied by hand, several times faster than structuredClone's
 * serialization; anything else (a Date, a Map, a class instance) is left to structuredClone.
 */
function copy<T>(v: T): T {
	if (isPrimitive(v)) return v;
	const plain = plainCopy(v, 0);
	return plain === NOT_PLAIN ? structuredClone(v) : (plain as T);
}

const NOT_PLAIN = Symbol('not plain');

function plainCopy(v: unknown, depth: number): unknown {
	if (isPrimitive(v)) return v;
	if (depth > 64) return NOT_PLAIN;
	if (Array.isArray(v)) {
		const out = new Array<unknown>(v.length);
		for (let k = 0; k < v.length; k++) {
			if (!(k in v)) return NOT_PLAIN; // a hole
			const x = plainCopy(v[k], depth + 1);
			if (x === NOT_PLAIN) return NOT_PLAIN;
			out[k] = x;
		}
		return Object.keys(v).length === v.length ? out : NOT_PLAIN;
	}
	const proto: unknown = Object.getPrototypeOf(v);
	if (proto !== Object.prototype && proto !== null) return NOT_PLAIN;
	const out: Record<string, unknown> = {};
	for (const key of Object.keys(v as object)) {
		const x = plainCopy((v as Record<string, unknown>)[key], depth + 1);
		if (x === NOT_PLAIN) return NOT_PLAIN;
		// defineProperty: a key such as "__proto__" stays an own key, as structuredClone keeps it
		Object.defineProperty(out, key, { value: x, enumerable: true, writable: true, configurable: true });
	}
	return out;
}

/** `={{ $json.name }}`, `={{ $json["name"] }}` or `={{ $json['name'] }}`, spaces around allowed. */
const JSON_FIELD = /^=\{\{\s*\$json(?:\.([A-Za-z_$][\w$]*)|\[\s*(?:"([^"\\]*)"|'([^'\\]*)')\s*\])\s*\}\}$/;
/** Names n8n's expression sandbox refuses or treats specially: always left to n8n. */
const UNSAFE_FIELD = /^(constructor|prototype|__.*)$/;

/** The field a raw top-level parameter reads with `={{ $json.field }}`, or null. */
function jsonFieldOf(s: ParamState, name: string): string | null {
	let field = s.jsonFields.get(name);
	if (field === undefined) {
		const raw: unknown = name.includes('.') ? undefined : s.node.parameters[name];
		const m = typeof raw === 'string' ? JSON_FIELD.exec(raw) : null;
		field = m ? (m[1] ?? m[2] ?? m[3]) : null;
		if (field !== null && UNSAFE_FIELD.test(field)) field = null;
		s.jsonFields.set(name, field);
	}
	return field;
}

const NOT_DIRECT = Symbol('not direct');

/** The item's own scalar (or list of scalars) that `={{ $json.field }}` resolves to, else NOT_DIRECT. */
function directJsonValue(ctx: IExecuteFunctions, name: string, itemIndex: number): unknown {
	const s = stateOf(ctx);
	const field = jsonFieldOf(s, name);
	if (field === null) return NOT_DIRECT;
	const json = (s.input ??= ctx.getInputData())[itemIndex]?.json;
	if (json === null || typeof json !== 'object' || !Object.prototype.hasOwnProperty.call(json, field)) return NOT_DIRECT;
	const v: unknown = (json as Record<string, unknown>)[field];
	if (isScalar(v)) return v;
	// A list of scalars (receivers, ids): n8n hands out the item's own array for it, so does this.
	if (Array.isArray(v) && Object.getPrototypeOf(v) === Array.prototype) {
		for (let k = 0; k < v.length; k++) if (!isScalar(v[k])) return NOT_DIRECT;
		return v;
	}
	return NOT_DIRECT;
}

const isScalar = (v: unknown) => v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';

/**
 * Cache keys of primitive (and `{}`) fallbacks, built once per name and fallback: parameters are read
 * per item, several per item, and building the key string each time showed in the reading profile.
 */
const primitiveKeys = new Map<string, Map<unknown, string>>();
const KEYS_PER_NAME = 64;

function keyOf(name: string, kind: string, fallback: unknown, text: () => string): string {
	let byFallback = primitiveKeys.get(name);
	if (!byFallback) primitiveKeys.set(name, (byFallback = new Map()));
	let key = byFallback.get(fallback);
	if (key === undefined) {
		key = `${name}\u0000${kind}\u0000${text()}`;
		// Fallbacks are the operations' own constants: a few per name. A bound all the same.
		if (byFallback.size < KEYS_PER_NAME) byFallback.set(fallback, key);
	}
	return key;
}

const EMPTY_OBJECT_KEY = Symbol('{}');

function cacheKey(name: string, fallback: unknown): string {
	if (fallback === undefined) return name;
	if (typeof fallback === 'string' || typeof fallback === 'number' || typeof fallback === 'boolean') return keyOf(name, typeof fallback, fallback, () => JSON.stringify(fallback));
	if (isEmptyObject(fallback)) return keyOf(name, 'object', EMPTY_OBJECT_KEY, () => '{}');
	try {
		return `${name}\u0000${typeof fallback}\u0000${JSON.stringify(fallback)}`;
	} catch {
		return '';
	}
}

function resolve(ctx: IExecuteFunctions, name: string, itemIndex: number, fallback: unknown): unknown {
	const direct = directJsonValue(ctx, name, itemIndex);
	if (direct !== NOT_DIRECT) return direct;
	return fallback === undefined ? ctx.getNodeParameter(name, itemIndex) : ctx.getNodeParameter(name, itemIndex, fallback);
}

/** The fixed parameter's cache entry, or undefined when it is an expression (resolve per item). */
function fixedEntry(ctx: IExecuteFunctions, name: string, itemIndex: number, fallback: unknown): Resolved | undefined {
	const key = cacheKey(name, fallback);
	if (key === '') return undefined;
	const s = stateOf(ctx);
	if (!isFixedKey(s, key, ctx, name, fallback)) return undefined;
	let entry = s.once.get(key);
	if (!entry) {
		// Resolved through n8n (defaults, cleanup, its own errors); a throw is not cached.
		entry = { value: resolve(ctx, name, itemIndex, fallback), parsed: new Map() };
		s.once.set(key, entry);
	}
	return entry;
}

const isEmptyObject = (v: unknown) => v !== null && typeof v === 'object' && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype && Object.keys(v).length === 0;

/** Whether a parameter has the same value for every item (its raw value holds no expression). */
export function isFixedParameter(ctx: IExecuteFunctions, name: string, fallback?: unknown): boolean {
	const key = cacheKey(name, fallback);
	return key !== '' && isFixedKey(stateOf(ctx), key, ctx, name, fallback);
}

function isFixedKey(s: ParamState, key: string, ctx: IExecuteFunctions, name: string, fallback: unknown): boolean {
	let fixed = s.fixed.get(key);
	if (fixed === undefined) {
		const raw = rawAt(ctx, name);
		fixed = !hasExpression(raw) && (raw !== undefined || !hasExpression(fallback));
		s.fixed.set(key, fixed);
	}
	return fixed;
}

/** What `getNodeParameter(name, itemIndex, fallback)` returns, resolved once when it is not an expression. */
export function nodeParameter(ctx: IExecuteFunctions, name: string, itemIndex: number, fallback?: unknown): unknown {
	return copy(shared(ctx, name, itemIndex, fallback));
}

/** The value itself (not a copy): fixed → once per execution; expression → once per item. */
function shared(ctx: IExecuteFunctions, name: string, itemIndex: number, fallback: unknown): unknown {
	const entry = fixedEntry(ctx, name, itemIndex, fallback);
	if (entry) return entry.value;
	const s = stateOf(ctx);
	if (s.itemIndex !== itemIndex) {
		s.itemIndex = itemIndex;
		s.item = new Map();
	}
	const key = cacheKey(name, fallback);
	if (key !== '' && s.item.has(key)) return s.item.get(key);
	const value = resolve(ctx, name, itemIndex, fallback);
	if (key !== '') s.item.set(key, value);
	return value;
}

/** Reads one parameter of one item and validates it; the error names the field and the item. */
export function readParam<T>(ctx: IExecuteFunctions, name: string, itemIndex: number, schema: Schema<T>, label: string, fallback?: unknown): T {
	const entry = fixedEntry(ctx, name, itemIndex, fallback);
	if (!entry) return parseField(nodeOf(ctx), schema, resolve(ctx, name, itemIndex, fallback), label, itemIndex);
	// A valid value's parse is kept (the same input parses the same); objects are handed out as copies.
	if (entry.parsed.has(schema)) return copy(entry.parsed.get(schema) as T);
	const parsed = parseField(nodeOf(ctx), schema, copy(entry.value), label, itemIndex);
	// A primitive is kept only when the schema returned the input itself: a schema may draw a value
	// (an empty Client Message ID becomes a fresh random one per item), which must not be shared.
	if (!isPrimitive(parsed)) entry.parsed.set(schema, copy(parsed));
	else if (parsed === entry.value) entry.parsed.set(schema, parsed);
	return parsed;
}

const collectionOf = (ctx: IExecuteFunctions, collection: string, itemIndex: number) =>
	(shared(ctx, collection, itemIndex, {}) ?? {}) as Record<string, unknown>;

/** Whether the user added `key` to a collection parameter (Options, Additional Fields). */
export function hasOption(ctx: IExecuteFunctions, collection: string, key: string, itemIndex: number): boolean {
	return collectionOf(ctx, collection, itemIndex)[key] !== undefined;
}

/**
 * Reads one key of a collection parameter (Options) and validates it. The collection is resolved
 * once per item (once per execution when it holds no expression), not once per key.
 */
export function readOption<T>(
	ctx: IExecuteFunctions,
	collection: string,
	key: string,
	itemIndex: number,
	schema: Schema<T>,
	label: string,
	fallback: unknown,
): T {
	const entry = fixedEntry(ctx, collection, itemIndex, {});
	const byKey = entry ? (entry.options ??= new Map()) : undefined;
	// the fallback is part of the key: another caller may read the same option with another default
	const optionKey = isPrimitive(fallback) ? keyOf(`\u0001${key}`, typeof fallback, fallback, () => String(fallback)) : undefined;
	const known = optionKey === undefined ? undefined : byKey?.get(optionKey);
	if (known?.has(schema)) return known.get(schema) as T;
	const options = collectionOf(ctx, collection, itemIndex);
	const value = options[key] === undefined ? fallback : copy(options[key]);
	const parsed = parseField(nodeOf(ctx), schema, value, label, itemIndex);
	// A fixed collection's valid primitive option is the same for every item (a bad one is never kept)
	// (only when the schema returned the value itself: a drawn default such as a random Client
	// Message ID differs per item).
	if (byKey && optionKey !== undefined && isPrimitive(parsed) && parsed === value) {
		let m = byKey.get(optionKey);
		if (!m) byKey.set(optionKey, (m = new Map()));
		m.set(schema, parsed);
	}
	return parsed;
}
