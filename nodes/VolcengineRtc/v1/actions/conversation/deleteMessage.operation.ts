import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { z } from 'zod';
import { readParam } from '../../../../shared/params';
import { int64Id } from '../../../../shared/schemas';
import { volcengineApiRequest } from '../../../transport/request';
import { resolveAppId } from '../../helpers/common';
import { appIdField, conversationShortIdField, messageIdField } from '../../helpers/fields';

/**
 * Deletes one message per item — volcengine-rtc.md §4.8, two actions:
 * - DeleteMessage (ConversationShortId, MessageId, ParticipantUserId): gone for one member only;
 * - DeleteConversationMessage (DeleteType 0: hidden for everyone; 1: only the sender still sees it).
 * The default is the narrowest one (one member), so the wide deletes are always a deliberate choice.
 */

const properties: INodeProperties[] = [
	appIdField,
	conversationShortIdField,
	messageIdField,
	{
		displayName: 'Delete For',
		name: 'deleteFor',
		type: 'options',
		default: 'member',
		description: 'Who stops seeing the message',
		options: [
			{
				name: 'Everyone',
				value: 'everyone',
				description: 'Hidden for all members (DeleteConversationMessage, DeleteType 0). The only choice for live groups.',
			},
			{
				name: 'Everyone Except the Sender',
				value: 'everyoneButSender',
				description: 'Only the sender still sees it (DeleteConversationMessage, DeleteType 1). Not for live groups.',
			},
			{
				name: 'One Member',
				value: 'member',
				description: "Removed from one member's view only (DeleteMessage)",
			},
		],
	},
	{
		displayName: 'Member User ID',
		name: 'participantUserId',
		type: 'string',
		default: '',
		required: true,
		placeholder: '10001',
		description: 'Member whose view loses the message (ParticipantUserId; int64, give large IDs as text)',
		displayOptions: { show: { deleteFor: ['member'] } },
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['conversation'], operation: ['deleteMessage'] } },
	properties,
);

export interface DeleteMessagePlan {
	action: 'DeleteMessage' | 'DeleteConversationMessage';
	body: Record<string, unknown>;
	deleteFor: 'everyone' | 'everyoneButSender' | 'member';
}

export async function prepare(this: IExecuteFunctions, i: number): Promise<DeleteMessagePlan> {
	const appId = await resolveAppId(this, i);
	const conversationShortId = readParam(this, 'conversationShortId', i, int64Id, 'Conversation ID');
	const messageId = readParam(this, 'messageId', i, int64Id, 'Message ID');
	const deleteFor = readParam(this, 'deleteFor', i, z.enum(['everyone', 'everyoneButSender', 'member']), 'Delete For', 'member');
	if (deleteFor === 'member') {
		const participant = readParam(this, 'participantUserId', i, int64Id, 'Member User ID');
		return {
			action: 'DeleteMessage',
			body: { AppId: appId, ConversationShortId: conversationShortId, MessageId: messageId, ParticipantUserId: participant },
			deleteFor,
		};
	}
	return {
		action: 'DeleteConversationMessage',
		body: { AppId: appId, ConversationShortId: conversationShortId, MessageId: messageId, DeleteType: deleteFor === 'everyone' ? 0 : 1 },
		deleteFor,
	};
}

export async function executeItem(this: IExecuteFunctions, plan: DeleteMessagePlan, i: number): Promise<IDataObject> {
	const { requestId } = await volcengineApiRequest.call(this, plan.action, plan.body, { itemIndex: i, idempotent: true });
	const json: IDataObject = {
		status: 'deleted',
		appId: plan.body.AppId as number,
		conversationShortId: String(plan.body.ConversationShortId),
		messageId: String(plan.body.MessageId),
		deleteFor: plan.deleteFor,
	};
	if (plan.body.ParticipantUserId !== undefined) json.participantUserId = String(plan.body.ParticipantUserId);
	json.requestId = requestId ?? null;
	return json;
}
