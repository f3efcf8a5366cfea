/* eslint-disable */
// Stand-ins for the few n8n-nodes-base nodes the fixtures and examples use (n8n-nodes-base itself is
// not installed: it is huge and native). Same type names and parameters as the real nodes.
import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type ITriggerFunctions,
	type ITriggerResponse,
} from 'n8n-workflow';

/** n8n-nodes-base.manualTrigger: same type name, emits one empty item. */
export class ManualTrigger implements INodeType {
	description = {
		displayName: 'Manual Trigger', name: 'manualTrigger', group: ['trigger'], version: 1,
		description: 'Manual trigger for tests', defaults: { name: 'Start' },
		inputs: [], outputs: [NodeConnectionTypes.Main], properties: [],
	} as INodeType['description'];

	async trigger(this: ITriggerFunctions): Promise<ITriggerResponse> {
		return { manualTriggerFunction: async () => this.emit([this.helpers.returnJsonArray([{}])]) };
	}
}

/** n8n-nodes-base.scheduleTrigger: in a manual run it fires once, like the editor's "Execute workflow". */
export class ScheduleTrigger implements INodeType {
	description = {
		displayName: 'Schedule Trigger', name: 'scheduleTrigger', group: ['trigger', 'schedule'], version: [1, 1.1, 1.2],
		description: 'stand-in', defaults: { name: 'Schedule Trigger' }, inputs: [], outputs: [NodeConnectionTypes.Main], properties: [],
	} as INodeType['description'];

	async trigger(this: ITriggerFunctions): Promise<ITriggerResponse> {
		const now = new Date();
		return {
			manualTriggerFunction: async () =>
				this.emit([this.helpers.returnJsonArray([{ timestamp: now.toISOString(), 'Readable date': now.toUTCString() }])]),
		};
	}
}

/**
 * n8n-nodes-base.code in "Run Once for All Items" mode: runs the workflow's own jsCode with
 * `$input.all()` / `items`, and expects `return [{ json: ... }]` as in n8n.
 */
export class Code implements INodeType {
	description = {
		displayName: 'Code', name: 'code', group: ['transform'], version: [1, 2], description: 'stand-in',
		defaults: { name: 'Code' }, inputs: [NodeConnectionTypes.Main], outputs: [NodeConnectionTypes.Main],
		properties: [{ displayName: 'JavaScript', name: 'jsCode', type: 'string', default: '' }],
	} as INodeType['description'];

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const code = this.getNodeParameter('jsCode', 0) as string;
		const $input = { all: () => items, first: () => items[0], last: () => items[items.length - 1] };
		const fn = new Function('$input', 'items', `return (async () => { ${code} })();`);
		const out = (await fn($input, items)) as Array<INodeExecutionData | Record<string, unknown>>;
		return [
			out.map((o, i) => ({
				json: ('json' in o ? (o as INodeExecutionData).json : o) as INodeExecutionData['json'],
				pairedItem: { item: Math.min(i, Math.max(items.length - 1, 0)) },
			})),
		];
	}
}
