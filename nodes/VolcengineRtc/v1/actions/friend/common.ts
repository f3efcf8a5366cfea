import type { IDataObject } from 'n8n-workflow';
import { recordJson } from '../../helpers/conversations';
import type { OtherUser } from '../../helpers/relations';

/** The friend of a Friend operation (volc-sdk-golang service/im/model.go AddFriendBody.FriendUserIds …). */
export const FRIEND: OtherUser = { name: 'friendUserId', displayName: 'Friend User ID', description: 'The friend' };

/** One friend of ListFriend (FriendInfos item), owner included. */
export const friendJson = (userId: bigint) => (f: IDataObject): IDataObject => ({ userId: String(userId), ...recordJson(f) });
