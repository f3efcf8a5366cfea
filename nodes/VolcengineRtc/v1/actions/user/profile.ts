import type { INodeProperties } from 'n8n-workflow';
import { tagListField, tagPairsField } from '../../helpers/tags';

/** Profile fields of RegisterUsers and BatchUpdateUser (volcengine-rtc.md §4.7). */
export const profileFields: INodeProperties[] = [
	{
		displayName: 'Extra Fields (Ext)',
		name: 'ext',
		type: 'fixedCollection',
		placeholder: 'Add Ext Field',
		default: {},
		typeOptions: { multipleValues: true },
		description: 'Key/value pairs of the user (Ext): at most 20 keys; a key has at most 50 bytes and cannot start with "s:"; a value at most 500 bytes',
		options: [
			{
				displayName: 'Pair',
				name: 'pairs',
				values: [
					{ displayName: 'Key', name: 'key', type: 'string', default: '', placeholder: 'city' },
					{ displayName: 'Value', name: 'value', type: 'string', default: '', placeholder: 'Shanghai' },
				],
			},
		],
	},
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
