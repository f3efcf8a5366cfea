import type { IDataObject } from 'n8n-workflow';
import { tencentApi } from '../../../transport/request';
import { tencentOperation } from '../../helpers/common';
import { groupLocatorField } from '../../helpers/groupLocator';
import { listOf, readGroup } from '../../helpers/groupOps';
import { membersField, membersSchema } from './common';

/**
 * get_role_in_group — tencentcloud.com/document/product/1047/34963: GroupId, User_Account ≤ 500 per
 * call; the answer's UserIdList holds { Member_Account, Role } with Owner, Admin, Member or
 * NotMember (menu §1.3; doocs/qcloud-im-server-sdk-java GetRoleInGroupRequest.java,
 * UserIdListItem.java; dobyte/tencent-im group/types.go getRolesInGroupReq). A longer list goes in
 * calls of 500, one after the other; one output item per user.
 */
export const MAX_ROLES_PER_CALL = 500;
const api = tencentApi('group_open_http_svc/get_role_in_group', true);

export const getRoles = tencentOperation<{ groupId: string; users: string[] }>({
	resource: 'groupMember',
	operation: 'getRoles',
	option: { name: 'Get Roles', description: 'Get the role of users in a group: owner, admin, member or not a member (get_role_in_group)', action: 'Get the roles of users in a group' },
	properties: [groupLocatorField, { ...membersField('Users to look up, separated by commas or new lines, or an array from an expression. Sent in calls of 500.'), displayName: 'User IDs', name: 'members' }],
	read: (r) => ({ groupId: readGroup(r), users: [...new Set(r.param<string[]>('members', membersSchema, 'User IDs'))] }),
	shape: {
		kind: 'item',
		async run(plan, send) {
			const out: IDataObject[] = [];
			for (let i = 0; i < plan.users.length; i += MAX_ROLES_PER_CALL) {
				const { result } = await send(api, { GroupId: plan.groupId, User_Account: plan.users.slice(i, i + MAX_ROLES_PER_CALL) });
				for (const u of listOf(result, 'UserIdList')) out.push({ groupId: plan.groupId, member: String(u.Member_Account), role: String(u.Role) });
			}
			return out;
		},
	},
	doc: { api: '`group_open_http_svc/get_role_in_group`', limits: 'Calls of up to 500 users, one after the other; one item per user (Owner, Admin, Member, NotMember). Sources: tencentcloud.com 1047/34963; doocs `GetRoleInGroupRequest.java`.' },
});
