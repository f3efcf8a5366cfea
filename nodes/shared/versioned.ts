import type { INodeProperties, INodePropertyCollection, INodeType, INodeTypeBaseDescription, IVersionedNodeType } from 'n8n-workflow';

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

type Props = INodeProperties[];

/**
 * Number fields show their bounds instead of clamping: n8n's editor silently changes a fixed value
 * outside minValue/maxValue to the nearest bound (a TTL of 0 became 1, 9999999 became 99999). So
 * the bounds move into the field's hint ("From 1 to 604,800") and the value reaches the node as
 * typed, where the operation's zod schema refuses it with the same message an expression gets
 * (field, item, value). Applied once to a node's whole description, collections included.
 */
export function boundsAsHints(properties: Props): Props {
	return properties.map((p) => {
		let out = p;
		const t = p.typeOptions as { minValue?: number; maxValue?: number } | undefined;
		if (p.type === 'number' && t && (t.minValue !== undefined || t.maxValue !== undefined)) {
			const { minValue, maxValue, ...rest } = t;
			const n = (v: number) => v.toLocaleString('en-US');
			const bounds = minValue !== undefined && maxValue !== undefined ? `From ${n(minValue)} to ${n(maxValue)}` : minValue !== undefined ? `${n(minValue)} or more` : `At most ${n(maxValue!)}`;
			out = { ...p, typeOptions: Object.keys(rest).length ? rest : undefined, hint: p.hint ? `${p.hint} (${bounds.toLowerCase()})` : bounds };
			if (out.typeOptions === undefined) delete out.typeOptions;
		}
		const options = out.options as unknown[] | undefined;
		if (options?.length && typeof options[0] === 'object' && options[0] !== null && 'displayName' in (options[0] as object)) {
			out = { ...out, options: boundsAsHints(options as Props) };
		} else if (out.type === 'fixedCollection' && options) {
			out = { ...out, options: (options as Array<INodePropertyCollection>).map((o) => ({ ...o, values: boundsAsHints(o.values) })) };
		}
		return out;
	});
}
