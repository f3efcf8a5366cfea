import type { IDataObject, IExecuteFunctions, IHttpRequestOptions, IN8nHttpFullResponse } from 'n8n-workflow';
import { NodeApiError, sleep } from 'n8n-workflow';
import { redactSecrets, vendorApiError } from '../../shared/errors';
import { parseJson, stringifyJson } from '../../shared/json';
import { IM_VERSION } from './endpoints';

export const VOLCENGINE_CREDENTIAL = 'volcengineRtcApi';
const VENDOR = 'Volcengine';

export interface VolcengineCallOptions {
	version?: string;
	itemIndex?: number;
	timeoutMs?: number;
}

export interface VolcengineCallResult {
	result: IDataObject;
	requestId?: string;
}

interface Envelope {
	ResponseMetadata?: { RequestId?: string; Error?: { Code?: string; CodeN?: number; Message?: string } };
	Result?: IDataObject;
}

/** Throttle answers mean the request was not processed (§3.3): safe to send again after a pause. */
const isThrottle = (code: string) => code.startsWith('FlowLimitExceeded');
const THROTTLE_RETRIES = 5;

const HINTS: Record<string, string> = {
	SignatureDoesNotMatch: 'Check the Secret Access Key (no stray spaces, do not base64-decode it) and the region.',
	InvalidAccessKey: 'Check the Access Key ID in the credential.',
	InvalidTimestamp: "The request time was rejected: check this machine's clock.",
	'AccessDenied.NoPermissionForApp': 'This account may not use this App ID: check the App ID and the keys.',
};

/**
 * One signed call to the Volcengine OpenAPI. The body is serialised once here (int64 as bare JSON
 * numbers) and that exact string is what the credential signs and what goes on the wire.
 * `ResponseMetadata.Error` is checked on every answer, also on HTTP 200 (§3.1).
 */
export async function volcengineApiRequest(
	this: IExecuteFunctions,
	action: string,
	body: Record<string, unknown>,
	options: VolcengineCallOptions = {},
): Promise<VolcengineCallResult> {
	const node = this.getNode();
	const bodyText = stringifyJson(body);
	for (let attempt = 1; ; attempt++) {
		const request: IHttpRequestOptions = {
			method: 'POST',
			url: '/',
			qs: { Action: action, Version: options.version ?? IM_VERSION },
			body: bodyText,
			headers: { 'Content-Type': 'application/json' },
			encoding: 'text',
			json: false,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			timeout: options.timeoutMs ?? 30000,
		};
		let response: IN8nHttpFullResponse;
		try {
			response = (await this.helpers.httpRequestWithAuthentication.call(
				this,
				VOLCENGINE_CREDENTIAL,
				request,
			)) as IN8nHttpFullResponse;
		} catch (error) {
			throw networkError(this, error, options.itemIndex);
		}
		const status = response.statusCode;
		const text = typeof response.body === 'string' ? response.body : Buffer.isBuffer(response.body) ? response.body.toString('utf8') : stringifyJson(response.body);
		let envelope: Envelope;
		try {
			envelope = parseJson(text) as Envelope;
		} catch {
			throw vendorApiError(
				node,
				{ vendor: VENDOR, code: `HTTP ${status}`, message: `the answer to ${action} was not JSON`, httpCode: status },
				options.itemIndex,
			);
		}
		const meta = envelope?.ResponseMetadata ?? {};
		const err = meta.Error;
		if (err && (err.Code || err.CodeN)) {
			const code = err.Code ?? String(err.CodeN);
			if (isThrottle(code) && attempt <= THROTTLE_RETRIES) {
				await sleep(Math.min(2000, 100 * 2 ** attempt) * (0.5 + Math.random() / 2));
				continue;
			}
			throw vendorApiError(
				node,
				{
					vendor: VENDOR,
					code,
					message: err.Message ?? '',
					requestId: meta.RequestId,
					httpCode: status,
					hint: HINTS[code],
				},
				options.itemIndex,
			);
		}
		if (status < 200 || status > 299) {
			throw vendorApiError(
				node,
				{ vendor: VENDOR, code: `HTTP ${status}`, message: `${action} failed`, requestId: meta.RequestId, httpCode: status },
				options.itemIndex,
			);
		}
		return { result: (envelope.Result ?? {}) as IDataObject, requestId: meta.RequestId };
	}
}

function networkError(ctx: IExecuteFunctions, error: unknown, itemIndex?: number): NodeApiError {
	const e = error as { message?: string; description?: string; cause?: { code?: string }; code?: string };
	const code = e.cause?.code ?? e.code;
	const message = redactSecrets(e.message ?? 'request failed');
	const err = new NodeApiError(ctx.getNode(), { message, code: code ?? null }, {
		message: `Could not complete the request to ${VENDOR}: ${message}`,
		description: e.description ? redactSecrets(e.description) : undefined,
		itemIndex,
	});
	if (code) err.context.vendorCode = code;
	return err;
}
