import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import { z } from 'zod';
import { readOption, readParam } from '../../../../shared/params';
import { intInRange, int64Id } from '../../../../shared/schemas';
import { volcengineApiRequest } from '../../../transport/request';
import { resolveAppId } from '../../helpers/common';
import { appIdField, conversationShortIdField } from '../../helpers/fields';
import { messageJson, optionalCursor } from '../../helpers/im';

/**
 * GetConversationMessages — volcengine-rtc.md §4.8, doc 6348/337138 (≤ 20 per call, QPS ≤ 100): pages of `Limit` messages from `Cursor` (a
 * message index), following `NewCursor` while `HasMore`. Return All, or stop at Limit. One output
 * item per message, all paired with the input item.
 */

export const DEFAULT_PAGE_SIZE = 20;
/** "一次最多查询 20 条消息" — https://www.volcengine.com/docs/6348/337138. */
export const MAX_PAGE_SIZE = 20;
/** Larger Page Size values of saved workflows (the field once allowed 100) are read, then capped. */
const LEGACY_MAX_PAGE_SIZE = 100;
/**
 * Start cursor for "newest first" when none is given. The doc (6348/337138) and the Go SDK
 * (GetConversationMessagesBody) define Cursor only as "查询起始位置，即查询起始消息的 Index" (a Long)
 * with Reverse 1 reading backward; no "from the newest" value is documented. The largest Long is
 * ≥ every message index, so a backward read from it starts at the newest message. If a gateway
 * ever refused it, the vendor error surfaces on the item (nothing is silently skipped); set
 * Start Cursor to an indexInConversation to avoid relying on it. Unconfirmed: see the README.
 */
const LAST_INDEX = 9223372036854775807n;

const properties: INodeProperties[] = [
	appIdField,
	conversationShortIdField,
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		default: 50,
		typeOptions: { minValue: 1, numberPrecision: 0 },
		displayOptions: { show: { returnAll: [false] } },
		description: 'Max number of results to return',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Order',
				name: 'order',
				type: 'options',
				default: 'newestFirst',
				description: 'Direction to read in (Reverse). Live groups can only be read newest first.',
				options: [
					{ name: 'Newest First', value: 'newestFirst', description: 'Backward from the start cursor (Reverse 1)' },
					{ name: 'Oldest First', value: 'oldestFirst', description: 'Forward from the start cursor (Reverse 0)' },
				],
			},
			{
				displayName: 'Page Size',
				name: 'pageSize',
				type: 'number',
				default: DEFAULT_PAGE_SIZE,
				typeOptions: { minValue: 1, maxValue: MAX_PAGE_SIZE, numberPrecision: 0 },
				description: 'Messages asked for per call (Limit), at most 20 (the documented maximum)',
			},
			{
				displayName: 'Start Cursor',
				name: 'cursor',
				type: 'string',
				default: '',
				placeholder: '0',
				description:
					'Message index to start from (Cursor), e.g. the indexInConversation of a message from an earlier run. Empty: the newest message (newest first) or the first one (oldest first).',
			},
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['conversation'], operation: ['getManyMessages'] } },
	properties,
);

export interface GetManyMessagesPlan {
	appId: number;
	conversationShortId: bigint;
	limit: number | undefined;
	reverse: 0 | 1;
	cursor: bigint;
	pageSize: number;
}

export async function prepare(this: IExecuteFunctions, i: number): Promise<GetManyMessagesPlan> {
	const appId = await resolveAppId(this, i);
	const conversationShortId = readParam(this, 'conversationShortId', i, int64Id, 'Conversation ID');
	const returnAll = readParam(this, 'returnAll', i, z.boolean({ invalid_type_error: 'must be true or false' }), 'Return All', false);
	const limit = returnAll ? undefined : readParam(this, 'limit', i, intInRange(1, Number.MAX_SAFE_INTEGER), 'Limit', 50);
	const order = readOption(this, 'options', 'order', i, z.enum(['newestFirst', 'oldestFirst']), 'Order', 'newestFirst');
	const cursor = readOption(this, 'options', 'cursor', i, optionalCursor, 'Start Cursor', '');
	const pageSize = Math.min(MAX_PAGE_SIZE, readOption(this, 'options', 'pageSize', i, intInRange(1, LEGACY_MAX_PAGE_SIZE), 'Page Size', DEFAULT_PAGE_SIZE));
	const reverse = order === 'newestFirst' ? 1 : 0;
	return { appId, conversationShortId, limit, reverse, cursor: cursor ?? (reverse ? LAST_INDEX : 0n), pageSize };
}

export async function executeItem(this: IExecuteFunctions, plan: GetManyMessagesPlan, i: number): Promise<IDataObject[]> {
	const out: IDataObject[] = [];
	let cursor = plan.cursor;
	const seen = new Set<string>();
	for (;;) {
		const want = plan.limit === undefined ? plan.pageSize : Math.min(plan.pageSize, plan.limit - out.length);
		const body = { AppId: plan.appId, ConversationShortId: plan.conversationShortId, Cursor: cursor, Limit: want, Reverse: plan.reverse };
		const { result } = await volcengineApiRequest.call(this, 'GetConversationMessages', body, { itemIndex: i, idempotent: true });
		const page = (Array.isArray(result.Messages) ? result.Messages : []) as IDataObject[];
		for (const m of page) {
			if (plan.limit !== undefined && out.length >= plan.limit) break;
			out.push(messageJson(m));
		}
		if (result.HasMore !== true || (plan.limit !== undefined && out.length >= plan.limit)) break;
		const next = String(result.NewCursor ?? '');
		// A cursor that does not move (or comes back) would loop forever: stop with an error instead.
		if (!/^-?\d+$/.test(next) || BigInt(next) === cursor || seen.has(next)) {
			throw new NodeOperationError(this.getNode(), `Volcengine returned HasMore with a cursor that does not advance (${next || 'none'})`, {
				itemIndex: i,
				description: `Stopped after ${out.length} messages to avoid reading the same page again.`,
			});
		}
		seen.add(next);
		cursor = BigInt(next);
	}
	return out;
}
