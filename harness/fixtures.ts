/* eslint-disable */
// Workflow fixtures: manual trigger → (optional items source) → node under test; a trigger node
// alone, for webhook tests; and the items a node produced.
import type { IDataObject, INodeExecutionData, IWorkflowBase } from 'n8n-workflow';

export const PKG = 'n8n-nodes-rtc-messaging';

/** Code stand-in source that emits the given items. */
function itemsNode(items: IDataObject[]) {
	return {
		id: 'items', name: 'Items', type: 'n8n-nodes-base.code', typeVersion: 2, position: [200, 0],
		parameters: { jsCode: `return ${JSON.stringify(items.map((json) => ({ json })))};` },
	};
}

export interface FixtureOptions {
	/** Input items for the node; default: the trigger's single empty item. */
	items?: IDataObject[];
	continueOnFail?: boolean;
	credentialType: string;
	nodeType: string;
	typeVersion?: number;
}

export function workflow(parameters: IDataObject, o: FixtureOptions): IWorkflowBase {
	const nodes: any[] = [
		{ id: 'start', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
	];
	const connections: IDataObject = {};
	let prev = 'Start';
	if (o.items) {
		nodes.push(itemsNode(o.items));
		connections.Start = { main: [[{ node: 'Items', type: 'main', index: 0 }]] };
		prev = 'Items';
	}
	nodes.push({
		id: 'node', name: 'Node', type: `${PKG}.${o.nodeType}`, typeVersion: o.typeVersion ?? 1, position: [400, 0], parameters,
		credentials: { [o.credentialType]: { id: '1', name: 'test account' } },
		...(o.continueOnFail ? { onError: 'continueRegularOutput' } : {}),
	});
	connections[prev] = { main: [[{ node: 'Node', type: 'main', index: 0 }]] };
	return { id: 'w', name: 'fixture', active: false, settings: { executionOrder: 'v1' }, nodes, connections } as unknown as IWorkflowBase;
}

export const volcWorkflow = (parameters: IDataObject, o: Partial<FixtureOptions> = {}) =>
	workflow(parameters, { credentialType: 'volcengineRtcApi', nodeType: 'volcengineRtc', ...o });

export const tencentWorkflow = (parameters: IDataObject, o: Partial<FixtureOptions> = {}) =>
	workflow(parameters, { credentialType: 'tencentChatApi', nodeType: 'tencentChat', ...o });

let triggerSeq = 0;

export interface TriggerFixtureOptions {
	nodeType: string;
	credentialType: string;
	webhookId: string;
	parameters?: IDataObject;
	/** Workflow id prefix; a sequence number is appended. */
	idPrefix?: string;
	/** A Code stand-in named "Decide" after the trigger, running this source. */
	code?: string;
}

/**
 * An active workflow with one trigger node named "Trigger" (and an optional Code node after it).
 * Every call gets its own workflow id, so its static data (de-duplication memory) starts empty.
 */
export function triggerWorkflow(o: TriggerFixtureOptions): IWorkflowBase {
	const nodes: any[] = [
		{
			id: 't', name: 'Trigger', type: `${PKG}.${o.nodeType}`, typeVersion: 1, position: [0, 0], webhookId: o.webhookId,
			parameters: o.parameters ?? {},
			credentials: { [o.credentialType]: { id: '1', name: 'sandbox' } },
		},
	];
	const connections: IDataObject = {};
	if (o.code !== undefined) {
		nodes.push({ id: 'c', name: 'Decide', type: 'n8n-nodes-base.code', typeVersion: 2, position: [200, 0], parameters: { jsCode: o.code } });
		connections.Trigger = { main: [[{ node: 'Decide', type: 'main', index: 0 }]] };
	}
	return { id: `${o.idPrefix ?? o.nodeType}-${++triggerSeq}`, name: 'trigger', active: true, settings: { executionOrder: 'v1' }, nodes, connections } as unknown as IWorkflowBase;
}

/** Items (json + pairing) produced by a node in a run. */
export function itemsOf(run: any, nodeName = 'Node'): INodeExecutionData[] {
	return run.data.resultData.runData[nodeName]?.[0]?.data?.main[0] ?? [];
}
