import type { IExecuteFunctions } from 'n8n-workflow';
import { credentialFields } from '../../../shared/credentialIdentity';
import { sharedVocabulary } from '../../../shared/engine/outcomes';
import { defineOperation, type OperationSpec } from '../../../shared/engine/defineOperation';
import { tencentAdapter, type TencentApi } from '../../transport/request';

/** A Tencent Chat operation: `defineOperation` with the Tencent adapter (transport/request.ts). */
export const tencentOperation = <P>(spec: Omit<OperationSpec<P, TencentApi>, 'vendor'>) => defineOperation<P, TencentApi>({ ...spec, vendor: tencentAdapter });

/** A request body built by `read` and sent as is. */
export type Body = Record<string, unknown>;

/** The answer's RequestId, or null: every output carries it. */
export const requestIdOf = (answer: { requestId?: string }): string | null => answer.requestId ?? null;

/**
 * Who a message is from, as the output says it (node version 1.1): the sender given, else the app
 * admin of the credential — Tencent sends as the app admin when From_Account is left out
 * (tencent-chat.md §4.1). Version 1 says `null` then.
 */
export async function shownSender(ctx: IExecuteFunctions, from: string | undefined): Promise<string | null> {
	if (from) return from;
	if (!sharedVocabulary(ctx)) return null;
	const admin = (await credentialFields(ctx, 'tencentChatApi')).adminUserId;
	return typeof admin === 'string' && admin !== '' ? admin : 'administrator';
}
