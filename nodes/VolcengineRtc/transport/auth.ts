import type { ICredentialDataDecryptedObject, IHttpRequestOptions } from 'n8n-workflow';
import { UserError } from 'n8n-workflow';
import { z } from 'zod';
import { credentialOrigin, NO_REDIRECTS, resolveRequestUrl, withoutLegacyUri } from '../../shared/endpoint';
import { memoByFields } from '../../shared/credentialIdentity';
import { registerLongLivedSecret, registerSecret } from '../../shared/errors';
import { bodyAsString, headersWithout, queryAsStrings } from '../../shared/http';
import { VOLCENGINE_REGIONS, VOLCENGINE_SERVICE, type VolcengineRegion } from './endpoints';
import { signVolcengineRequest } from './signer';

const regionNames = Object.keys(VOLCENGINE_REGIONS) as [VolcengineRegion, ...VolcengineRegion[]];

const credentialSchema = z.object({
	accessKeyId: z.string({ invalid_type_error: 'Access Key ID must be text' }).trim().min(1, 'Access Key ID is empty'),
	secretAccessKey: z
		.string({ invalid_type_error: 'Secret Access Key must be text' })
		.trim()
		.min(1, 'Secret Access Key is empty'),
	sessionToken: z.string().trim().optional(),
	region: z.enum(regionNames, {
		errorMap: () => ({ message: `Region must be one of ${regionNames.join(', ')}` }),
	}),
	customEndpoint: z.string().optional(),
	defaultAppId: z.union([z.string(), z.number()]).optional(),
});

export type VolcengineCredentials = z.infer<typeof credentialSchema>;

/** Validates the stored credential once per distinct field values (memoByFields); messages name the field and never echo a value. */
export const parseVolcengineCredentials = memoByFields((raw): Readonly<VolcengineCredentials> => {
	const parsed = credentialSchema.safeParse({ region: 'cn-north-1', ...raw });
	if (!parsed.success) {
		throw new UserError(`Volcengine RTC credential: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
	}
	return Object.freeze(parsed.data);
});

export const volcengineOrigin = credentialOrigin<VolcengineCredentials>((c) => VOLCENGINE_REGIONS[c.region].host);

/** The headers this signer sets; any copy the caller passed is dropped (compared case-insensitively). */
const SIGNER_HEADERS: ReadonlySet<string> = new Set(['content-type', 'host', 'x-date', 'x-content-sha256', 'authorization', 'x-security-token']);

/**
 * Signs an n8n request for the Volcengine OpenAPI: the body becomes one exact string, the target
 * must be the credential's own origin, and `X-Date`, `X-Content-Sha256`, `Authorization` (and
 * `X-Security-Token`) are added. Signed headers: content-type;host;x-content-sha256;x-date (§2.1).
 */
export function signVolcengineHttpRequest(
	raw: ICredentialDataDecryptedObject,
	requestOptions: IHttpRequestOptions,
	now: Date,
): IHttpRequestOptions {
	const creds = parseVolcengineCredentials(raw);
	const allowed = volcengineOrigin(creds);
	const url = resolveRequestUrl(allowed, requestOptions.url, requestOptions.baseURL, (requestOptions as { uri?: unknown }).uri);
	// The nodes pass url '/', resolved to exactly `${origin}/`: no URL to parse for that (bench anchor
	// profile: the parse was part of this function's ~27 µs self time per call); anything else is parsed.
	if (url !== `${allowed.origin}/` && new URL(url).pathname !== '/') throw new UserError('Volcengine OpenAPI requests always use the path /');
	const method = (requestOptions.method ?? 'POST').toUpperCase();
	// A GET (GetCallback: volc-sdk-golang service/rtc/v20201201 config.go) carries no body, like the
	// Go SDK's CtxQuery: the hash of the empty string is signed and nothing is sent.
	const body = method === 'GET' ? '' : bodyAsString(requestOptions.body);
	const query = queryAsStrings(requestOptions.qs);
	if (!query.Action || !query.Version) throw new UserError('Volcengine OpenAPI requests need Action and Version in the query');

	const sig = signVolcengineRequest({
		accessKeyId: creds.accessKeyId,
		secretAccessKey: creds.secretAccessKey,
		sessionToken: creds.sessionToken || undefined,
		region: creds.region,
		service: VOLCENGINE_SERVICE,
		method,
		host: allowed.host,
		query,
		body,
		now,
	});
	// An endpoint may echo any of these back in an error body: errors are scrubbed of the exact values.
	registerLongLivedSecret(creds.secretAccessKey);
	registerLongLivedSecret(creds.sessionToken);
	registerSecret(sig.signature);
	registerSecret(sig.headers.Authorization);
	return {
		...withoutLegacyUri(requestOptions),
		...NO_REDIRECTS,
		method: method as IHttpRequestOptions['method'],
		baseURL: undefined,
		url,
		qs: query,
		body: method === 'GET' ? undefined : body,
		json: false,
		headers: {
			...headersWithout(requestOptions.headers, SIGNER_HEADERS),
			...sig.headers,
		},
	};
}
