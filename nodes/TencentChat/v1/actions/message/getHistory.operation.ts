import { paginate } from '../../../../shared/engine/callShapes';
import { intInRange } from '../../../../shared/schemas';
import { tencentApi } from '../../../transport/request';
import { tencentOperation } from '../../helpers/common';
import { userId } from '../../helpers/fields';
import { camelEntry, listOf, pageSizeOptions, readLimit, readPageSize, returnAllFields } from '../../helpers/reads';

/**
 * admin_getroammsg — the one-to-one history between two users in a time window, newest first, from
 * one user's point of view (trtc.io/document/35478; doocs/qcloud-im-server-sdk-java
 * AdminGetRoamMsgRequest.java / AdminRoamMsgResult.java; dobyte/tencent-im private/api.go
 * PullMessages). Request: Operator_Account, Peer_Account, MaxCnt, MinTime, MaxTime, LastMsgKey.
 * Paging: while Complete is 0, ask again with MaxTime = the answer's LastMsgTime and LastMsgKey =
 * its LastMsgKey. The cursor is kept as "MaxTime|LastMsgKey" text, so a repeated cursor is caught.
 * MsgSeq, MsgRandom and MsgKey are returned as text.
 */

const MAX_PAGE = 100; // the page's example asks for 100; no larger value is documented

interface Plan {
	Operator_Account: string;
	Peer_Account: string;
	MinTime: number;
	MaxTime: number;
	limit: number | undefined;
	pageSize: number;
}

const time = (displayName: string, name: string, min: number, description: string) => ({
	displayName,
	name,
	type: 'number' as const,
	default: min === 0 ? 0 : '',
	required: true,
	typeOptions: { minValue: min, maxValue: 4294967295, numberPrecision: 0 },
	placeholder: '1700000000',
	description,
});

export const getHistory = tencentOperation<Plan>({
	resource: 'message',
	operation: 'getHistory',
	option: { name: 'Get History', description: 'Get the one-to-one messages between two users in a time window (admin_getroammsg)', action: 'Get one to one message history' },
	properties: [
		{ displayName: 'User ID', name: 'operatorAccount', type: 'string', default: '', required: true, placeholder: 'user_1001', description: 'Whose view of the conversation is read (Operator_Account)' },
		{ displayName: 'Peer User ID', name: 'peerAccount', type: 'string', default: '', required: true, placeholder: 'user_1002', description: 'The other user (Peer_Account)' },
		time('From Time', 'minTime', 0, 'Oldest message time, UNIX seconds, 0 to 4294967295 (MinTime)'),
		time('To Time', 'maxTime', 1, 'Newest message time, UNIX seconds, 1 to 4294967295 (MaxTime)'),
		...returnAllFields(),
		pageSizeOptions(MAX_PAGE, 'Messages'),
	],
	read(r) {
		const plan: Plan = {
			Operator_Account: r.param('operatorAccount', userId, 'User ID'),
			Peer_Account: r.param('peerAccount', userId, 'Peer User ID'),
			MinTime: r.param('minTime', intInRange(0, 4294967295), 'From Time'),
			MaxTime: r.param('maxTime', intInRange(1, 4294967295), 'To Time'),
			limit: readLimit(r),
			pageSize: readPageSize(r, MAX_PAGE),
		};
		if (plan.MinTime > plan.MaxTime) r.fail(`Invalid "From Time" in item ${r.itemIndex}: ${plan.MinTime} is after To Time ${plan.MaxTime}`);
		return plan;
	},
	shape: paginate({
		api: tencentApi('openim/admin_getroammsg', true),
		vendor: 'Tencent Chat',
		noun: 'messages',
		start: (plan) => `${plan.MaxTime}|`,
		limit: (plan) => plan.limit,
		pageSize: (plan) => plan.pageSize,
		body(plan, cursor, want) {
			const [maxTime, lastKey] = [cursor.slice(0, cursor.indexOf('|')), cursor.slice(cursor.indexOf('|') + 1)];
			const body: Record<string, unknown> = { Operator_Account: plan.Operator_Account, Peer_Account: plan.Peer_Account, MaxCnt: want, MinTime: plan.MinTime, MaxTime: Number(maxTime) };
			if (lastKey) body.LastMsgKey = lastKey;
			return body;
		},
		page: (result) => ({
			entries: listOf(result, 'MsgList'),
			hasMore: Number(result.Complete ?? 1) === 0,
			next: result.LastMsgKey ? `${String(result.LastMsgTime)}|${String(result.LastMsgKey)}` : undefined,
			nextText: `LastMsgTime ${String(result.LastMsgTime)}, LastMsgKey ${String(result.LastMsgKey ?? '')}`,
		}),
		map: camelEntry,
	}),
	doc: {
		api: '`openim/admin_getroammsg`',
		limits:
			'One item per message, newest first. Pages of up to 100 (MaxCnt; Page Size) following LastMsgTime/LastMsgKey until Complete 1; Return All or Limit. A cursor that does not move stops the item. Recalled messages are included (MsgFlagBits). Sources: trtc.io/document/35478; doocs `AdminGetRoamMsgRequest.java`; dobyte/tencent-im `private/api.go`.',
	},
});
