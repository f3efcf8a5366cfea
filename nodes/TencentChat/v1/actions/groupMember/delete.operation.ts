import type { INodeProperties } from 'n8n-workflow';
import { z } from 'zod';
import { fanOut } from '../../../../shared/engine/callShapes';
import { entriesWith, Fate, statusOf } from '../../../../shared/engine/outcomes';
import { collection, text, textField, booleanField } from '../../../../shared/schemas';
import { tencentApi } from '../../../transport/request';
import { tencentOperation } from '../../helpers/common';
import { groupIdField, groupIdSchema } from '../../helpers/fields';
import { membersField, membersSchema } from './common';

/**
 * delete_group_member — tencent-chat.md §6.5: ≤ 100 members per call, so any number is sent in
 * calls one after the other. Removing a non-member succeeds. Not for AVChatRoom (10004: mute or ban instead).
 */

export const MAX_DELETE_PER_CALL = 100;

// Removing a non-member succeeds (§6.5): safe to repeat.
const api = tencentApi('group_open_http_svc/delete_group_member', true);

const properties: INodeProperties[] = [
	groupIdField,
	membersField('Members to remove, separated by commas or new lines, or an array from an expression. Sent in calls of 100.'),
	collection([
		textField('Reason', 'reason', 'Shown in the removal notification (Reason)', { placeholder: 'Inactive for 90 days' }),
		booleanField('Silent', 'silence', false, 'Whether to notify only the removed members, not the rest of the group (Silence)'),
	]),
];

export interface DeletePlan {
	groupId: string;
	members: string[];
	silence: boolean;
	reason?: string;
}

export const deleteMembers = tencentOperation<DeletePlan>({
	resource: 'groupMember',
	operation: 'delete',
	option: { name: 'Delete', description: 'Remove members from a group, in calls of 100 (delete_group_member)', action: 'Delete group members' },
	doc: { api: '`group_open_http_svc/delete_group_member`', limits: 'Calls of ≤ 100; Silence, Reason.' },
	properties,
	read(r) {
		const reason = r.option('options', 'reason', text({ allowEmpty: true }), 'Reason', '');
		return {
			groupId: r.param('groupId', groupIdSchema, 'Group ID'),
			members: [...new Set(r.param<string[]>('members', membersSchema, 'Member User IDs'))],
			silence: r.option('options', 'silence', z.boolean({ invalid_type_error: 'must be true or false' }), 'Silent', false),
			reason: reason.trim() === '' ? undefined : reason,
		};
	},
	// Changes to one group's members go out in input order.
	orderKey: (plan) => `group:${plan.groupId}`,
	shape: fanOut({
		list: (plan) => plan.members,
		max: () => MAX_DELETE_PER_CALL,
		ordered: true,
		noun: 'members',
		done: 'removed',
		async send(plan, part, _n, send) {
			const body: Record<string, unknown> = { GroupId: plan.groupId, MemberToDel_Account: part };
			if (plan.silence) body.Silence = 1;
			if (plan.reason !== undefined) body.Reason = plan.reason;
			const { requestId } = await send(api, body);
			return { failed: [], requestId };
		},
		output(plan, r) {
			const common = { groupId: plan.groupId, removed: entriesWith(r, Fate.Delivered), calls: r.calls, requestIds: r.requestIds };
			if (!r.chunkErrors.size) return { status: 'removed', ...common, removedCount: plan.members.length };
			// Members of a call whose answer was lost are unknown, not "not sent"; later calls were not sent.
			const [error] = r.chunkErrors.values();
			return { status: statusOf(r), ...common, unknown: entriesWith(r, Fate.Unknown), notSent: entriesWith(r, Fate.NotSent), error };
		},
	}),
});
