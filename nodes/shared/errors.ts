import type { IDataObject, INode, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { ZodType, ZodTypeDef } from 'zod';

export interface VendorErrorInfo {
	vendor: string;
	/** Vendor error code, e.g. `SignatureDoesNotMatch` or `90057`. */
	code: string;
	message: string;
	requestId?: string;
	httpCode?: number;
	/** Extra advice shown under the message. */
	hint?: string;
}

/** Removes anything that could carry a secret from text that goes into errors or output. */
export function redactSecrets(text: string): string {
	return text
		.replace(/(usersig=)[^&\s"']*/gi, '$1***')
		.replace(/(Signature=)[0-9a-f]{16,}/gi, '$1***')
		.replace(/(X-Security-Token["']?\s*[:=]\s*["']?)[^\s"',}]+/gi, '$1***');
}

/** A vendor error envelope (also on HTTP 200) as an n8n error with code, message and request id. */
export function vendorApiError(node: INode, info: VendorErrorInfo, itemIndex?: number): NodeApiError {
	const message = redactSecrets(`${info.vendor} error ${info.code}: ${info.message || 'no message'}`);
	const details = [info.hint, info.requestId ? `Request ID: ${info.requestId}` : undefined].filter(Boolean);
	const error = new NodeApiError(
		node,
		{ code: info.code, message: redactSecrets(info.message), requestId: info.requestId ?? null } as JsonObject,
		{
			message,
			description: details.length ? details.join(' — ') : undefined,
			httpCode: info.httpCode !== undefined ? String(info.httpCode) : undefined,
			itemIndex,
		},
	);
	error.context.vendorCode = info.code;
	if (info.requestId) error.context.requestId = info.requestId;
	return error;
}

/** Validates one parameter; the error names the field (and the path inside it) and the item. */
export function parseField<T>(node: INode, schema: ZodType<T, ZodTypeDef, unknown>, value: unknown, field: string, itemIndex: number): T {
	const result = schema.safeParse(value);
	if (result.success) return result.data;
	const issue = result.error.issues[0];
	const path = issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`)).join('');
	const where = `${field}${path}`;
	throw new NodeOperationError(node, `Invalid "${where}" in item ${itemIndex}: ${issue.message}`, {
		itemIndex,
		description: 'Nothing was sent for this item. Fix the value (or the expression that produces it) and run again.',
	});
}

/** n8n errors keep their identity with the item stamped; anything else is wrapped. */
export function toNodeError(node: INode, error: unknown, itemIndex: number): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		if (error.context.itemIndex === undefined) error.context.itemIndex = itemIndex;
		return error;
	}
	const message = error instanceof Error ? error.message : String(error);
	return new NodeOperationError(node, redactSecrets(message), { itemIndex });
}

/** The JSON of an error item produced with continue-on-fail. */
export function errorItemJson(error: NodeApiError | NodeOperationError): IDataObject {
	const json: IDataObject = { error: redactSecrets(error.message) };
	if (error.description) json.description = redactSecrets(error.description);
	if (error.context.vendorCode !== undefined) json.code = error.context.vendorCode as string;
	if (error.context.requestId !== undefined) json.requestId = error.context.requestId as string;
	if (error instanceof NodeApiError && error.httpCode) json.httpCode = error.httpCode;
	return json;
}

/** A request that got no vendor answer (refused, reset, timed out, refused to sign): message and code, no request details. */
export function networkError(node: INode, vendor: string, error: unknown, itemIndex?: number): NodeApiError {
	const e = error as { message?: string; description?: string; cause?: { code?: string }; code?: string };
	const code = e.cause?.code ?? e.code;
	const message = redactSecrets(e.message ?? 'request failed');
	const err = new NodeApiError(node, { message, code: code ?? null }, {
		message: `Could not complete the request to ${vendor}: ${message}`,
		description: e.description ? redactSecrets(e.description) : undefined,
		itemIndex,
	});
	if (code) err.context.vendorCode = code;
	return err;
}
