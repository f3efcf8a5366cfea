import { z } from 'zod';
import { paginate } from '../../../../shared/engine/callShapes';
import { collection, intInRange, int64Id } from '../../../../shared/schemas';
import { imApi } from '../../../transport/request';
import { resolveAppId, volcengineOperation } from '../../helpers/common';
import { conversationJson } from '../../helpers/conversations';
import { appIdField, inboxTypeOption } from '../../helpers/fields';
import { limitFields, nextCursorPage, readLimit } from '../../helpers/pages';

/**
 * GetUserConversations — volc-sdk-golang service/im/model.go GetUserConversationsBody (Cursor, Limit
 * "最大值为 20", DataType, SkipMemberCount, InboxType) and …ResResult (HasMore, NextCursor); doc
 * 6348/337049: QPS ≤ 100. Pages from Cursor 0 following NextCursor while HasMore.
 */

export const MAX_PAGE_SIZE = 20;
const SOURCES = { recent: 0, created: 1, liveGroupsCreated: 2 } as const;

interface Plan {
	appId: number;
	userId: bigint;
	limit: number | undefined;
	dataType: number;
	skipMemberCount: boolean;
	inboxType: number | undefined;
	pageSize: number;
}

export const getMany = volcengineOperation<Plan>({
	resource: 'conversation',
	operation: 'getMany',
	option: { name: 'Get Many', description: 'List the conversations a user is in (GetUserConversations)', action: 'Get many conversations of a user' },
	properties: [
		appIdField,
		{
			displayName: 'User ID',
			name: 'participantUserId',
			type: 'string',
			default: '',
			required: true,
			placeholder: '10001',
			description: 'User whose conversations to list (ParticipantUserId; a numeric ID, give long IDs as text)',
		},
		...limitFields,
		collection([
			{ ...inboxTypeOption, description: 'Logical mailbox (InboxType), 0 to 2147483647; 0 unless your app uses several' },
			{
				displayName: 'Include Member Count',
				name: 'withMemberCount',
				type: 'boolean',
				default: true,
				description: 'Whether to return the number of members of each conversation (SkipMemberCount false)',
			},
			{
				displayName: 'Order',
				name: 'dataType',
				type: 'options',
				default: 'recent',
				description: 'Which conversations, in which order (DataType)',
				options: [
					{ name: 'Live Groups Created by the User', value: 'liveGroupsCreated', description: 'Newest first (DataType 2)' },
					{ name: 'Oldest Created First', value: 'created', description: 'From the database, by creation time (DataType 1)' },
					{ name: 'Recently Active First', value: 'recent', description: 'From the cache, by last activity (DataType 0)' },
				],
			},
			{
				displayName: 'Page Size',
				name: 'pageSize',
				type: 'number',
				default: MAX_PAGE_SIZE,
				typeOptions: { minValue: 1, maxValue: MAX_PAGE_SIZE, numberPrecision: 0 },
				description: 'Conversations asked for per call (Limit), 1 to 20 (the documented maximum)',
			},
		]),
	],
	async read(r) {
		const kind = r.option('options', 'dataType', z.enum(['recent', 'created', 'liveGroupsCreated']), 'Order', 'recent');
		return {
			appId: await resolveAppId(r),
			userId: r.param('participantUserId', int64Id, 'User ID'),
			limit: readLimit(r),
			dataType: SOURCES[kind],
			skipMemberCount: !r.option('options', 'withMemberCount', z.boolean({ invalid_type_error: 'must be true or false' }), 'Include Member Count', true),
			inboxType: r.has('options', 'inboxType') ? r.option('options', 'inboxType', intInRange(0, 2147483647), 'Inbox Type', 0) : undefined,
			pageSize: r.option('options', 'pageSize', intInRange(1, MAX_PAGE_SIZE), 'Page Size', MAX_PAGE_SIZE),
		};
	},
	shape: paginate({
		api: imApi('GetUserConversations', true),
		vendor: 'Volcengine',
		noun: 'conversations',
		start: () => 0n,
		limit: (plan) => plan.limit,
		pageSize: (plan) => plan.pageSize,
		body(plan, cursor, want) {
			const body: Record<string, unknown> = { AppId: plan.appId, ParticipantUserId: plan.userId, Cursor: cursor, Limit: want, DataType: plan.dataType, SkipMemberCount: plan.skipMemberCount };
			if (plan.inboxType !== undefined) body.InboxType = plan.inboxType;
			return body;
		},
		page: (result) => nextCursorPage(result, 'ConversationInfos'),
		map: conversationJson,
	}),
	doc: {
		api: 'GetUserConversations',
		limits:
			'Return All or Limit; pages of at most 20 (Limit), following NextCursor while HasMore. 100 requests/s ([6348/337049](https://www.volcengine.com/docs/6348/337049)). One output item per conversation.',
	},
});
