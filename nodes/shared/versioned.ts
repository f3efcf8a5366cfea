import type { INodeType, INodeTypeBaseDescription, IVersionedNodeType } from 'n8n-workflow';

/**
 * The base description of a versioned node, taken from its newest version's identity (name, icon,
 * subtitle…), so the identity is written once, in the version class the lint checks.
 */
export function baseDescriptionOf(nodeVersions: IVersionedNodeType['nodeVersions'], defaultVersion: number): INodeTypeBaseDescription {
	const { displayName, name, icon, group, subtitle, description } = (nodeVersions[defaultVersion] as INodeType).description;
	return { displayName, name, icon, group, subtitle, description, defaultVersion };
}
