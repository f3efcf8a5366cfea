import type { ICredentialDataDecryptedObject, IDataObject, IExecuteFunctions, INode } from 'n8n-workflow';
import { deliver, type Answer } from '../delivery';
import { postJson, type JsonAnswer } from '../http';
import { stringifyJson } from '../json';
import { executionContext } from './context';
import { ruleOf, type Quota } from './quota';

/** One API of a vendor, as an operation names it. */
export interface ApiRef {
	/** The vendor's name of the API (Volcengine Action, Tencent `service/command`): quota and limiter key. */
	name: string;
	/**
	 * Safe to repeat after an ambiguous failure: reads, idempotent writes, or a send the vendor
	 * de-duplicates. Default false (not repeated; the receivers are reported as unknown).
	 */
	idempotent?: boolean;
}

/** A classified success: the vendor's result object and its request id. */
export interface VendorResult {
	result: IDataObject;
	requestId?: string;
}

/**
 * Everything that differs between vendors; the request skeleton below is the rest. A third vendor
 * is one of these (plus its credential), not a copy of the skeleton.
 */
export interface VendorAdapter<A extends ApiRef = ApiRef> {
	/** "Volcengine", "Tencent Chat": in error messages. */
	vendor: string;
	/** First part of the limiter key ("volcengine", "tencent"): one budget per vendor, credential and API. */
	key: string;
	credentialType: string;
	/** Non-secret identity of the credential (access key id, SDKAppID) that keys the shared limiter. */
	identity(credential: ICredentialDataDecryptedObject): string;
	/** Path and query of the request; the credential's authenticate() adds the origin and signs it. */
	target(api: A, credential: ICredentialDataDecryptedObject): { url: string; qs?: Record<string, string> };
	/** The documented quota of the API. */
	quotaOf(api: A): Quota;
	/** One attempt's answer → ok | throttle | retry | refresh | ambiguous | fail (also on HTTP 200). */
	classify(api: A, answer: JsonAnswer, node: INode, itemIndex?: number): Answer<VendorResult>;
	/** Called once on a 'refresh' answer (Tencent 70001: drop the cached UserSig); then the call is repeated. */
	refresh?(credential: ICredentialDataDecryptedObject): Promise<void>;
}

export interface CallOptions {
	itemIndex?: number;
	/** Receivers carried by this call (counted against per-minute quotas). */
	units?: number;
}

/**
 * The one request skeleton of both vendors: serialise the body once (int64 as bare JSON numbers;
 * that exact string is signed and sent), take the Delivery options of the item from the execution
 * context, pace to the API's quota under the credential's limiter key, and let
 * nodes/shared/delivery.ts retry what the adapter classifies as not processed.
 */
export async function vendorRequest<A extends ApiRef>(
	ctx: IExecuteFunctions,
	adapter: VendorAdapter<A>,
	api: A,
	body: Record<string, unknown>,
	options: CallOptions = {},
): Promise<VendorResult> {
	const node = ctx.getNode();
	const run = executionContext(ctx);
	const bodyText = stringifyJson(body);
	const delivery = run.delivery(options.itemIndex ?? 0);
	const quota = adapter.quotaOf(api);
	const credential = await run.credential(adapter.credentialType);
	const { url, qs } = adapter.target(api, credential);
	const refresh = adapter.refresh;
	return await deliver<VendorResult>({
		node,
		vendor: adapter.vendor,
		api: api.name,
		limiterKey: `${adapter.key}|${adapter.identity(credential)}|${quota.group ?? api.name}`,
		rule: ruleOf(quota, delivery),
		units: options.units,
		idempotent: api.idempotent ?? false,
		options: delivery,
		itemIndex: options.itemIndex,
		refresh: refresh ? async () => await refresh(credential) : undefined,
		attempt: async (timeoutMs) =>
			adapter.classify(api, await postJson(ctx, adapter.credentialType, { url, qs, body: bodyText, timeoutMs }), node, options.itemIndex),
	});
}
