import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { z } from 'zod';
import { collection, intInRange, listInput } from '../../../../shared/schemas';
import { tencentApi } from '../../../transport/request';
import { tencentOperation, type Body } from '../../helpers/common';
import { groupLocatorField } from '../../helpers/groupLocator';
import { camelKeys, listOf, readGroup, readLimit, returnAllFields } from '../../helpers/groupOps';

/**
 * get_group_member_info — tencentcloud.com/document/product/1047/34948: GroupId, Limit ≤ 6,000,
 * Offset, MemberInfoFilter, MemberRoleFilter, AppDefinedDataFilter_GroupMember; Community groups page
 * with the string Next ("" first) instead of Offset (menu §1.3; doocs/qcloud-im-server-sdk-java
 * GetGroupMemberInfoRequest.java / GetGroupMemberInfoResult.java: MemberNum, MemberList, Next;
 * dobyte/tencent-im group/types.go fetchMembersReq). One output item per member.
 */
export const MAX_PAGE = 6000;
const names = listInput.pipe(z.array(z.string().trim().min(1)));

interface Plan {
	body: Body;
	community: boolean;
	limit: number | undefined;
	pageSize: number;
}

const api = tencentApi('group_open_http_svc/get_group_member_info', true);

export const getMany = tencentOperation<Plan>({
	resource: 'groupMember',
	operation: 'getMany',
	option: { name: 'Get Many', description: 'Get the members of a group with their profiles, page by page (get_group_member_info)', action: 'Get the members of a group' },
	properties: [
		groupLocatorField,
		...returnAllFields(),
		collection([
			{ displayName: 'Community Group', name: 'community', type: 'boolean', default: false, description: 'Whether the group is a Community: its members are paged with a cursor (Next) instead of an offset' },
			{ displayName: 'Custom Fields', name: 'customKeys', type: 'string', default: '', placeholder: 'title', description: 'Custom member fields to return, separated by commas (AppDefinedDataFilter_GroupMember)' },
			{ displayName: 'Fields', name: 'fields', type: 'string', default: '', placeholder: 'Member_Account, Role, JoinTime', description: 'Member fields to return, separated by commas (MemberInfoFilter). Empty: all.' },
			{ displayName: 'Page Size', name: 'pageSize', type: 'number', default: 1000, typeOptions: { minValue: 1, maxValue: MAX_PAGE, numberPrecision: 0 }, description: 'Members asked for per call (Limit), 1 to 6000' },
			{
				displayName: 'Roles',
				name: 'roles',
				type: 'multiOptions',
				default: [],
				options: [
					{ name: 'Admin', value: 'Admin' },
					{ name: 'Member', value: 'Member' },
					{ name: 'Owner', value: 'Owner' },
				],
				description: 'Only members with these roles (MemberRoleFilter). Empty: all.',
			},
		]),
	],
	read(r) {
		const body: Body = { GroupId: readGroup(r) };
		const fields = r.option('options', 'fields', names, 'Fields', []);
		if (fields.length) body.MemberInfoFilter = fields;
		const roles = r.option('options', 'roles', z.array(z.enum(['Owner', 'Admin', 'Member'])), 'Roles', []);
		if (roles.length) body.MemberRoleFilter = roles;
		const custom = r.option('options', 'customKeys', names, 'Custom Fields', []);
		if (custom.length) body.AppDefinedDataFilter_GroupMember = custom;
		return {
			body,
			community: r.option('options', 'community', z.boolean({ invalid_type_error: 'must be true or false' }), 'Community Group', false),
			limit: readLimit(r),
			pageSize: r.option('options', 'pageSize', intInRange(1, MAX_PAGE), 'Page Size', 1000),
		};
	},
	shape: {
		kind: 'item',
		async run(plan, send, itemIndex, ctx) {
			const out: IDataObject[] = [];
			let next = '';
			for (;;) {
				const want = plan.limit === undefined ? plan.pageSize : Math.min(plan.pageSize, plan.limit - out.length);
				const body = { ...plan.body, Limit: want, ...(plan.community ? { Next: next } : { Offset: out.length }) };
				const { result } = await send(api, body);
				const page = listOf(result, 'MemberList');
				for (const m of page.slice(0, want)) out.push(camelKeys(m) as IDataObject);
				const full = plan.limit !== undefined && out.length >= plan.limit;
				if (plan.community) {
					const cursor = typeof result.Next === 'string' ? result.Next : '';
					if (cursor === '' || page.length === 0 || full) return out;
					if (cursor === next) throw new NodeOperationError(ctx.getNode(), `get_group_member_info returned the cursor Next "${cursor.slice(0, 40)}" twice; stopped after ${out.length} members`, { itemIndex });
					next = cursor;
				} else if (page.length === 0 || full || out.length >= Number(result.MemberNum ?? 0)) return out;
			}
		},
	},
	doc: {
		api: '`group_open_http_svc/get_group_member_info`',
		limits: 'Pages of up to 6,000 members (Page Size, default 1,000) by Offset until MemberNum, or by the Next cursor for Community groups; Return All or Limit. One item per member. Sources: tencentcloud.com 1047/34948; doocs `GetGroupMemberInfoRequest.java`; dobyte `group/types.go`.',
	},
});
