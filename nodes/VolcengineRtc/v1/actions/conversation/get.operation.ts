import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';
import { coalesce } from '../../../../shared/engine/callShapes';
import { collection, intInRange } from '../../../../shared/schemas';
import { imApi, type VolcengineApi } from '../../../transport/request';
import { resolveAppId, volcengineOperation } from '../../helpers/common';
import { conversationJson, conversationLocator, readConversationId } from '../../helpers/conversations';
import { appIdField, batchSizeOption } from '../../helpers/fields';

/**
 * BatchGetConversations — volc-sdk-golang service/im/model.go BatchGetConversationsBody
 * (ConversationShortId []int64, SkipMemberCount default true); doc 6348/337118: QPS ≤ 100, dissolved
 * conversations are not returned. One conversation per item; consecutive items share a call. The
 * per-call maximum is not documented: 20 by default, at most 50.
 */

export const MAX_CONVERSATIONS_PER_CALL = 50;
const DEFAULT_PER_CALL = 20;

interface Plan {
	appId: number;
	conversationShortId: bigint;
	withMemberCount: boolean;
	batchSize: number;
}

export const get = volcengineOperation<Plan>({
	resource: 'conversation',
	operation: 'get',
	option: { name: 'Get', description: 'Read conversations, many items per call (BatchGetConversations)', action: 'Get a conversation' },
	properties: [
		appIdField,
		conversationLocator('The conversation to read. One conversation per input item: items are combined into calls'),
		collection([
			{
				...batchSizeOption(MAX_CONVERSATIONS_PER_CALL, 'Conversations (input items)', DEFAULT_PER_CALL),
				description: 'Conversations per call, 1 to 50. Volcengine does not document a maximum; 20 is a safe default.',
			},
			{
				displayName: 'Include Member Count',
				name: 'withMemberCount',
				type: 'boolean',
				default: false,
				description: 'Whether to return the number of members too (SkipMemberCount false)',
			},
		]),
	],
	async read(r) {
		return {
			appId: await resolveAppId(r),
			conversationShortId: readConversationId(r),
			withMemberCount: r.option('options', 'withMemberCount', z.boolean({ invalid_type_error: 'must be true or false' }), 'Include Member Count', false),
			batchSize: r.option('options', 'batchSize', intInRange(1, MAX_CONVERSATIONS_PER_CALL), 'Batch Size', DEFAULT_PER_CALL),
		};
	},
	shape: coalesce<Plan, VolcengineApi>({
		max: (p) => p.batchSize,
		sameCallKey: (p) => `${p.appId}|${p.withMemberCount}`,
		entityKey: (p) => p.conversationShortId,
		regroup: true,
		async run(call, send) {
			const { appId, withMemberCount } = call[0].plan;
			const ids = call.map(({ plan }) => plan.conversationShortId);
			const { result, requestId } = await send(imApi('BatchGetConversations', true), { AppId: appId, ConversationShortId: ids, SkipMemberCount: !withMemberCount });
			const found = new Map<string, IDataObject>();
			for (const c of (Array.isArray(result.ConversationCoreInfos) ? result.ConversationCoreInfos : []) as IDataObject[]) found.set(String(c.ConversationShortId), c);
			return ids.map((id) => {
				const c = found.get(String(id));
				return c ? { found: true, ...conversationJson(c), requestId: requestId ?? null } : { found: false, conversationShortId: String(id), requestId: requestId ?? null };
			});
		},
	}),
	doc: {
		api: 'BatchGetConversations',
		limits:
			'One conversation per item; consecutive items share a call (20 by default, at most 50: the maximum is not documented). 100 requests/s; dissolved conversations come back as `found: false` ([6348/337118](https://www.volcengine.com/docs/6348/337118)).',
	},
});
