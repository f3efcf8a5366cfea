import type { IDataObject } from 'n8n-workflow';
import { single } from '../../../../shared/engine/callShapes';
import { tencentApi } from '../../../transport/request';
import { messageFields, messageOptionsFields } from '../../descriptions/message.description';
import { requestIdOf, tencentOperation } from '../../helpers/common';
import { readMessage } from '../../helpers/readMessage';
import { readStoredMessage, storedMessageFields } from './c2cTarget';

/**
 * modify_c2c_msg — replace the body (and Cloud Custom Data) of a stored one-to-one message, for
 * both parties (trtc.io/document/47722; doocs/qcloud-im-server-sdk-java ModifyC2cMsgRequest.java:
 * From_Account, To_Account, MsgKey, MsgBody, CloudCustomData). 200 calls/s. The body goes
 * through the one message reader (12 KB rule).
 */
export const modify = tencentOperation<{ body: IDataObject; echo: IDataObject }>({
	resource: 'message',
	operation: 'modify',
	option: { name: 'Modify', description: 'Replace the content of a stored one-to-one message (modify_c2c_msg)', action: 'Modify a one to one message' },
	properties: [...storedMessageFields(true), ...messageFields, ...messageOptionsFields('import')],
	read(r) {
		const { target, echo } = readStoredMessage(r, true);
		return { body: { ...target, ...readMessage(r.ctx, r.itemIndex, 'import') }, echo };
	},
	orderKey: ({ body }) => `c2cmsg:${String(body.MsgKey)}`,
	shape: single({
		api: tencentApi('openim/modify_c2c_msg', true), // the same content twice leaves the same message
		body: (plan) => plan.body,
		output: (plan, answer) => ({ status: 'updated', ...plan.echo, requestId: requestIdOf(answer) }),
	}),
	doc: {
		api: '`openim/modify_c2c_msg`',
		limits:
			'One message per call, 200 calls/s. The new body follows the send rules (12 KB). Sources: trtc.io/document/47722; doocs/qcloud-im-server-sdk-java `ModifyC2cMsgRequest.java`.',
	},
});
