import type { IDataObject } from 'n8n-workflow';
import { paginate } from '../../../../shared/engine/callShapes';
import { tencentApi } from '../../../transport/request';
import { tencentOperation } from '../../helpers/common';
import { userId } from '../../helpers/fields';
import { camelEntry, listOf, readLimit, returnAllFields } from '../../helpers/reads';
import { contactJson, ownerField } from './common';

/**
 * recentcontact/get_list — a user's conversation list, page by page (trtc.io/document/43087;
 * doocs/qcloud-im-server-sdk-java GetRecentContactListRequest.java / …Result.java; dobyte/tencent-im
 * recentcontact/types.go). Request: From_Account, TimeStamp, StartIndex, TopTimeStamp,
 * TopStartIndex (all 0 on the first page; then the answer's values), AssistFlags — the newest page
 * says to send 63 for complete data (bits: pinned conversations, empty conversations, paging of
 * pinned ones, …). Stops at CompleteFlag 1. The four cursor numbers travel as one text cursor.
 */

const CURSOR = ['TimeStamp', 'StartIndex', 'TopTimeStamp', 'TopStartIndex'] as const;

export const getMany = tencentOperation<{ From_Account: string; limit: number | undefined }>({
	resource: 'conversation',
	operation: 'getMany',
	option: { name: 'Get Many', description: "Get a user's conversation list (get_list)", action: 'Get the conversations of a user' },
	properties: [ownerField, ...returnAllFields()],
	read: (r) => ({ From_Account: r.param('fromAccount', userId, 'User ID'), limit: readLimit(r) }),
	shape: paginate({
		api: tencentApi('recentcontact/get_list', true),
		vendor: 'Tencent Chat',
		noun: 'conversations',
		start: () => '0|0|0|0',
		limit: (plan) => plan.limit,
		pageSize: () => 100,
		body(plan, cursor) {
			const at = cursor.split('|').map(Number);
			return { From_Account: plan.From_Account, ...Object.fromEntries(CURSOR.map((k, i) => [k, at[i]])), AssistFlags: 63 };
		},
		page: (result) => {
			const next = CURSOR.map((k) => String(result[k] ?? 0)).join('|');
			return { entries: listOf(result, 'SessionItem'), hasMore: Number(result.CompleteFlag ?? 1) === 0, next, nextText: next };
		},
		map: (e: IDataObject) => {
			const out: IDataObject = { ...camelEntry(e), ...contactJson(e), pinned: Number(e.TopFlag ?? 0) === 1 };
			delete out.toAccount; // shown as `peer`
			return out;
		},
	}),
	doc: {
		api: '`recentcontact/get_list`',
		limits: 'One item per conversation (one-to-one peer or group, time, pinned, marks and groups when present). Pages with the four cursors of the answer until CompleteFlag 1; Return All or Limit. 200 calls/s. Sources: trtc.io/document/43087; doocs `GetRecentContactListRequest.java`; dobyte/tencent-im `recentcontact/types.go`.',
	},
});
