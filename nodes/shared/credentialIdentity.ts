import type { ICredentialDataDecryptedObject, IExecuteFunctions } from 'n8n-workflow';

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
