import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { z } from 'zod';
import { chunks } from '../../../../shared/batching';
import { errorItemJson, toNodeError } from '../../../../shared/errors';
import { outcomeStatus, settleFanOut, stoppedSend } from '../../../../shared/fanout';
import { readOption, readParam } from '../../../../shared/params';
import { text } from '../../../../shared/schemas';
import { tencentApiRequest } from '../../../transport/request';
import { groupIdField, groupIdSchema } from '../../helpers/fields';
import { membersField, membersSchema } from './common';
import { collection } from '../../../../shared/rules';

/**
 * delete_group_member — tencent-chat.md §6.5: ≤ 100 members per call, so any number is sent in
 * chunks. Removing a non-member succeeds. Not for AVChatRoom (10004: mute or ban instead).
 */

export const MAX_DELETE_PER_CALL = 100;

const properties: INodeProperties[] = [
	groupIdField,
	membersField('Members to remove, separated by commas or new lines, or an array from an expression. Sent in calls of 100.'),
	collection([
		{
			displayName: 'Reason',
			name: 'reason',
			type: 'string',
			default: '',
			placeholder: 'Inactive for 90 days',
			description: 'Shown in the removal notification (Reason)',
		},
		{
			displayName: 'Silent',
			name: 'silence',
			type: 'boolean',
			default: false,
			description: 'Whether to notify only the removed members, not the rest of the group (Silence)',
		},
	]),
];

export const description = updateDisplayOptions({ show: { resource: ['groupMember'], operation: ['delete'] } }, properties);

export interface DeletePlan {
	groupId: string;
	members: string[];
	silence: boolean;
	reason?: string;
}

export async function prepare(this: IExecuteFunctions, i: number): Promise<DeletePlan> {
	const reason = readOption(this, 'options', 'reason', i, text({ allowEmpty: true }), 'Reason', '');
	return {
		groupId: readParam(this, 'groupId', i, groupIdSchema, 'Group ID'),
		members: [...new Set(readParam<string[]>(this, 'members', i, membersSchema, 'Member User IDs'))],
		silence: readOption(this, 'options', 'silence', i, z.boolean({ invalid_type_error: 'must be true or false' }), 'Silent', false),
		reason: reason.trim() === '' ? undefined : reason,
	};
}

/** Changes to one group's members go out in input order. */
export function orderKey(plan: DeletePlan): string {
	return `group:${plan.groupId}`;
}

export async function executeItem(this: IExecuteFunctions, plan: DeletePlan, i: number): Promise<IDataObject> {
	const requestIds: string[] = [];
	let calls = 0;
	let sentUpTo = 0;
	for (const part of chunks(plan.members, MAX_DELETE_PER_CALL)) {
		const body: Record<string, unknown> = { GroupId: plan.groupId, MemberToDel_Account: part };
		if (plan.silence) body.Silence = 1;
		if (plan.reason !== undefined) body.Reason = plan.reason;
		try {
			calls++;
			const res = await tencentApiRequest.call(this, 'group_open_http_svc/delete_group_member', body, {
				itemIndex: i,
				idempotent: true, // removing a non-member succeeds (§6.5)
			});
			if (res.RequestId) requestIds.push(res.RequestId as string);
			sentUpTo += part.length;
		} catch (error) {
			// Report what happened instead of hiding it behind the error: members of a call whose answer
			// was lost are unknown, not "not sent". Nothing removed: the item fails with this summary.
			const stop = stoppedSend(plan.members.length, sentUpTo, MAX_DELETE_PER_CALL, error);
			const summary: IDataObject = {
				status: outcomeStatus(stop.counts),
				groupId: plan.groupId,
				removed: plan.members.slice(0, sentUpTo),
				unknown: plan.members.slice(sentUpTo, stop.unknownUpTo),
				notSent: plan.members.slice(stop.unknownUpTo),
				error: errorItemJson(toNodeError(this.getNode(), error, i)),
				calls,
				requestIds,
			};
			return settleFanOut(this, i, stop, summary, 'members', 'removed');
		}
	}
	return { status: 'removed', groupId: plan.groupId, removed: plan.members, removedCount: plan.members.length, calls, requestIds };
}
