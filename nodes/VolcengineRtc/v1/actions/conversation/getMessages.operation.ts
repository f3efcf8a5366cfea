import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { chunks } from '../../../../shared/batching';
import { readOption, readParam } from '../../../../shared/params';
import { intInRange, int64Id } from '../../../../shared/schemas';
import { volcengineApiRequest } from '../../../transport/request';
import { resolveAppId } from '../../helpers/common';
import { appIdField, batchSizeOption, conversationShortIdField } from '../../helpers/fields';
import { int64List, messageJson, uniqueIds } from '../../helpers/im';

/**
 * GetMessages — volcengine-rtc.md §4.8. Any number of message ids per item; the per-call maximum is
 * unconfirmed, so they go in calls of 20 by default (at most 50). One output item per requested
 * id, in the requested order: the message, or `found: false` when Volcengine did not return it.
 */

export const DEFAULT_MESSAGE_IDS_PER_CALL = 20;
export const MAX_MESSAGE_IDS_PER_CALL = 50;

const properties: INodeProperties[] = [
	appIdField,
	conversationShortIdField,
	{
		displayName: 'Message IDs',
		name: 'messageIds',
		type: 'string',
		default: '',
		required: true,
		typeOptions: { rows: 2 },
		placeholder: '7205759403792793601, 7205759403792793602',
		description: 'MessageIds to read, separated by commas or new lines, or an array from an expression',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				...batchSizeOption(MAX_MESSAGE_IDS_PER_CALL, 'Message IDs', DEFAULT_MESSAGE_IDS_PER_CALL),
				description: 'Message IDs per call. Volcengine does not document a maximum; 20 is a safe default.',
			},
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['conversation'], operation: ['getMessages'] } },
	properties,
);

export interface GetMessagesPlan {
	appId: number;
	conversationShortId: bigint;
	messageIds: bigint[];
	batchSize: number;
}

export async function prepare(this: IExecuteFunctions, i: number): Promise<GetMessagesPlan> {
	const appId = await resolveAppId(this, i);
	const conversationShortId = readParam(this, 'conversationShortId', i, int64Id, 'Conversation ID');
	const messageIds: bigint[] = readParam(this, 'messageIds', i, int64List('message ID'), 'Message IDs');
	const batchSize = readOption(this, 'options', 'batchSize', i, intInRange(1, MAX_MESSAGE_IDS_PER_CALL), 'Batch Size', DEFAULT_MESSAGE_IDS_PER_CALL);
	return { appId, conversationShortId, messageIds: uniqueIds(messageIds), batchSize };
}

export async function executeItem(this: IExecuteFunctions, plan: GetMessagesPlan, i: number): Promise<IDataObject[]> {
	const found = new Map<string, IDataObject>();
	for (const ids of chunks(plan.messageIds, plan.batchSize)) {
		const body = { AppId: plan.appId, ConversationShortId: plan.conversationShortId, MessageIds: ids };
		const { result } = await volcengineApiRequest.call(this, 'GetMessages', body, { itemIndex: i, idempotent: true });
		for (const m of (Array.isArray(result.Messages) ? result.Messages : []) as IDataObject[]) {
			const json = messageJson(m);
			found.set(String(json.messageId), json);
		}
	}
	return plan.messageIds.map((id) => {
		const m = found.get(String(id));
		return m ? { found: true, ...m } : { found: false, messageId: String(id), conversationShortId: String(plan.conversationShortId) };
	});
}
