import type { IExecuteFunctions } from 'n8n-workflow';
import type { ZodType, ZodTypeDef } from 'zod';
import { parseField } from './errors';

/** Reads one parameter of one item and validates it; the error names the field and the item. */
export function readParam<T>(
	ctx: IExecuteFunctions,
	name: string,
	itemIndex: number,
	schema: ZodType<T, ZodTypeDef, unknown>,
	label: string,
	fallback?: unknown,
): T {
	const value = fallback === undefined ? ctx.getNodeParameter(name, itemIndex) : ctx.getNodeParameter(name, itemIndex, fallback);
	return parseField(ctx.getNode(), schema, value, label, itemIndex);
}

/** Reads one key of a collection parameter (Options) and validates it. */
export function readOption<T>(
	ctx: IExecuteFunctions,
	collection: string,
	key: string,
	itemIndex: number,
	schema: ZodType<T, ZodTypeDef, unknown>,
	label: string,
	fallback: unknown,
): T {
	const options = ctx.getNodeParameter(collection, itemIndex, {}) as Record<string, unknown>;
	const value = options?.[key] === undefined ? fallback : options[key];
	return parseField(ctx.getNode(), schema, value, label, itemIndex);
}
