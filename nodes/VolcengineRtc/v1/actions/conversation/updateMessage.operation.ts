import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import { readOption, readParam } from '../../../../shared/params';
import { int64Id, keyValueMap, text } from '../../../../shared/schemas';
import { volcengineApiRequest } from '../../../transport/request';
import { resolveAppId } from '../../helpers/common';
import { appIdField, conversationShortIdField, extOption, messageIdField } from '../../helpers/fields';

/** ModifyMessage — volcengine-rtc.md §4.8: new Content and/or Ext of one message per item. */

const properties: INodeProperties[] = [
	appIdField,
	conversationShortIdField,
	messageIdField,
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Content',
				name: 'content',
				type: 'string',
				default: '',
				typeOptions: { rows: 4 },
				placeholder: '{"text":"Hello (edited)"}',
				description: 'New message content, in the format your clients expect (Content)',
			},
			{ ...extOption, description: 'New key/value pairs of the message (Ext)' },
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['conversation'], operation: ['updateMessage'] } },
	properties,
);

export interface UpdateMessagePlan {
	body: Record<string, unknown>;
}

export async function prepare(this: IExecuteFunctions, i: number): Promise<UpdateMessagePlan> {
	const appId = await resolveAppId(this, i);
	const conversationShortId = readParam(this, 'conversationShortId', i, int64Id, 'Conversation ID');
	const messageId = readParam(this, 'messageId', i, int64Id, 'Message ID');
	const fields = (this.getNodeParameter('updateFields', i, {}) ?? {}) as IDataObject;
	const body: Record<string, unknown> = { AppId: appId, ConversationShortId: conversationShortId, MessageId: messageId };
	if (fields.content !== undefined) body.Content = readOption(this, 'updateFields', 'content', i, text(), 'Content', '');
	if (fields.ext !== undefined) {
		const ext = readOption(this, 'updateFields', 'ext', i, keyValueMap(), 'Extra Fields (Ext)', {});
		if (Object.keys(ext).length) body.Ext = ext;
	}
	if (body.Content === undefined && body.Ext === undefined) {
		throw new NodeOperationError(this.getNode(), `"Update Fields" is empty in item ${i}`, {
			itemIndex: i,
			description: 'Add Content or Extra Fields (Ext) to change. Nothing was sent.',
		});
	}
	return { body };
}

export async function executeItem(this: IExecuteFunctions, plan: UpdateMessagePlan, i: number): Promise<IDataObject> {
	const { requestId } = await volcengineApiRequest.call(this, 'ModifyMessage', plan.body, { itemIndex: i, idempotent: true });
	const json: IDataObject = {
		status: 'updated',
		appId: plan.body.AppId as number,
		conversationShortId: String(plan.body.ConversationShortId),
		messageId: String(plan.body.MessageId),
		updated: ['Content', 'Ext'].filter((k) => plan.body[k] !== undefined).map((k) => k.toLowerCase()),
	};
	json.requestId = requestId ?? null;
	return json;
}
