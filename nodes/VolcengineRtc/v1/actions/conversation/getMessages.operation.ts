import type { IDataObject } from 'n8n-workflow';
import { fanOut } from '../../../../shared/engine/callShapes';
import { collection, intInRange, int64Id, textField } from '../../../../shared/schemas';
import { imApi } from '../../../transport/request';
import { resolveAppId, volcengineOperation } from '../../helpers/common';
import { appIdField, batchSizeOption, conversationShortIdField } from '../../helpers/fields';
import { int64List, messageJson, uniqueIds } from '../../helpers/im';

/**
 * GetMessages — volcengine-rtc.md §4.8. Any number of message ids per item; the per-call maximum is
 * unconfirmed, so they go in calls of 20 by default (at most 50). One output item per requested
 * id, in the requested order: the message, or `found: false` when Volcengine did not return it.
 * A read that fails fails the item (nothing partial is returned).
 */

export const DEFAULT_MESSAGE_IDS_PER_CALL = 20;
export const MAX_MESSAGE_IDS_PER_CALL = 50;
const api = imApi('GetMessages', true);

interface Plan {
	appId: number;
	conversationShortId: bigint;
	messageIds: bigint[];
	batchSize: number;
}

export const getMessages = volcengineOperation<Plan>({
	resource: 'conversation',
	operation: 'getMessages',
	option: { name: 'Get Messages by ID', description: 'Read messages of a conversation by their IDs (GetMessages)', action: 'Get messages of a conversation by ID' },
	doc: { api: '`GetMessages`', limits: 'Any number of ids, 20 per call; one item per message.' },
	properties: [
		appIdField,
		conversationShortIdField,
		textField(
			'Message IDs',
			'messageIds',
			'MessageIds to read, separated by commas or new lines, or an array from an expression',
			{ required: true, typeOptions: { rows: 2 }, placeholder: '7205759403792793601, 7205759403792793602' },
		),
		collection([
			{
				...batchSizeOption(MAX_MESSAGE_IDS_PER_CALL, 'Message IDs', DEFAULT_MESSAGE_IDS_PER_CALL),
				description: 'Message IDs per call. Volcengine does not document a maximum; 20 is a safe default.',
			},
		]),
	],
	async read(r) {
		const appId = await resolveAppId(r);
		const conversationShortId = r.param('conversationShortId', int64Id, 'Conversation ID');
		const messageIds: bigint[] = r.param('messageIds', int64List('message ID'), 'Message IDs');
		const batchSize = r.option('options', 'batchSize', intInRange(1, MAX_MESSAGE_IDS_PER_CALL), 'Batch Size', DEFAULT_MESSAGE_IDS_PER_CALL);
		return { appId, conversationShortId, messageIds: uniqueIds(messageIds), batchSize };
	},
	shape: fanOut({
		ordered: true,
		list: (plan) => plan.messageIds,
		max: (plan) => plan.batchSize,
		async send(plan, ids, _n, send) {
			const { result } = await send(api, { AppId: plan.appId, ConversationShortId: plan.conversationShortId, MessageIds: ids });
			return { failed: [], value: (Array.isArray(result.Messages) ? result.Messages : []) as IDataObject[] };
		},
		output(plan, r) {
			if (r.firstError) throw r.firstError;
			const found = new Map<string, IDataObject>();
			for (const page of r.values as IDataObject[][]) {
				for (const m of page) {
					const json = messageJson(m);
					found.set(String(json.messageId), json);
				}
			}
			return plan.messageIds.map((id) => {
				const m = found.get(String(id));
				return m ? { found: true, ...m } : { found: false, messageId: String(id), conversationShortId: String(plan.conversationShortId) };
			});
		},
	}),
});
