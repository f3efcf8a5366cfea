import type { INodePropertyOptions } from 'n8n-workflow';

/**
 * The group types of create_group (Type) and get_appid_group_list (GroupType), tencent-chat.md
 * §6.1/§6.3, with their names in the editor: the Tencent word next to a plain one.
 */
export const GROUP_TYPES = ['Public', 'Private', 'ChatRoom', 'AVChatRoom', 'Community'] as const;
export type GroupType = (typeof GROUP_TYPES)[number];

const NAMES: Record<GroupType, string> = {
	AVChatRoom: 'Audio-Video Group (AVChatRoom)',
	Community: 'Community',
	ChatRoom: 'Meeting Group (ChatRoom)',
	Public: 'Public Group',
	Private: 'Work Group (Private)',
};

const byName = (a: INodePropertyOptions, b: INodePropertyOptions) => a.name.localeCompare(b.name);

/** The types as options sorted by name (the lint's rule), with a description each, and any extra entries. */
export function groupTypeOptions(descriptions?: Record<GroupType, string>, extra: INodePropertyOptions[] = []): INodePropertyOptions[] {
	const types = GROUP_TYPES.map((value): INodePropertyOptions => (descriptions ? { name: NAMES[value], value, description: descriptions[value] } : { name: NAMES[value], value }));
	return [...types, ...extra].sort(byName);
}
