import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { z } from 'zod';
import { chunks } from '../../../../shared/batching';
import { readParam } from '../../../../shared/params';
import { intInRange, listInput } from '../../../../shared/schemas';
import { tencentApiRequest } from '../../../transport/request';
import { groupIdField, groupIdSchema } from '../../helpers/fields';

/** group_msg_recall — tencent-chat.md §4.7: ≤ 10 MsgSeq per call, so any number is sent in chunks. */

export const MAX_RECALL_PER_CALL = 10;

const properties: INodeProperties[] = [
	groupIdField,
	{
		displayName: 'Message Sequence Numbers',
		name: 'msgSeqs',
		type: 'string',
		default: '',
		required: true,
		placeholder: '101, 102, 103',
		description: 'MsgSeq values from Send Message output, separated by commas, or an array from an expression. Sent in calls of 10.',
	},
	{ displayName: 'Reason', name: 'reason', type: 'string', default: '', description: 'Recall reason shown to members' },
];

export const description = updateDisplayOptions({ show: { resource: ['group'], operation: ['recallMessages'] } }, properties);

const seqList = listInput.pipe(z.array(intInRange(1, 4294967295)).min(1, 'needs at least one MsgSeq'));

export interface RecallPlan {
	groupId: string;
	seqs: number[];
	reason: string;
}

export async function prepare(this: IExecuteFunctions, i: number): Promise<RecallPlan> {
	return {
		groupId: readParam(this, 'groupId', i, groupIdSchema, 'Group ID'),
		seqs: [...new Set(readParam<number[]>(this, 'msgSeqs', i, seqList, 'Message Sequence Numbers'))],
		reason: readParam(this, 'reason', i, z.string({ invalid_type_error: 'must be text' }), 'Reason', ''),
	};
}

export async function executeItem(this: IExecuteFunctions, plan: RecallPlan, i: number): Promise<IDataObject> {
	const recalled: number[] = [];
	const failed: IDataObject[] = [];
	const requestIds: string[] = [];
	for (const part of chunks(plan.seqs, MAX_RECALL_PER_CALL)) {
		const body: Record<string, unknown> = { GroupId: plan.groupId, MsgSeqList: part.map((MsgSeq) => ({ MsgSeq })) };
		if (plan.reason) body.Reason = plan.reason;
		const res = await tencentApiRequest.call(this, 'group_open_http_svc/group_msg_recall', body, { itemIndex: i, idempotent: true });
		if (res.RequestId) requestIds.push(res.RequestId as string);
		const rets = new Map<number, number>();
		for (const r of (res.RecallRetList ?? []) as IDataObject[]) rets.set(Number(r.MsgSeq), Number(r.RetCode ?? 0));
		for (const seq of part) {
			const code = rets.get(seq) ?? 0;
			if (code === 0) recalled.push(seq);
			else failed.push({ msgSeq: seq, errorCode: code });
		}
	}
	return {
		status: failed.length === 0 ? 'recalled' : recalled.length ? 'partial' : 'failed',
		groupId: plan.groupId,
		recalled,
		failed,
		calls: Math.ceil(plan.seqs.length / MAX_RECALL_PER_CALL),
		requestIds,
	};
}
