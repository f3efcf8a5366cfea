import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';
import { single } from '../../../../shared/engine/callShapes';
import { listInput } from '../../../../shared/schemas';
import { tencentApi } from '../../../transport/request';
import { requestIdOf, tencentOperation } from '../../helpers/common';
import { userId } from '../../helpers/fields';
import { listOf } from '../../helpers/reads';
import { type Contact, contactJson, conversationListFields, groupNameField, groupNameSchema, ownerField, readConversationList } from './common';

/**
 * Conversation groups (Pro editions): create_contact_group (trtc.io/document/53437; doocs
 * CreateContactGroupRequest.java / GroupContactItem.java: From_Account, GroupContactItem[{GroupName,
 * ContactItem[]}] — one group per call), update_contact_group (53439; doocs
 * UpdateContactGroupRequest.java / UpdateGroup.java: UpdateType 1, UpdateGroup{UpdateGroupType
 * 1 rename (OldGroupName, NewGroupName) or 2 conversations (OldGroupName, ContactUpdateItem[
 * {ContactOptType 1 add / 2 remove, ContactItem}])}), del_contact_group (53441; doocs
 * DelContactGroupRequest.java: GroupName[]). Each conversation of an answer carries its own
 * ResultCode (doocs ContactGroupResultItem.java).
 */

/** The per-conversation results of an answer: the failed ones with code and reason. */
function conversationResults(items: IDataObject[]) {
	const failed = items.filter((i) => Number(i.ResultCode ?? 0) !== 0);
	return {
		conversationCount: items.length,
		failed: failed.map((i) => ({ ...contactJson((i.ContactItem ?? {}) as IDataObject), code: String(i.ResultCode), reason: String(i.ResultInfo ?? '') || 'refused by Tencent Chat' })),
	};
}

const statusFor = (items: IDataObject[], ok: string) => (items.some((i) => Number(i.ResultCode ?? 0) !== 0) ? (items.every((i) => Number(i.ResultCode ?? 0) !== 0) ? 'failed' : 'partial') : ok);

interface CreatePlan {
	From_Account: string;
	name: string;
	contacts: Contact[];
}

export const createGroup = tencentOperation<CreatePlan>({
	resource: 'conversation',
	operation: 'createGroup',
	option: { name: 'Create Group', description: 'Create a conversation group and put conversations in it (create_contact_group)', action: 'Create a conversation group' },
	properties: [ownerField, groupNameField('Group Name', 'groupName', 'Name of the new conversation group (GroupName)'), ...conversationListFields('contacts', 'Conversations', true)],
	read: (r) => ({
		From_Account: r.param('fromAccount', userId, 'User ID'),
		name: r.param('groupName', groupNameSchema, 'Group Name'),
		contacts: readConversationList(r, 'contacts', 'Conversations', { min: 1, max: 1000 }),
	}),
	orderKey: (p) => `contacts:${p.From_Account}`,
	shape: single({
		api: tencentApi('recentcontact/create_contact_group'),
		body: (p) => ({ From_Account: p.From_Account, GroupContactItem: [{ GroupName: p.name, ContactItem: p.contacts }] }),
		output(p, answer) {
			const [res] = listOf(answer.result, 'GroupResultItem');
			const items = listOf(res ?? {}, 'ResultItem');
			const group = (res?.GroupItem ?? {}) as IDataObject;
			return { status: statusFor(items, 'created'), user: p.From_Account, groupName: String(group.GroupName ?? p.name), groupId: group.GroupId === undefined ? null : String(group.GroupId), ...conversationResults(items), requestId: requestIdOf(answer) };
		},
	}),
	doc: {
		api: '`recentcontact/create_contact_group`',
		limits: 'One group per call; ≤ 20 groups per user, ≤ 1,000 grouped or marked conversations (51008); name ≤ 32 bytes. Each conversation answers on its own (`failed`). Pro editions. Sources: trtc.io/document/53437; doocs `CreateContactGroupRequest.java`.',
	},
});

interface UpdatePlan {
	From_Account: string;
	UpdateGroup: IDataObject;
}

export const updateGroup = tencentOperation<UpdatePlan>({
	resource: 'conversation',
	operation: 'updateGroup',
	option: { name: 'Update Group', description: 'Rename a conversation group, or add and remove its conversations (update_contact_group)', action: 'Update a conversation group' },
	properties: [
		ownerField,
		groupNameField('Group Name', 'groupName', 'The conversation group to change (OldGroupName)'),
		{
			displayName: 'Change',
			name: 'change',
			type: 'options',
			default: 'conversations',
			options: [
				{ name: 'Add or Remove Conversations', value: 'conversations', description: 'UpdateGroupType 2' },
				{ name: 'Rename', value: 'rename', description: 'UpdateGroupType 1' },
			],
		},
		{ ...groupNameField('New Name', 'newGroupName', 'The new name (NewGroupName)'), displayOptions: { show: { change: ['rename'] } } },
		...conversationListFields('add', 'Add', false).map((f) => ({ ...f, displayOptions: { show: { change: ['conversations'] } } })),
		...conversationListFields('remove', 'Remove', false).map((f) => ({ ...f, displayOptions: { show: { change: ['conversations'] } } })),
	],
	read(r) {
		const From_Account = r.param('fromAccount', userId, 'User ID');
		const OldGroupName = r.param('groupName', groupNameSchema, 'Group Name');
		if (r.param('change', z.enum(['conversations', 'rename']), 'Change', 'conversations') === 'rename') {
			return { From_Account, UpdateGroup: { UpdateGroupType: 1, OldGroupName, NewGroupName: r.param('newGroupName', groupNameSchema, 'New Name') } };
		}
		const add = readConversationList(r, 'add', 'Add', { min: 0, max: 1000 });
		const remove = readConversationList(r, 'remove', 'Remove', { min: 0, max: 1000 });
		if (add.length + remove.length === 0) r.fail(`Invalid "Add" in item ${r.itemIndex}: no conversation to add or remove`);
		const ContactUpdateItem = [...add.map((c) => ({ ContactOptType: 1, ContactItem: c })), ...remove.map((c) => ({ ContactOptType: 2, ContactItem: c }))];
		return { From_Account, UpdateGroup: { UpdateGroupType: 2, OldGroupName, ContactUpdateItem } };
	},
	orderKey: (p) => `contacts:${p.From_Account}`,
	shape: single({
		api: tencentApi('recentcontact/update_contact_group'), // a rename repeated after a lost answer would fail: not repeated blindly
		body: (p) => ({ From_Account: p.From_Account, UpdateType: 1, UpdateGroup: p.UpdateGroup }),
		output(p, answer) {
			const res = (answer.result.UpdateGroupResult ?? {}) as IDataObject;
			const items = listOf(res, 'ContactResultItem');
			const renamed = p.UpdateGroup.UpdateGroupType === 1;
			return {
				status: statusFor(items, renamed ? 'renamed' : 'updated'),
				user: p.From_Account,
				groupName: String(res.GroupName ?? p.UpdateGroup.NewGroupName ?? p.UpdateGroup.OldGroupName),
				groupId: res.GroupId === undefined ? null : String(res.GroupId),
				...conversationResults(items),
				requestId: requestIdOf(answer),
			};
		},
	}),
	doc: {
		api: '`recentcontact/update_contact_group`',
		limits: 'Rename (new name ≤ 32 bytes; the newest page allows 64) or add/remove conversations in one call; each conversation answers on its own (`failed`). Pro editions. Sources: trtc.io/document/53439; doocs `UpdateContactGroupRequest.java`, `UpdateGroup.java`.',
	},
});

const names = listInput.pipe(z.array(groupNameSchema).min(1, 'needs at least one group name'));

export const deleteGroup = tencentOperation<{ From_Account: string; GroupName: string[] }>({
	resource: 'conversation',
	operation: 'deleteGroup',
	option: { name: 'Delete Group', description: 'Delete conversation groups of a user (del_contact_group)', action: 'Delete a conversation group' },
	properties: [ownerField, { ...groupNameField('Group Names', 'groupNames', 'Groups to delete, separated by commas, or an array from an expression; each'), placeholder: 'Customers, Suppliers' }],
	read: (r) => ({ From_Account: r.param('fromAccount', userId, 'User ID'), GroupName: [...new Set(r.param<string[]>('groupNames', names, 'Group Names'))] }),
	orderKey: (p) => `contacts:${p.From_Account}`,
	shape: single({
		api: tencentApi('recentcontact/del_contact_group', true),
		body: (p) => ({ ...p }),
		output: (p, answer) => ({
			status: 'deleted',
			user: p.From_Account,
			groups: listOf(answer.result, 'GroupItem').map((g) => ({ groupName: String(g.GroupName), groupId: String(g.GroupId) })),
			requestId: requestIdOf(answer),
		}),
	}),
	doc: { api: '`recentcontact/del_contact_group`', limits: 'All names of an item in one call (GroupName list). Pro editions. Sources: trtc.io/document/53441; doocs `DelContactGroupRequest.java`, `DelContactGroupResult.java`.' },
});
