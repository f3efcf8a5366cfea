import type { INodeProperties } from 'n8n-workflow';
import type { ItemReader } from '../../../../shared/engine/reader';
import { keyValueField, text } from '../../../../shared/schemas';
import { userExt } from '../../helpers/im';
import { mergeTags, tagListField, tagListSchema, tagPairsField, tagPairsSchema } from '../../helpers/tags';

/** Profile fields of RegisterUsers and BatchUpdateUser (volcengine-rtc.md §4.7). */
export const profileFields: INodeProperties[] = [
	keyValueField({
		displayName: 'Extra Fields (Ext)',
		name: 'ext',
		placeholder: 'Add Ext Field',
		description: 'Key/value pairs of the user (Ext): at most 20 keys; a key has at most 50 bytes and cannot start with "s:"; a value at most 500 bytes',
		keyPlaceholder: 'city',
		valuePlaceholder: 'Shanghai',
	}),
	{
		displayName: 'Nickname',
		name: 'nickName',
		type: 'string',
		default: '',
		placeholder: 'Alice',
		description: 'Display name (NickName), at most 100 bytes',
	},
	{
		displayName: 'Portrait URL',
		name: 'portrait',
		type: 'string',
		default: '',
		placeholder: 'https://example.com/alice.png',
		description: 'URL of the avatar (Portrait), at most 500 bytes',
	},
	tagListField('Tags used to target broadcasts, together with Tags.'),
	tagPairsField('Tags used to target broadcasts.'),
];

export interface Profile {
	NickName?: string;
	Portrait?: string;
	Tags?: string[];
	Ext?: Record<string, string>;
}

const nickNameSchema = text({ maxBytes: 100, allowEmpty: true });
const portraitSchema = text({ maxBytes: 500, allowEmpty: true });

/** The profile fields the user added to `collection` (Additional Fields, Update Fields). */
export function readProfile(r: ItemReader, collection: string): Profile {
	const p: Profile = {};
	if (r.has(collection, 'nickName')) p.NickName = r.option(collection, 'nickName', nickNameSchema, 'Nickname', '');
	if (r.has(collection, 'portrait')) p.Portrait = r.option(collection, 'portrait', portraitSchema, 'Portrait URL', '');
	if (r.has(collection, 'tags') || r.has(collection, 'tagList')) {
		// Free strings, sent as entered (helpers/tags.ts).
		p.Tags = mergeTags(r.option(collection, 'tags', tagPairsSchema, 'Tags', {}), r.option(collection, 'tagList', tagListSchema, 'Tag List', ''));
	}
	if (r.has(collection, 'ext')) p.Ext = r.option(collection, 'ext', userExt, 'Extra Fields (Ext)', {});
	return p;
}
