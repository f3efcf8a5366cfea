import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';
import type { ItemReader } from '../../../shared/engine/reader';
import { collection, keyValueField, int64Id, keyValueMap, text } from '../../../shared/schemas';
import { idString } from './im';

/**
 * What the conversation-administration operations share (volc-sdk-golang service/im/model.go:
 * CreateConversationBody, ModifyConversationBodyConversationCoreInfo, …ConversationInfosItem):
 * the conversation picker, the profile fields of a conversation, and the output mapper.
 */

// ---- the conversation picker (resource locator) --------------------------------------------------

/** Parameters the list mode reads to know whose conversations to list (the operation's user field). */
export const LOCATOR_USER_PARAMETERS = ['participantUserId', 'ownerUserId', 'userId'];

/**
 * Conversation as a resource locator: "From List" lists the conversations of a user with
 * GetUserConversations (methods/listSearch.ts), "By ID" takes a ConversationShortId. The parameter
 * name is the one the older operations use (`conversationShortId`), so expressions keep working.
 */
export function conversationLocator(description = 'The conversation'): INodeProperties {
	return {
		displayName: 'Conversation',
		name: 'conversationShortId',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description: `${description}. From List shows the conversations of the user named in this operation (or of the user ID typed in the search box).`,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: 'Select a conversation, or type a user ID to list theirs',
				typeOptions: { searchListMethod: 'searchConversations', searchable: true, searchFilterRequired: false },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: '7205759403792793601',
				validation: [{ type: 'regex', properties: { regex: '^\\s*\\d{1,19}\\s*$', errorMessage: 'A conversation ID (ConversationShortId) is a whole number of up to 19 digits' } }],
			},
		],
	};
}

/**
 * A conversation id from the locator (`{ __rl, mode, value }`) or a plain value (saved workflows,
 * expressions), as an int64 bigint.
 */
export const conversationIdSchema = z
	.unknown()
	.transform((v) => (v !== null && typeof v === 'object' && !Array.isArray(v) && 'value' in v ? (v as { value: unknown }).value : v))
	.pipe(int64Id);

export const readConversationId = (r: ItemReader): bigint => r.param('conversationShortId', conversationIdSchema, 'Conversation');

// ---- the profile of a conversation (CreateConversation, ModifyConversation) ---------------------

/** Name, avatar, description, notice and Ext; no length limit is documented (6348/337013). */
export const conversationProfileFields: INodeProperties[] = [
	{ displayName: 'Avatar URL', name: 'avatarUrl', type: 'string', default: '', placeholder: 'https://example.com/team.png', description: 'Picture of the conversation (AvatarUrl)' },
	{ displayName: 'Description', name: 'description', type: 'string', default: '', placeholder: 'Support chat for order 1042', description: 'Description of the conversation (Description)' },
	keyValueField({
		displayName: 'Extra Fields (Ext)',
		name: 'ext',
		placeholder: 'Add Ext Field',
		description: 'Key/value pairs stored with the conversation (Ext)',
		keyPlaceholder: 'orderId',
		valuePlaceholder: '1042',
	}),
	{ displayName: 'Name', name: 'name', type: 'string', default: '', placeholder: 'Order 1042', description: 'Name of the conversation (Name)' },
	{ displayName: 'Notice', name: 'notice', type: 'string', default: '', placeholder: 'Be kind', description: 'Announcement of the conversation (Notice)' },
];

const PROFILE: Array<[string, string, string]> = [
	['avatarUrl', 'AvatarUrl', 'Avatar URL'],
	['description', 'Description', 'Description'],
	['name', 'Name', 'Name'],
	['notice', 'Notice', 'Notice'],
];

/** The profile fields the user added to `collectionName`, in the vendor's names. */
export function readConversationProfile(r: ItemReader, collectionName: string): IDataObject {
	const out: IDataObject = {};
	for (const [key, vendor, label] of PROFILE) {
		if (r.has(collectionName, key)) out[vendor] = r.option(collectionName, key, text({ allowEmpty: true }), label, '');
	}
	if (r.has(collectionName, 'ext')) {
		const ext = r.option(collectionName, 'ext', keyValueMap(), 'Extra Fields (Ext)', {});
		if (Object.keys(ext).length) out.Ext = ext;
	}
	return out;
}

export const profileCollection = (extra: INodeProperties[], displayName: string, name: string) =>
	collection([...conversationProfileFields, ...extra].sort((a, b) => a.displayName.localeCompare(b.displayName)), displayName, name);

// ---- output ----------------------------------------------------------------------------------

export const CONVERSATION_TYPES = { oneToOne: 1, group: 2, liveGroup: 100 } as const;
const TYPE_NAMES: Record<number, string> = { 1: 'oneToOne', 2: 'group', 100: 'liveGroup' };

export const conversationTypeField: INodeProperties = {
	displayName: 'Conversation Type',
	name: 'conversationType',
	type: 'options',
	default: 'group',
	description: 'Kind of conversation (ConversationType)',
	options: [
		{ name: 'Group', value: 'group', description: 'A group chat (type 2)' },
		{ name: 'Live Group', value: 'liveGroup', description: 'A large live-stream group (直播群, type 100)' },
		{ name: 'One-to-One', value: 'oneToOne', description: 'A chat between two users (type 1)' },
	],
};

/**
 * A vendor record with camelCase keys; int64 ids (keys ending in "UserId", "ShortId", "MessageId",
 * "Index", "Cursor") as exact strings, lists of ids ("…UserIds") as string lists.
 */
export function recordJson(o: IDataObject): IDataObject {
	const out: IDataObject = {};
	for (const [k, v] of Object.entries(o)) {
		const name = k[0].toLowerCase() + k.slice(1);
		if (/(UserId|ShortId|MessageId|Index|Cursor)$/.test(k)) out[name] = idString(v);
		else if (/UserIds$/.test(k) && Array.isArray(v)) out[name] = v.map((x) => String(x));
		else out[name] = v as IDataObject[string];
	}
	return out;
}

/** One conversation (ConversationInfo / ConversationCoreInfo), with its type as a word too; Status as `conversationStatus`. */
export function conversationJson(c: IDataObject): IDataObject {
	const out = recordJson(c);
	// The vendor's Status (0 normal, 1 dissolved) must not shadow the node's `status` word.
	if ('status' in out) {
		out.conversationStatus = out.status;
		delete out.status;
	}
	if (typeof c.ConversationType === 'number') out.conversationTypeName = TYPE_NAMES[c.ConversationType] ?? 'other';
	return out;
}

/** The owner of the conversation (OwnerUserId). */
export function ownerField(description: string): INodeProperties {
	return {
		displayName: 'Owner User ID',
		name: 'ownerUserId',
		type: 'string',
		default: '',
		required: true,
		placeholder: '10001',
		description: `${description} (OwnerUserId; a numeric ID, give long IDs as text)`,
	};
}

/** The member of the conversation an operation is about (ParticipantUserId). */
export function memberField(description: string): INodeProperties {
	return {
		displayName: 'Member User ID',
		name: 'participantUserId',
		type: 'string',
		default: '',
		required: true,
		placeholder: '10001',
		description: `${description} (ParticipantUserId; a numeric ID, give long IDs as text)`,
	};
}

export const readMember = (r: ItemReader): bigint => r.param('participantUserId', int64Id, 'Member User ID');
