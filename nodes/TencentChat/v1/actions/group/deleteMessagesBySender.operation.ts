import type { IDataObject } from 'n8n-workflow';
import { single } from '../../../../shared/engine/callShapes';
import { tencentApi } from '../../../transport/request';
import { requestIdOf, tencentOperation } from '../../helpers/common';
import { groupIdField, groupIdSchema, userId } from '../../helpers/fields';
import { readTopic, topicOptions, withTopic } from './groupMessage';

/**
 * delete_group_msg_by_sender — remove one member's messages among the group's last 1,000; not for
 * audio-video groups (trtc.io/document/34970; doocs DeleteGroupMsgBySenderRequest.java: GroupId,
 * Sender_Account, TopicId; dobyte/tencent-im group/api.go commandDeleteGroupMsgBySender).
 */
export const deleteMessagesBySender = tencentOperation<IDataObject>({
	resource: 'group',
	operation: 'deleteMessagesBySender',
	option: { name: 'Delete Messages by Sender', description: "Delete a member's messages from the group history (delete_group_msg_by_sender)", action: 'Delete the messages of a sender' },
	properties: [
		groupIdField,
		{ displayName: 'Sender User ID', name: 'senderAccount', type: 'string', default: '', required: true, placeholder: 'user_1001', description: 'Whose messages are deleted (Sender_Account)' },
		topicOptions(),
	],
	read: (r) => withTopic({ GroupId: r.param('groupId', groupIdSchema, 'Group ID'), Sender_Account: r.param('senderAccount', userId, 'Sender User ID') }, readTopic(r)),
	shape: single({
		api: tencentApi('group_open_http_svc/delete_group_msg_by_sender', true),
		body: (body) => body,
		output: (body, answer) => ({ status: 'deleted', groupId: body.GroupId as string, sender: body.Sender_Account as string, requestId: requestIdOf(answer) }),
	}),
	doc: {
		api: '`group_open_http_svc/delete_group_msg_by_sender`',
		limits: "Only the group's last 1,000 messages; not audio-video groups (AVChatRoom). 200 calls/s. Sources: trtc.io/document/34970; doocs `DeleteGroupMsgBySenderRequest.java`.",
	},
});
