import { z } from 'zod';
import { paginate } from '../../../../shared/engine/callShapes';
import { emptyAs, Refusal, toInt64Id } from '../../../../shared/schemas';
import { tencentApi } from '../../../transport/request';
import { tencentOperation } from '../../helpers/common';
import { groupIdField, groupIdSchema } from '../../helpers/fields';
import { camelEntry, listOf, msgSeqSchema, pageSizeOptions, readLimit, readPageSize, returnAllFields } from '../../helpers/reads';
import { readTopic, topicOption } from './groupMessage';

/**
 * group_msg_get_simple — a group's history, newest first (trtc.io/document/34971;
 * doocs/qcloud-im-server-sdk-java GroupMsgGetSimpleRequest.java / RspMsgItem.java; dobyte/tencent-im
 * group/api.go FetchMessages/PullMessages). Request: GroupId, ReqMsgNumber (≤ 20), ReqMsgSeq
 * (the newest MsgSeq to return; absent = the latest), WithRecalledMsg, TopicId. Paging as dobyte
 * does it: the next page asks for ReqMsgSeq = the last returned MsgSeq − 1, in bigint so a seq
 * above 2^53 stays exact; it stops on an empty page or at MsgSeq 1.
 */

const MAX_PAGE = 20;

interface Plan {
	GroupId: string;
	start: bigint;
	withRecalled: boolean;
	topic: string | undefined;
	limit: number | undefined;
	pageSize: number;
}

export const getMessages = tencentOperation<Plan>({
	resource: 'group',
	operation: 'getMessages',
	option: { name: 'Get Messages', description: 'Get the message history of a group, newest first (group_msg_get_simple)', action: 'Get the messages of a group' },
	properties: [
		groupIdField,
		...returnAllFields(),
		pageSizeOptions(MAX_PAGE, 'Messages', [
			{ displayName: 'Before Sequence Number', name: 'reqMsgSeq', type: 'string', default: '', placeholder: '1024', description: 'Start at this MsgSeq and go back (ReqMsgSeq); empty: the newest message' },
			{ displayName: 'Include Recalled', name: 'withRecalledMsg', type: 'boolean', default: false, description: 'Whether recalled messages are returned too (WithRecalledMsg 1)' },
			topicOption,
		]),
	],
	read: (r) => ({
		GroupId: r.param('groupId', groupIdSchema, 'Group ID'),
		start: r.option('options', 'reqMsgSeq', emptyAs(msgSeqSchema), 'Before Sequence Number', '') ?? 0n,
		withRecalled: r.option('options', 'withRecalledMsg', z.boolean({ invalid_type_error: 'must be true or false' }), 'Include Recalled', false),
		topic: readTopic(r),
		limit: readLimit(r),
		pageSize: readPageSize(r, MAX_PAGE),
	}),
	shape: paginate({
		api: tencentApi('group_open_http_svc/group_msg_get_simple', true),
		vendor: 'Tencent Chat',
		noun: 'messages',
		start: (plan) => plan.start,
		limit: (plan) => plan.limit,
		pageSize: (plan) => plan.pageSize,
		body(plan, cursor, want) {
			const body: Record<string, unknown> = { GroupId: plan.GroupId, ReqMsgNumber: want };
			if (cursor > 0n) body.ReqMsgSeq = cursor;
			if (plan.withRecalled) body.WithRecalledMsg = 1;
			if (plan.topic) body.TopicId = plan.topic;
			return body;
		},
		page(result) {
			const entries = listOf(result, 'RspMsgList');
			const last = entries.length ? toInt64Id(entries[entries.length - 1].MsgSeq) : new Refusal('none');
			const next = last instanceof Refusal ? undefined : last - 1n;
			return { entries, hasMore: next !== undefined && next >= 1n, next, nextText: `ReqMsgSeq ${String(next ?? '')}` };
		},
		map: camelEntry,
	}),
	doc: {
		api: '`group_open_http_svc/group_msg_get_simple`',
		limits:
			'One item per message, newest first. Pages of up to 20 (ReqMsgNumber, the maximum); the next page starts below the last MsgSeq (kept exact); Return All or Limit. Sources: trtc.io/document/34971; doocs `GroupMsgGetSimpleRequest.java`; dobyte/tencent-im `group/api.go`.',
	},
});
