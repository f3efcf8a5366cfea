import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { z } from 'zod';
import { chunks } from '../../../../shared/batching';
import { errorItemJson, toNodeError } from '../../../../shared/errors';
import { fanOutFails, outcomeStatus, settleFanOut, stoppedSend } from '../../../../shared/fanout';
import { readOption, readParam } from '../../../../shared/params';
import { intInRange } from '../../../../shared/schemas';
import { tencentApiRequest } from '../../../transport/request';
import { groupIdField, groupIdSchema } from '../../helpers/fields';
import { membersField, membersSchema, outputOption } from './common';
import { collection } from '../../../../shared/rules';

/**
 * add_group_member — tencent-chat.md §6.4. The per-call limit is 300 (English page) or 20 (newest
 * Chinese page): calls of 20 by default, configurable up to 300. Each member's Result (0 failed,
 * 1 added, 2 already a member, 3 waiting for the invitee) is reported. Not for AVChatRoom (10007).
 */

export const DEFAULT_ADD_BATCH = 20;
export const MAX_ADD_BATCH = 300;

const RESULTS: Record<number, string> = { 0: 'failed', 1: 'added', 2: 'alreadyMember', 3: 'pendingConfirmation', 4: 'overLimit' };

const properties: INodeProperties[] = [
	groupIdField,
	membersField('Imported users to add, separated by commas or new lines, or an array from an expression. Sent in calls of 20 (see Batch Size).'),
	collection([
		{
			displayName: 'Batch Size',
			name: 'batchSize',
			type: 'number',
			default: DEFAULT_ADD_BATCH,
			typeOptions: { minValue: 1, maxValue: MAX_ADD_BATCH, numberPrecision: 0 },
			description:
				'Members per call. Tencent documents 20 (newest Chinese page) or 300 (English page); raise it only if your app accepts more.',
		},
		outputOption('members'),
		{
			displayName: 'Silent',
			name: 'silence',
			type: 'boolean',
			default: false,
			description: 'Whether to add the members without a system notification to anyone (Silence)',
		},
	]),
];

export const description = updateDisplayOptions({ show: { resource: ['groupMember'], operation: ['add'] } }, properties);

export interface AddPlan {
	groupId: string;
	members: string[];
	batchSize: number;
	silence: boolean;
	output: 'summary' | 'perMember';
}

export async function prepare(this: IExecuteFunctions, i: number): Promise<AddPlan> {
	return {
		groupId: readParam(this, 'groupId', i, groupIdSchema, 'Group ID'),
		// A member listed twice would make the per-member results ambiguous: each is sent once.
		members: [...new Set(readParam<string[]>(this, 'members', i, membersSchema, 'Member User IDs'))],
		batchSize: readOption(this, 'options', 'batchSize', i, intInRange(1, MAX_ADD_BATCH), 'Batch Size', DEFAULT_ADD_BATCH),
		silence: readOption(this, 'options', 'silence', i, z.boolean({ invalid_type_error: 'must be true or false' }), 'Silent', false),
		output: readOption(this, 'options', 'output', i, z.enum(['summary', 'perMember']), 'Output', 'summary'),
	};
}

/** Changes to one group's members go out in input order. */
export function orderKey(plan: AddPlan): string {
	return `group:${plan.groupId}`;
}

export async function executeItem(this: IExecuteFunctions, plan: AddPlan, i: number): Promise<IDataObject | IDataObject[]> {
	const results = new Map<string, number | null>();
	const requestIds: string[] = [];
	let calls = 0;
	let sentUpTo = 0;
	let failure: IDataObject | undefined;
	let firstError: unknown;
	for (const part of chunks(plan.members, plan.batchSize)) {
		const body: Record<string, unknown> = { GroupId: plan.groupId, MemberList: part.map((Member_Account) => ({ Member_Account })) };
		if (plan.silence) body.Silence = 1;
		try {
			calls++;
			const res = await tencentApiRequest.call(this, 'group_open_http_svc/add_group_member', body, {
				itemIndex: i,
				idempotent: true, // a repeat finds the members already added (Result 2) and adds nobody twice
			});
			if (res.RequestId) requestIds.push(res.RequestId as string);
			const got = new Map<string, number>();
			for (const m of (res.MemberList ?? []) as IDataObject[]) got.set(String(m.Member_Account), Number(m.Result));
			for (const member of part) results.set(member, got.get(member) ?? null);
			sentUpTo += part.length;
		} catch (error) {
			firstError = error;
			failure = errorItemJson(toNodeError(this.getNode(), error, i));
			break;
		}
	}
	const stop = stoppedSend(plan.members.length, failure ? sentUpTo : undefined, plan.batchSize, firstError);
	// A call whose answer was lost may have been processed: its members are unknown, not "not sent".
	const unknown = plan.members.slice(sentUpTo, stop.unknownUpTo);
	const notSent = plan.members.slice(stop.unknownUpTo);
	const label = (code: number | null | undefined) => (code === null || code === undefined ? 'unknown' : (RESULTS[code] ?? 'unknown'));
	if (plan.output === 'perMember' && !fanOutFails(stop)) {
		const lost = new Set(unknown);
		return plan.members.map((member) => {
			if (!results.has(member)) return { groupId: plan.groupId, member, result: lost.has(member) ? 'unknown' : 'notSent', resultCode: null, error: failure ?? null };
			const code = results.get(member) ?? null;
			return { groupId: plan.groupId, member, result: label(code), resultCode: code };
		});
	}
	const by = (name: string) => plan.members.filter((m) => results.has(m) && label(results.get(m)) === name);
	const added = by('added');
	const already = by('alreadyMember');
	const pending = by('pendingConfirmation');
	const failed = plan.members.filter((m) => results.has(m) && !['added', 'alreadyMember', 'pendingConfirmation'].includes(label(results.get(m))));
	const summary: IDataObject = {
		status: addStatus(added.length + already.length + pending.length, failed.length, unknown.length, notSent.length),
		groupId: plan.groupId,
		memberCount: plan.members.length,
		addedCount: added.length,
		alreadyMemberCount: already.length,
		pendingCount: pending.length,
		failedCount: failed.length,
		unknownCount: unknown.length,
		notSentCount: notSent.length,
		added,
		alreadyMembers: already,
		pending,
		failed: failed.map((member) => ({ member, result: label(results.get(member)), resultCode: results.get(member) ?? null })),
		calls,
		requestIds,
	};
	if (failure) {
		summary.unknown = unknown;
		summary.notSent = notSent;
		summary.error = failure;
	}
	// Nothing reached Tencent: the item fails, and its error keeps this summary.
	return settleFanOut(this, i, stop, summary, 'members', 'processed');
}

/** The shared status words, with `added` (this operation's word since 0.1) for all members in. */
function addStatus(inGroup: number, failed: number, unknown: number, notSent: number): string {
	const status = outcomeStatus({ delivered: inGroup, failed, unknown, notSent });
	return status === 'sent' ? 'added' : status;
}
