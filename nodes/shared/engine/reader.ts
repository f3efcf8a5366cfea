import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import type { ZodType, ZodTypeDef } from 'zod';
import { hasOption, nodeOf, readOption, readParam } from '../params';

type Schema<T> = ZodType<T, ZodTypeDef, unknown>;

/**
 * How an operation reads one item: every value through a zod schema, so a bad value fails with
 * the field's label and the item's index before anything is sent.
 */
export interface ItemReader {
	readonly ctx: IExecuteFunctions;
	readonly itemIndex: number;
	/** A top-level parameter. */
	param<T>(name: string, schema: Schema<T>, label: string, fallback?: unknown): T;
	/** One key of a collection parameter (Options, Additional Fields). */
	option<T>(collection: string, key: string, schema: Schema<T>, label: string, fallback: unknown): T;
	/** Whether the user added `key` to the collection. */
	has(collection: string, key: string): boolean;
	/** Refuses the item: nothing is sent for it. */
	fail(message: string, description?: string): never;
}

export function itemReader(ctx: IExecuteFunctions, itemIndex: number): ItemReader {
	return {
		ctx,
		itemIndex,
		param: (name, schema, label, fallback) => readParam(ctx, name, itemIndex, schema, label, fallback),
		option: (collection, key, schema, label, fallback) => readOption(ctx, collection, key, itemIndex, schema, label, fallback),
		has: (collection, key) => hasOption(ctx, collection, key, itemIndex),
		fail(message, description) {
			throw new NodeOperationError(nodeOf(ctx), message, { itemIndex, description });
		},
	};
}
