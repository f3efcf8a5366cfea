import { imApi } from '../../../transport/request';
import { resolveAppId, volcengineOperation } from '../../helpers/common';
import { conversationLocator, readConversationId, recordJson } from '../../helpers/conversations';
import { appIdField } from '../../helpers/fields';
import { byMessageId, messageIdsProperties, readMessageIds, type MessageIdsPlan } from '../../helpers/messageIds';

/**
 * GetMessagesReadReceipt — volc-sdk-golang service/im/model.go GetMessagesReadReceiptBody
 * (ConversationShortId, MessageIds) / …ReadReceiptItem (ReceiverIsRead, ReadUserIds, UnReadUserIds);
 * doc 6348/1223552: 100 requests/s, one-to-one and group chats only. The per-call maximum is not
 * documented: ids go in calls of 20 by default (at most 50), one after the other
 * (helpers/messageIds.ts). One output item per requested message, `found: false` when not returned.
 */

export const getReadReceipts = volcengineOperation<MessageIdsPlan>({
	resource: 'conversation',
	operation: 'getReadReceipts',
	option: { name: 'Get Read Receipts', description: 'Who has and has not read messages of a conversation (GetMessagesReadReceipt)', action: 'Get read receipts of messages' },
	properties: [
		appIdField,
		conversationLocator('The one-to-one or group conversation of the messages'),
		...messageIdsProperties('check', 'Message IDs per call, 1 to 50. Volcengine does not document a maximum; 20 is a safe default.'),
	],
	read: async (r) => ({ appId: await resolveAppId(r), conversationShortId: readConversationId(r), ...readMessageIds(r) }),
	shape: byMessageId(imApi('GetMessagesReadReceipt', true), 'ReadReceipt', recordJson),
	doc: {
		api: 'GetMessagesReadReceipt',
		limits:
			'Any number of message IDs per item, sent in calls of 20 (at most 50; the maximum is not documented), one after the other. 100 requests/s; one-to-one and group chats only ([6348/1223552](https://www.volcengine.com/docs/6348/1223552)). One output item per message.',
	},
});
