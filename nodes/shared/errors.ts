import type { IDataObject, INode, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { ZodType, ZodTypeAny, ZodTypeDef } from 'zod';
import { findPrototypeKey, prototypeKeyRule } from './schemas';
import { PLAIN_CHECKS, Refusal } from './schemas/scalars';

export interface VendorErrorInfo {
	vendor: string;
	/** Vendor error code, e.g. `SignatureDoesNotMatch` or `90057`. */
	code: string;
	message: string;
	requestId?: string;
	httpCode?: number;
	/** Extra advice shown under the message. */
	hint?: string;
}

/**
 * The exact secret values in play in this process (secret keys, STS tokens, UserSigs, signatures and
 * Authorization values), registered by the credentials' authenticate() when they use them. A vendor
 * or a proxy may echo any of them back in an error body in a form no pattern recognises (a bare
 * UserSig, a token in a JSON field), so error text is also scrubbed of the exact values.
 * Bounded, in two stores: long-lived values (a credential's key, token, cached UserSig) are kept
 * apart, so the per-request values that age out never push them out and they need no re-registration
 * on every call; per-request values go in a ring. (Re-inserting every value in one Set, with
 * eviction, was ~16–25 µs of each signed call in bench anchor/overhead profiles.)
 */
const MAX_SECRETS = 512;
const MAX_LONG_LIVED_SECRETS = 64;
/** Shorter values are not registered: replacing them could mangle ordinary text. */
const MIN_SECRET_LENGTH = 8;
/** Per-request values: a ring, the oldest overwritten (a write per value, nothing to look up or delete). */
const recentSecrets: Array<string | undefined> = new Array<string | undefined>(MAX_SECRETS);
/**
 * The URL-encoded form of each ring value, computed when an error is scrubbed, not when the value is
 * registered (that is every signed request; errors are few): undefined until then, reset when the
 * slot is overwritten.
 */
const recentEncoded: Array<string | undefined> = new Array<string | undefined>(MAX_SECRETS);
let nextSlot = 0;
/** Long-lived values, in first-registered order; one pushed out by newer ones is added again when used again. */
const longLivedSecrets = new Set<string>();

/** A value used for one request (a signature, an Authorization header), removed plain and URL-encoded. */
export function registerSecret(value: string | undefined | null): void {
	if (typeof value !== 'string' || value.length < MIN_SECRET_LENGTH) return;
	recentSecrets[nextSlot] = value;
	recentEncoded[nextSlot] = undefined;
	nextSlot = (nextSlot + 1) % MAX_SECRETS;
}

/** A value reused across requests (a credential's secret key or token, a cached UserSig): registered once. */
export function registerLongLivedSecret(value: string | undefined | null): void {
	if (typeof value !== 'string' || value.length < MIN_SECRET_LENGTH || longLivedSecrets.has(value)) return;
	const encoded = encodeURIComponent(value);
	longLivedSecrets.add(value);
	if (encoded !== value) longLivedSecrets.add(encoded);
	while (longLivedSecrets.size > MAX_LONG_LIVED_SECRETS) longLivedSecrets.delete(longLivedSecrets.values().next().value as string);
}

/** A value URL-encoded; itself when it cannot be (a lone surrogate): scrubbing must never throw. */
function encodedOrSelf(value: string): string {
	try {
		return encodeURIComponent(value);
	} catch {
		return value;
	}
}

/** Removes anything that could carry a secret from text that goes into errors or output. */
export function redactSecrets(text: string): string {
	let out = text;
	// Longest first, so a value containing another registered value is removed whole.
	const values = new Set(longLivedSecrets);
	for (let k = 0; k < MAX_SECRETS; k++) {
		const v = recentSecrets[k];
		if (v === undefined) continue;
		values.add(v);
		values.add((recentEncoded[k] ??= encodedOrSelf(v)));
	}
	for (const v of [...values].sort((a, b) => b.length - a.length)) if (out.includes(v)) out = out.split(v).join('***');
	return out
		.replace(/(usersig=)[^&\s"']*/gi, '$1***')
		.replace(/(Signature=)[0-9a-f]{16,}/gi, '$1***')
		.replace(/(X-Security-Token["']?\s*[:=]\s*["']?)[^\s"',}]+/gi, '$1***');
}

/** A vendor error envelope (also on HTTP 200) as an n8n error with code, message and request id. */
export function vendorApiError(node: INode, info: VendorErrorInfo, itemIndex?: number): NodeApiError {
	const message = redactSecrets(`${info.vendor} error ${info.code}: ${info.message || 'no message'}`);
	const details = [info.hint, info.requestId ? `Request ID: ${info.requestId}` : undefined].filter(Boolean);
	const error = new NodeApiError(
		node,
		{ code: info.code, message: redactSecrets(info.message), requestId: info.requestId ?? null } as JsonObject,
		{
			message,
			description: details.length ? details.join(' — ') : undefined,
			// n8n shows httpCode as the "Error code" of the error: on an HTTP 200 answer that would read
			// "Error code 200" for a refusal whose real code is in the body (70009), so show that one.
			httpCode: info.httpCode === undefined ? undefined : info.httpCode === 200 ? info.code : String(info.httpCode),
			itemIndex,
		},
	);
	error.context.vendorCode = info.code;
	if (info.httpCode !== undefined) error.context.httpStatus = info.httpCode;
	if (info.requestId) error.context.requestId = info.requestId;
	return error;
}

/** Validates one parameter; the error names the field (and the path inside it) and the item. */
export function parseField<T>(node: INode, schema: ZodType<T, ZodTypeDef, unknown>, value: unknown, field: string, itemIndex: number): T {
	// Every parameter passes here: a `__proto__` / `constructor` / `prototype` key in an object (from
	// an expression or parsed JSON) would vanish or misbehave on the way to the body, so it is refused.
	const check = value === null || typeof value !== 'object' ? PLAIN_CHECKS.get(schema as ZodTypeAny) : undefined;
	if (check) {
		// A primitive and a schema with a plain check: the check is what the schema runs (no zod parse
		// state); a refusal goes through the schema below for zod's own issue.
		const r = check(value);
		if (!(r instanceof Refusal)) return r as T;
	}
	const proto = findPrototypeKey(value);
	if (proto) throw invalidField(node, field, proto.path, prototypeKeyRule(proto.key), itemIndex);
	const result = schema.safeParse(value);
	if (result.success) return result.data;
	const issue = result.error.issues[0];
	throw invalidField(node, field, issue.path, issue.message, itemIndex);
}

function invalidField(node: INode, field: string, at: Array<string | number>, message: string, itemIndex: number): NodeOperationError {
	const path = at.map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`)).join('');
	return new NodeOperationError(node, `Invalid "${field}${path}" in item ${itemIndex}: ${message}`, {
		itemIndex,
		description: 'Nothing was sent for this item. Fix the value (or the expression that produces it) and run again.',
	});
}

/** n8n errors keep their identity with the item stamped; anything else is wrapped. */
export function toNodeError(node: INode, error: unknown, itemIndex: number): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		if (error.context.itemIndex === undefined) error.context.itemIndex = itemIndex;
		return error;
	}
	const message = error instanceof Error ? error.message : String(error);
	return new NodeOperationError(node, redactSecrets(message), { itemIndex });
}

/**
 * Attaches an item's delivery summary (status, counts, receiver lists) to the error that fails it, so
 * the error item (continue-on-fail, error output) still says who got the message, who may have, and
 * who did not; the message gets the counts.
 */
export function withSummary<E extends NodeApiError | NodeOperationError>(error: E, summary: IDataObject, counts?: string): E {
	error.context.summary = summary;
	if (counts && !error.message.includes(counts)) error.message = `${error.message} (${counts})`;
	return error;
}

/** The JSON of an error item produced with continue-on-fail. */
export function errorItemJson(error: NodeApiError | NodeOperationError): IDataObject {
	const summary = error.context.summary as IDataObject | undefined;
	const json: IDataObject = { ...(summary ?? {}), error: redactSecrets(error.message) };
	if (error.description) json.description = redactSecrets(error.description);
	if (error.context.vendorCode !== undefined) json.code = error.context.vendorCode as string;
	if (error.context.requestId !== undefined) json.requestId = error.context.requestId as string;
	if (error.context.httpStatus !== undefined) json.httpCode = String(error.context.httpStatus as number);
	else if (error instanceof NodeApiError && error.httpCode) json.httpCode = error.httpCode;
	return json;
}

/** A request that got no vendor answer (refused, reset, timed out, refused to sign): message and code, no request details. */
export function networkError(node: INode, vendor: string, error: unknown, itemIndex?: number): NodeApiError {
	const e = error as { message?: string; description?: string; cause?: { code?: string }; code?: string };
	const code = e.cause?.code ?? e.code;
	const message = redactSecrets(e.message ?? 'request failed');
	const err = new NodeApiError(node, { message, code: code ?? null }, {
		message: `Could not complete the request to ${vendor}: ${message}`,
		description: e.description ? redactSecrets(e.description) : undefined,
		itemIndex,
	});
	if (code) err.context.vendorCode = code;
	return err;
}
