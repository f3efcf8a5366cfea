import { tencentApi } from '../../../transport/request';
import { tencentOperation } from '../../helpers/common';
import { getExtensionProperties, getExtensionsShape, readExtensions, readGetExtensions, setExtensionFields, setExtensionsShape, type GetExtensionsPlan, type SetExtensionsPlan } from '../../helpers/extensions';
import { readStoredMessage, storedMessageFields } from './c2cTarget';

/** Message extensions of a one-to-one message (helpers/extensions.ts has the rules and sources). */

export const setExtensions = tencentOperation<SetExtensionsPlan>({
	resource: 'message',
	operation: 'setExtensions',
	option: { name: 'Set Extensions', description: 'Set, delete or clear the key-value extensions of a one-to-one message (set_key_values)', action: 'Set extensions of a one to one message' },
	properties: [...storedMessageFields(false), ...setExtensionFields],
	read: (r) => ({ ...readStoredMessage(r, false), ...readExtensions(r) }),
	orderKey: (plan) => `c2cext:${String(plan.target.MsgKey)}`,
	// Not repeated blindly: after a lost answer the pairs' Seq is stale, a repeat would be refused and look failed.
	shape: setExtensionsShape(tencentApi('openim_msg_ext_http_svc/set_key_values')),
	doc: {
		api: '`openim_msg_ext_http_svc/set_key_values`',
		limits:
			'Pro editions with "Set message extension" on; the message must be sent with extensions enabled. Pairs go in calls of 20 (the maximum), one after the other; a pair refused alone (e.g. an old Seq) is listed in `failed`. Key ≤ 100 bytes, value ≤ 1,000 bytes, ≤ 300 keys per message. Sources: trtc.io/document/51195; doocs `SetKeyValuesRequest.java`.',
	},
});

export const getExtensions = tencentOperation<GetExtensionsPlan>({
	resource: 'message',
	operation: 'getExtensions',
	option: { name: 'Get Extensions', description: 'Get the key-value extensions of a one-to-one message (get_key_values)', action: 'Get extensions of a one to one message' },
	properties: [...storedMessageFields(false), ...getExtensionProperties],
	read: (r) => readGetExtensions(r, readStoredMessage(r, false).target),
	shape: getExtensionsShape('openim_msg_ext_http_svc/get_key_values'),
	doc: {
		api: '`openim_msg_ext_http_svc/get_key_values`',
		limits: 'One item per key. Pages by StartSeq (after the highest Seq returned) until CompleteFlag 1; Return All or Limit. Sources: trtc.io/document/51194; doocs `GetKeyValuesRequest.java`, `GetKeyValuesResult.java`.',
	},
});
