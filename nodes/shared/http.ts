import type { ICredentialsDecrypted, IDataObject, IExecuteFunctions, IHookFunctions, IHttpRequestOptions, IN8nHttpFullResponse } from 'n8n-workflow';
import { UserError } from 'n8n-workflow';
import { parseJson, stringifyJson } from './json';

/** The body string that will be sent: strings are kept byte for byte, objects are serialised once. */
export function bodyAsString(body: IHttpRequestOptions['body']): string {
	if (body === undefined || body === null || body === '') return '{}';
	if (typeof body === 'string') return body;
	if (Buffer.isBuffer(body)) return body.toString('utf8');
	if (typeof body === 'object') return stringifyJson(body);
	throw new UserError('Refusing to sign a request whose body is not JSON');
}

/** Headers without the ones the signer owns (`owned`: lower-case names, a module constant of the signer). */
export function headersWithout(headers: IHttpRequestOptions['headers'], owned: ReadonlySet<string>): IDataObject {
	const out: IDataObject = {};
	if (!headers) return out;
	for (const k of Object.keys(headers)) if (!owned.has(k.toLowerCase())) out[k] = headers[k] as IDataObject[string];
	return out;
}

/** Query values as strings (the signer and the wire must agree on every character). */
export function queryAsStrings(qs: IHttpRequestOptions['qs']): Record<string, string> {
	const out: Record<string, string> = {};
	for (const [k, v] of Object.entries(qs ?? {})) {
		if (v === undefined || v === null) continue;
		if (typeof v === 'object') throw new UserError(`Refusing to sign a request with a structured query parameter "${k}"`);
		out[k] = String(v);
	}
	return out;
}

/** A 3xx answer from a vendor endpoint; delivery treats it as a plain failure (code EREDIRECT). */
export class RedirectRefusedError extends UserError {
	readonly code = 'EREDIRECT';
	constructor(status: number) {
		super(
			`the endpoint answered HTTP ${status} (a redirect). Redirects are not followed, so the signed request was not sent anywhere else; check the Region or the Custom Endpoint URL of the credential`,
		);
	}
}

export interface JsonAnswer {
	status: number;
	/** The parsed body (integers beyond 2^53 as strings), or undefined when it is not JSON. */
	json: unknown;
}

/**
 * One authenticated POST of a JSON string through n8n's HTTP helper: the body is sent exactly as
 * given, any HTTP status comes back (the vendors put errors in the body), and the answer is parsed
 * with the int64-safe codec. `method: 'GET'` (a trigger's lifecycle call, from its hook context)
 * leaves the body to the credential's signer. `credentials`: the decrypted credential the caller
 * already holds (requestCredential), so that n8n does not read it again for this request.
 */
export async function postJson(
	ctx: IExecuteFunctions | IHookFunctions,
	credentialType: string,
	request: { url: string; qs?: Record<string, string>; body: string; timeoutMs: number; method?: 'GET' | 'POST' },
	credentials?: ICredentialsDecrypted,
): Promise<JsonAnswer> {
	const response = (await ctx.helpers.httpRequestWithAuthentication.call(ctx, credentialType, {
		method: request.method ?? 'POST',
		url: request.url,
		qs: request.qs,
		body: request.body,
		headers: { 'Content-Type': 'application/json' },
		encoding: 'text',
		json: false,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		// Never follow a redirect: n8n would re-send the signed request (Authorization, STS token,
		// UserSig in the query) to whatever origin the Location names.
		disableFollowRedirect: true,
		timeout: request.timeoutMs,
	}, credentials ? { credentialsDecrypted: credentials } : undefined)) as IN8nHttpFullResponse;
	if (response.statusCode >= 300 && response.statusCode < 400) {
		// A failure, not retried: the vendor APIs never redirect, so something between us and them
		// (a proxy, a wrong Custom Endpoint URL) does. The Location is not echoed: it may carry the query.
		throw new RedirectRefusedError(response.statusCode);
	}
	const body = response.body as unknown;
	const text = typeof body === 'string' ? body : Buffer.isBuffer(body) ? body.toString('utf8') : stringifyJson(body);
	let json: unknown;
	try {
		json = parseJson(text);
	} catch {
		json = undefined;
	}
	return { status: response.statusCode, json };
}
