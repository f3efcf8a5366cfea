import type { IDataObject } from 'n8n-workflow';
import { coalesce } from '../../../../shared/engine/callShapes';
import { vendorApiError } from '../../../../shared/errors';
import { collection, listInput } from '../../../../shared/schemas';
import { z } from 'zod';
import { tencentApi } from '../../../transport/request';
import { requestIdOf, tencentOperation } from '../../helpers/common';
import { groupLocatorField } from '../../helpers/groupLocator';
import { camelKeys, listOf, readGroup } from '../../helpers/groupOps';

/**
 * get_group_info — tencentcloud.com/document/product/1047/34961 (menu §1.3): GroupIdList ≤ 50 per
 * call, 200 calls/s; ResponseFilter { GroupBaseInfoFilter, MemberInfoFilter,
 * AppDefinedDataFilter_Group, AppDefinedDataFilter_GroupMember } (doocs/qcloud-im-server-sdk-java
 * GetGroupInfoRequest.java, dobyte/tencent-im group/types.go getGroupsReq). One item per group:
 * consecutive items with the same filters share a call of up to 50 groups; a group the answer
 * refuses (its own ErrorCode, e.g. 10010 dismissed) fails only its item.
 */
export const MAX_GROUPS_PER_CALL = 50;

const names = listInput.pipe(z.array(z.string().trim().min(1)));

interface Plan {
	groupId: string;
	filter: IDataObject;
}

export const get = tencentOperation<Plan>({
	resource: 'group',
	operation: 'get',
	option: { name: 'Get', description: 'Get the profile of a group; many items are combined into calls of 50 groups (get_group_info)', action: 'Get a group' },
	properties: [
		groupLocatorField,
		collection([
			{ displayName: 'Group Fields', name: 'baseFields', type: 'string', default: '', placeholder: 'Name, Owner_Account, MemberNum', description: 'Profile fields to return, separated by commas (GroupBaseInfoFilter). Empty: all.' },
			{ displayName: 'Group Custom Fields', name: 'groupCustomKeys', type: 'string', default: '', placeholder: 'level', description: 'Custom group fields to return, separated by commas (AppDefinedDataFilter_Group)' },
			{ displayName: 'Member Fields', name: 'memberFields', type: 'string', default: '', placeholder: 'Member_Account, Role', description: 'Also return the member list with these fields, separated by commas (MemberInfoFilter)' },
			{ displayName: 'Member Custom Fields', name: 'memberCustomKeys', type: 'string', default: '', placeholder: 'title', description: 'Custom member fields to return with the members (AppDefinedDataFilter_GroupMember)' },
		]),
	],
	read(r) {
		const filter: IDataObject = {};
		const pick = (key: string, vendor: string, label: string) => {
			const list = r.option('options', key, names, label, []);
			if (list.length) filter[vendor] = list;
		};
		pick('baseFields', 'GroupBaseInfoFilter', 'Group Fields');
		pick('groupCustomKeys', 'AppDefinedDataFilter_Group', 'Group Custom Fields');
		pick('memberFields', 'MemberInfoFilter', 'Member Fields');
		pick('memberCustomKeys', 'AppDefinedDataFilter_GroupMember', 'Member Custom Fields');
		return { groupId: readGroup(r), filter };
	},
	shape: coalesce({
		max: () => MAX_GROUPS_PER_CALL,
		sameCallKey: (plan) => JSON.stringify(plan.filter),
		entityKey: (plan) => plan.groupId,
		regroup: true,
		async run(call, send, ctx) {
			const { filter } = call[0].plan;
			const body: IDataObject = { GroupIdList: call.map((c) => c.plan.groupId) };
			if (Object.keys(filter).length) body.ResponseFilter = filter;
			const answer = await send(tencentApi('group_open_http_svc/get_group_info', true), body);
			const byId = new Map(listOf(answer.result, 'GroupInfo').map((g) => [String(g.GroupId), g]));
			return call.map(({ plan, itemIndex }) => {
				const g = byId.get(plan.groupId);
				const code = g ? Number(g.ErrorCode ?? 0) : -1;
				if (!g || code !== 0) {
					const message = g ? String(g.ErrorInfo ?? '') : 'the answer did not include this group';
					return vendorApiError(ctx.getNode(), { vendor: 'Tencent Chat', code: g ? String(code) : 'MISSING', message, requestId: answer.requestId }, itemIndex);
				}
				const info = Object.fromEntries(Object.entries(g).filter(([k]) => k !== 'ErrorCode' && k !== 'ErrorInfo'));
				return { ...(camelKeys(info) as IDataObject), groupsInCall: call.length, requestId: requestIdOf(answer) };
			});
		},
	}),
	doc: {
		api: '`group_open_http_svc/get_group_info`',
		limits: 'Up to 50 groups per call: consecutive items with the same filters are combined. A group Tencent refuses (own ErrorCode, e.g. 10010) fails only its item. Sources: tencentcloud.com 1047/34961; doocs `GetGroupInfoRequest.java`; dobyte `group/types.go`.',
	},
});
