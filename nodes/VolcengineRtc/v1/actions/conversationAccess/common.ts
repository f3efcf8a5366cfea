import type { INodeProperties } from 'n8n-workflow';
import { z } from 'zod';
import type { ItemReader } from '../../../../shared/engine/reader';

/** BlockAction of the *BlockParticipants actions (Go SDK model.go): 0 mute (cannot post), 1 ban (cannot join). */
export const RESTRICTIONS = { mute: 0, ban: 1 } as const;
export type Restriction = keyof typeof RESTRICTIONS;

export const restrictionField = (description: string): INodeProperties => ({
	displayName: 'Restriction',
	name: 'restriction',
	type: 'options',
	default: 'mute',
	description,
	options: [
		{ name: 'Ban', value: 'ban', description: 'The user cannot join the live group (BlockAction 1)' },
		{ name: 'Mute', value: 'mute', description: 'The user cannot post in the live group (BlockAction 0)' },
	],
});

export function readRestriction(r: ItemReader): { restriction: Restriction; BlockAction: number } {
	const restriction = r.param('restriction', z.enum(['mute', 'ban']), 'Restriction', 'mute');
	return { restriction, BlockAction: RESTRICTIONS[restriction] };
}

export const LIVE_ONLY = 'Live groups only.';
