import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';
import { paginate } from '../../../../shared/engine/callShapes';
import { collection } from '../../../../shared/rules';
import { intInRange, int64Id } from '../../../../shared/schemas';
import { imApi } from '../../../transport/request';
import { resolveAppId, volcengineOperation } from '../../helpers/common';
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

interface Plan {
	appId: number;
	conversationShortId: bigint;
	limit: number | undefined;
	reverse: 0 | 1;
	cursor: bigint;
	pageSize: number;
}

export const getManyMessages = volcengineOperation<Plan>({
	resource: 'conversation',
	operation: 'getManyMessages',
	option: {
		name: 'Get Many Messages',
		description: 'Page through the messages of a conversation (GetConversationMessages)',
		action: 'Get many messages of a conversation',
	},
	properties: [
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
		collection([
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
		]),
	],
	async read(r) {
		const appId = await resolveAppId(r);
		const conversationShortId = r.param('conversationShortId', int64Id, 'Conversation ID');
		const returnAll = r.param('returnAll', z.boolean({ invalid_type_error: 'must be true or false' }), 'Return All', false);
		const limit = returnAll ? undefined : r.param('limit', intInRange(1, Number.MAX_SAFE_INTEGER), 'Limit', 50);
		const order = r.option('options', 'order', z.enum(['newestFirst', 'oldestFirst']), 'Order', 'newestFirst');
		const cursor = r.option('options', 'cursor', optionalCursor, 'Start Cursor', '');
		const pageSize = Math.min(MAX_PAGE_SIZE, r.option('options', 'pageSize', intInRange(1, LEGACY_MAX_PAGE_SIZE), 'Page Size', DEFAULT_PAGE_SIZE));
		const reverse = order === 'newestFirst' ? 1 : 0;
		return { appId, conversationShortId, limit, reverse, cursor: cursor ?? (reverse ? LAST_INDEX : 0n), pageSize };
	},
	shape: paginate({
		api: imApi('GetConversationMessages', true),
		vendor: 'Volcengine',
		noun: 'messages',
		start: (plan) => plan.cursor,
		limit: (plan) => plan.limit,
		pageSize: (plan) => plan.pageSize,
		body: (plan, cursor, want) => ({ AppId: plan.appId, ConversationShortId: plan.conversationShortId, Cursor: cursor, Limit: want, Reverse: plan.reverse }),
		page(result) {
			const nextText = String(result.NewCursor ?? '');
			return {
				entries: (Array.isArray(result.Messages) ? result.Messages : []) as IDataObject[],
				hasMore: result.HasMore === true,
				next: /^-?\d+$/.test(nextText) ? BigInt(nextText) : undefined,
				nextText,
			};
		},
		map: messageJson,
	}),
});
