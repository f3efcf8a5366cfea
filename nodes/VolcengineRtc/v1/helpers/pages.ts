import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';
import type { ItemReader } from '../../../shared/engine/reader';
import { intInRange } from '../../../shared/schemas';

/**
 * Return All / Limit of the IM list reads whose answers page with `HasMore` and `NextCursor`
 * (volc-sdk-golang service/im/model.go: GetUserConversationsResResult, ListFriendResResult,
 * GetBlackListResResult). ListFriend and GetBlackList document a negative NextCursor as "no more".
 */

export const limitFields: INodeProperties[] = [
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		default: 50,
		typeOptions: { minValue: 1, numberPrecision: 0 },
		displayOptions: { show: { returnAll: [false] } },
		description: 'Max number of results to return',
	},
];

/** undefined = Return All. */
export function readLimit(r: ItemReader): number | undefined {
	const returnAll = r.param('returnAll', z.boolean({ invalid_type_error: 'must be true or false' }), 'Return All', false);
	return returnAll ? undefined : r.param('limit', intInRange(1, Number.MAX_SAFE_INTEGER), 'Limit', 50);
}

/** One page: the entries under `listKey`, HasMore (false once NextCursor is negative), NextCursor as a bigint. */
export function nextCursorPage(result: IDataObject, listKey: string) {
	const nextText = String(result.NextCursor ?? '');
	const next = /^-?\d+$/.test(nextText) ? BigInt(nextText) : undefined;
	return {
		entries: (Array.isArray(result[listKey]) ? result[listKey] : []) as IDataObject[],
		hasMore: result.HasMore === true && (next === undefined || next >= 0n),
		next,
		nextText,
	};
}
