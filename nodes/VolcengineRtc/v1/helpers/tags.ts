import type { INodeProperties } from 'n8n-workflow';
import { z } from 'zod';
import { keyValueField, keyValuePairs, listInput } from '../../../shared/schemas';

/**
 * The one definition of a Volcengine IM user tag, for every place that takes tags: broadcast
 * filters (UserBroadcast), RegisterUsers, BatchUpdateUser and BatchUpdateUserTags.
 *
 * Vendor truth: a tag is a free string. The SDK types every Tags field as `[]string`
 * (volcengine/volc-sdk-golang service/im/model.go: UserBroadcastBody, RegisterUsersBodyUsersItem,
 * BatchUpdateUserBodyUsersItem, BatchUpdateUserTagsBody), and the doc pages give both plain tags
 * (`["age","level"]`) and `key:value` tags (`["tag1:v1"]`) as examples
 * (https://www.volcengine.com/docs/6348/1125995, /1125997, /1187901). `key:value` is only a
 * convention; no length or character limit is documented. So:
 * - a tag is sent exactly as entered (surrounding spaces trimmed), never with a ":" added;
 * - in the key/value list a pair with an empty value is the plain tag `key` ("vip", never "vip:");
 *   the key cannot contain ":" (it would make the key ambiguous), the value may;
 * - the plain list ("Tag List") takes any non-empty strings, "level:vip" and "vip" alike;
 * - the same tag twice is sent once.
 */

/** Pairs of the key/value UI → tag strings. */
const pairs = keyValuePairs({ keyPattern: /^[^:]+$/, keyRule: 'cannot contain ":" (put the whole tag in the key and leave the value empty for a plain tag)' });

export const tagPairsSchema = pairs.transform((list) => unique(list.map(([k, v]) => (v.trim() === '' ? k : `${k}:${v}`))));

/** A plain list of tags: an array, or text separated by commas or new lines. */
export const tagListSchema = listInput.pipe(
	z.array(
		z.union([z.string(), z.number()], { errorMap: () => ({ message: 'a tag must be text' }) }).transform((t) => String(t).trim()).refine((t) => t !== '', 'a tag is empty'),
	),
).transform(unique);

function unique(tags: string[]): string[] {
	return [...new Set(tags)];
}

/** The key/value list and the plain list together, in that order, without repeats. */
export const mergeTags = (a: string[], b: string[]): string[] => unique([...a, ...b]);

/** The key/value tag field (existing parameter `tags`): leave Value empty for a plain tag. */
export function tagPairsField(description: string, extra: Partial<INodeProperties> = {}): INodeProperties {
	return {
		...keyValueField({
			displayName: 'Tags',
			name: 'tags',
			placeholder: 'Add Tag',
			description: `${description} Sent as key:value, or just the key when Value is empty (a plain tag such as "vip")`,
			pairName: 'Tag',
			keyPlaceholder: 'level',
			valuePlaceholder: 'vip',
			valueDescription: 'Leave empty for a plain tag (just the key)',
		}),
		...extra,
	};
}

/** The plain-list tag field (new parameter `tagList`), sent as written. */
export function tagListField(description: string, extra: Partial<INodeProperties> = {}): INodeProperties {
	return {
		displayName: 'Tag List',
		name: 'tagList',
		type: 'string',
		default: '',
		placeholder: 'vip, level:gold',
		description: `${description} Tags exactly as written, separated by commas or new lines, or an array from an expression ("vip", "level:gold")`,
		...extra,
	};
}
