import { randomInt } from 'node:crypto';
import type { ICredentialDataDecryptedObject, IHttpRequestOptions } from 'n8n-workflow';
import { UserError } from 'n8n-workflow';
import { z } from 'zod';
import { credentialOrigin, NO_REDIRECTS, resolveRequestUrl, withoutLegacyUri } from '../../shared/endpoint';
import { memoByFields } from '../../shared/credentialIdentity';
import { registerLongLivedSecret } from '../../shared/errors';
import { bodyAsString, headersWithout, queryAsStrings } from '../../shared/http';
import { TENCENT_REGIONS, type TencentRegion } from './endpoints';
import { cachedUserSig } from './usersigCache';

const regionNames = Object.keys(TENCENT_REGIONS) as [TencentRegion, ...TencentRegion[]];
const RESERVED_QUERY = ['sdkappid', 'identifier', 'usersig', 'random', 'contenttype'];
const REST_PATH = /^\/v4\/[A-Za-z0-9_]+\/[A-Za-z0-9_]+$/;

const credentialSchema = z.object({
	sdkAppId: z
		.union([z.string(), z.number()], { invalid_type_error: 'SDKAppID must be a number' })
		.transform((v) => String(v).trim())
		.refine((v) => /^[1-9]\d{0,15}$/.test(v), 'SDKAppID must be a positive whole number')
		.transform(Number),
	secretKey: z.string({ invalid_type_error: 'Secret Key must be text' }).trim().min(1, 'Secret Key is empty'),
	adminUserId: z
		.string({ invalid_type_error: 'Admin User ID must be text' })
		.trim()
		.min(1, 'Admin User ID is empty')
		.refine((v) => Buffer.byteLength(v, 'utf8') <= 32, 'Admin User ID is longer than 32 bytes'),
	region: z.enum(regionNames, { errorMap: () => ({ message: `Region must be one of ${regionNames.join(', ')}` }) }),
	customEndpoint: z.string().optional(),
	userSigTtl: z
		.union([z.number(), z.string()])
		.transform(Number)
		.refine((n) => Number.isInteger(n) && n >= 300 && n <= 15552000, 'UserSig Lifetime must be 300 to 15552000 seconds'),
});

export type TencentCredentials = z.infer<typeof credentialSchema>;

/** Validates the stored credential once per distinct field values (memoByFields); messages name the field and never echo a value. */
export const parseTencentCredentials = memoByFields((raw): Readonly<TencentCredentials> => {
	const parsed = credentialSchema.safeParse({ region: 'chinaMainland', adminUserId: 'administrator', userSigTtl: 604800, ...raw });
	if (!parsed.success) {
		throw new UserError(`Tencent Chat credential: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
	}
	return Object.freeze(parsed.data);
});

export const tencentOrigin = credentialOrigin<TencentCredentials>((c) => TENCENT_REGIONS[c.region].host);

/** The header this authenticator sets; a caller's copy in any case is dropped. */
const OWN_HEADERS: ReadonlySet<string> = new Set(['content-type']);

/**
 * Authenticates an n8n request for the Tencent Chat REST API (tencent-chat.md §1.1): adds
 * sdkappid, identifier (the admin), a cached UserSig, a fresh uint32 `random` and
 * contenttype=json to the query; only for the region's domain or the explicit custom endpoint.
 */
export function signTencentHttpRequest(
	raw: ICredentialDataDecryptedObject,
	requestOptions: IHttpRequestOptions,
	nowMs: number,
): IHttpRequestOptions {
	const creds = parseTencentCredentials(raw);
	const allowed = tencentOrigin(creds);
	const url = resolveRequestUrl(allowed, requestOptions.url, requestOptions.baseURL, (requestOptions as { uri?: unknown }).uri);
	// The nodes' own target is `${origin}/v4/<service>/<command>`, a path URL parsing keeps as it is:
	// checked without a parse (bench anchor profile: the URL parse was most of this function's self
	// time); anything else is parsed for its path.
	const ownPath = url.startsWith(allowed.origin) ? url.slice(allowed.origin.length) : '';
	if (!REST_PATH.test(ownPath) && !REST_PATH.test(new URL(url).pathname)) {
		throw new UserError('Tencent Chat REST requests use the path /v4/<service>/<command>');
	}
	const query = queryAsStrings(requestOptions.qs);
	for (const k of RESERVED_QUERY) delete query[k];
	const userSig = cachedUserSig(
		{ sdkAppId: creds.sdkAppId, key: creds.secretKey, identifier: creds.adminUserId, expireSeconds: creds.userSigTtl },
		nowMs,
	);
	// An endpoint may echo these back in an error body: errors are scrubbed of the exact values.
	registerLongLivedSecret(creds.secretKey);
	registerLongLivedSecret(userSig);
	return {
		...withoutLegacyUri(requestOptions),
		...NO_REDIRECTS,
		method: 'POST',
		baseURL: undefined,
		url,
		body: bodyAsString(requestOptions.body),
		json: false,
		qs: {
			...query,
			sdkappid: String(creds.sdkAppId),
			identifier: creds.adminUserId,
			usersig: userSig,
			random: String(randomInt(0, 4294967296)),
			contenttype: 'json',
		},
		headers: { ...headersWithout(requestOptions.headers, OWN_HEADERS), 'Content-Type': 'application/json' },
	};
}
