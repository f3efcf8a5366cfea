import { defineOperation, type OperationSpec } from '../../../shared/engine/defineOperation';
import { tencentAdapter, type TencentApi } from '../../transport/request';

/** A Tencent Chat operation: `defineOperation` with the Tencent adapter (transport/request.ts). */
export const tencentOperation = <P>(spec: Omit<OperationSpec<P, TencentApi>, 'vendor'>) => defineOperation<P, TencentApi>({ ...spec, vendor: tencentAdapter });

/** A request body built by `read` and sent as is. */
export type Body = Record<string, unknown>;

/** The answer's RequestId, or null: every output carries it. */
export const requestIdOf = (answer: { requestId?: string }): string | null => answer.requestId ?? null;
