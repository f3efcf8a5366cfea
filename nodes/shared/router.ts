import type { IDataObject, IExecuteFunctions, INode, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { readDeliveryOptions } from './delivery';
import { errorItemJson, toNodeError, withSummary } from './errors';
import { describeTally, outcomeStatus, type Tally } from './fanout';
import { runPool } from './pool';

export interface PreparedItem<P> {
	itemIndex: number;
	plan: P;
}

export type ItemResult = IDataObject | IDataObject[];

/**
 * One operation. `prepare` reads and validates the item's parameters (throwing a NodeOperationError
 * that names the field and the item) and sends nothing. Then either `executeItem` runs once per
 * valid item, or `executeBatch` receives every valid item at once (to coalesce them into fewer
 * calls) and answers per item.
 */
export interface Operation<P = unknown> {
	description: INodeProperties[];
	prepare(this: IExecuteFunctions, itemIndex: number): Promise<P>;
	executeItem?(this: IExecuteFunctions, plan: P, itemIndex: number): Promise<ItemResult>;
	executeBatch?(this: IExecuteFunctions, items: Array<PreparedItem<P>>): Promise<Map<number, ItemResult | Error>>;
	/** Items with the same key (a conversation, a group) are sent one after the other, in order. */
	orderKey?(plan: P): string | undefined;
}

export type OperationMap = Record<string, Record<string, Operation>>;

/**
 * The item loop shared by both nodes. Every output item is paired with its input item. Invalid
 * items are found before anything is sent: without continue-on-fail the node stops before its first
 * request; with it, invalid items become error items and the others go on.
 */
export async function routeItems(this: IExecuteFunctions, operations: OperationMap): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const node = this.getNode();
	const resource = this.getNodeParameter('resource', 0) as string;
	const operationName = this.getNodeParameter('operation', 0) as string;
	const operation = operations[resource]?.[operationName];
	if (!operation) {
		throw new NodeOperationError(node, `The operation "${operationName}" of resource "${resource}" is not supported`);
	}
	const continueOnFail = this.continueOnFail();
	const errorOutput = node.onError === 'continueErrorOutput';
	const outcomes = new Map<number, ItemResult | Error>();

	const prepared: Array<PreparedItem<unknown>> = [];
	for (let i = 0; i < items.length; i++) {
		try {
			// Read once here, per item, before anything is sent; transports and fan-outs reuse it.
			readDeliveryOptions(this, i);
			prepared.push({ itemIndex: i, plan: await operation.prepare.call(this, i) });
		} catch (error) {
			if (!continueOnFail) throw toNodeError(node, error, i);
			outcomes.set(i, error as Error);
		}
	}

	if (operation.executeBatch) {
		if (prepared.length > 0) {
			const results = await operation.executeBatch.call(this, prepared);
			for (const { itemIndex } of prepared) {
				const r = results.get(itemIndex);
				outcomes.set(itemIndex, r ?? new NodeOperationError(node, 'No result was produced for this item', { itemIndex }));
			}
		}
	} else if (operation.executeItem) {
		const executeItem = operation.executeItem;
		// Several items in flight (Delivery → Concurrent Requests); without continue-on-fail, no new
		// item starts after a failure and the earliest failed item is reported.
		const stop: { first?: { itemIndex: number; error: unknown } } = {};
		const recordFailure = (itemIndex: number, error: unknown) => {
			if (!stop.first || itemIndex < stop.first.itemIndex) stop.first = { itemIndex, error };
		};
		await runPool(
			prepared,
			// Node-wide; read from the first valid item (item 0 may be the invalid one).
			prepared.length ? readDeliveryOptions(this, prepared[0].itemIndex).concurrency : 1,
			async ({ itemIndex, plan }) => {
				if (stop.first) return;
				try {
					outcomes.set(itemIndex, await executeItem.call(this, plan, itemIndex));
				} catch (error) {
					if (continueOnFail) outcomes.set(itemIndex, error as Error);
					else recordFailure(itemIndex, error);
				}
			},
			operation.orderKey ? (p) => operation.orderKey!(p.plan) : undefined,
		);
		if (stop.first) throw toNodeError(node, stop.first.error, stop.first.itemIndex);
	}

	const out: INodeExecutionData[] = [];
	const short: number[] = [];
	let errors = 0;
	for (let i = 0; i < items.length; i++) {
		let r = outcomes.get(i);
		if (r !== undefined && !(r instanceof Error)) {
			const s = shortfallOf(r);
			if (s) {
				short.push(i);
				if (readDeliveryOptions(this, i).onPartial === 'fail') r = shortfallError(node, s, i);
			}
		}
		if (r instanceof Error) {
			if (short[short.length - 1] !== i) errors++;
			const error = toNodeError(node, r, i);
			if (!continueOnFail) throw error;
			out.push({ json: errorOutput ? forErrorOutput(errorItemJson(error)) : errorItemJson(error), pairedItem: { item: i } });
			continue;
		}
		if (r === undefined) continue;
		out.push(...this.helpers.constructExecutionMetaData(this.helpers.returnJsonArray(r), { itemData: { item: i } }));
	}
	addShortfallHint(this, short, errors, items.length);
	return [out];
}

/**
 * A run that did not reach every receiver says so where n8n shows it: a warning above the output
 * (the run itself stays green unless On Partial Delivery fails the items), besides each item's
 * `status`.
 */
function addShortfallHint(ctx: IExecuteFunctions, short: number[], errors: number, total: number) {
	if (short.length === 0 && errors === 0) return;
	const parts: string[] = [];
	if (short.length) {
		const shown = short.slice(0, 5).map((i) => i + 1).join(', ');
		parts.push(`${short.length} of ${total} item${total === 1 ? '' : 's'} did not reach every receiver (item${short.length === 1 ? '' : 's'} ${shown}${short.length > 5 ? ', …' : ''}): see each item's status and failed/unknown/notSent lists`);
	}
	if (errors) parts.push(`${errors} item${errors === 1 ? '' : 's'} failed and became error items`);
	ctx.addExecutionHints({ message: `${parts.join('; ')}.`, type: 'warning', location: 'outputPane' });
}

/** Item statuses that mean "not delivered to every receiver". */
const SHORT = new Set(['partial', 'failed', 'unknown', 'dropped']);
const ROW_FATES: Record<string, keyof Tally> = { delivered: 'delivered', failed: 'failed', dropped: 'failed', unknown: 'unknown', notSent: 'notSent' };

interface Shortfall {
	status: string;
	summary: IDataObject;
	counts?: string;
}

/** Whether an item's result says it did not reach every receiver (undefined: it did, or it is no send). */
function shortfallOf(r: ItemResult): Shortfall | undefined {
	let summary: IDataObject;
	let status: string;
	let counts: string | undefined;
	if (Array.isArray(r)) {
		const tally: Tally = { delivered: 0, failed: 0, unknown: 0, notSent: 0 };
		let rows = 0;
		for (const row of r) {
			const fate = ROW_FATES[String(row.status)];
			if (fate) {
				tally[fate]++;
				rows++;
			}
		}
		if (rows === 0 || tally.delivered === rows) return undefined;
		status = outcomeStatus(tally);
		counts = describeTally(tally);
		summary = { status, results: r };
	} else {
		status = String(r.status);
		if (!SHORT.has(status)) return undefined;
		summary = r;
		const n = (k: string) => (typeof r[k] === 'number' ? (r[k] as number) : undefined);
		const delivered = n('deliveredCount') ?? n('sentCount');
		if (delivered !== undefined) {
			counts = describeTally({ delivered, failed: n('failedCount') ?? 0, unknown: n('unknownCount') ?? 0, notSent: n('notSentCount') ?? 0 });
		}
	}
	return { status, summary, counts };
}

/**
 * Delivery → On Partial Delivery = Fail the Item: an item whose result says it did not reach every
 * receiver becomes an item error that keeps the result (the summary, or the per-receiver rows).
 */
function shortfallError(node: INode, { status, summary, counts }: Shortfall, itemIndex: number): NodeOperationError {
	const error = new NodeOperationError(node, `Not delivered to every receiver: status "${status}"`, {
		itemIndex,
		description: 'Delivery → On Partial Delivery is "Fail the Item". The error item keeps the delivery summary: check it before re-running, so that receivers who got the message do not get it twice.',
	});
	return withSummary(error, summary, counts);
}

/**
 * n8n (WorkflowExecute.handleNodeErrorOutput) sends an item down the error output of "On Error:
 * Continue (using error output)" only when its JSON has nothing but `error`, `message` and
 * `details` — or when the item carries `error`, but then n8n replaces the whole JSON with
 * `{ error: message }` (normalizeNodeErrors) and the code, request id and delivery summary would be
 * lost. So for that setting the error item is `{ error, details: { code, description, …summary } }`.
 */
function forErrorOutput(json: IDataObject): IDataObject {
	const { error, ...details } = json;
	return { error, details };
}

