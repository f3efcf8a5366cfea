import type { INodeProperties } from 'n8n-workflow';

/** tencent-chat.md §5.6: 4294967295 (0xFFFFFFFF) seconds means muted permanently. */
export const PERMANENT = 4294967295;

export function userIdField(description: string): INodeProperties {
	return { displayName: 'User ID', name: 'account', type: 'string', default: '', required: true, placeholder: 'user_1001', description };
}
