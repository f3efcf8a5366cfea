import type { INodeType, INodeTypeBaseDescription, IVersionedNodeType } from 'n8n-workflow';

/**
 * The base description of a versioned node, taken from its newest version's identity (name, icon,
 * subtitle…), so the identity is written once, in the version class the lint checks.
 */
export function baseDescriptionOf(nodeVersions: IVersionedNodeType['nodeVersions'], defaultVersion: number): INodeTypeBaseDescription {
	const { displayName, name, icon, group, subtitle, description } = (nodeVersions[defaultVersion] as INodeType).description;
	return { displayName, name, icon, group, subtitle, description, defaultVersion };
}

/**
 * The canvas subtitle: the chosen operation's action sentence ("Send a message to users"), not the
 * raw values ("sendToUsers: message"). Built from the operations' own declarations, so a new
 * operation brings its subtitle.
 */
export function actionSubtitle(operations: Record<string, Record<string, unknown>>): string {
	const words: Record<string, string> = {};
	for (const [resource, ops] of Object.entries(operations)) {
		for (const [value, op] of Object.entries(ops)) {
			const action = (op as { option?: { action?: string } }).option?.action;
			if (action) words[`${resource}:${value}`] = action.charAt(0).toUpperCase() + action.slice(1);
		}
	}
	return `={{ (${JSON.stringify(words)})[$parameter["resource"] + ":" + $parameter["operation"]] ?? $parameter["operation"] }}`;
}
