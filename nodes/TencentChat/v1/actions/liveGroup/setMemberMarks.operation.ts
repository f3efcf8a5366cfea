import { z } from 'zod';
import { listInput, uint32 } from '../../../../shared/schemas';
import { tencentApi } from '../../../transport/request';
import { tencentOperation } from '../../helpers/common';
import { groupLocatorField } from '../../helpers/groupLocator';
import { membersField } from '../groupMember/common';
import { memberCalls, readMembers, type MembersPlan } from '../groupMember/shared';

/**
 * modify_user_info (service group_open_avchatroom_http_svc) — tencentcloud.com/document/product/1047/50294:
 * numeric marks on online members of an audio-video group (Pro+ with the same console switch as
 * get_members). GroupId, CommandType (1 set, 2 delete), MemberList ≤ 500 of { Member_Account,
 * Marks[] }; ≤ 10 marks per group, ≤ 1,000 members per mark (menu §1.3; doocs/qcloud-im-server-sdk-java
 * ModifyGroupUserInfoRequest.java, model/group/GroupMemberItem.java: Marks is a list of integers).
 * The value range of a mark is not stated in the sources read: any uint32 is sent. Setting or
 * deleting the same marks again is harmless: safe to repeat.
 */
export const MAX_PER_CALL = 500;
const marksSchema = listInput.pipe(z.array(uint32).min(1, 'needs at least one mark').max(10, 'has more than 10 marks (a group takes at most 10)'));

export const setMemberMarks = tencentOperation<MembersPlan>({
	resource: 'liveGroup',
	operation: 'setMemberMarks',
	option: { name: 'Set Member Marks', description: 'Set or delete numeric marks on online members of an audio-video group, in calls of 500 (modify_user_info)', action: 'Set marks on live group members' },
	properties: [
		groupLocatorField,
		membersField('Online members to mark, separated by commas or new lines, or an array from an expression'),
		{ displayName: 'Marks', name: 'marks', type: 'string', default: '', required: true, placeholder: '1001, 1002', description: 'Numbers, separated by commas, at most 10 (Marks)' },
		{
			displayName: 'Action',
			name: 'command',
			type: 'options',
			default: 'set',
			options: [
				{ name: 'Set', value: 'set', description: 'Add the marks (CommandType 1)' },
				{ name: 'Delete', value: 'delete', description: 'Remove the marks (CommandType 2)' },
			],
		},
	],
	read(r) {
		const plan = readMembers(r, { CommandType: r.param('command', z.enum(['set', 'delete']), 'Action', 'set') === 'set' ? 1 : 2 });
		return { ...plan, entry: { Marks: r.param<number[]>('marks', marksSchema, 'Marks') } };
	},
	orderKey: (plan) => `group:${plan.groupId}`,
	shape: memberCalls({
		api: tencentApi('group_open_avchatroom_http_svc/modify_user_info', true),
		max: MAX_PER_CALL,
		listName: 'MemberList',
		done: 'processed',
		entryOf: (plan, Member_Account) => ({ Member_Account, ...plan.entry }),
	}),
	doc: {
		api: '`group_open_avchatroom_http_svc/modify_user_info`',
		limits: 'Audio-video groups; Pro edition and up with the console switch. Calls of up to 500 members, one after the other; ≤ 10 marks per group, ≤ 1,000 members per mark. Sources: tencentcloud.com 1047/50294; doocs `ModifyGroupUserInfoRequest.java`, `GroupMemberItem.java`.',
	},
});
