import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { credentialFields } from '../../../shared/credentialIdentity';
import { parseField } from '../../../shared/errors';
import { intInRange } from '../../../shared/schemas';
import { VOLCENGINE_CREDENTIAL } from '../../transport/request';

const appIdSchema = intInRange(1, Number.MAX_SAFE_INTEGER);

/** The item's App ID, or the credential's Default App ID when the field is empty. */
export async function resolveAppId(ctx: IExecuteFunctions, itemIndex: number): Promise<number> {
	const node = ctx.getNode();
	let raw = ctx.getNodeParameter('appId', itemIndex, '') as unknown;
	if (raw === '' || raw === undefined || raw === null) {
		const fallback = String((await credentialFields(ctx, VOLCENGINE_CREDENTIAL)).defaultAppId ?? '').trim();
		if (fallback === '') {
			throw new NodeOperationError(node, `"App ID" is required in item ${itemIndex}`, {
				itemIndex,
				description: 'Set App ID on the node, or a Default App ID in the Volcengine RTC credential.',
			});
		}
		raw = fallback;
	}
	return parseField(node, appIdSchema, raw, 'App ID', itemIndex);
}
