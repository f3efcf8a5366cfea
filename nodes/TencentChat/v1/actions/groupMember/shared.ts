import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { fanOut, type CallShape } from '../../../../shared/engine/callShapes';
import { entriesWith, Fate, statusOf } from '../../../../shared/engine/outcomes';
import { emptyAs, text } from '../../../../shared/schemas';
import type { TencentApi } from '../../../transport/request';
import type { Body } from '../../helpers/common';
import type { ItemReader } from '../../../../shared/engine/reader';
import { readGroup } from '../../helpers/groupOps';
import { membersSchema } from './common';

/**
 * What the issue-14 Group Member operations share: the topic option of mute calls, the member list
 * read, and one shape for "a list of members in ordered calls of N" (forbid_send_msg ≤ 500,
 * ban_group_member / unban_group_member ≤ 20, import_group_member ≤ 300).
 */

export const topicOption: INodeProperties = {
	displayName: 'Topic ID',
	name: 'topicId',
	type: 'string',
	default: '',
	placeholder: '@TGS#_@TGS#cQVLVHIM62CJ@TOPIC#_TestTopic',
	description: 'Only in this topic of a community (TopicId). Empty: the whole group.',
};

export const readTopic = (r: ItemReader, collection = 'options') => r.option(collection, 'topicId', emptyAs(text({ maxBytes: 150 })), 'Topic ID', '');

export interface MembersPlan {
	groupId: string;
	members: string[];
	/** Fields of every call besides GroupId and the member list. */
	extra: Body;
	/** Fields of every member's list entry, when the list holds objects (import_group_member). */
	entry?: Body;
}

export const readMembers = (r: ItemReader, extra: Body = {}): MembersPlan => ({
	groupId: readGroup(r),
	// A member listed twice would make the per-member answer ambiguous: each is sent once.
	members: [...new Set(r.param<string[]>('members', membersSchema, 'Member User IDs'))],
	extra,
});

/**
 * The members of one item in calls of `max`, one after the other (changes to one group keep their
 * order; a refused call stops the rest, which are reported as not sent). `perMember` reads a
 * per-member Result from an answer, when the API gives one.
 */
export function memberCalls(o: {
	api: TencentApi;
	max: number;
	listName: string;
	/** The list entry of one member (default: the user ID itself). */
	entryOf?: (plan: MembersPlan, member: string) => unknown;
	done: string;
	perMember?: (result: IDataObject) => Array<[string, number]>;
	results?: Record<number, string>;
}): CallShape<MembersPlan, TencentApi> {
	return fanOut({
		list: (plan) => plan.members,
		max: () => o.max,
		ordered: true,
		noun: 'members',
		done: o.done,
		async send(plan, part, _n, send) {
			const body: Body = { GroupId: plan.groupId, [o.listName]: o.entryOf ? part.map((m) => o.entryOf!(plan, m)) : part, ...plan.extra };
			const { result, requestId } = await send(o.api, body);
			return { failed: [], requestId, value: o.perMember?.(result) ?? [] };
		},
		output(plan, r) {
			const results = (r.values as Array<Array<[string, number]>>).flat().map(([member, code]) => ({ member, result: o.results?.[code] ?? 'unknown', resultCode: code }));
			const base: IDataObject = { groupId: plan.groupId, memberCount: plan.members.length, [o.done]: entriesWith(r, Fate.Delivered), calls: r.calls, requestIds: r.requestIds };
			if (o.perMember) base.results = results;
			if (!r.chunkErrors.size) return { status: o.done, ...base };
			const [error] = r.chunkErrors.values();
			return { status: statusOf(r), ...base, unknown: entriesWith(r, Fate.Unknown), notSent: entriesWith(r, Fate.NotSent), error };
		},
	});
}
