/* eslint-disable */
// Sandbox code (not shipped): the Volcengine OpenAPI gateway — signature check, envelope, dispatch.
import { randomUUID, timingSafeEqual } from 'node:crypto';
// The sandbox's own codec and V4 verifier, never the node's (issue 11 §4: the emulator must be able to disagree).
import { parseJson, stringifyJson } from '../json';
import { v4ExpectedSignature, v4Sha256Hex } from '../v4';
import { takeQuotas } from '../routes';
import type { RawRequest, RawResponse, Sandbox } from '../types';
import { VOLC_ERRORS, VolcError } from './fields';
import { IM_VERSION, type VolcRoute } from './route';
import type { VolcCtx, VolcengineState } from './state';

/**
 * Behaves like the Volcengine OpenAPI gateway + RTC IM backend for the actions this package uses
 * (volcengine-rtc.md §2–§4). The signature is recomputed from what arrived on the wire — the raw
 * query string, the received header values and the received body bytes — never from what the
 * client meant to send.
 */

function envelope(action: string, version: string, requestId: string, region: string, result: unknown, error?: VolcError): string {
	const meta: Record<string, unknown> = { RequestId: requestId, Action: action, Version: version, Service: 'rtc', Region: region };
	if (error) {
		const e = VOLC_ERRORS[error.code];
		meta.Error = { ...(e?.codeN !== undefined ? { CodeN: e.codeN } : {}), Code: error.code, Message: error.message };
	}
	return stringifyJson({ ResponseMetadata: meta, Result: result ?? {} });
}

const XDATE = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/;

/** Gateway authentication, §2 — recomputed from the received request. */
export function verifyVolcengineSignature(sb: Sandbox, req: RawRequest, rawQuery: string, now: number): { region: string } {
	const cfg = sb.config.volcengine;
	const auth = req.headers['authorization'];
	if (typeof auth !== 'string' || auth === '') throw new VolcError('MissingAuthenticationToken', 'The request has no Authorization header');
	const m = /^HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/request, SignedHeaders=([a-z0-9;-]+), Signature=([0-9a-f]{64})$/.exec(auth);
	if (!m) throw new VolcError('MissingSignature', 'The Authorization header is malformed');
	const [, ak, shortDate, region, service, signedHeaders, signature] = m;
	const key = cfg.keys[ak];
	if (!key) throw new VolcError('InvalidAccessKey', 'The AccessKey is invalid');
	const xDate = req.headers['x-date'];
	if (typeof xDate !== 'string' || !XDATE.test(xDate)) throw new VolcError('MissingRequestInfo', 'X-Date is missing or not in YYYYMMDDTHHMMSSZ format');
	const [, y, mo, d, h, mi, s] = XDATE.exec(xDate)!;
	const t = Date.UTC(+y, +mo - 1, +d, +h, +mi, +s);
	if (now - t > cfg.maxAgeSeconds * 1000 || t - now > cfg.maxFutureSeconds * 1000) {
		throw new VolcError('InvalidTimestamp', `X-Date ${xDate} is outside the allowed window`);
	}
	if (shortDate !== xDate.slice(0, 8)) throw new VolcError('SignatureDoesNotMatch', 'The credential scope date does not match X-Date');
	if (service !== 'rtc') throw new VolcError('ServiceNotFound', `Service ${service} not found`);
	if (!cfg.regions.includes(region)) throw new VolcError('SignatureDoesNotMatch', `Region ${region} is not served here`);
	const names = signedHeaders.split(';');
	const sorted = [...names].sort();
	if (names.join(';') !== sorted.join(';')) throw new VolcError('SignatureDoesNotMatch', 'SignedHeaders must be sorted');
	// The vendor's own Node SDK (@volcengine/openapi 1.36.2, spec §2.1 and TV1) signs only x-content-sha256;x-date,
	// so the gateway cannot require host or content-type in SignedHeaders; whatever is listed must match.
	for (const required of ['x-content-sha256', 'x-date']) {
		if (!names.includes(required)) throw new VolcError('SignatureDoesNotMatch', `SignedHeaders must include ${required}`);
	}
	const bodyHash = v4Sha256Hex(req.body);
	if (req.headers['x-content-sha256'] !== bodyHash) {
		throw new VolcError('SignatureDoesNotMatch', 'X-Content-Sha256 does not match the body that arrived');
	}
	if (key.sessionToken !== undefined) {
		if (!names.includes('x-security-token') || req.headers['x-security-token'] !== key.sessionToken) {
			throw new VolcError('InvalidAccessKey', 'The security token is missing or invalid for this temporary key');
		}
	}
	const headers: Record<string, string | undefined> = {};
	for (const n of names) {
		const v = req.headers[n];
		headers[n] = Array.isArray(v) ? v.join(',') : v;
	}
	const path = req.url.split('?')[0] || '/';
	const expected = v4ExpectedSignature({ method: req.method, path, rawQuery, headers, signedHeaders: names, body: req.body }, key.secretAccessKey, xDate, region, service);
	if (!timingSafeEqual(Buffer.from(expected), Buffer.from(signature))) {
		throw new VolcError('SignatureDoesNotMatch', 'The request signature we calculated does not match the signature you provided');
	}
	return { region };
}

/** Serves one request with the composed route table (volcengine/index.ts). */
export async function serveVolcengine(routes: ReadonlyMap<string, VolcRoute>, sb: Sandbox, req: RawRequest): Promise<RawResponse> {
	const now = sb.now();
	const st = sb.state.volcengine;
	const requestId = `sandbox-${randomUUID()}`;
	const q = req.url.indexOf('?');
	const rawQuery = q < 0 ? '' : req.url.slice(q + 1);
	const params = new URLSearchParams(rawQuery);
	const action = params.get('Action') ?? '';
	const version = params.get('Version') ?? '';
	let region = 'cn-north-1';
	const log: VolcengineState['requests'][number] = { action, at: now };
	st.requests.push(log);
	const fail = (e: VolcError): RawResponse => {
		log.code = e.code;
		return { status: VOLC_ERRORS[e.code]?.http ?? 400, body: envelope(action, version, requestId, region, {}, e) };
	};
	try {
		if (!action || !version) throw new VolcError('MissingParameter', 'Action and Version are required in the query');
		const method = routes.get(action)?.method ?? 'POST';
		if (req.method !== method) throw new VolcError('MethodNotAllowed', `${req.method} is not allowed`);
		({ region } = verifyVolcengineSignature(sb, req, rawQuery, now));
		const route = routes.get(action);
		if (!route || !(route.versions ?? [IM_VERSION]).includes(version)) throw new VolcError('InvalidActionOrVersion', `Action ${action} with Version ${version} is not supported`);
		// Actions that read their parameters from the query (route.query) may come with no body.
		if (req.body.length === 0 && !route.query) throw new VolcError('InvalidParameter.BodyIsEmpty', 'The body is empty');
		let body: unknown = {};
		try {
			if (req.body.length > 0) body = parseJson(req.body.toString('utf8'), 'bigint');
		} catch (e) {
			throw new VolcError('InvalidParameter.Unmarshal', `The body is not valid JSON: ${(e as Error).message}`);
		}
		if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new VolcError('InvalidParameter.Unmarshal', 'The body must be a JSON object');
		const b = body as Record<string, unknown>;
		for (const name of route.query ?? []) if (params.has(name)) b[name] = params.get(name);
		takeQuotas(sb, 'volcengine', 'volc:', route, b, now, (rule) => new VolcError(String(rule.code), rule.message));
		if (route.receivers && Array.isArray(b[route.receivers])) log.receivers = (b[route.receivers] as unknown[]).length;
		const list = (route.size ?? []).map((f) => b[f]).find((v) => v !== undefined && v !== null);
		if (Array.isArray(list)) log.size = list.length;
		const refused = refuseOnce(sb, log, action, version, requestId, region, b);
		if (refused) return refused;
		const ctx: VolcCtx = { sb, st, cfg: sb.config.volcengine, now };
		return { status: 200, body: envelope(action, version, requestId, region, route.handle(ctx, b)) };
	} catch (e) {
		if (e instanceof VolcError) return fail(e);
		return fail(new VolcError('InternalError', (e as Error).message));
	}
}

/** The `refuseOnce` fault hook (VolcengineConfig): the first matching request is refused before processing. */
function refuseOnce(
	sb: Sandbox,
	log: VolcengineState['requests'][number],
	action: string,
	version: string,
	requestId: string,
	region: string,
	b: Record<string, unknown>,
): RawResponse | undefined {
	const refusals = sb.config.volcengine.refuseOnce;
	const at = refusals?.findIndex((r) => r.action === action && (r.content === undefined || r.content === b.Content)) ?? -1;
	if (at < 0) return undefined;
	const [r] = refusals!.splice(at, 1);
	const code = r.code ?? 'InternalError';
	const message = r.message ?? `injected: ${action} refused once before processing`;
	const status = r.http ?? VOLC_ERRORS[code]?.http ?? 400;
	log.code = r.notJson ? `HTTP ${status}` : r.withoutCode ? '(no code)' : code;
	if (r.notJson) return { status, body: `<html><body>${status}</body></html>`, headers: { 'content-type': 'text/html' } };
	const meta = { RequestId: requestId, Action: action, Version: version, Service: 'rtc', Region: region };
	const error = r.withoutCode ? { Message: message } : { Code: code, Message: message };
	return { status, body: stringifyJson({ ResponseMetadata: { ...meta, Error: error }, Result: {} }) };
}
