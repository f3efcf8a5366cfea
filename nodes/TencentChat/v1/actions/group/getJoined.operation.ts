import { z } from 'zod';
import { collection, intInRange } from '../../../../shared/schemas';
import { tencentApi } from '../../../transport/request';
import { tencentOperation, type Body } from '../../helpers/common';
import { userId } from '../../helpers/fields';
import { groupTypeOptions, offsetPages, readLimit, returnAllFields } from '../../helpers/groupOps';

/**
 * get_joined_group_list — tencentcloud.com/document/product/1047/34925: Member_Account, Limit ≤ 5,000
 * (menu §1.3), Offset, GroupType, WithHugeGroups, WithNoActiveGroups, ResponseFilter, SupportTopic;
 * the answer has TotalCount and GroupIdList (doocs/qcloud-im-server-sdk-java GetJoinedGroupListRequest.java,
 * GetJoinGroupListResult.java; dobyte/tencent-im group/types.go fetchMemberGroupsReq). Pages by
 * Offset until TotalCount (or the Limit); one output item per group.
 */
export const MAX_PAGE = 5000;
const TYPES = ['', 'Public', 'Private', 'ChatRoom', 'AVChatRoom', 'Community'] as const;
const flag = z.boolean({ invalid_type_error: 'must be true or false' });

interface Plan {
	body: Body;
	limit: number | undefined;
	pageSize: number;
}

export const getJoined = tencentOperation<Plan>({
	resource: 'group',
	operation: 'getJoined',
	option: { name: 'Get Joined', description: 'Get the groups a user has joined, page by page (get_joined_group_list)', action: 'Get the groups of a user' },
	properties: [
		{ displayName: 'User ID', name: 'account', type: 'string', default: '', required: true, placeholder: 'user_1001', description: 'The user whose groups to list (Member_Account)' },
		...returnAllFields(),
		collection([
			{
				displayName: 'Group Type',
				name: 'groupType',
				type: 'options',
				default: '',
				options: groupTypeOptions(TYPES.slice(1), true),
				description: 'Only groups of this type (GroupType)',
			},
			{ displayName: 'Include Audio-Video Groups', name: 'withHuge', type: 'boolean', default: false, description: 'Whether to include audio-video groups (WithHugeGroups)' },
			{ displayName: 'Include Inactive Work Groups', name: 'withNoActive', type: 'boolean', default: false, description: 'Whether to include work groups (Private) the user joined that have no message yet (WithNoActiveGroups)' },
			{ displayName: 'Page Size', name: 'pageSize', type: 'number', default: 1000, typeOptions: { minValue: 1, maxValue: MAX_PAGE, numberPrecision: 0 }, description: 'Groups asked for per call (Limit), 1 to 5000' },
		]),
	],
	read(r) {
		const body: Body = { Member_Account: r.param('account', userId, 'User ID') };
		const type = r.option('options', 'groupType', z.enum(TYPES), 'Group Type', '');
		if (type) body.GroupType = type;
		if (r.option('options', 'withHuge', flag, 'Include Audio-Video Groups', false)) body.WithHugeGroups = 1;
		if (r.option('options', 'withNoActive', flag, 'Include Inactive Work Groups', false)) body.WithNoActiveGroups = 1;
		return { body, limit: readLimit(r), pageSize: r.option('options', 'pageSize', intInRange(1, MAX_PAGE), 'Page Size', 1000) };
	},
	shape: offsetPages({
		api: tencentApi('group_open_http_svc/get_joined_group_list', true),
		body: (plan, offset, want) => ({ ...plan.body, Limit: want, Offset: offset }),
		entries: 'GroupIdList',
		total: 'TotalCount',
	}),
	doc: {
		api: '`group_open_http_svc/get_joined_group_list`',
		limits: 'Pages of up to 5,000 groups (Page Size, default 1,000) by Offset until TotalCount; Return All or Limit. One item per group. Sources: tencentcloud.com 1047/34925; doocs `GetJoinedGroupListRequest.java`; dobyte `group/types.go`.',
	},
});

