import type { ICredentialDataDecryptedObject, IDataObject, IExecuteFunctions, INode, NodeApiError } from 'n8n-workflow';
import { requestCredential } from '../credentialIdentity';
import { deliver, quotaRule, type Answer } from '../delivery';
import { vendorApiError } from '../errors';
import { postJson, type JsonAnswer } from '../http';
import { stringifyJson } from '../json';
import { rateLimiter, type Booking } from '../limiter';
import { nodeOf } from '../params';
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
	/**
	 * The API as this credential sends it, when a credential setting changes it (Tencent: the Push
	 * API, legacy all_member_push or current timpush). Quota, limiter key, target and messages use
	 * the result. Default: the API as named.
	 */
	resolve?(api: A, credential: ICredentialDataDecryptedObject): A;
	/** Path and query of the request; the credential's authenticate() adds the origin and signs it. */
	target(api: A, credential: ICredentialDataDecryptedObject): { url: string; qs?: Record<string, string> };
	/** The documented quota of the API. */
	quotaOf(api: A): Quota;
	/**
	 * One attempt's answer → ok | throttle | retry | refresh | ambiguous | fail (also on HTTP 200).
	 * A failure whose error has `context.dailyQuota` means "spent for today": later calls of the
	 * same API in this execution fail at once, without a request (see `vendorRequest`).
	 */
	classify(api: A, answer: JsonAnswer, node: INode, itemIndex?: number): Answer<VendorResult>;
	/** Called once on a 'refresh' answer (Tencent 70001: drop the cached UserSig); then the call is repeated. */
	refresh?(credential: ICredentialDataDecryptedObject): Promise<void>;
}

export interface CallOptions {
	itemIndex?: number;
	/** Receivers carried by this call (counted against per-minute quotas). */
	units?: number;
	/**
	 * A second quota on top of the API's own, for one entity (Tencent: 40 messages/s per GroupId
	 * for send_group_msg). `key` names the entity; every attempt waits for both quotas. The
	 * Delivery → Requests per Second override applies to the API's quota only.
	 */
	pace?: { key: string; quota: Quota };
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
	named: A,
	body: Record<string, unknown>,
	options: CallOptions = {},
): Promise<VendorResult> {
	// n8n's getNode() deep-copies the node on every call (bench anchor profile: ~15 µs of each call): once per execution.
	const node = nodeOf(ctx);
	const run = executionContext(ctx);
	const bodyText = stringifyJson(body);
	const delivery = run.delivery(options.itemIndex ?? 0);
	const credential = await run.credential(adapter.credentialType);
	const credentials = await requestCredential(ctx, adapter.credentialType);
	const api = adapter.resolve ? adapter.resolve(named, credential) : named;
	const quota = adapter.quotaOf(api);
	const { url, qs } = adapter.target(api, credential);
	const refresh = adapter.refresh;
	const base = `${adapter.key}|${adapter.identity(credential)}`;
	const pace = options.pace;
	const paceRule = pace ? quotaRule(pace.quota, { ...delivery, requestsPerSecond: undefined }) : undefined;
	const paceKey = pace ? `${base}|${api.name}|${pace.key}` : '';
	const spentKey = `${base}|${api.name}`;
	return await deliver<VendorResult>({
		node,
		vendor: adapter.vendor,
		api: api.name,
		limiterKey: `${base}|${quota.group ?? api.name}`,
		rule: ruleOf(quota, delivery),
		units: options.units,
		idempotent: api.idempotent ?? false,
		options: delivery,
		itemIndex: options.itemIndex,
		refresh: refresh ? async () => await refresh(credential) : undefined,
		attempt: async (timeoutMs) => {
			// Checked when the request is let through: items waiting for the limiter see an earlier item's answer.
			const used = run.spent.get(spentKey);
			if (used) return { kind: 'fail', error: notSentAfterDailyQuota(node, adapter.vendor, used, options.itemIndex) };
			const booking: Booking | undefined = paceRule ? await rateLimiter.acquire(paceKey, paceRule, 0) : undefined;
			let answer: Answer<VendorResult> | undefined;
			try {
				answer = adapter.classify(api, await postJson(ctx, adapter.credentialType, { url, qs, body: bodyText, timeoutMs }, credentials), node, options.itemIndex);
				if (answer.kind === 'fail' && answer.error.context.dailyQuota === true && !run.spent.has(spentKey)) run.spent.set(spentKey, answer.error);
				return answer;
			} finally {
				booking?.settle(answer?.kind === 'throttle');
			}
		},
	});
}

/**
 * A daily quota used up earlier in this execution: the item fails at once, without a request —
 * the answer cannot change before the quota resets (the vendor counts per day).
 */
function notSentAfterDailyQuota(node: INode, vendor: string, used: NodeApiError, itemIndex?: number) {
	const prefix = `${vendor} error ${String(used.context.vendorCode)}: `;
	return vendorApiError(
		node,
		{
			vendor,
			code: String(used.context.vendorCode),
			message: `${used.message.startsWith(prefix) ? used.message.slice(prefix.length) : used.message} (not sent: an earlier item of this run found the quota used up)`,
			hint: 'Daily quota, try tomorrow.',
		},
		itemIndex,
	);
}
