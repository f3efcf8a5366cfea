import { single } from '../../../../shared/engine/callShapes';
import { int64Id } from '../../../../shared/schemas';
import { imApi } from '../../../transport/request';
import { resolveAppId, volcengineOperation, type Body } from '../../helpers/common';
import { conversationLocator, ownerField, readConversationId } from '../../helpers/conversations';
import { appIdField } from '../../helpers/fields';

/** DestroyConversation — volc-sdk-golang service/im/model.go DestroyConversationBody: the owner dissolves it. */

export const destroy = volcengineOperation<Body>({
	resource: 'conversation',
	operation: 'delete',
	option: { name: 'Delete', description: 'Dissolve a conversation as its owner (DestroyConversation)', action: 'Delete a conversation' },
	properties: [
		appIdField,
		conversationLocator('The conversation to dissolve'),
		ownerField('Owner of the conversation'),
	],
	async read(r) {
		return { AppId: await resolveAppId(r), ConversationShortId: readConversationId(r), OwnerUserId: r.param('ownerUserId', int64Id, 'Owner User ID') };
	},
	shape: single({
		api: imApi('DestroyConversation', true), // dissolving twice leaves it dissolved
		body: (body) => body,
		output: (body, { requestId }) => ({
			status: 'deleted',
			conversationShortId: String(body.ConversationShortId),
			ownerUserId: String(body.OwnerUserId),
			requestId: requestId ?? null,
		}),
	}),
	doc: {
		api: 'DestroyConversation',
		limits: 'One conversation per item; only its owner can dissolve it. QPS not documented (paced at 50/s). Fields: volc-sdk-golang `service/im/model.go` DestroyConversationBody.',
	},
});
