import type { IDataObject, IHttpRequestOptions } from 'n8n-workflow';
import { UserError } from 'n8n-workflow';
import { stringifyJson } from './json';

/** The body string that will be sent: strings are kept byte for byte, objects are serialised once. */
export function bodyAsString(body: IHttpRequestOptions['body']): string {
	if (body === undefined || body === null || body === '') return '{}';
	if (typeof body === 'string') return body;
	if (Buffer.isBuffer(body)) return body.toString('utf8');
	if (typeof body === 'object') return stringifyJson(body);
	throw new UserError('Refusing to sign a request whose body is not JSON');
}

/** Headers without the ones the signer owns (compared case-insensitively). */
export function headersWithout(headers: IHttpRequestOptions['headers'], owned: string[]): IDataObject {
	const drop = new Set(owned.map((h) => h.toLowerCase()));
	const out: IDataObject = {};
	for (const [k, v] of Object.entries(headers ?? {})) if (!drop.has(k.toLowerCase())) out[k] = v as IDataObject[string];
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
