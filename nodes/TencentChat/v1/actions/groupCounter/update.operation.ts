import { z } from 'zod';
import { keyValueField, keyValueMap } from '../../../../shared/schemas';
import { tencentOperation, type Body } from '../../helpers/common';
import { groupLocatorField } from '../../helpers/groupLocator';
import { readGroup } from '../../helpers/groupOps';
import { counterCall, counterDoc, int64, keysSchema, MAX_KEYS } from './common';

const MODES = { set: 'Set', increase: 'Increase', decrease: 'Decrease' } as const;

/**
 * update_group_counter — 1047/53428: up to 20 counters per call, Mode Set, Increase or Decrease.
 * Set is safe to repeat; Increase / Decrease are not (a repeat after a lost answer would count twice).
 */
export const update = tencentOperation<{ body: Body }>({
	resource: 'groupCounter',
	operation: 'update',
	option: { name: 'Update', description: 'Set, increase or decrease counters of a group (update_group_counter)', action: 'Update group counters' },
	properties: [
		groupLocatorField,
		{
			displayName: 'Mode',
			name: 'mode',
			type: 'options',
			default: 'set',
			options: [
				{ name: 'Set', value: 'set', description: 'Set each counter to the value' },
				{ name: 'Increase', value: 'increase', description: 'Add the value to each counter' },
				{ name: 'Decrease', value: 'decrease', description: 'Subtract the value from each counter' },
			],
			description: 'How the values apply (Mode)',
		},
		keyValueField({
			displayName: 'Counters',
			name: 'counters',
			description: 'Up to 20 counters: a key of at most 128 bytes and a whole number of up to 19 digits (give a large one as text)',
			placeholder: 'Add Counter',
			pairName: 'Counter',
			keyPlaceholder: 'likes',
			valuePlaceholder: '1',
		}),
	],
	read(r) {
		const mode = r.param('mode', z.enum(['set', 'increase', 'decrease']), 'Mode', 'set');
		const map = r.param('counters', keyValueMap({ requireValue: true }), 'Counters', {});
		const keys = keysSchema.safeParse(Object.keys(map));
		if (!keys.success || keys.data.length === 0) r.fail(`Invalid "Counters" in item ${r.itemIndex}: ${keys.success ? 'add at least one counter' : keys.error.issues[0].message}`);
		const counters = Object.entries(map).map(([Key, v]) => {
			const parsed = int64.safeParse(v);
			if (!parsed.success) r.fail(`Invalid "Counters" in item ${r.itemIndex}: value of "${Key}" ${parsed.error.issues[0].message}`);
			return { Key, Value: parsed.data };
		});
		return { body: { GroupId: readGroup(r), GroupCounter: counters, Mode: MODES[mode] } };
	},
	orderKey: ({ body }) => `group:${String(body.GroupId)}`,
	shape: counterCall('update_group_counter', 'updated', (body) => body.Mode === 'Set'),
	doc: counterDoc('update_group_counter', `Up to ${MAX_KEYS} counters per item in one call; Set is repeated after a lost answer, Increase / Decrease are not (they would count twice).`, '53428'),
});
