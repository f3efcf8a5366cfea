import type { INodeProperties } from 'n8n-workflow';
import { z } from 'zod';
import { listInput } from '../../../../shared/schemas';
import { userId } from '../../helpers/fields';

/** Fields shared by the group member operations (tencent-chat.md §6.4–§6.6). */

export function membersField(description: string): INodeProperties {
	return {
		displayName: 'Member User IDs',
		name: 'members',
		type: 'string',
		default: '',
		required: true,
		typeOptions: { rows: 2 },
		placeholder: 'user_1, user_2, user_3',
		description,
	};
}

export const membersSchema = listInput.pipe(z.array(userId).min(1, 'needs at least one user ID'));

export const outputOption = (what: string): INodeProperties => ({
	displayName: 'Output',
	name: 'output',
	type: 'options',
	default: 'summary',
	options: [
		{ name: 'One Item per Input Item', value: 'summary', description: `Totals and the ${what} grouped by result` },
		{ name: 'One Item per Member', value: 'perMember', description: 'The result of each member' },
	],
});
