import type { IExecuteFunctions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import type { ItemResult, Operation, PreparedItem } from '../router';
import { sendFor, type CallShape } from './callShapes';
import { itemReader, type ItemReader } from './reader';
import type { ApiRef, VendorAdapter } from './vendorRequest';

/**
 * One operation, declared: where it shows, its fields, how one item is read, which vendor it
 * talks to and how its items become calls. The router (nodes/shared/router.ts) reads every item
 * first (so an invalid item stops the node before anything is sent, or becomes an error item with
 * continue-on-fail), runs the call shape, pairs every output with its input and keeps items with
 * the same `orderKey` in order.
 */
export interface OperationSpec<P, A extends ApiRef> {
	resource: string;
	/** The parameter value (also the key in the resource's operation map). */
	operation: string;
	/** The entry in the Operation selector: its name, description and `action` sentence. */
	option: { name: string; description: string; action: string };
	/** The operation's fields (notices included); shown only for this resource and operation. */
	properties: INodeProperties[];
	vendor: VendorAdapter<A>;
	/** Reads and validates one item and sends nothing: returns the plan the call shape runs. */
	read(r: ItemReader): P | Promise<P>;
	shape: CallShape<P, A>;
	/** Items with the same key are sent one after the other, in input order (a conversation). */
	orderKey?(plan: P): string | undefined;
	/**
	 * The operation's README row (scripts/op-tables.ts writes the Operations tables from it; a test
	 * checks the README matches): the vendor API(s) it calls, and what the node does about limits.
	 */
	doc?: OperationDoc;
}

export interface OperationDoc {
	/** The API as the vendor names it, e.g. `openim/sendmsg` or `BatchSendMessage` (markdown). */
	api: string;
	/** Limits and behaviour, one short markdown paragraph with sources. */
	limits: string;
}

export interface DefinedOperation<P = unknown> extends Operation<P> {
	value: string;
	option: INodePropertyOptions & { action: string };
	doc?: OperationDoc;
}

export function defineOperation<P, A extends ApiRef>(spec: OperationSpec<P, A>): DefinedOperation<P> {
	const { shape, vendor } = spec;
	const op: DefinedOperation<P> = {
		value: spec.operation,
		option: { name: spec.option.name, value: spec.operation, description: spec.option.description, action: spec.option.action },
		description: updateDisplayOptions({ show: { resource: [spec.resource], operation: [spec.operation] } }, spec.properties),
		async prepare(this: IExecuteFunctions, i: number) {
			return await spec.read(itemReader(this, i));
		},
	};
	if (spec.orderKey) op.orderKey = spec.orderKey;
	if (spec.doc) op.doc = spec.doc;
	if (shape.kind === 'batch') {
		op.executeBatch = async function (this: IExecuteFunctions, items: Array<PreparedItem<P>>) {
			return await shape.batch(this, vendor, items);
		};
	} else {
		op.executeItem = async function (this: IExecuteFunctions, plan: P, i: number): Promise<ItemResult> {
			return await shape.run(plan, sendFor(this, vendor, i), i, this);
		};
	}
	return op;
}

/**
 * A resource: its Operation selector (options in the order given) followed by every operation's
 * fields, and the value → operation map the router looks up.
 */
export function defineResource(resource: string, defaultOperation: string, ops: DefinedOperation[]) {
	const description: INodeProperties[] = [
		{
			displayName: 'Operation',
			name: 'operation',
			type: 'options',
			noDataExpression: true,
			displayOptions: { show: { resource: [resource] } },
			options: selectorOrder(ops).map((o) => o.option),
			default: defaultOperation,
		},
		...ops.flatMap((o) => o.description),
	];
	const operations: Record<string, Operation> = {};
	for (const o of ops) operations[o.value] = o as Operation;
	return { description, operations };
}

/** The operations as the Operation selector lists them: the lint wants options sorted by name (fields keep the order given). */
export function selectorOrder(ops: DefinedOperation[]): DefinedOperation[] {
	return [...ops].sort((a, b) => a.option.name.toLowerCase().localeCompare(b.option.name.toLowerCase()));
}
