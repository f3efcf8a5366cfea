/* eslint-disable */
// Tencent Chat → Group Counter: Get (get_group_counter), Update (update_group_counter), Delete
// (delete_group_counter). Real n8n engine against the sandbox.
if (!process.env.N8N_LOG_LEVEL) process.env.N8N_LOG_LEVEL = 'silent';
import { outputOf } from '../../harness/engine';
import type { RtcSandbox } from '../../sandbox/server';
import { extraOf } from '../../sandbox/tencent/groupExtra';
import { bodiesOf, rl } from './groupLists';
import { indexes, itemsOf, pairs, tencentSuite } from './suite';

let sb: RtcSandbox;
const { run: execute, expectRefused } = tencentSuite((s) => (sb = s));
const run = async (...args: Parameters<typeof execute>) => (await execute(...args)).run;
const counters = (o: Record<string, string>) => ({ pairs: Object.entries(o).map(([key, value]) => ({ key, value })) });
beforeEach(() => {
	sb.configure({ tencent: { logBodies: true } });
	sb.seedTencentGroup({ groupId: 'g', type: 'Public' });
});

test('Set, Increase and Decrease keep int64 values exact; Get returns them as text; Delete removes', async () => {
	const set = await run({ resource: 'groupCounter', operation: 'update', group: rl('g'), mode: 'set', counters: counters({ likes: '9007199254740993', shares: '5' }) });
	expect(outputOf(set, 'Node')[0]).toMatchObject({ status: 'updated', groupId: 'g', counters: { likes: '9007199254740993', shares: '5' } });
	const body = bodiesOf(sb, 'update_group_counter')[0];
	expect(body.Mode).toBe('Set');
	expect(String(body.GroupCounter[0].Value)).toBe('9007199254740993'); // a bare JSON number with every digit
	await run({ resource: 'groupCounter', operation: 'update', group: rl('g'), mode: 'increase', counters: counters({ likes: '2' }) });
	await run({ resource: 'groupCounter', operation: 'update', group: rl('g'), mode: 'decrease', counters: counters({ shares: '7' }) });
	expect(bodiesOf(sb, 'update_group_counter').map((b) => b.Mode)).toEqual(['Set', 'Increase', 'Decrease']);
	const got = await run({ resource: 'groupCounter', operation: 'get', group: rl('g') });
	expect(outputOf(got, 'Node')[0]).toMatchObject({ status: 'read', counters: { likes: '9007199254740995', shares: '-2' } });
	expect(bodiesOf(sb, 'get_group_counter')[0]).toEqual({ GroupId: 'g' });
	const some = await run({ resource: 'groupCounter', operation: 'get', group: rl('g'), keys: 'shares' });
	expect((outputOf(some, 'Node')[0] as any).counters).toEqual({ shares: '-2' });
	await run({ resource: 'groupCounter', operation: 'delete', group: rl('g'), keys: 'likes' });
	expect(bodiesOf(sb, 'delete_group_counter')[0]).toEqual({ GroupId: 'g', GroupCounterKeys: ['likes'] });
	expect([...extraOf(sb.state.tencent.groups.get('g')!).counters.keys()]).toEqual(['shares']);
});

test('a Community (10007): error item with continue-on-fail, paired; run error without', async () => {
	sb.seedTencentGroup({ groupId: 'c', type: 'Community' });
	const params = { resource: 'groupCounter', operation: 'get', group: rl('={{ $json.g }}') };
	const on = await run(params, { items: [{ g: 'c' }, { g: 'g' }], continueOnFail: true });
	expect(itemsOf(on).map((o) => o.json.code ?? o.json.status)).toEqual(['10007', 'read']);
	expect(pairs(on)).toEqual(indexes(2));
	const off = await run(params, { items: [{ g: 'c' }] });
	expect(off.data.resultData.error!.message).toMatch(/^Tencent Chat error 10007/);
});

test('bad input is refused before sending: no counter, 21 counters, a value beyond int64', async () => {
	await expectRefused({ resource: 'groupCounter', operation: 'update', group: rl('g'), mode: 'set', counters: {} }, 'Counters', /at least one counter/);
	const many = Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`k${i}`, '1']));
	await expectRefused({ resource: 'groupCounter', operation: 'update', group: rl('g'), mode: 'set', counters: counters(many) }, 'Counters', /more than 20/);
	await expectRefused({ resource: 'groupCounter', operation: 'update', group: rl('g'), mode: 'set', counters: counters({ k: '9223372036854775808' }) }, 'Counters', /between -9223372036854775808/);
	await expectRefused({ resource: 'groupCounter', operation: 'delete', group: rl('g'), keys: ' , ' }, 'Keys', /at least one key/);
});
