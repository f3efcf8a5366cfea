import { createHmac } from 'node:crypto';

/**
 * Tencent Cloud Chat UserSig, TLSSigAPIv2 (tencent-chat.md §2). Pure: the clock is a parameter.
 *
 * The official libraries compress the JSON document with zlib. The Cloud lint bans the `zlib`
 * module, so the zlib stream (RFC 1950) is written here with stored (uncompressed, RFC 1951
 * BTYPE=00) deflate blocks and an Adler-32 trailer. The server inflates any valid zlib stream
 * (§2.2 step 5: "compression level does not matter; the Go lib uses level 0").
 */

export interface UserSigInput {
	sdkAppId: number;
	/** The console SDKSecretKey, used as a raw UTF-8 string (never hex-decoded). */
	key: string;
	identifier: string;
	/** Validity in seconds, relative to `nowSeconds`. */
	expireSeconds: number;
	/** Unix time in seconds (floored). */
	nowSeconds: number;
	/** Optional TRTC PrivateMapKey payload (§2.4); not used for Chat REST calls. */
	userBuf?: Buffer;
}

/** The line-based string that is signed (§2.2 step 2). */
export function userSigContent(p: UserSigInput): string {
	let s =
		`TLS.identifier:${p.identifier}\n` +
		`TLS.sdkappid:${p.sdkAppId}\n` +
		`TLS.time:${p.nowSeconds}\n` +
		`TLS.expire:${p.expireSeconds}\n`;
	if (p.userBuf) s += `TLS.userbuf:${p.userBuf.toString('base64')}\n`;
	return s;
}

export function userSigHmac(p: UserSigInput): string {
	return createHmac('sha256', p.key).update(userSigContent(p), 'utf8').digest('base64');
}

/** The JSON document, in the official Node library's key order (§2.2 step 4). */
export function userSigDocument(p: UserSigInput): string {
	const doc: Record<string, string | number> = {
		'TLS.ver': '2.0',
		'TLS.identifier': p.identifier,
		'TLS.sdkappid': p.sdkAppId,
		'TLS.time': p.nowSeconds,
		'TLS.expire': p.expireSeconds,
	};
	if (p.userBuf) doc['TLS.userbuf'] = p.userBuf.toString('base64');
	doc['TLS.sig'] = userSigHmac(p);
	return JSON.stringify(doc);
}

export function genUserSig(p: UserSigInput): string {
	if (!Number.isSafeInteger(p.sdkAppId) || p.sdkAppId <= 0) throw new RangeError('sdkAppId must be a positive integer');
	if (!Number.isSafeInteger(p.expireSeconds) || p.expireSeconds <= 0) throw new RangeError('expire must be a positive integer');
	if (!Number.isSafeInteger(p.nowSeconds) || p.nowSeconds < 0) throw new RangeError('time must be a non-negative integer');
	const compressed = zlibStored(Buffer.from(userSigDocument(p), 'utf8'));
	return base64UrlTencent(compressed);
}

/** Adler-32 (RFC 1950 §8.2). */
export function adler32(data: Uint8Array): number {
	const MOD = 65521;
	let a = 1;
	let b = 0;
	// 5552 is the largest n with 255n(n+1)/2 + (n+1)(MOD-1) < 2^32: reduce modulo once per block.
	for (let i = 0; i < data.length; ) {
		const end = Math.min(i + 5552, data.length);
		for (; i < end; i++) {
			a += data[i];
			b += a;
		}
		a %= MOD;
		b %= MOD;
	}
	return ((b << 16) | a) >>> 0;
}

const MAX_STORED = 65535;

/** A zlib stream (header 78 01, stored deflate blocks, Adler-32) carrying `data` uncompressed. */
export function zlibStored(data: Buffer): Buffer {
	const blocks = Math.max(1, Math.ceil(data.length / MAX_STORED));
	const out = Buffer.alloc(2 + blocks * 5 + data.length + 4);
	let o = 0;
	out[o++] = 0x78; // CMF: deflate, 32 KiB window
	out[o++] = 0x01; // FLG: FLEVEL 0, no dictionary; 0x7801 % 31 === 0
	for (let b = 0; b < blocks; b++) {
		const start = b * MAX_STORED;
		const len = Math.min(MAX_STORED, data.length - start);
		out[o++] = b === blocks - 1 ? 0x01 : 0x00; // BFINAL, BTYPE=00 (stored)
		out.writeUInt16LE(len, o);
		out.writeUInt16LE(~len & 0xffff, o + 2);
		o += 4;
		data.copy(out, o, start, start + len);
		o += len;
	}
	out.writeUInt32BE(adler32(data), o);
	return out;
}

/** Standard base64, then `+`→`*`, `/`→`-`, `=`→`_` (§2.2 step 6). */
export function base64UrlTencent(buf: Buffer): string {
	return buf.toString('base64').replace(/\+/g, '*').replace(/\//g, '-').replace(/=/g, '_');
}
