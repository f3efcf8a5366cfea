/* eslint-disable */
// Tencent Chat → Group Attribute: Get (get_group_attr), Set (modify_group_attr), Replace All
// (set_group_attr), Delete (delete_group_attr), Clear (clear_group_attr). Real n8n engine against the sandbox.
if (!process.env.N8N_LOG_LEVEL) process.env.N8N_LOG_LEVEL = 'silent';
import { outputOf } from '../../harness/engine';
import type { RtcSandbox } from '../../sandbox/server';
import { extraOf } from '../../sandbox/tencent/groupExtra';
import { bodiesOf, rl } from './groupLists';
import { indexes, itemsOf, pairs, tencentSuite } from './suite';

let sb: RtcSandbox;
const { run: execute, expectRefused } = tencentSuite((s) => (sb = s));
const run = async (...args: Parameters<typeof execute>) => (await execute(...args)).run;
const attrs = (o: Record<string, string>) => ({ pairs: Object.entries(o).map(([key, value]) => ({ key, value })) });
const stored = (g: string) => Object.fromEntries(extraOf(sb.state.tencent.groups.get(g)!).attributes);
beforeEach(() => {
	sb.configure({ tencent: { logBodies: true } });
	sb.seedTencentGroup({ groupId: 'live', type: 'AVChatRoom' });
});

test('Set adds keys, Replace All replaces the set, Delete removes keys, Clear empties; Get reads them', async () => {
	expect(outputOf(await run({ resource: 'groupAttribute', operation: 'set', group: rl('live'), attributes: attrs({ stage: 'live', theme: 'dark' }) }), 'Node')[0]).toMatchObject({ status: 'set', groupId: 'live', keys: ['stage', 'theme'] });
	expect(bodiesOf(sb, 'modify_group_attr')[0]).toEqual({ GroupId: 'live', GroupAttr: [{ key: 'stage', value: 'live' }, { key: 'theme', value: 'dark' }] });
	await run({ resource: 'groupAttribute', operation: 'set', group: rl('live'), attributes: attrs({ stage: 'ended' }) });
	expect(stored('live')).toEqual({ stage: 'ended', theme: 'dark' });
	const got = await run({ resource: 'groupAttribute', operation: 'get', group: rl('live') });
	expect(outputOf(got, 'Node')[0]).toMatchObject({ groupId: 'live', attributes: { stage: 'ended', theme: 'dark' } });
	expect(bodiesOf(sb, 'get_group_attr')[0]).toEqual({ GroupId: 'live' });
	await run({ resource: 'groupAttribute', operation: 'replaceAll', group: rl('live'), attributes: attrs({ a: '1', b: '2' }) });
	expect(stored('live')).toEqual({ a: '1', b: '2' });
	expect(outputOf(await run({ resource: 'groupAttribute', operation: 'delete', group: rl('live'), keys: 'a' }), 'Node')[0]).toMatchObject({ status: 'deleted', keys: ['a'] });
	expect(bodiesOf(sb, 'delete_group_attr')[0]).toEqual({ GroupId: 'live', GroupAttr: [{ key: 'a' }] });
	expect(stored('live')).toEqual({ b: '2' });
	await run({ resource: 'groupAttribute', operation: 'clear', group: rl('live') });
	expect(bodiesOf(sb, 'clear_group_attr')[0]).toEqual({ GroupId: 'live' });
	expect(stored('live')).toEqual({});
});

test('8 writes to one group are paced to 5 per second: none is refused with 10049', async () => {
	const items = Array.from({ length: 8 }, (_, i) => ({ v: String(i) }));
	const t0 = Date.now();
	const r = await run({ resource: 'groupAttribute', operation: 'set', group: rl('live'), attributes: { pairs: [{ key: 'n', value: '={{ $json.v }}' }] } }, { items });
	expect(r.data.resultData.error).toBeUndefined();
	expect(itemsOf(r).every((o) => o.json.status === 'set')).toBe(true);
	expect(Date.now() - t0).toBeGreaterThanOrEqual(500);
	expect(sb.state.tencent.requests.filter((x) => x.code === 10049)).toHaveLength(0);
	expect(stored('live')).toEqual({ n: '7' }); // in input order
});

test('10049 (another client used the group\'s 5 writes per second) is a throttle: backed off and written once', async () => {
	sb.configure({ tencent: { scripted: [{ path: 'group_open_http_svc/modify_group_attr', times: 2, code: 10049 }] } });
	const r = await run({ resource: 'groupAttribute', operation: 'set', group: rl('live'), attributes: attrs({ stage: 'live' }) });
	expect(r.data.resultData.error).toBeUndefined();
	expect(outputOf(r, 'Node')[0]).toMatchObject({ status: 'set', keys: ['stage'] });
	expect(sb.state.tencent.requests.filter((x) => x.path.endsWith('modify_group_attr')).map((x) => x.code)).toEqual([10049, 10049, 0]);
	expect(stored('live')).toEqual({ stage: 'live' });
});

test('a missing group (10010): error item with continue-on-fail, paired; run error without', async () => {
	const params = { resource: 'groupAttribute', operation: 'set', group: rl('={{ $json.g }}'), attributes: attrs({ k: 'v' }) };
	const on = await run(params, { items: [{ g: 'nope' }, { g: 'live' }], continueOnFail: true });
	expect(itemsOf(on).map((o) => o.json.code ?? o.json.status)).toEqual(['10010', 'set']);
	expect(pairs(on)).toEqual(indexes(2));
	const off = await run(params, { items: [{ g: 'nope' }] });
	expect(off.data.resultData.error!.message).toMatch(/^Tencent Chat error 10010/);
});

test('limits are checked before sending: 17 keys, a key over 32 bytes, 16,000 bytes in all', async () => {
	const many = Object.fromEntries(Array.from({ length: 17 }, (_, i) => [`k${i}`, 'v']));
	await expectRefused({ resource: 'groupAttribute', operation: 'set', group: rl('live'), attributes: attrs(many) }, 'Attributes', /limit is 16/);
	await expectRefused({ resource: 'groupAttribute', operation: 'set', group: rl('live'), attributes: attrs({ ['é'.repeat(17)]: 'v' }) }, 'Attributes', /longer than 32 bytes/);
	const big = Object.fromEntries(Array.from({ length: 5 }, (_, i) => [`k${i}`, 'x'.repeat(3999)]));
	await expectRefused({ resource: 'groupAttribute', operation: 'replaceAll', group: rl('live'), attributes: attrs(big) }, 'Attributes', /limit is 16000/);
});
