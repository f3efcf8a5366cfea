import { imApi } from '../../../transport/request';
import { volcengineOperation } from '../../helpers/common';
import { readRelation, relationBody, relationCalls, relationProperties } from '../../helpers/relations';
import { BLOCKED } from './common';

/** IsInBlackList — volc-sdk-golang service/im/model.go IsInBlackListBody ("一次最多校验 10 个用户") / IsInBlackListInfos (uid → bool). */

export const check = volcengineOperation({
	resource: 'blocklist',
	operation: 'check',
	option: { name: 'Check', description: "Whether users are on a user's blocklist, many items per call (IsInBlackList)", action: 'Check a blocklist' },
	properties: relationProperties('User whose blocklist to check', BLOCKED),
	read: async (r) => await readRelation(r, BLOCKED),
	shape: relationCalls(async (call, send) => {
		const { result, requestId } = await send(imApi('IsInBlackList', true), { ...relationBody(call[0].plan), BlackListUserIds: call.map(({ plan }) => plan.otherId) });
		const answers = (result.IsInBlackListInfos ?? {}) as Record<string, unknown>;
		return call.map(({ plan }) => {
			const v = answers[String(plan.otherId)];
			return { userId: String(plan.userId), blockedUserId: String(plan.otherId), blocked: typeof v === 'boolean' ? v : null, requestId: requestId ?? null };
		});
	}),
	doc: { api: 'IsInBlackList', limits: 'One pair per item; items of the same user share a call of up to 10 (volc-sdk-golang `service/im/model.go` IsInBlackListBody). `blocked: null` when the answer leaves the user out. QPS not documented (paced at 50/s).' },
});
