import type { IDataObject } from 'n8n-workflow';
import { paginate } from '../../../../shared/engine/callShapes';
import { readLimit, returnAllFields } from '../../../../shared/schemas';
import { tencentApi, type TencentApi } from '../../../transport/request';
import { tencentOperation } from '../../helpers/common';
import { userId } from '../../helpers/fields';
import { withAccount } from '../../helpers/sns';
import { friendData, owner } from './common';

interface Plan {
	account: string;
	limit: number | undefined;
}

/**
 * friend_get — tencentcloud.com/document/product/1047/34908: pages of friends chosen by the server
 * (up to 500 per page on the current page); StartIndex ← NextStartIndex until CompleteFlag ≠ 0.
 * StandardSequence/CustomSequence stay 0 so every page carries the friends' data
 * (dobyte/tencent-im sns/types.go fetchFriendsReq/Resp; doocs FriendGetRequest.java, FriendGetResult.java).
 */
const pages = paginate<Plan, number, TencentApi>({
	api: tencentApi('sns/friend_get', true),
	start: () => 0,
	limit: (plan) => plan.limit,
	pageSize: () => 500,
	body: (plan, start) => ({ From_Account: plan.account, StartIndex: start, StandardSequence: 0, CustomSequence: 0 }),
	page: (res) => ({
		entries: (res.UserDataItem ?? []) as IDataObject[],
		hasMore: Number(res.CompleteFlag ?? 1) === 0,
		next: res.NextStartIndex === undefined ? undefined : Number(res.NextStartIndex),
		nextText: String(res.NextStartIndex ?? ''),
	}),
	map: (e) => ({ friend: String(e.To_Account), ...friendData(e.ValueItem) }) as IDataObject,
	noun: 'friends',
	vendor: 'Tencent Chat',
});

export const getMany = tencentOperation<Plan>({
	resource: 'friend',
	operation: 'getMany',
	option: { name: 'Get Many', description: 'Get the friends of a user, page by page (friend_get)', action: 'Get many friends' },
	properties: [{ ...owner, description: 'The user whose friends to list (From_Account)' }, ...returnAllFields()],
	read: (r) => ({ account: r.param('account', userId, 'User ID'), limit: readLimit(r) }),
	doc: {
		api: '`sns/friend_get`',
		limits:
			'One item per friend. Pages are sized by Tencent (up to 500); Return All follows NextStartIndex until CompleteFlag, Limit stops early. 200 calls/s. Sources: tencentcloud.com 1047/34908, dobyte/tencent-im `sns/types.go`, doocs `FriendGetResult.java`.',
	},
	shape: withAccount(pages, (plan) => plan.account),
});
