import type { IDataObject, INodeProperties } from 'n8n-workflow';
import type { ItemReader } from '../../../../shared/engine/reader';
import { keyValueMap } from '../../../../shared/schemas';
import { recordJson } from '../../helpers/conversations';
import { extOption } from '../../helpers/fields';
import type { OtherUser } from '../../helpers/relations';

/** The blocked user of a Blocklist operation (volc-sdk-golang service/im/model.go …BlackListInfosItem.BlackListUserId). */
export const BLOCKED: OtherUser = { name: 'blockedUserId', displayName: 'Blocked User ID', description: 'The user on the blocklist' };

/** BlackListUserExt: key/value pairs kept with one blocklist entry. */
export const blockExtField = (description: string): INodeProperties => ({ ...extOption, name: 'blockedUserExt', description });

export function readBlockExt(r: ItemReader, collectionName: string): Record<string, string> | undefined {
	if (!r.has(collectionName, 'blockedUserExt')) return undefined;
	const ext = r.option(collectionName, 'blockedUserExt', keyValueMap(), 'Extra Fields (Ext)', {});
	return Object.keys(ext).length ? ext : undefined;
}

/**
 * One entry of GetBlackList (BlackListInfos item; FriendUserInfo when the blocked user is also a
 * friend), in the words of the other Blocklist operations: blockedUserId, blockedUserExt.
 */
export const blockedJson = (userId: bigint) => (b: IDataObject): IDataObject => {
	const { BlackListUserId, BlackListUserExt, FriendUserInfo, ...rest } = b;
	const out: IDataObject = { userId: String(userId), blockedUserId: String(BlackListUserId), blockedUserExt: (BlackListUserExt as IDataObject) ?? {}, ...recordJson(rest) };
	if (FriendUserInfo && typeof FriendUserInfo === 'object') out.friendUserInfo = recordJson(FriendUserInfo as IDataObject);
	return out;
};
