import type { ICredentialDataDecryptedObject, IExecuteFunctions, NodeApiError } from 'n8n-workflow';
import { credentialFields } from '../credentialIdentity';
import { readDeliveryOptions, type DeliveryOptions } from '../delivery';

/**
 * What one execution of a node decides once and every layer below reads: continue-on-fail, the
 * Delivery options of each item, and the decrypted credential (for non-secret identities that key
 * the shared rate limiter). Read on first use and kept for the execution (keyed by n8n's execute
 * context), so no operation, call shape or transport reads node parameters for it again.
 */
export interface ExecutionContext {
	readonly continueOnFail: boolean;
	delivery(itemIndex: number): DeliveryOptions;
	credential(type: string): Promise<ICredentialDataDecryptedObject>;
	/** Daily quotas found used up in this execution, by vendor, credential and API (vendorRequest). */
	readonly spent: Map<string, NodeApiError>;
}

const contexts = new WeakMap<IExecuteFunctions, ExecutionContext>();

export function executionContext(ctx: IExecuteFunctions): ExecutionContext {
	let c = contexts.get(ctx);
	if (c) return c;
	const delivery = new Map<number, DeliveryOptions>();
	const continueOnFail = ctx.continueOnFail();
	c = {
		continueOnFail,
		delivery(itemIndex) {
			let d = delivery.get(itemIndex);
			if (!d) delivery.set(itemIndex, (d = readDeliveryOptions(ctx, itemIndex)));
			return d;
		},
		credential: async (type) => await credentialFields(ctx, type),
		spent: new Map(),
	};
	contexts.set(ctx, c);
	return c;
}
