import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { readLimit, returnAllFields } from '../../../shared/schemas';

/**
 * Return All / Limit of the IM list reads whose answers page with `HasMore` and `NextCursor`
 * (volc-sdk-golang service/im/model.go: GetUserConversationsResResult, ListFriendResResult,
 * GetBlackListResResult). ListFriend and GetBlackList document a negative NextCursor as "no more".
 */

/** Return All / Limit: one home, shared/schemas/fields.ts. */
export const limitFields: INodeProperties[] = returnAllFields();
export { readLimit };

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
