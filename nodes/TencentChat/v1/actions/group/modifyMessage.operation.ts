import type { IDataObject } from 'n8n-workflow';
import { single } from '../../../../shared/engine/callShapes';
import { tencentApi } from '../../../transport/request';
import { messageFields, messageOptionsFields } from '../../descriptions/message.description';
import { requestIdOf, tencentOperation } from '../../helpers/common';
import { readMessage } from '../../helpers/readMessage';
import { groupMessageFields, readGroupMessage, readTopic, topicOptions, withTopic } from './groupMessage';

/**
 * modify_group_msg — replace the body (and Cloud Custom Data) of a stored group message. The
 * service is `openim`, not group_open_http_svc (trtc.io/document/47948; doocs/qcloud-im-server-sdk-java
 * core/Group.java, ModifyGroupMsgRequest.java: GroupId, MsgSeq (Long), MsgBody, CloudCustomData, TopicId).
 */
export const modifyMessage = tencentOperation<{ body: IDataObject; echo: IDataObject }>({
	resource: 'group',
	operation: 'modifyMessage',
	option: { name: 'Modify Message', description: 'Replace the content of a stored group message (modify_group_msg)', action: 'Modify a group message' },
	properties: [...groupMessageFields('to change'), ...messageFields, ...messageOptionsFields('import'), topicOptions()],
	read(r) {
		const { target, echo } = readGroupMessage(r);
		return { body: { ...withTopic(target, readTopic(r)), ...readMessage(r.ctx, r.itemIndex, 'import') }, echo };
	},
	shape: single({
		api: tencentApi('openim/modify_group_msg', true), // the same content twice leaves the same message
		body: (plan) => plan.body,
		output: (plan, answer) => ({ status: 'updated', ...plan.echo, requestId: requestIdOf(answer) }),
	}),
	doc: { api: '`openim/modify_group_msg`', limits: 'One message per call, 200 calls/s; the new body follows the send rules (12 KB). Sources: trtc.io/document/47948; doocs `ModifyGroupMsgRequest.java`.' },
});
