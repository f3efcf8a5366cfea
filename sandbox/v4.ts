// Sandbox code (not shipped): the Volcengine gateway's side of the HMAC-SHA256 ("V4") signature.
//
// DELIBERATELY INDEPENDENT of nodes/VolcengineRtc/transport/signer.ts (issue 11 §4). It was written
// from the signing section of the spec (volcengine-rtc.md §2.2–§2.6, test vectors §2.9) and
// checked against the vendor's own Go signer (volcengine/volc-sdk-golang base/sign.go, commit
// 26924eb540519b3cc5a9c6e8dae6f610c74d86ea: TrimSpace on header values, :80/:443 stripped from
// host, url.Values.Encode() with "+" → "%20" for the query, raw secret bytes for kDate), not from
// the node's code. Do not "simplify" it by importing the node's signer: then a canonicalisation
// mistake in the node would be reproduced here and every test would still pass.
//
// The gateway rebuilds everything from what arrived: the raw query string as received, the
// header values as received, the body bytes as received.
import { createHash, createHmac } from 'node:crypto';

const UNRESERVED = /^[A-Za-z0-9\-_.~]$/;

/** RFC 3986 percent-encoding of the UTF-8 bytes; only A–Z a–z 0–9 - _ . ~ stay as they are. */
export function v4Encode(text: string): string {
	let out = '';
	for (const byte of Buffer.from(text, 'utf8')) {
		const ch = String.fromCharCode(byte);
		out += UNRESERVED.test(ch) ? ch : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
	}
	return out;
}

/** Reads one query component as a form decoder does ('+' is a space, as Go's url.ParseQuery has it). */
function decodeComponent(part: string): string {
	return decodeURIComponent(part.split('+').join(' '));
}

/**
 * The canonical query string of a raw query (what follows '?', as received): every pair decoded,
 * re-encoded per RFC 3986, ordered by name (byte order; pairs with the same name keep their order,
 * as url.Values.Encode does), joined `name=value` with '&'. A name without '=' has an empty value.
 */
export function v4CanonicalQuery(rawQuery: string): string {
	const pairs: Array<[string, string]> = [];
	for (const piece of rawQuery.split('&')) {
		if (piece.length === 0) continue;
		const at = piece.indexOf('=');
		pairs.push(at === -1 ? [decodeComponent(piece), ''] : [decodeComponent(piece.slice(0, at)), decodeComponent(piece.slice(at + 1))]);
	}
	const encoded = pairs.map(([k, v]) => [v4Encode(k), v4Encode(v)] as const);
	// Array.prototype.sort is stable; compare the encoded names by code unit (they are ASCII).
	encoded.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
	return encoded.map(([k, v]) => `${k}=${v}`).join('&');
}

/** One canonical header line's value: leading and trailing white space removed (Go strings.TrimSpace). */
export function v4HeaderValue(name: string, received: string): string {
	let value = received.replace(/^[\s]+|[\s]+$/g, '');
	// base/sign.go drops a default port from the signed host; the wire Host keeps any other port.
	if (name === 'host') value = value.replace(/:(80|443)$/, '');
	return value;
}

export interface V4Received {
	method: string;
	/** The path as received ('/' for every call of this API family). */
	path: string;
	rawQuery: string;
	/** Lower-case header names → value as received (a repeated header joined with ','). */
	headers: Record<string, string | undefined>;
	/** SignedHeaders as listed in the Authorization header. */
	signedHeaders: string[];
	body: Buffer;
}

export const v4Sha256Hex = (data: Buffer | string): string => createHash('sha256').update(data).digest('hex');

export function v4CanonicalRequest(r: V4Received): string {
	const uri = r.path === '' ? '/' : r.path.split('/').map(v4Encode).join('/');
	let headerBlock = '';
	for (const name of r.signedHeaders) headerBlock += `${name}:${v4HeaderValue(name, r.headers[name] ?? '')}\n`;
	return `${r.method}\n${uri}\n${v4CanonicalQuery(r.rawQuery)}\n${headerBlock}\n${r.signedHeaders.join(';')}\n${v4Sha256Hex(r.body)}`;
}

export function v4StringToSign(xDate: string, scope: string, canonicalRequest: string): string {
	return `HMAC-SHA256\n${xDate}\n${scope}\n${v4Sha256Hex(canonicalRequest)}`;
}

/** kSigning = HMAC(HMAC(HMAC(HMAC(secret, date), region), service), "request"); no prefix on the secret. */
export function v4SigningKey(secret: string, shortDate: string, region: string, service: string): Buffer {
	let key: Buffer = Buffer.from(secret, 'utf8');
	for (const step of [shortDate, region, service, 'request']) key = createHmac('sha256', key).update(step, 'utf8').digest();
	return key;
}

/** The signature the gateway expects for what it received, lower-case hex. */
export function v4ExpectedSignature(r: V4Received, secret: string, xDate: string, region: string, service: string): string {
	const shortDate = xDate.slice(0, 8);
	const scope = `${shortDate}/${region}/${service}/request`;
	return createHmac('sha256', v4SigningKey(secret, shortDate, region, service)).update(v4StringToSign(xDate, scope, v4CanonicalRequest(r)), 'utf8').digest('hex');
}
