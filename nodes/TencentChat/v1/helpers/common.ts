import { defineOperation, type DefinedOperation, type OperationSpec } from '../../../shared/engine/defineOperation';
import { tencentAdapter, type TencentApi } from '../../transport/request';

/** A Tencent Chat operation: `defineOperation` with the Tencent adapter (transport/request.ts). */
export const tencentOperation = <P>(spec: Omit<OperationSpec<P, TencentApi>, 'vendor'>) => defineOperation<P, TencentApi>({ ...spec, vendor: tencentAdapter });

/** A request body built by `read` and sent as is. */
export type Body = Record<string, unknown>;

/** The answer's RequestId, or null: every output carries it. */
export const requestIdOf = (answer: { requestId?: string }): string | null => answer.requestId ?? null;

/**
 * An operation module written against the router's contract directly (`description`, `prepare`,
 * `executeItem` or `executeBatch`, `orderKey`) — code that does more than a call shape — with its
 * entry in the Operation selector, so `defineResource` lists it like a declaration.
 */
export function contractOperation<P>(
	option: { name: string; value: string; description: string; action: string },
	m: Pick<DefinedOperation<P>, 'description' | 'prepare' | 'executeItem' | 'executeBatch' | 'orderKey'>,
): DefinedOperation<P> {
	const op: DefinedOperation<P> = { value: option.value, option, description: m.description, prepare: m.prepare };
	if (m.executeItem) op.executeItem = m.executeItem;
	if (m.executeBatch) op.executeBatch = m.executeBatch;
	if (m.orderKey) op.orderKey = m.orderKey;
	return op;
}
