import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { z } from 'zod';
import { readParam } from '../../../../shared/params';
import { int64Id } from '../../../../shared/schemas';
import { volcengineApiRequest } from '../../../transport/request';
import { resolveAppId } from '../../helpers/common';
import { appIdField, conversationShortIdField, messageIdField } from '../../helpers/fields';

/** RecallMessage — volcengine-rtc.md §4.6. One message per item; the result is empty. */

const ROLES = { member: 0, owner: 1, admin: 2 } as const;

const properties: INodeProperties[] = [
	appIdField,
	conversationShortIdField,
	messageIdField,
	{
		displayName: 'Recalled By User ID',
		name: 'participantUserId',
		type: 'string',
		default: '',
		required: true,
		placeholder: '10001',
		description: 'Member of the conversation who recalls the message (ParticipantUserId; int64, give large IDs as text)',
	},
	{
		displayName: 'Recalled As',
		name: 'recallRole',
		type: 'options',
		default: 'member',
		description: 'Role of that member (RecallRole). A member can recall their own messages; the owner and admins can recall others.',
		options: [
			{ name: 'Admin', value: 'admin', description: 'A group admin (RecallRole 2)' },
			{ name: 'Member', value: 'member', description: 'The sender of the message (RecallRole 0)' },
			{ name: 'Owner', value: 'owner', description: 'The group owner (RecallRole 1)' },
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['message'], operation: ['recall'] } }, properties);

export interface RecallPlan {
	body: Record<string, unknown>;
	role: keyof typeof ROLES;
}

export async function prepare(this: IExecuteFunctions, i: number): Promise<RecallPlan> {
	const appId = await resolveAppId(this, i);
	const conversationShortId = readParam(this, 'conversationShortId', i, int64Id, 'Conversation ID');
	const messageId = readParam(this, 'messageId', i, int64Id, 'Message ID');
	const participant = readParam(this, 'participantUserId', i, int64Id, 'Recalled By User ID');
	const role = readParam(this, 'recallRole', i, z.enum(['member', 'owner', 'admin']), 'Recalled As', 'member');
	return {
		body: {
			AppId: appId,
			ParticipantUserId: participant,
			ConversationShortId: conversationShortId,
			MessageId: messageId,
			RecallRole: ROLES[role],
		},
		role,
	};
}

export async function executeItem(this: IExecuteFunctions, plan: RecallPlan, i: number): Promise<IDataObject> {
	// Recalling the same message again has the same effect: safe to repeat.
	const { requestId } = await volcengineApiRequest.call(this, 'RecallMessage', plan.body, { itemIndex: i, idempotent: true });
	return {
		status: 'recalled',
		appId: plan.body.AppId as number,
		conversationShortId: String(plan.body.ConversationShortId),
		messageId: String(plan.body.MessageId),
		recalledBy: String(plan.body.ParticipantUserId),
		recallRole: plan.role,
		requestId: requestId ?? null,
	};
}
