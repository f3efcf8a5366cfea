import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';
import { fanOut } from '../../../../shared/engine/callShapes';
import { entriesWith, Fate } from '../../../../shared/engine/outcomes';
import { outcomeStatus } from '../../../../shared/fanout';
import { collection, intInRange } from '../../../../shared/schemas';
import { tencentApi } from '../../../transport/request';
import { tencentOperation } from '../../helpers/common';
import { groupIdField, groupIdSchema } from '../../helpers/fields';
import { membersField, membersSchema, outputOption } from './common';

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

export interface AddPlan {
	groupId: string;
	members: string[];
	batchSize: number;
	silence: boolean;
	output: 'summary' | 'perMember';
}

// A repeat finds the members already added (Result 2) and adds nobody twice: safe to repeat.
const api = tencentApi('group_open_http_svc/add_group_member', true);

export const add = tencentOperation<AddPlan>({
	resource: 'groupMember',
	operation: 'add',
	option: { name: 'Add', description: 'Add users to a group, in calls of 20 by default (add_group_member)', action: 'Add group members' },
	doc: { api: '`group_open_http_svc/add_group_member`', limits: 'Calls of 20 by default (docs say 20 or 300; up to 300 configurable); per-member result.' },
	properties,
	read: (r) => ({
		groupId: r.param('groupId', groupIdSchema, 'Group ID'),
		// A member listed twice would make the per-member results ambiguous: each is sent once.
		members: [...new Set(r.param<string[]>('members', membersSchema, 'Member User IDs'))],
		batchSize: r.option('options', 'batchSize', intInRange(1, MAX_ADD_BATCH), 'Batch Size', DEFAULT_ADD_BATCH),
		silence: r.option('options', 'silence', z.boolean({ invalid_type_error: 'must be true or false' }), 'Silent', false),
		output: r.option('options', 'output', z.enum(['summary', 'perMember']), 'Output', 'summary'),
	}),
	// Changes to one group's members go out in input order.
	orderKey: (plan) => `group:${plan.groupId}`,
	shape: fanOut({
		list: (plan) => plan.members,
		max: (plan) => plan.batchSize,
		ordered: true,
		noun: 'members',
		done: 'processed',
		async send(plan, part, _n, send) {
			const body: Record<string, unknown> = { GroupId: plan.groupId, MemberList: part.map((Member_Account) => ({ Member_Account })) };
			if (plan.silence) body.Silence = 1;
			const { result, requestId } = await send(api, body);
			const got = new Map<string, number>();
			for (const m of (result.MemberList ?? []) as IDataObject[]) got.set(String(m.Member_Account), Number(m.Result));
			// The delivery accounting counts calls that went through; each member's Result is the call's value.
			return { failed: [], requestId, value: part.map((member): [string, number | null] => [member, got.get(member) ?? null]) };
		},
		output(plan, r) {
			const results = new Map((r.values as Array<Array<[string, number | null]>>).flat());
			const failure = r.chunkErrors.size ? [...r.chunkErrors.values()][0] : undefined;
			// A call whose answer was lost may have been processed: its members are unknown, not "not sent".
			const unknown = entriesWith(r, Fate.Unknown);
			const notSent = entriesWith(r, Fate.NotSent);
			const label = (code: number | null | undefined) => (code === null || code === undefined ? 'unknown' : (RESULTS[code] ?? 'unknown'));
			if (plan.output === 'perMember' && !r.fails) {
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
				// add_group_member's Result 0 says only "failed" (tencent-chat.md §6.2): the reason is as much as Tencent tells.
				failed: failed.map((member) => ({ member, result: label(results.get(member)), resultCode: results.get(member) ?? null, reason: 'Tencent did not add this member (Result 0): the account may not exist, or may not be allowed to join' })),
				calls: r.calls,
				requestIds: r.requestIds,
			};
			if (failure) Object.assign(summary, { unknown, notSent, error: failure });
			// Nothing reached Tencent: the item fails (the engine), and its error keeps this summary.
			return summary;
		},
	}),
});

/** The shared status words, with `added` (this operation's word since 0.1) for all members in. */
function addStatus(inGroup: number, failed: number, unknown: number, notSent: number): string {
	const status = outcomeStatus({ delivered: inGroup, failed, unknown, notSent });
	return status === 'sent' ? 'added' : status;
}
