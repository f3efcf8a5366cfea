import { defineOperation, type OperationSpec } from '../../../shared/engine/defineOperation';
import { executionContext } from '../../../shared/engine/context';
import type { ItemReader } from '../../../shared/engine/reader';
import { parseField } from '../../../shared/errors';
import { nodeOf, nodeParameter } from '../../../shared/params';
import { intInRange } from '../../../shared/schemas';
import { VOLCENGINE_CREDENTIAL, volcengineAdapter, type VolcengineApi } from '../../transport/request';

/** A Volcengine operation: `defineOperation` with the Volcengine adapter (transport/request.ts). */
export const volcengineOperation = <P>(spec: Omit<OperationSpec<P, VolcengineApi>, 'vendor'>) =>
	defineOperation<P, VolcengineApi>({ ...spec, vendor: volcengineAdapter });

/** A request body built by `read` and sent as is. */
export type Body = Record<string, unknown>;

const appIdSchema = intInRange(1, Number.MAX_SAFE_INTEGER);

/** The last valid Default App ID parsed (the credential's text and its value). */
let lastDefault: { raw?: string; value: number } = { value: 0 };

/** The item's App ID, or the credential's Default App ID when the field is empty. */
export async function resolveAppId(r: ItemReader): Promise<number> {
	const node = nodeOf(r.ctx);
	let raw = nodeParameter(r.ctx, 'appId', r.itemIndex, '');
	// Set on the node: read as a parameter (a fixed App ID is validated once per execution)
	if (raw !== '' && raw !== undefined && raw !== null) return r.param('appId', appIdSchema, 'App ID', '');
	{
		const fallback = String((await executionContext(r.ctx).credential(VOLCENGINE_CREDENTIAL)).defaultAppId ?? '').trim();
		if (fallback === '') {
			r.fail(`"App ID" is required in item ${r.itemIndex}`, 'Set App ID on the node, or a Default App ID in the Volcengine RTC credential.');
		}
		raw = fallback;
	}
	// The credential's Default App ID is the same text for every item: its valid parse is kept (a bad
	// one is parsed, and fails with its item, every time).
	if (typeof raw === 'string' && raw === lastDefault.raw) return lastDefault.value;
	const value = parseField(node, appIdSchema, raw, 'App ID', r.itemIndex);
	if (typeof raw === 'string') lastDefault = { raw, value };
	return value;
}

