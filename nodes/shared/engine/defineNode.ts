import type { INodeProperties, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';
import type { Operation } from '../router';

/** One entry of an action node's Resource selector, with its resource (`defineResource`). */
export interface ResourceEntry {
	name: string;
	value: string;
	description: string;
	/** The resource module: its fields and its operations (`defineResource`). */
	resource: { description: INodeProperties[]; operations: Record<string, Operation> };
}

/**
 * Everything of an action node's version except its identity (name, icon, subtitle), which the
 * version class declares: one main input and output, the credential, the Resource selector (in the
 * order given) and every resource's fields.
 */
export function defineVersion(o: {
	/** One version, or the versions this description serves (e.g. `[1, 1.1]`). */
	version: number | number[];
	defaultName: string;
	credential: string;
	defaultResource: string;
	resources: ResourceEntry[];
}): Omit<INodeTypeDescription, 'displayName' | 'name' | 'description' | 'group'> {
	const { defaultResource } = o;
	const selector: INodeProperties = {
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: o.resources.map(({ name, value, description }) => ({ name, value, description })),
		default: defaultResource,
	};
	return {
		version: o.version,
		defaults: { name: o.defaultName },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: o.credential, required: true }],
		properties: [selector, ...o.resources.flatMap((r) => r.resource.description)],
	};
}
