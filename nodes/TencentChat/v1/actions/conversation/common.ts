import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';
import type { ItemReader } from '../../../../shared/engine/reader';
import { emptyAs, listInput, text } from '../../../../shared/schemas';
import { groupIdSchema, userId } from '../../helpers/fields';

/**
 * What the Conversation operations share (Tencent calls conversations "sessions" or "recent
 * contacts"): the user whose list it is (From_Account), one conversation (Type 1 one-to-one with
 * To_Account, Type 2 group with ToGroupId) or lists of them, and conversation-group names
 * (≤ 32 bytes; at most 20 groups per user and 1,000 grouped/marked conversations, error 51008).
 * Sources: trtc.io/document 43087, 43088, 53437–53442; doocs/qcloud-im-server-sdk-java
 * model/request/ContactItem.java (Type, ToGroupId, To_Account), DeleteRecentContactRequest.java
 * (ToGroupid — spelled so by that API), dobyte/tencent-im recentcontact/types.go.
 */

export const ownerField: INodeProperties = {
	displayName: 'User ID',
	name: 'fromAccount',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'user_1001',
	description: 'Whose conversations (From_Account)',
};

export const conversationFields: INodeProperties[] = [
	{
		displayName: 'Conversation Type',
		name: 'conversationType',
		type: 'options',
		default: 'c2c',
		options: [
			{ name: 'One-to-One', value: 'c2c', description: 'With another user (Type 1)' },
			{ name: 'Group', value: 'group', description: 'In a group (Type 2)' },
		],
	},
	{ displayName: 'Peer User ID', name: 'peerAccount', type: 'string', default: '', required: true, placeholder: 'user_1002', displayOptions: { show: { conversationType: ['c2c'] } }, description: 'The other user (To_Account)' },
	{ displayName: 'Group ID', name: 'peerGroupId', type: 'string', default: '', required: true, placeholder: '@TGS#2C5SZEAEF', displayOptions: { show: { conversationType: ['group'] } }, description: 'The group (ToGroupId)' },
];

/** A conversation as the contact-group APIs write it. */
export type Contact = { Type: 1; To_Account: string } | { Type: 2; ToGroupId: string };

export function readConversation(r: ItemReader): Contact {
	const type = r.param('conversationType', z.enum(['c2c', 'group']), 'Conversation Type', 'c2c');
	return type === 'c2c' ? { Type: 1, To_Account: r.param('peerAccount', userId, 'Peer User ID') } : { Type: 2, ToGroupId: r.param('peerGroupId', groupIdSchema, 'Group ID') };
}

/** Two list fields naming conversations: peers (one-to-one) and groups. */
export const conversationListFields = (prefix: string, label: string, required: boolean): INodeProperties[] => [
	{
		displayName: `${label}: One-to-One Peers`,
		name: `${prefix}Peers`,
		type: 'string',
		default: '',
		placeholder: 'user_1002, user_1003',
		description: `${required ? '' : 'Optional. '}User IDs of one-to-one conversations, separated by commas, or an array from an expression`,
	},
	{
		displayName: `${label}: Groups`,
		name: `${prefix}Groups`,
		type: 'string',
		default: '',
		placeholder: '@TGS#2C5SZEAEF',
		description: 'Group IDs of group conversations, separated by commas, or an array from an expression',
	},
];

const users = emptyAs(listInput.pipe(z.array(userId)), () => [] as string[]);
const groups = emptyAs(listInput.pipe(z.array(groupIdSchema)), () => [] as string[]);

export function readConversationList(r: ItemReader, prefix: string, label: string, o: { min: number; max: number }): Contact[] {
	const list: Contact[] = [
		...r.param<string[]>(`${prefix}Peers`, users, `${label}: One-to-One Peers`, '').map((u): Contact => ({ Type: 1, To_Account: u })),
		...r.param<string[]>(`${prefix}Groups`, groups, `${label}: Groups`, '').map((g): Contact => ({ Type: 2, ToGroupId: g })),
	];
	if (list.length < o.min) r.fail(`Invalid "${label}" in item ${r.itemIndex}: needs at least ${o.min} conversation`, 'Give one-to-one peers, groups, or both.');
	if (list.length > o.max) r.fail(`Invalid "${label}" in item ${r.itemIndex}: ${list.length} conversations; the limit is ${o.max} per call`);
	return list;
}

export const contactKey = (c: IDataObject | Contact): string => (Number(c.Type) === 2 ? `group:${String((c as IDataObject).ToGroupId ?? (c as IDataObject).GroupId)}` : `c2c:${String((c as IDataObject).To_Account)}`);

/** A conversation in the output: { type, peer }. */
export const contactJson = (c: IDataObject | Contact): IDataObject =>
	Number(c.Type) === 2 ? { type: 'group', groupId: String((c as IDataObject).ToGroupId ?? (c as IDataObject).GroupId) } : { type: 'c2c', peer: String((c as IDataObject).To_Account) };

export const groupNameSchema = text({ maxBytes: 32 });
export const groupNameField = (displayName: string, name: string, description: string): INodeProperties => ({
	displayName,
	name,
	type: 'string',
	default: '',
	required: true,
	placeholder: 'Customers',
	description: `${description}, up to 32 bytes`,
});
