import type { ICredentialDataDecryptedObject, ICredentialsDecrypted, IExecuteFunctions } from 'n8n-workflow';

/**
 * The decrypted credential of a node, read once per execution: transports take non-secret
 * identities from it (an access key id, an SDKAppID) to key the shared rate limiter and caches.
 */
const cache = new WeakMap<object, Map<string, ICredentialDataDecryptedObject>>();

export async function credentialFields(ctx: IExecuteFunctions, type: string): Promise<ICredentialDataDecryptedObject> {
	let perCtx = cache.get(ctx);
	if (!perCtx) {
		perCtx = new Map();
		cache.set(ctx, perCtx);
	}
	const hit = perCtx.get(type);
	if (hit) return hit;
	const fields = (await ctx.getCredentials(type)) as ICredentialDataDecryptedObject;
	perCtx.set(type, fields);
	return fields;
}

const forRequests = new WeakMap<object, Map<string, ICredentialsDecrypted>>();

/**
 * The same credential in the shape n8n's request helper takes it
 * (`httpRequestWithAuthentication(type, options, { credentialsDecrypted })`), one per execution and
 * type. Without it the helper reads the credential again on every request: a database query, a
 * decryption and a deep copy per call (bench anchor profile: most of n8n's share of a call that the
 * HTTP Request node, which authenticates nothing itself, does not pay). The authenticate() of both
 * credential types only reads the fields, and neither type has a preAuthentication that would write
 * to them.
 */
export async function requestCredential(ctx: IExecuteFunctions, type: string): Promise<ICredentialsDecrypted> {
	let perCtx = forRequests.get(ctx);
	if (!perCtx) {
		perCtx = new Map();
		forRequests.set(ctx, perCtx);
	}
	const hit = perCtx.get(type);
	if (hit) return hit;
	const data = await credentialFields(ctx, type);
	const ref = ctx.getNode().credentials?.[type];
	const decrypted: ICredentialsDecrypted = { id: ref?.id ?? '', name: ref?.name ?? '', type, data };
	perCtx.set(type, decrypted);
	return decrypted;
}

const MEMO_SIZE = 16;

/**
 * `parse` memoised by the credential's field values. n8n hands a credential's authenticate() a
 * freshly decrypted copy on every request, so without this the same fields are validated (zod,
 * URL parsing) once per call. A failure is not kept: it is thrown again on every call. The newest
 * MEMO_SIZE credentials are kept, the same values n8n already holds in memory.
 */
export function memoByFields<T>(parse: (raw: ICredentialDataDecryptedObject) => T): (raw: ICredentialDataDecryptedObject) => T {
	const memo = new Map<string, T>();
	return (raw) => {
		const key = JSON.stringify(raw);
		const hit = memo.get(key);
		if (hit !== undefined) return hit;
		const value = parse(raw);
		memo.set(key, value);
		if (memo.size > MEMO_SIZE) memo.delete(memo.keys().next().value as string);
		return value;
	};
}
