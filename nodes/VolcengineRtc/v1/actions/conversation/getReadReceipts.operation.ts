import type { IDataObject } from 'n8n-workflow';
import { fanOut } from '../../../../shared/engine/callShapes';
import { collection } from '../../../../shared/rules';
import { intInRange } from '../../../../shared/schemas';
import { imApi } from '../../../transport/request';
import { resolveAppId, volcengineOperation } from '../../helpers/common';
import { conversationLocator, readConversationId, recordJson } from '../../helpers/conversations';
import { appIdField, batchSizeOption } from '../../helpers/fields';
import { int64List, uniqueIds } from '../../helpers/im';
import { DEFAULT_MESSAGE_IDS_PER_CALL, MAX_MESSAGE_IDS_PER_CALL } from './getMessages.operation';

/**
 * GetMessagesReadReceipt — volc-sdk-golang service/im/model.go GetMessagesReadReceiptBody
 * (ConversationShortId, MessageIds) / …ReadReceiptItem (ReceiverIsRead, ReadUserIds, UnReadUserIds);
 * doc 6348/1223552: 100 requests/s, one-to-one and group chats only. The per-call maximum is not
 * documented: message ids go in calls of 20 by default (at most 50), one after the other. One
 * output item per requested message, in order; `found: false` when Volcengine did not return it.
 */

const api = imApi('GetMessagesReadReceipt', true);

interface Plan {
	appId: number;
	conversationShortId: bigint;
	messageIds: bigint[];
	batchSize: number;
}

export const getReadReceipts = volcengineOperation<Plan>({
	resource: 'conversation',
	operation: 'getReadReceipts',
	option: { name: 'Get Read Receipts', description: 'Who has and has not read messages of a conversation (GetMessagesReadReceipt)', action: 'Get read receipts of messages' },
	properties: [
		appIdField,
		conversationLocator('The one-to-one or group conversation of the messages'),
		{
			displayName: 'Message IDs',
			name: 'messageIds',
			type: 'string',
			default: '',
			required: true,
			typeOptions: { rows: 2 },
			placeholder: '7205759403792793601, 7205759403792793602',
			description: 'MessageIds to check, separated by commas or new lines, or an array from an expression',
		},
		collection([
			{
				...batchSizeOption(MAX_MESSAGE_IDS_PER_CALL, 'Message IDs', DEFAULT_MESSAGE_IDS_PER_CALL),
				description: 'Message IDs per call, 1 to 50. Volcengine does not document a maximum; 20 is a safe default.',
			},
		]),
	],
	async read(r) {
		return {
			appId: await resolveAppId(r),
			conversationShortId: readConversationId(r),
			messageIds: uniqueIds(r.param('messageIds', int64List('message ID'), 'Message IDs')),
			batchSize: r.option('options', 'batchSize', intInRange(1, MAX_MESSAGE_IDS_PER_CALL), 'Batch Size', DEFAULT_MESSAGE_IDS_PER_CALL),
		};
	},
	shape: fanOut({
		ordered: true,
		list: (plan) => plan.messageIds,
		max: (plan) => plan.batchSize,
		async send(plan, ids, _n, send) {
			const { result } = await send(api, { AppId: plan.appId, ConversationShortId: plan.conversationShortId, MessageIds: ids });
			return { failed: [], value: (Array.isArray(result.ReadReceipt) ? result.ReadReceipt : []) as IDataObject[] };
		},
		output(plan, r) {
			if (r.firstError) throw r.firstError;
			const found = new Map<string, IDataObject>();
			for (const page of r.values as IDataObject[][]) for (const m of page) found.set(String(m.MessageId), recordJson(m));
			return plan.messageIds.map((id) => {
				const m = found.get(String(id));
				return m ? { found: true, ...m } : { found: false, messageId: String(id), conversationShortId: String(plan.conversationShortId) };
			});
		},
	}),
	doc: {
		api: 'GetMessagesReadReceipt',
		limits:
			'Any number of message IDs per item, sent in calls of 20 (at most 50; the maximum is not documented), one after the other. 100 requests/s; one-to-one and group chats only ([6348/1223552](https://www.volcengine.com/docs/6348/1223552)). One output item per message.',
	},
});
