import { randomUUID } from 'node:crypto';
import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';
import { single } from '../../../../shared/engine/callShapes';
import { emptyAs, intInRange, int64Id, text } from '../../../../shared/schemas';
import { imApi } from '../../../transport/request';
import { resolveAppId, volcengineOperation, type Body } from '../../helpers/common';
import { CONVERSATION_TYPES, conversationJson, conversationTypeField, ownerField, profileCollection, readConversationProfile } from '../../helpers/conversations';
import { appIdField, inboxTypeOption } from '../../helpers/fields';
import { idString } from '../../helpers/im';

/**
 * CreateConversation — volc-sdk-golang service/im/model.go CreateConversationBody; doc 6348/337013
 * (QPS ≤ 50). IdempotentId: "请谨慎传入" — a one-to-one chat without one is de-duplicated by the two
 * user IDs, so the node never invents one there (a new id could create a second chat between the
 * same users). A group without one gets a random id from the vendor, so a retried create could
 * make two groups: the node draws one per item before the first attempt (returned in the output).
 */

type Kind = keyof typeof CONVERSATION_TYPES;

export const create = volcengineOperation<{ body: Body; kind: Kind }>({
	resource: 'conversation',
	operation: 'create',
	option: { name: 'Create', description: 'Create a one-to-one chat, a group or a live group (CreateConversation)', action: 'Create a conversation' },
	properties: [
		appIdField,
		{ ...conversationTypeField, required: true },
		ownerField('User who creates and owns the conversation'),
		{
			displayName: 'Other User ID',
			name: 'otherUserId',
			type: 'string',
			default: '',
			required: true,
			placeholder: '10002',
			description: 'The second user of the one-to-one chat (OtherUserId; a numeric ID)',
			displayOptions: { show: { conversationType: ['oneToOne'] } },
		},
		profileCollection(
			[
				{
					displayName: 'Idempotency Key',
					name: 'idempotentId',
					type: 'string',
					default: '',
					placeholder: '={{ $json.orderId }}',
					description:
						'IdempotentId: a second create with the same key returns the existing conversation (status "exists"). Groups: empty draws one per item, so retries never create twice. One-to-one: leave empty, Volcengine then keys the chat by the two user IDs.',
				},
				{ ...inboxTypeOption, description: 'Logical mailbox (InboxType), 0 to 2147483647; 0 unless your app uses several' },
			],
			'Additional Fields',
			'additionalFields',
		),
	],
	async read(r) {
		const AppId = await resolveAppId(r);
		const kind = r.param('conversationType', z.enum(['oneToOne', 'group', 'liveGroup']), 'Conversation Type', 'group');
		const body: Body = {
			AppId,
			OwnerUserId: r.param('ownerUserId', int64Id, 'Owner User ID'),
			ConversationCoreInfo: { ConversationType: CONVERSATION_TYPES[kind], ...readConversationProfile(r, 'additionalFields') },
		};
		if (kind === 'oneToOne') body.OtherUserId = r.param('otherUserId', int64Id, 'Other User ID');
		const key = r.option('additionalFields', 'idempotentId', emptyAs(text({ maxBytes: 128 }).transform((s) => s.trim())), 'Idempotency Key', '');
		if (key !== undefined) body.IdempotentId = key;
		else if (kind !== 'oneToOne') body.IdempotentId = randomUUID();
		if (r.has('additionalFields', 'inboxType')) body.InboxType = r.option('additionalFields', 'inboxType', intInRange(0, 2147483647), 'Inbox Type', 0);
		return { body, kind };
	},
	shape: single({
		// The IdempotentId (or, one-to-one, the two user IDs) makes a repeat return the same conversation.
		api: imApi('CreateConversation', true),
		body: (plan) => plan.body,
		output({ body }, { result, requestId }) {
			const info = (result.ConversationInfo ?? {}) as IDataObject;
			return {
				status: result.Exist === true ? 'exists' : 'created',
				...conversationJson(info),
				conversationShortId: idString(result.ConversationShortId ?? info.ConversationShortId),
				conversationId: (result.ConversationId as string) ?? (info.ConversationId as string) ?? null,
				idempotentId: (body.IdempotentId as string) ?? null,
				requestId: requestId ?? null,
			};
		},
	}),
	doc: {
		api: 'CreateConversation',
		limits:
			'One conversation per item. 50 requests/s ([6348/337013](https://www.volcengine.com/docs/6348/337013)). Groups and live groups get an Idempotency Key (IdempotentId) per item unless you set one, so a retry never creates a second group; one-to-one chats are keyed by the two user IDs (the vendor\'s rule). Fields: volc-sdk-golang `service/im/model.go` CreateConversationBody.',
	},
});
