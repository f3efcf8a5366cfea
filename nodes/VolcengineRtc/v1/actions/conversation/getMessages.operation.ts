import { int64Id } from '../../../../shared/schemas';
import { imApi } from '../../../transport/request';
import { resolveAppId, volcengineOperation } from '../../helpers/common';
import { appIdField, conversationShortIdField } from '../../helpers/fields';
import { messageJson } from '../../helpers/im';
import { byMessageId, messageIdsProperties, readMessageIds, type MessageIdsPlan } from '../../helpers/messageIds';

/**
 * GetMessages — volcengine-rtc.md §4.8. Any number of message ids per item; the per-call maximum is
 * unconfirmed, so they go in calls of 20 by default (at most 50). One output item per requested
 * id, in the requested order: the message, or `found: false` when Volcengine did not return it.
 * A read that fails fails the item (nothing partial is returned). The id reads: helpers/messageIds.ts.
 */

export const getMessages = volcengineOperation<MessageIdsPlan>({
	resource: 'conversation',
	operation: 'getMessages',
	option: { name: 'Get Messages by ID', description: 'Read messages of a conversation by their IDs (GetMessages)', action: 'Get messages of a conversation by ID' },
	doc: { api: '`GetMessages`', limits: 'Any number of ids, 20 per call; one item per message.' },
	properties: [appIdField, conversationShortIdField, ...messageIdsProperties('read')],
	async read(r) {
		const appId = await resolveAppId(r);
		const conversationShortId = r.param('conversationShortId', int64Id, 'Conversation ID');
		return { appId, conversationShortId, ...readMessageIds(r) };
	},
	shape: byMessageId(imApi('GetMessages', true), 'Messages', messageJson),
});
