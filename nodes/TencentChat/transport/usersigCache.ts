import { createHash } from 'node:crypto';
import { genUserSig } from './usersig';

/**
 * One admin UserSig per (SDKAppID, identifier, key, lifetime), reused until shortly before it
 * expires (tencent-chat.md §2.3: refresh a safe margin early; refreshing exactly at expiry causes
 * sporadic 70001). Process-wide, so every execution of every workflow shares it.
 */

interface Entry {
	userSig: string;
	issuedAt: number;
	refreshAt: number;
	sdkAppId: number;
	identifier: string;
}

const cache = new Map<string, Entry>();
let generations = 0;

/** Seconds before expiry at which a cached UserSig is replaced: 10 % of the lifetime, at most 10 minutes. */
export const refreshMargin = (lifetime: number) => Math.min(600, Math.floor(lifetime / 10));

/** The cache id carries a hash of the key, not the key; the last key's hash is kept (one SHA-256 per call otherwise). */
let lastKey: string | undefined;
let lastKeyHash = '';

function keyHashOf(key: string): string {
	if (key !== lastKey) {
		lastKeyHash = createHash('sha256').update(key).digest('hex');
		lastKey = key;
	}
	return lastKeyHash;
}

export function cachedUserSig(p: { sdkAppId: number; key: string; identifier: string; expireSeconds: number }, nowMs: number): string {
	const keyHash = keyHashOf(p.key);
	const id = `${p.sdkAppId}\u0000${p.identifier}\u0000${keyHash}\u0000${p.expireSeconds}`;
	const now = Math.floor(nowMs / 1000);
	const hit = cache.get(id);
	if (hit && now < hit.refreshAt && now >= hit.issuedAt) return hit.userSig;
	const userSig = genUserSig({ ...p, nowSeconds: now });
	generations++;
	cache.set(id, {
		userSig,
		issuedAt: now,
		refreshAt: now + p.expireSeconds - refreshMargin(p.expireSeconds),
		sdkAppId: p.sdkAppId,
		identifier: p.identifier,
	});
	return userSig;
}

/** Drops the cached UserSigs of an app's identifier (after the server answered 70001, expired). */
export function invalidateUserSig(sdkAppId: number, identifier: string): void {
	for (const [id, e] of cache) if (e.sdkAppId === sdkAppId && e.identifier === identifier) cache.delete(id);
}

/** How many UserSigs were generated in this process (tests and benchmarks count them). */
export const userSigGenerations = (): number => generations;
