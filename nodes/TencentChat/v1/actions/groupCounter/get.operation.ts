import { tencentOperation, type Body } from '../../helpers/common';
import { groupLocatorField } from '../../helpers/groupLocator';
import { readGroup } from '../../helpers/groupOps';
import { counterCall, counterDoc, keysField, keysSchema } from './common';

/** get_group_counter — 1047/53427: the given counters, or all when no keys are given. */
export const get = tencentOperation<{ body: Body }>({
	resource: 'groupCounter',
	operation: 'get',
	option: { name: 'Get', description: 'Get the counters of a group (get_group_counter)', action: 'Get group counters' },
	properties: [groupLocatorField, keysField(false, 'Counters to read, separated by commas, at most 20 (GroupCounterKeys). Empty: all.')],
	read(r) {
		const keys = r.param<string[]>('keys', keysSchema, 'Keys', '');
		return { body: keys.length ? { GroupId: readGroup(r), GroupCounterKeys: keys } : { GroupId: readGroup(r) } };
	},
	shape: counterCall('get_group_counter', 'read'),
	doc: counterDoc('get_group_counter', 'One call per item; all counters when no keys are given.', '53427'),
});
