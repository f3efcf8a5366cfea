import { tencentApi } from '../../../transport/request';
import { tencentOperation } from '../../helpers/common';
import { getExtensionProperties, getExtensionsShape, readExtensions, readGetExtensions, setExtensionFields, setExtensionsShape, type GetExtensionsPlan, type SetExtensionsPlan } from '../../helpers/extensions';
import { groupMessageFields, readGroupMessage } from './groupMessage';

/** Message extensions of a group message (helpers/extensions.ts has the rules and sources); not audio-video or community groups. */

export const setMessageExtensions = tencentOperation<SetExtensionsPlan>({
	resource: 'group',
	operation: 'setMessageExtensions',
	option: { name: 'Set Message Extensions', description: 'Set, delete or clear the key-value extensions of a group message (group_set_key_values)', action: 'Set extensions of a group message' },
	properties: [...groupMessageFields('to extend'), ...setExtensionFields],
	read: (r) => ({ ...readGroupMessage(r), ...readExtensions(r) }),
	orderKey: (plan) => `groupext:${String(plan.target.GroupId)}:${String(plan.target.MsgSeq)}`,
	// Not repeated blindly: after a lost answer the pairs' Seq is stale, a repeat would be refused and look failed.
	shape: setExtensionsShape(tencentApi('openim_msg_ext_http_svc/group_set_key_values')),
	doc: {
		api: '`openim_msg_ext_http_svc/group_set_key_values`',
		limits:
			'Pro editions with "Set message extension" on; not audio-video (AVChatRoom) or community groups. Pairs go in calls of 20 (the maximum), one after the other; a pair refused alone is listed in `failed`. Key ≤ 100 bytes, value ≤ 1,000 bytes, ≤ 300 keys per message. Sources: trtc.io/document/52170 (its table misprints the path; the sample URL is right); doocs `GroupSetKeyValuesRequest.java`.',
	},
});

export const getMessageExtensions = tencentOperation<GetExtensionsPlan>({
	resource: 'group',
	operation: 'getMessageExtensions',
	option: { name: 'Get Message Extensions', description: 'Get the key-value extensions of a group message (group_get_key_values)', action: 'Get extensions of a group message' },
	properties: [...groupMessageFields('to read'), ...getExtensionProperties],
	read: (r) => readGetExtensions(r, readGroupMessage(r).target),
	shape: getExtensionsShape('openim_msg_ext_http_svc/group_get_key_values'),
	doc: {
		api: '`openim_msg_ext_http_svc/group_get_key_values`',
		limits: 'One item per key. Pages by StartSeq until CompleteFlag 1; Return All or Limit. Sources: trtc.io/document/52169; doocs `GroupGetKeyValuesRequest.java`, `GroupGetKeyValuesResult.java`.',
	},
});
