import { tencentApi } from '../../../transport/request';
import { tencentOperation, type Body } from '../../helpers/common';
import { userId } from '../../helpers/fields';
import { groupLocatorField } from '../../helpers/groupLocator';
import { groupCall, readGroup } from '../../helpers/groupOps';

/**
 * change_group_owner — tencentcloud.com/document/product/1047/34966: GroupId, NewOwner_Account (a
 * member of the group; doocs/qcloud-im-server-sdk-java ChangeGroupOwnerRequest.java, dobyte/tencent-im
 * group/types.go changeGroupOwnerReq). Not for audio-video groups (AVChatRoom: no owner transfer,
 * 10007). Handing ownership to the current owner again changes nothing: safe to repeat.
 */
export const changeOwner = tencentOperation<{ body: Body }>({
	resource: 'group',
	operation: 'changeOwner',
	option: { name: 'Change Owner', description: 'Make another member the owner of a group (change_group_owner)', action: 'Change the owner of a group' },
	properties: [
		groupLocatorField,
		{ displayName: 'New Owner User ID', name: 'newOwner', type: 'string', default: '', required: true, placeholder: 'user_1001', description: 'A member of the group who becomes its owner (NewOwner_Account)' },
	],
	read: (r) => ({ body: { GroupId: readGroup(r), NewOwner_Account: r.param('newOwner', userId, 'New Owner User ID') } }),
	orderKey: ({ body }) => `group:${String(body.GroupId)}`,
	shape: groupCall({ api: tencentApi('group_open_http_svc/change_group_owner', true), status: 'changed', extra: ({ body }) => ({ newOwner: String(body.NewOwner_Account) }) }),
	doc: { api: '`group_open_http_svc/change_group_owner`', limits: 'One call per item; the new owner must be a member. Not for audio-video groups. Sources: tencentcloud.com 1047/34966; doocs `ChangeGroupOwnerRequest.java`.' },
});
