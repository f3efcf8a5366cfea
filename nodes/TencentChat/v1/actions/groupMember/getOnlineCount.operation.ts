import { single } from '../../../../shared/engine/callShapes';
import { tencentApi } from '../../../transport/request';
import { requestIdOf, tencentOperation } from '../../helpers/common';
import { groupIdField, groupIdSchema } from '../../helpers/fields';

/**
 * get_online_member_num — tencent-chat.md §6.6. The count refreshes every 10 s; audio-video groups,
 * or other types on Pro/Pro Plus/Enterprise with "group member online status" switched on.
 */
export const getOnlineCount = tencentOperation<{ GroupId: string }>({
	resource: 'groupMember',
	operation: 'getOnlineCount',
	option: { name: 'Get Online Count', description: 'Get the number of members online in a group (get_online_member_num)', action: 'Get the online member count of a group' },
	doc: { api: '`group_open_http_svc/get_online_member_num`', limits: 'Refreshes every 10 s.' },
	properties: [{ displayName: 'Tencent refreshes the count every 10 seconds: poll no faster than that.', name: 'refreshNotice', type: 'notice', default: '' }, groupIdField],
	read: (r) => ({ GroupId: r.param('groupId', groupIdSchema, 'Group ID') }),
	shape: single({
		api: tencentApi('group_open_http_svc/get_online_member_num', true),
		body: (body) => body,
		output: (body, answer) => ({ groupId: body.GroupId, onlineMemberCount: Number(answer.result.OnlineMemberNum ?? 0), requestId: requestIdOf(answer) }),
	}),
});
