import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';
import { paginate, single } from '../../../../shared/engine/callShapes';
import { listInput } from '../../../../shared/schemas';
import { tencentApi } from '../../../transport/request';
import { requestIdOf, tencentOperation } from '../../helpers/common';
import { groupIdField, groupIdSchema } from '../../helpers/fields';
import { camelEntry, listOf, msgSeqSchema, pageSizeOptions, readLimit, readPageSize, returnAllFields } from '../../helpers/reads';
import { groupMessageFields, readGroupMessage } from './groupMessage';

/**
 * Group read receipts (Pro editions with group read receipts switched on; not audio-video or
 * community groups). get_group_msg_receipt (trtc.io/document/49439; doocs
 * GetGroupMsgReceiptRequest.java, GroupMsgReceiptResultItem.java): GroupId, MsgSeqList[{MsgSeq}] →
 * per message ReadNum, UnreadNum and its own Code. get_group_msg_receipt_detail (49438; doocs
 * GetGroupMsgReceiptDetailRequest.java / …Result.java): GroupId, MsgSeq, Filter (0 read, 1 unread),
 * Cursor (text, "" first), Count (≤ 200) → ReadList / UnreadList, Cursor, IsFinished.
 */

const seqList = listInput.pipe(z.array(msgSeqSchema).min(1, 'needs at least one MsgSeq'));

export const getReadReceipts = tencentOperation<{ GroupId: string; seqs: bigint[] }>({
	resource: 'group',
	operation: 'getReadReceipts',
	option: { name: 'Get Read Receipts', description: 'Get how many members have read group messages (get_group_msg_receipt)', action: 'Get read receipts of group messages' },
	properties: [
		groupIdField,
		{ displayName: 'Message Sequence Numbers', name: 'msgSeqs', type: 'string', default: '', required: true, placeholder: '101, 102', description: 'MsgSeq values, separated by commas, or an array from an expression; one call per item' },
	],
	read: (r) => ({ GroupId: r.param('groupId', groupIdSchema, 'Group ID'), seqs: [...new Set(r.param<bigint[]>('msgSeqs', seqList, 'Message Sequence Numbers'))] }),
	shape: single({
		api: tencentApi('group_open_http_svc/get_group_msg_receipt', true),
		body: (plan) => ({ GroupId: plan.GroupId, MsgSeqList: plan.seqs.map((MsgSeq) => ({ MsgSeq })) }),
		output: (plan, answer) =>
			listOf(answer.result, 'GroupMsgReceiptList').map((e): IDataObject => {
				const code = Number(e.Code ?? 0);
				return { groupId: plan.GroupId, ...camelEntry(e), code: String(code), ...(code ? { status: 'failed', reason: 'refused by Tencent Chat for this message' } : {}), requestId: requestIdOf(answer) };
			}),
	}),
	doc: {
		api: '`group_open_http_svc/get_group_msg_receipt`',
		limits:
			'One output item per message (read and unread counts, the per-message code). All MsgSeq of an item go in one call (no per-call maximum is documented). Pro editions with group read receipts on; not AVChatRoom/Community. Sources: trtc.io/document/49439; doocs `GetGroupMsgReceiptRequest.java`.',
	},
});

const MAX_DETAIL = 200;
const FILTER = { read: 0, unread: 1 } as const;

interface DetailPlan {
	target: Record<string, unknown>;
	echo: IDataObject;
	filter: keyof typeof FILTER;
	limit: number | undefined;
	pageSize: number;
}

export const getReadReceiptDetails = tencentOperation<DetailPlan>({
	resource: 'group',
	operation: 'getReadReceiptDetails',
	option: { name: 'Get Read Receipt Details', description: 'Get the members who have or have not read a group message (get_group_msg_receipt_detail)', action: 'Get who read a group message' },
	properties: [
		...groupMessageFields('to check'),
		{
			displayName: 'Members',
			name: 'filter',
			type: 'options',
			default: 'read',
			options: [
				{ name: 'Who Read It', value: 'read', description: 'Filter 0' },
				{ name: 'Who Did Not Read It', value: 'unread', description: 'Filter 1' },
			],
		},
		...returnAllFields(),
		pageSizeOptions(MAX_DETAIL, 'Members'),
	],
	read: (r) => ({
		...readGroupMessage(r),
		filter: r.param('filter', z.enum(['read', 'unread']), 'Members', 'read'),
		limit: readLimit(r),
		pageSize: readPageSize(r, MAX_DETAIL),
	}),
	shape: paginate({
		api: tencentApi('group_open_http_svc/get_group_msg_receipt_detail', true),
		vendor: 'Tencent Chat',
		noun: 'members',
		start: () => '',
		limit: (plan) => plan.limit,
		pageSize: (plan) => plan.pageSize,
		body: (plan, cursor, want) => ({ ...plan.target, Filter: FILTER[plan.filter], Cursor: cursor, Count: want }),
		page: (result) => ({
			entries: [...listOf(result, 'ReadList').map((e) => ({ msgSeq: String(result.MsgSeq), account: e.Read_Account, read: true })), ...listOf(result, 'UnreadList').map((e) => ({ msgSeq: String(result.MsgSeq), account: e.Unread_Account, read: false }))],
			hasMore: Number(result.IsFinished ?? 1) === 0,
			next: typeof result.Cursor === 'string' && result.Cursor !== '' ? result.Cursor : undefined,
			nextText: String(result.Cursor ?? ''),
		}),
		map: (e) => e,
	}),
	doc: {
		api: '`group_open_http_svc/get_group_msg_receipt_detail`',
		limits: 'One item per member. Pages of up to 200 (Count) following Cursor until IsFinished 1; Return All or Limit. Same edition and group-type limits as Get Read Receipts. Sources: trtc.io/document/49438; doocs `GetGroupMsgReceiptDetailRequest.java`.',
	},
});
