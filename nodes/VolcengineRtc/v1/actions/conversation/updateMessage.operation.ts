import { single } from '../../../../shared/engine/callShapes';
import { collection, int64Id, keyValueMap, text, textField } from '../../../../shared/schemas';
import { imApi } from '../../../transport/request';
import { resolveAppId, volcengineOperation, type Body } from '../../helpers/common';
import { appIdField, conversationShortIdField, extOption, messageIdField } from '../../helpers/fields';

/** ModifyMessage — volcengine-rtc.md §4.8: new Content and/or Ext of one message per item. */

export const updateMessage = volcengineOperation<Body>({
	resource: 'conversation',
	operation: 'updateMessage',
	option: { name: 'Update Message', description: 'Change the content or Ext of a message (ModifyMessage)', action: 'Update a message in a conversation' },
	doc: { api: '`ModifyMessage`', limits: 'Content and/or Ext.' },
	properties: [
		appIdField,
		conversationShortIdField,
		messageIdField,
		collection([
			textField(
				'Content',
				'content',
				'New message content, in the format your clients expect (Content)',
				{ typeOptions: { rows: 4 }, placeholder: '{"text":"Hello (edited)"}' },
			),
			{ ...extOption, description: 'New key/value pairs of the message (Ext)' },
		], 'Update Fields', 'updateFields'),
	],
	async read(r) {
		const body: Body = {
			AppId: await resolveAppId(r),
			ConversationShortId: r.param('conversationShortId', int64Id, 'Conversation ID'),
			MessageId: r.param('messageId', int64Id, 'Message ID'),
		};
		if (r.has('updateFields', 'content')) body.Content = r.option('updateFields', 'content', text(), 'Content', '');
		if (r.has('updateFields', 'ext')) {
			const ext = r.option('updateFields', 'ext', keyValueMap(), 'Extra Fields (Ext)', {});
			if (Object.keys(ext).length) body.Ext = ext;
		}
		if (body.Content === undefined && body.Ext === undefined) {
			r.fail(`"Update Fields" is empty in item ${r.itemIndex}`, 'Add Content or Extra Fields (Ext) to change. Nothing was sent.');
		}
		return body;
	},
	shape: single({
		api: imApi('ModifyMessage', true),
		body: (body) => body,
		output: (body, { requestId }) => ({
			status: 'updated',
			appId: body.AppId as number,
			conversationShortId: String(body.ConversationShortId),
			messageId: String(body.MessageId),
			updated: ['Content', 'Ext'].filter((k) => body[k] !== undefined).map((k) => k.toLowerCase()),
			requestId: requestId ?? null,
		}),
	}),
});
