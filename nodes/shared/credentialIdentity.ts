import type { ICredentialDataDecryptedObject, ICredentialsDecrypted, IExecuteFunctions } from 'n8n-workflow';

/**
 * The decrypted credential of a node, read once per execution and type, kept in the shape n8n's
 * request helper takes it (`httpRequestWithAuthentication(type, options, { credentialsDecrypted })`).
 * Transports take non-secret identities from its fields (an access key id, an SDKAppID) to key the
 * shared rate limiter and caches; requests hand it to n8n's helper, which otherwise reads the
 * credential again on every request: a database query, a decryption and a deep copy per call (bench
 * anchor profile: most of n8n's share of a call that the HTTP Request node, which authenticates
 * nothing itself, does not pay). The authenticate() of both credential types only reads the fields,
 * and neither type has a preAuthentication that would write to them.
 */
const cache = new WeakMap<object, Map<string, ICredentialsDecrypted>>();

export async function requestCredential(ctx: IExecuteFunctions, type: string): Promise<ICredentialsDecrypted> {
	let perCtx = cache.get(ctx);
	if (!perCtx) {
		perCtx = new Map();
		cache.set(ctx, perCtx);
	}
	const hit = perCtx.get(type);
	if (hit) return hit;
	const data = (await ctx.getCredentials(type)) as ICredentialDataDecryptedObject;
	const ref = ctx.getNode().credentials?.[type];
	const decrypted: ICredentialsDecrypted = { id: ref?.id ?? '', name: ref?.name ?? '', type, data };
	perCtx.set(type, decrypted);
	return decrypted;
}

/** The credential's fields (the same object as `requestCredential(…).data`). */
export async function credentialFields(ctx: IExecuteFunctions, type: string): Promise<ICredentialDataDecryptedObject> {
	return (await requestCredential(ctx, type)).data as ICredentialDataDecryptedObject;
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
	// The node's own requests hand n8n the same credential object for a whole execution
	// (requestCredential): that object's fields are compared one by one with the ones it had when it
	// was parsed, instead of serialising them again on every call (bench anchor profile: the
	// JSON.stringify was ~10 µs of a signed call in n8n). Only objects of plain values are kept here.
	const byObject = new WeakMap<object, { fields: Array<[string, unknown]>; value: T }>();
	return (raw) => {
		const seen = byObject.get(raw);
		if (seen !== undefined && sameFields(raw, seen.fields)) return seen.value;
		const key = JSON.stringify(raw);
		let value = memo.get(key);
		if (value === undefined) {
			value = parse(raw);
			memo.set(key, value);
			if (memo.size > MEMO_SIZE) memo.delete(memo.keys().next().value as string);
		}
		const fields = plainFields(raw);
		if (fields) byObject.set(raw, { fields, value });
		return value;
	};
}

/** The object's own fields when every value is a primitive (a later change is then seen by comparing them). */
function plainFields(raw: object): Array<[string, unknown]> | undefined {
	const proto = Object.getPrototypeOf(raw) as unknown;
	if (proto !== Object.prototype && proto !== null) return undefined;
	const fields = Object.entries(raw);
	for (const [, v] of fields) if (v !== null && (typeof v === 'object' || typeof v === 'function')) return undefined;
	return fields;
}

function sameFields(raw: Record<string, unknown>, fields: Array<[string, unknown]>): boolean {
	const keys = Object.keys(raw);
	if (keys.length !== fields.length) return false;
	for (let i = 0; i < fields.length; i++) {
		const [k, v] = fields[i];
		if (keys[i] !== k || !Object.is(raw[k], v)) return false;
	}
	return true;
}
