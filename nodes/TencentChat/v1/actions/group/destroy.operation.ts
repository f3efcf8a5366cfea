import { single } from '../../../../shared/engine/callShapes';
import { tencentApi } from '../../../transport/request';
import { requestIdOf, tencentOperation } from '../../helpers/common';
import { groupIdField, groupIdSchema } from '../../helpers/fields';

/** destroy_group — tencent-chat.md §6.2. */
export const destroy = tencentOperation<{ GroupId: string }>({
	resource: 'group',
	operation: 'destroy',
	option: { name: 'Destroy', description: 'Dismiss a group irreversibly (destroy_group)', action: 'Destroy a group' },
	doc: { api: '`group_open_http_svc/destroy_group`', limits: 'Irreversible (notice).' },
	properties: [
		{ displayName: 'Destroying a group cannot be undone: its members, messages and settings are removed.', name: 'destroyNotice', type: 'notice', default: '' },
		groupIdField,
	],
	read: (r) => ({ GroupId: r.param('groupId', groupIdSchema, 'Group ID') }),
	orderKey: (body) => `group:${body.GroupId}`,
	shape: single({
		api: tencentApi('group_open_http_svc/destroy_group'),
		body: (body) => body,
		output: (body, answer) => ({ status: 'destroyed', groupId: body.GroupId, requestId: requestIdOf(answer) }),
	}),
});
