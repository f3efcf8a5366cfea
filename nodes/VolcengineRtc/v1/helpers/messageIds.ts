import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { fanOut } from '../../../shared/engine/callShapes';
import type { ItemReader } from '../../../shared/engine/reader';
import { collection, intInRange } from '../../../shared/schemas';
import type { VolcengineApi } from '../../transport/request';
import { batchSizeOption } from './fields';
import { int64List, uniqueIds } from './im';

/**
 * Reads by message id (GetMessages, GetMessagesReadReceipt — volc-sdk-golang service/im/model.go):
 * any number of ids per item; the per-call maximum is not documented, so they go in calls of 20 by
 * default (at most 50), one after the other. One output item per requested id, in the requested
 * order: the entry, or `found: false` when Volcengine did not return it. A read that fails fails
 * the item (nothing partial is returned).
 */

export const DEFAULT_MESSAGE_IDS_PER_CALL = 20;
export const MAX_MESSAGE_IDS_PER_CALL = 50;

export interface MessageIdsPlan {
	appId: number;
	conversationShortId: bigint;
	messageIds: bigint[];
	batchSize: number;
}

/** Message IDs and Options → Batch Size; `verb` completes "MessageIds to …". */
export function messageIdsProperties(verb: string, batchDescription = 'Message IDs per call. Volcengine does not document a maximum; 20 is a safe default.'): INodeProperties[] {
	return [
		{
			displayName: 'Message IDs',
			name: 'messageIds',
			type: 'string',
			default: '',
			required: true,
			typeOptions: { rows: 2 },
			placeholder: '7205759403792793601, 7205759403792793602',
			description: `MessageIds to ${verb}, separated by commas or new lines, or an array from an expression`,
		},
		collection([{ ...batchSizeOption(MAX_MESSAGE_IDS_PER_CALL, 'Message IDs', DEFAULT_MESSAGE_IDS_PER_CALL), description: batchDescription }]),
	];
}

export function readMessageIds(r: ItemReader): Pick<MessageIdsPlan, 'messageIds' | 'batchSize'> {
	const messageIds: bigint[] = r.param('messageIds', int64List('message ID'), 'Message IDs');
	const batchSize = r.option('options', 'batchSize', intInRange(1, MAX_MESSAGE_IDS_PER_CALL), 'Batch Size', DEFAULT_MESSAGE_IDS_PER_CALL);
	return { messageIds: uniqueIds(messageIds), batchSize };
}

/** The ordered fan-out: `api` with MessageIds, the answer's `listKey` entries mapped by `map` (which yields `messageId`). */
export function byMessageId(api: VolcengineApi, listKey: string, map: (entry: IDataObject) => IDataObject) {
	return fanOut<MessageIdsPlan, bigint, VolcengineApi>({
		ordered: true,
		list: (plan) => plan.messageIds,
		max: (plan) => plan.batchSize,
		async send(plan, ids, _n, send) {
			const { result } = await send(api, { AppId: plan.appId, ConversationShortId: plan.conversationShortId, MessageIds: ids });
			return { failed: [], value: (Array.isArray(result[listKey]) ? result[listKey] : []) as IDataObject[] };
		},
		output(plan, r) {
			if (r.firstError) throw r.firstError;
			const found = new Map<string, IDataObject>();
			for (const page of r.values as IDataObject[][]) {
				for (const m of page) {
					const json = map(m);
					found.set(String(json.messageId), json);
				}
			}
			return plan.messageIds.map((id) => {
				const m = found.get(String(id));
				return m ? { found: true, ...m } : { found: false, messageId: String(id), conversationShortId: String(plan.conversationShortId) };
			});
		},
	});
}
