import type { INodeProperties, INodePropertyOptions, NodePropertyTypes } from 'n8n-workflow';
import { z } from 'zod';
import type { ItemReader } from '../engine/reader';
import { intInRange } from './scalars';

/**
 * Field builders shared by both nodes' descriptions: one line per field. `rest` adds what a field
 * needs beyond the common shape (required, placeholder, displayOptions, typeOptions …). Every
 * number field carries its bounds as `minValue`/`maxValue` (the editor's arrows stop there and a
 * typed value is kept in range) and its reader checks the same bounds with `intInRange`, because
 * a value set by an expression, an import, the API or an older workflow reaches the node as is:
 * it is refused with the field, the item and the value named, never clamped.
 */

type Rest = Partial<INodeProperties>;
const described = (description: string | undefined) => (description === undefined ? {} : { description });

/** A collection parameter: Options ("Add Option"), or Additional / Update Fields ("Add Field"). */
export function collection(options: INodeProperties[], displayName = 'Options', name = 'options'): INodeProperties {
	return { displayName, name, type: 'collection', placeholder: displayName === 'Options' ? 'Add Option' : 'Add Field', default: {}, options };
}

/** One field of the common shape; the builders below name its type. */
function field(type: NodePropertyTypes, displayName: string, name: string, value: INodeProperties['default'], description: string | undefined, rest: Rest): INodeProperties {
	return { displayName, name, type, default: value, ...described(description), ...rest };
}

/** A text field, empty by default. */
export const textField = (displayName: string, name: string, description?: string, rest: Rest = {}) => field('string', displayName, name, '', description, rest);

/** A whole-number field from `min` to `max` (no upper bound: `Number.MAX_SAFE_INTEGER`); read it with `intInRange(min, max)`. */
export function numberField(displayName: string, name: string, value: number | '', min: number, max: number = Number.MAX_SAFE_INTEGER, description?: string, rest: Rest = {}): INodeProperties {
	return field('number', displayName, name, value, description, { typeOptions: { minValue: min, maxValue: max, numberPrecision: 0 }, ...rest });
}

/** A true/false field. */
export const booleanField = (displayName: string, name: string, value: boolean, description?: string, rest: Rest = {}) => field('boolean', displayName, name, value, description, rest);

/** A choice between `options` (the lint wants them sorted by name). */
export const optionsField = (displayName: string, name: string, value: string | number, options: INodePropertyOptions[], description?: string, rest: Rest = {}) =>
	field('options', displayName, name, value, description, { options, ...rest });

/** A "Batch Size" option: how many entries (`what`) go into one call, at most `max` (the vendor's limit). */
export function batchSizeOption(max: number, what: string, value = max): INodeProperties {
	return numberField('Batch Size', 'batchSize', value, 1, max, `${what} per call, at most ${max}`);
}

/** Return All, and the Limit shown when it is off (default 50). */
export function returnAllFields(): INodeProperties[] {
	return [
		booleanField('Return All', 'returnAll', false, 'Whether to return all results or only up to a given limit'),
		numberField('Limit', 'limit', 50, 1, Number.MAX_SAFE_INTEGER, 'Max number of results to return', { displayOptions: { show: { returnAll: [false] } } }),
	];
}

/** The Limit of `returnAllFields`: undefined for Return All. */
export function readLimit(r: ItemReader): number | undefined {
	const returnAll = r.param('returnAll', z.boolean({ invalid_type_error: 'must be true or false' }), 'Return All', false);
	return returnAll ? undefined : r.param('limit', intInRange(1, Number.MAX_SAFE_INTEGER), 'Limit', 50);
}

/** The "One Item per Input Item" / "One Item per Receiver" choice of a send to many receivers. */
export function outputOption(summary: string, perReceiver: string): INodeProperties {
	return optionsField('Output', 'output', 'summary', [
		{ name: 'One Item per Input Item', value: 'summary', description: summary },
		{ name: 'One Item per Receiver', value: 'perReceiver', description: perReceiver },
	]);
}
