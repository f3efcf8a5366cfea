import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';
import { fanOut } from '../../../../shared/engine/callShapes';
import { countFields, entriesWith, Fate, sharedVocabulary, statusOf } from '../../../../shared/engine/outcomes';
import { intInRange, listInput } from '../../../../shared/schemas';
import { tencentApi } from '../../../transport/request';
import { tencentOperation } from '../../helpers/common';
import { groupIdField, groupIdSchema } from '../../helpers/fields';
import { tencentReason } from '../../../transport/errorReasons';

/**
 * group_msg_recall — tencent-chat.md §4.7: ≤ 10 MsgSeq per call, so any number is sent in calls
 * of 10, one after the other. Each MsgSeq ends recalled, failed (its RetCode), unknown or not sent.
 */

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

const seqList = listInput.pipe(z.array(intInRange(1, 4294967295)).min(1, 'needs at least one MsgSeq'));

export interface RecallPlan {
	groupId: string;
	seqs: number[];
	reason: string;
	/** Node version 1.1: failed entries carry `code` (as text), like every other output. */
	shared: boolean;
}

const api = tencentApi('group_open_http_svc/group_msg_recall', true);

export const recallMessages = tencentOperation<RecallPlan>({
	resource: 'group',
	operation: 'recallMessages',
	option: { name: 'Recall Messages', description: 'Recall group messages by sequence number, in calls of 10 (group_msg_recall)', action: 'Recall group messages' },
	doc: { api: '`group_open_http_svc/group_msg_recall`', limits: 'Any number of MsgSeq, in calls of ≤ 10; `RecallRetList` per MsgSeq in the output.' },
	properties,
	read: (r) => ({
		groupId: r.param('groupId', groupIdSchema, 'Group ID'),
		seqs: [...new Set(r.param<number[]>('msgSeqs', seqList, 'Message Sequence Numbers'))],
		reason: r.param('reason', z.string({ invalid_type_error: 'must be text' }), 'Reason', ''),
		shared: sharedVocabulary(r.ctx),
	}),
	shape: fanOut({
		list: (plan) => plan.seqs,
		max: () => MAX_RECALL_PER_CALL,
		ordered: true,
		noun: 'messages',
		done: 'recalled',
		async send(plan, part, _n, send) {
			const body: Record<string, unknown> = { GroupId: plan.groupId, MsgSeqList: part.map((MsgSeq) => ({ MsgSeq })) };
			if (plan.reason) body.Reason = plan.reason;
			const { result, requestId } = await send(api, body);
			const failed: Array<[string, number]> = [];
			for (const r of (result.RecallRetList ?? []) as IDataObject[]) if (Number(r.RetCode ?? 0) !== 0) failed.push([String(r.MsgSeq), Number(r.RetCode)]);
			return { failed, requestId };
		},
		output(plan, r) {
			const status = statusOf(r);
			const out: IDataObject = {
				status: status === 'sent' ? 'recalled' : status,
				groupId: plan.groupId,
				recalled: plan.seqs.filter((_, k) => r.fates[k] === Fate.Delivered),
				failed: [...r.failedCodes].map(([seq, code]) => ({ msgSeq: Number(seq), ...(plan.shared ? { code: String(code) } : { errorCode: code }), reason: tencentReason(code) })),
				calls: Math.ceil(plan.seqs.length / MAX_RECALL_PER_CALL),
				requestIds: r.requestIds,
			};
			// A call that did not go through: say which MsgSeq may or may not have been recalled.
			if (r.chunkErrors.size) Object.assign(out, countFields(r), { unknown: entriesWith(r, Fate.Unknown).map(Number), notSent: entriesWith(r, Fate.NotSent).map(Number), errors: [...r.chunkErrors.values()] });
			return out;
		},
	}),
});
