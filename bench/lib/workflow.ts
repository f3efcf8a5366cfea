 
// Workflows and inputs of the benchmark: Start → Items (Code stand-in) → Node.
import type { IDataObject, IWorkflowBase } from 'n8n-workflow';
import { PKG } from '../../harness/fixtures';
import type { Vendor } from './protocol';

export const NODE_NAME = 'Node';

export function benchWorkflow(vendor: Vendor, parameters: IDataObject, itemsCode: string, nodeDisabled = false): IWorkflowBase {
	const credential = vendor === 'volcengine' ? 'volcengineRtcApi' : 'tencentChatApi';
	const type = vendor === 'volcengine' ? `${PKG}.volcengineRtc` : `${PKG}.tencentChat`;
	return {
		id: 'bench',
		name: 'bench',
		active: false,
		settings: { executionOrder: 'v1' },
		nodes: [
			{ id: 's', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
			{ id: 'i', name: 'Items', type: 'n8n-nodes-base.code', typeVersion: 2, position: [200, 0], parameters: { jsCode: itemsCode } },
			{
				id: 'n',
				name: NODE_NAME,
				type,
				typeVersion: 1,
				position: [400, 0],
				parameters,
				credentials: { [credential]: { id: '1', name: 'sandbox' } },
				onError: 'continueRegularOutput',
				...(nodeDisabled ? { disabled: true } : {}),
			},
		],
		connections: {
			Start: { main: [[{ node: 'Items', type: 'main', index: 0 }]] },
			Items: { main: [[{ node: NODE_NAME, type: 'main', index: 0 }]] },
		},
	} as unknown as IWorkflowBase;
}

/** Volcengine int64 user ids above 2^53, consecutive from `first`. */
export const VOLC_FIRST_ID = 3_000_000_000_000_000_000n;
export const volcId = (k: number): string => String(VOLC_FIRST_ID + BigInt(k));
export const tencentAccount = (k: number): string => `bench_${k}`;

/** One item carrying `count` receivers in `json.to`. */
export function oneItemWithReceivers(vendor: Vendor, count: number, offset = 0): string {
	const make = vendor === 'volcengine' ? `String(${VOLC_FIRST_ID}n + BigInt(${offset} + k))` : `'bench_' + (${offset} + k)`;
	return `const to = new Array(${count}); for (let k = 0; k < ${count}; k++) to[k] = ${make}; return [{ json: { to } }];`;
}

/** `count` items, each with one receiver (`json.to`, for single sends) or one user (`json.user`, for tag updates). */
export function itemPerUser(vendor: Vendor, count: number, field: 'to' | 'user'): string {
	const make = vendor === 'volcengine' ? `String(${VOLC_FIRST_ID}n + BigInt(k))` : `'bench_' + k`;
	const value = field === 'to' ? `[${make}]` : make;
	return `const out = new Array(${count}); for (let k = 0; k < ${count}; k++) out[k] = { json: { ${field}: ${value}, n: k } }; return out;`;
}

/**
 * The Delivery collection: the node's defaults. (Retry budgets are measured on the limiter's clock,
 * so they run in the scenario's compressed time like the quotas.)
 */
export function delivery(_timeScale: number, over: IDataObject = {}): IDataObject {
	return { ...over };
}

export const volcSendParameters = (options: IDataObject, deliveryOptions: IDataObject): IDataObject => ({
	resource: 'message',
	operation: 'sendToUsers',
	sender: '10001',
	receivers: '={{ $json.to }}',
	msgType: 10001,
	content: 'bench message',
	options,
	delivery: deliveryOptions,
});

export const tencentSendParameters = (options: IDataObject, deliveryOptions: IDataObject): IDataObject => ({
	resource: 'message',
	operation: 'sendToUsers',
	toAccounts: '={{ $json.to }}',
	messageFormat: 'text',
	text: 'bench message',
	options,
	delivery: deliveryOptions,
});

export const volcTagParameters = (deliveryOptions: IDataObject): IDataObject => ({
	resource: 'userTag',
	operation: 'update',
	userId: '={{ $json.user }}',
	mode: 'set',
	tags: { pairs: [{ key: 'level', value: 'vip' }] },
	delivery: deliveryOptions,
});

export const tencentTagParameters = (deliveryOptions: IDataObject): IDataObject => ({
	resource: 'userTag',
	operation: 'add',
	account: '={{ $json.user }}',
	tags: 'vip',
	delivery: deliveryOptions,
});
