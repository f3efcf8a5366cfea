/* eslint-disable */
// Workflow fixtures: manual trigger → (optional items source) → node under test.
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

/** Items (json + pairing) produced by a node in a run. */
export function itemsOf(run: any, nodeName = 'Node'): INodeExecutionData[] {
	return run.data.resultData.runData[nodeName]?.[0]?.data?.main[0] ?? [];
}
