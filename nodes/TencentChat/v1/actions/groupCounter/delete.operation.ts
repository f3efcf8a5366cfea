import { z } from 'zod';
import { tencentOperation, type Body } from '../../helpers/common';
import { groupLocatorField } from '../../helpers/groupLocator';
import { readGroup } from '../../helpers/groupOps';
import { counterCall, counterDoc, keysField, keysSchema } from './common';

/** delete_group_counter — 1047/53429: the given counters (GroupCounterKeys). Deleting again is harmless. */
export const deleteCounters = tencentOperation<{ body: Body }>({
	resource: 'groupCounter',
	operation: 'delete',
	option: { name: 'Delete', description: 'Delete counters of a group (delete_group_counter)', action: 'Delete group counters' },
	properties: [groupLocatorField, keysField(true, 'Counters to delete, separated by commas, at most 20 (GroupCounterKeys)')],
	read: (r) => ({ body: { GroupId: readGroup(r), GroupCounterKeys: r.param<string[]>('keys', keysSchema.pipe(z.array(z.string()).min(1, 'needs at least one key')), 'Keys') } }),
	orderKey: ({ body }) => `group:${String(body.GroupId)}`,
	shape: counterCall('delete_group_counter', 'deleted'),
	doc: counterDoc('delete_group_counter', 'One call per item, the given keys.', '53429'),
});
