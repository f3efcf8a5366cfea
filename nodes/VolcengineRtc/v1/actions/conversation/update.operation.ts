import { single } from '../../../../shared/engine/callShapes';
import { int64Id } from '../../../../shared/schemas';
import { imApi } from '../../../transport/request';
import { resolveAppId, volcengineOperation, type Body } from '../../helpers/common';
import { conversationLocator, profileCollection, readConversationId, readConversationProfile } from '../../helpers/conversations';
import { appIdField } from '../../helpers/fields';

/**
 * ModifyConversation — volc-sdk-golang service/im/model.go ModifyConversationBodyConversationCoreInfo:
 * every field but the id is optional (omitempty), so only the fields you set are sent.
 */

const NEW_OWNER = 'ownerUserId';

export const update = volcengineOperation<Body>({
	resource: 'conversation',
	operation: 'update',
	option: { name: 'Update', description: 'Change the name, avatar, notice, Ext or owner of a conversation (ModifyConversation)', action: 'Update a conversation' },
	properties: [
		appIdField,
		conversationLocator('The conversation to change'),
		profileCollection(
			[
				{
					displayName: 'New Owner User ID',
					name: NEW_OWNER,
					type: 'string',
					default: '',
					placeholder: '10002',
					description: 'Hand the conversation to another user (OwnerUserId; a numeric ID)',
				},
			],
			'Update Fields',
			'updateFields',
		),
	],
	async read(r) {
		const info: Body = { ConversationShortId: readConversationId(r), ...readConversationProfile(r, 'updateFields') };
		if (r.has('updateFields', NEW_OWNER)) info.OwnerUserId = r.option('updateFields', NEW_OWNER, int64Id, 'New Owner User ID', '');
		if (Object.keys(info).length === 1) r.fail(`"Update Fields" is empty in item ${r.itemIndex}`, 'Add at least one field to change. Nothing was sent.');
		return { AppId: await resolveAppId(r), ConversationCoreInfo: info };
	},
	shape: single({
		api: imApi('ModifyConversation', true), // setting the same values again has the same effect
		body: (body) => body,
		output(body, { requestId }) {
			const info = body.ConversationCoreInfo as Body;
			return {
				status: 'updated',
				conversationShortId: String(info.ConversationShortId),
				updated: Object.keys(info)
					.filter((k) => k !== 'ConversationShortId')
					.map((k) => k[0].toLowerCase() + k.slice(1)),
				requestId: requestId ?? null,
			};
		},
	}),
	doc: {
		api: 'ModifyConversation',
		limits: 'One conversation per item; only the fields you set are sent. QPS not documented (paced at 50/s). Fields: volc-sdk-golang `service/im/model.go` ModifyConversationBody.',
	},
});
