import type { IDataObject } from 'n8n-workflow';
import { imApi } from '../../../transport/request';
import { volcengineOperation } from '../../helpers/common';
import { readRelation, relationBody, relationCalls, relationProperties } from '../../helpers/relations';
import { FRIEND } from './common';

/** IsFriend — volc-sdk-golang service/im/model.go IsFriendBody ("一次最多检验 10 个用户") / IsFriendResResultInfosItem. */

export const check = volcengineOperation({
	resource: 'friend',
	operation: 'check',
	option: { name: 'Check', description: 'Whether users are friends, many items per call (IsFriend)', action: 'Check a friendship' },
	properties: relationProperties('User whose friend list to check', FRIEND),
	read: async (r) => await readRelation(r, FRIEND),
	shape: relationCalls(async (call, send) => {
		const { result, requestId } = await send(imApi('IsFriend', true), { ...relationBody(call[0].plan), FriendUserIds: call.map(({ plan }) => plan.otherId) });
		const answers = new Map(((Array.isArray(result.Infos) ? result.Infos : []) as IDataObject[]).map((i) => [String(i.FriendUserId), i.IsFriend === true]));
		return call.map(({ plan }) => ({
			userId: String(plan.userId),
			friendUserId: String(plan.otherId),
			isFriend: answers.get(String(plan.otherId)) ?? null,
			requestId: requestId ?? null,
		}));
	}),
	doc: { api: 'IsFriend', limits: 'One pair per item; items of the same user share a call of up to 10 (volc-sdk-golang `service/im/model.go` IsFriendBody). `isFriend: null` when the answer leaves the pair out. QPS not documented (paced at 50/s).' },
});
