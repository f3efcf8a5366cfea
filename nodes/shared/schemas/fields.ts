import type { INodeProperties } from 'n8n-workflow';

/** Field builders shared by both nodes' descriptions. */

/** A collection parameter: Options ("Add Option"), or Additional / Update Fields ("Add Field"). */
export function collection(options: INodeProperties[], displayName = 'Options', name = 'options'): INodeProperties {
	return { displayName, name, type: 'collection', placeholder: displayName === 'Options' ? 'Add Option' : 'Add Field', default: {}, options };
}
