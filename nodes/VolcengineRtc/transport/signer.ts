import { createHmac, createSecretKey, hash, type KeyObject } from 'node:crypto';

/**
 * Volcengine OpenAPI request signer ("HMAC-SHA256", V4 style), volcengine-rtc.md §2.
 * Pure: every input is a parameter, including the clock. No n8n types. (The derived signing key is
 * memoised: same inputs, same key, so the output stays a function of the inputs.)
 */

export interface VolcengineSigningInput {
	accessKeyId: string;
	secretAccessKey: string;
	sessionToken?: string;
	/** Signing region, e.g. `cn-north-1` (§1). */
	region: string;
	/** Signing service; `rtc` for every API of this package (§1). */
	service: string;
	method: string;
	/** The `Host` header exactly as sent: no port for 80/443, with the port otherwise (§2.1). */
	host: string;
	/** Query parameters (Action, Version, optional X-Expires). */
	query: Record<string, string>;
	/** The exact body string that goes on the wire (§7.1: sign a string, send that string). */
	body: string;
	now: Date;
	/** Which optional headers to sign. Default: both (the recommended set of §2.1). */
	signHost?: boolean;
	signContentType?: boolean;
	contentType?: string;
}

export interface VolcengineSignature {
	/** Headers to add to the request, with their canonical capitalisation. */
	headers: Record<string, string>;
	canonicalQuery: string;
	canonicalRequest: string;
	stringToSign: string;
	signedHeaders: string;
	signature: string;
}

/** SHA-256 in hex of a string's UTF-8 bytes (or of a buffer): the one-shot crypto.hash, no Hash object per call (Node ≥ 20.12). */
export const sha256Hex = (data: string | Buffer): string => hash('sha256', data, 'hex');

const hmac = (key: string | Buffer, data: string): Buffer => createHmac('sha256', key).update(data, 'utf8').digest();

/** RFC 3986 percent-encoding: keeps A–Z a–z 0–9 - _ . ~ (§2.2). */
export const rfc3986 = (s: string): string =>
	encodeURIComponent(s).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());

const two = (n: number): string => (n < 10 ? `0${n}` : `${n}`);

/** `YYYYMMDD'T'HHMMSS'Z'` in UTC (§2.1). */
export const formatXDate = (d: Date): string =>
	`${d.getUTCFullYear()}${two(d.getUTCMonth() + 1)}${two(d.getUTCDate())}T${two(d.getUTCHours())}${two(d.getUTCMinutes())}${two(d.getUTCSeconds())}Z`;

/** Sorted, RFC 3986-encoded `name=value` pairs joined by `&` (§2.2). */
export function canonicalQueryString(query: Record<string, string | string[]>): string {
	// The nodes sign a handful of distinct queries (Action and Version): each one's canonical form is
	// kept in a small memo keyed by its names and values (bench anchor profile: encoding and sorting
	// were ~10 µs of a call in n8n). Same query, same text: the signer stays a function of its inputs.
	let id = '';
	for (const k of Object.keys(query)) {
		const v = query[k];
		if (typeof v !== 'string') return buildCanonicalQuery(query);
		id += `${k.length}:${k}${v.length}:${v}`; // length-prefixed: no two queries share an id
	}
	if (id.length > MAX_MEMO_ID_LENGTH) return buildCanonicalQuery(query);
	let text = canonicalQueries.get(id);
	if (text === undefined) {
		text = buildCanonicalQuery(query);
		if (canonicalQueries.size >= MAX_CANONICAL_QUERIES) canonicalQueries.delete(canonicalQueries.keys().next().value as string);
		canonicalQueries.set(id, text);
	}
	return text;
}

const canonicalQueries = new Map<string, string>();
const MAX_CANONICAL_QUERIES = 64;
/** Longer queries (not the nodes' own) are encoded every time rather than kept. */
const MAX_MEMO_ID_LENGTH = 512;

function buildCanonicalQuery(query: Record<string, string | string[]>): string {
	const pairs: Array<[string, string]> = [];
	for (const [k, v] of Object.entries(query)) {
		for (const one of Array.isArray(v) ? v : [v]) pairs.push([rfc3986(k), rfc3986(one ?? '')]);
	}
	pairs.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
	return pairs.map(([k, v]) => `${k}=${v}`).join('&');
}

/** kSigning = HMAC(HMAC(HMAC(HMAC(secret, date), region), service), "request") — no prefix (§2.4). */
export function deriveSigningKey(secretAccessKey: string, shortDate: string, region: string, service: string): Buffer {
	return hmac(hmac(hmac(hmac(secretAccessKey, shortDate), region), service), 'request');
}

/**
 * The signing key changes once a day per (secret, region, service): deriving it is four HMACs, the
 * larger part of a signature's cost (bench: ~130 µs of ~220 µs per call on Node 24, which builds a
 * key object per HMAC). A few recent keys are kept, as key objects, in a bounded map.
 */
const signingKeys = new Map<string, KeyObject>();
const MAX_SIGNING_KEYS = 16;

function signingKey(secretAccessKey: string, shortDate: string, region: string, service: string): KeyObject {
	const id = `${shortDate}\n${region}\n${service}\n${secretAccessKey}`;
	let key = signingKeys.get(id);
	if (!key) {
		key = createSecretKey(deriveSigningKey(secretAccessKey, shortDate, region, service));
		if (signingKeys.size >= MAX_SIGNING_KEYS) signingKeys.delete(signingKeys.keys().next().value as string);
		signingKeys.set(id, key);
	}
	return key;
}

/** Canonical header value: trimmed, internal whitespace runs collapsed (§2.2). */
export const canonicalHeaderValue = (v: string): string => v.trim().replace(/\s+/g, ' ');

export function buildStringToSign(xDate: string, scope: string, canonicalRequest: string): string {
	return `HMAC-SHA256\n${xDate}\n${scope}\n${sha256Hex(canonicalRequest)}`;
}

export function signVolcengineRequest(input: VolcengineSigningInput): VolcengineSignature {
	const xDate = formatXDate(input.now);
	const shortDate = xDate.slice(0, 8);
	const canonicalQuery = canonicalQueryString(input.query);
	const bodyHash = sha256Hex(input.body); // the UTF-8 bytes, no Buffer copy
	const contentType = input.contentType ?? 'application/json';

	// The signed headers in their sorted order (content-type < host < x-content-sha256 < x-date <
	// x-security-token), built as text: no object, sort or join per request. The hash and the date
	// are canonical already (hex digits; digits, T and Z).
	let canonicalHeaders = '';
	let signedHeaders = '';
	if (input.signContentType !== false) {
		canonicalHeaders += `content-type:${canonicalHeaderValue(contentType)}\n`;
		signedHeaders += 'content-type;';
	}
	if (input.signHost !== false) {
		canonicalHeaders += `host:${canonicalHeaderValue(input.host)}\n`;
		signedHeaders += 'host;';
	}
	canonicalHeaders += `x-content-sha256:${bodyHash}\nx-date:${xDate}\n`;
	signedHeaders += 'x-content-sha256;x-date';
	if (input.sessionToken) {
		canonicalHeaders += `x-security-token:${canonicalHeaderValue(input.sessionToken)}\n`;
		signedHeaders += ';x-security-token';
	}

	const canonicalRequest = `${input.method.toUpperCase()}\n/\n${canonicalQuery}\n${canonicalHeaders}\n${signedHeaders}\n${bodyHash}`;
	const scope = `${shortDate}/${input.region}/${input.service}/request`;
	const stringToSign = buildStringToSign(xDate, scope, canonicalRequest);
	const key = signingKey(input.secretAccessKey, shortDate, input.region, input.service);
	const signature = createHmac('sha256', key).update(stringToSign, 'utf8').digest('hex');

	const headers: Record<string, string> = {
		'Content-Type': contentType,
		'X-Date': xDate,
		'X-Content-Sha256': bodyHash,
		Authorization: `HMAC-SHA256 Credential=${input.accessKeyId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}`,
	};
	if (input.signHost !== false) headers.Host = input.host;
	if (input.sessionToken) headers['X-Security-Token'] = input.sessionToken;
	return { headers, canonicalQuery, canonicalRequest, stringToSign, signedHeaders, signature };
}
