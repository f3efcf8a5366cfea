/* eslint-disable */
// Tencent Chat → Push (im_push / timpush), User Attribute (im_set_attr, im_get_attr) and User Tag
// (im_add_tag, im_get_tag, im_remove_all_tags) (tencent-chat.md §4.8–§4.11). Real n8n engine
// against the sandbox; the block that checks the sandbox configured as the real vendor behaves
// (issue 11) names its source.
if (!process.env.N8N_LOG_LEVEL) process.env.N8N_LOG_LEVEL = 'silent'; // the engine would log every expected error
import type { IDataObject } from 'n8n-workflow';
import { outputOf } from '../../harness/engine';
import { tencentWorkflow } from '../../harness/fixtures';
import { tencentEngine } from '../../harness/registry';
import type { RtcSandbox } from '../../sandbox/server';
import { itemsOf, tencentSuite, text } from './suite';

let sb: RtcSandbox;
const { run: execute, calls } = tencentSuite((s) => (sb = s));
/** The run alone (status, data) of one engine run. */
const run = async (...args: Parameters<typeof execute>) => (await execute(...args)).run;

describe('Push and user attributes/tags', () => {
	test('push to users with tags', async () => {
		sb.seedTencentAccounts(['a', 'b', 'c']);
		sb.seedTencentUserTags('a', ['vip']);
		sb.seedTencentUserTags('b', ['basic']);
		const { run } = await tencentEngine(sb.url).run(
			tencentWorkflow({ resource: 'push', operation: 'pushToAll', target: 'tags', tagsOr: 'vip', ...text('for vips') }),
		);
		expect(run.data.resultData.error).toBeUndefined();
		expect(sb.state.tencent.pushes[0].recipients).toEqual(['a']);
		expect(outputOf(run, 'Node')[0]).toMatchObject({ status: 'accepted', condition: { TagsOr: ['vip'] } });
	});

	test('attribute names, then 150 attribute items → 2 calls; unknown users reported per item', async () => {
		const accounts = Array.from({ length: 150 }, (_, i) => `p${i}`);
		sb.seedTencentAccounts(accounts.filter((a) => a !== 'p149'));
		await tencentEngine(sb.url).run(
			tencentWorkflow({ resource: 'push', operation: 'setAttributeNames', attrNames: { pairs: [{ key: '0', value: 'city' }] } }),
		);
		const items = accounts.map((a, i) => ({ a, city: i % 2 ? 'sz' : 'bj' }));
		const { run } = await tencentEngine(sb.url).run(
			tencentWorkflow(
				{ resource: 'userAttribute', operation: 'set', account: '={{ $json.a }}', attributes: { pairs: [{ key: 'city', value: '={{ $json.city }}' }] } },
				{ items },
			),
		);
		expect(calls('im_set_attr')).toHaveLength(2);
		const out = itemsOf(run);
		expect(out).toHaveLength(150);
		expect(out[149].json).toMatchObject({ account: 'p149', status: 'failed', errorCode: 70107, reason: 'the user ID does not exist (it was never imported)' });
		expect(out[1].json).toMatchObject({ account: 'p1', status: 'set', attributes: { city: 'sz' } });
		const got = await tencentEngine(sb.url).run(tencentWorkflow({ resource: 'userAttribute', operation: 'get', account: 'p1' }));
		expect(outputOf(got.run, 'Node')[0]).toMatchObject({ account: 'p1', attributes: { city: 'sz' } });
	});

	test('tags: add for 120 items in 2 calls, get, remove all', async () => {
		const accounts = Array.from({ length: 120 }, (_, i) => `t${i}`);
		sb.seedTencentAccounts(accounts);
		const items = accounts.map((a) => ({ a }));
		await tencentEngine(sb.url).run(tencentWorkflow({ resource: 'userTag', operation: 'add', account: '={{ $json.a }}', tags: 'vip, beta' }, { items }));
		expect(calls('im_add_tag')).toHaveLength(2);
		const got = await tencentEngine(sb.url).run(tencentWorkflow({ resource: 'userTag', operation: 'get', account: 't7' }));
		expect((outputOf(got.run, 'Node')[0] as any).tags.sort()).toEqual(['beta', 'vip']);
		await tencentEngine(sb.url).run(tencentWorkflow({ resource: 'userTag', operation: 'removeAll', account: 't7' }));
		expect(sb.state.tencent.userTags.get('t7')?.size ?? 0).toBe(0);
	});
});

describe('the remove operations and the attribute names read back', () => {
	test('User Tag → Remove takes the given tags off, keeps the rest; 120 items in 2 calls', async () => {
		const accounts = Array.from({ length: 120 }, (_, i) => `r${i}`);
		sb.seedTencentAccounts(accounts);
		for (const a of accounts) sb.seedTencentUserTags(a, ['vip', 'beta', 'eu']);
		const { run } = await tencentEngine(sb.url).run(tencentWorkflow({ resource: 'userTag', operation: 'remove', account: '={{ $json.a }}', tags: 'vip, beta' }, { items: accounts.map((a) => ({ a })) }));
		expect(run.data.resultData.error).toBeUndefined();
		expect(calls('im_remove_tag')).toHaveLength(2);
		expect(itemsOf(run).every((o) => o.json.status === 'removed')).toBe(true);
		expect([...(sb.state.tencent.userTags.get('r7') ?? [])]).toEqual(['eu']);
	});

	test('User Attribute → Remove deletes the named attributes; Push → Get Attribute Names lists the names', async () => {
		sb.seedTencentAccounts(['p1']);
		await tencentEngine(sb.url).run(tencentWorkflow({ resource: 'push', operation: 'setAttributeNames', attrNames: { pairs: [{ key: '0', value: 'city' }, { key: '1', value: 'level' }] } }));
		const names = await tencentEngine(sb.url).run(tencentWorkflow({ resource: 'push', operation: 'getAttributeNames' }));
		expect(outputOf(names.run, 'Node')[0]).toMatchObject({ attrNames: { '0': 'city', '1': 'level' } });
		await tencentEngine(sb.url).run(tencentWorkflow({ resource: 'userAttribute', operation: 'set', account: 'p1', attributes: { pairs: [{ key: 'city', value: 'sz' }, { key: 'level', value: 'gold' }] } }));
		const { run } = await tencentEngine(sb.url).run(tencentWorkflow({ resource: 'userAttribute', operation: 'remove', account: 'p1', names: 'city' }));
		expect(run.data.resultData.error).toBeUndefined();
		expect(calls('im_remove_attr')).toHaveLength(1);
		const got = await tencentEngine(sb.url).run(tencentWorkflow({ resource: 'userAttribute', operation: 'get', account: 'p1' }));
		expect((outputOf(got.run, 'Node')[0] as IDataObject).attributes).toEqual({ level: 'gold' });
	});
});

describe('push: legacy or current paths, daily quota never retried', () => {
	beforeEach(() => sb.configure({ tencent: { logBodies: true } })); // request bodies in sb.state.tencent.requests
	beforeEach(() => sb.seedTencentAccounts(['p1', 'p2']));
	const push = (extra: Record<string, unknown> = {}) => ({ resource: 'push', operation: 'pushToAll', target: 'all', ...text('news'), ...extra });

	test('Push API "Current" calls v4/timpush/* (an app with only the Push service answers)', async () => {
		sb.configure({ tencent: { pushApis: ['timpush'] } });
		const engine = tencentEngine(sb.url, { pushApi: 'timpush' });
		const { run } = await engine.run(tencentWorkflow(push()));
		expect(run.data.resultData.error).toBeUndefined();
		expect(outputOf(run, 'Node')[0]).toMatchObject({ status: 'accepted' });
		// Online users only (the default lifetime 0) is said with OnlineOnlyFlag 1 on timpush/push (1047/60561).
		expect(calls('timpush/push')[0].body).toMatchObject({ MsgLifeTime: 0, OnlineOnlyFlag: 1 });
		const tag = await engine.run(tencentWorkflow({ resource: 'userTag', operation: 'add', account: 'p1', tags: 'vip' }));
		expect(tag.run.data.resultData.error).toBeUndefined();
		const removeAll = await engine.run(tencentWorkflow({ resource: 'userTag', operation: 'removeAll', account: 'p1' }));
		expect(removeAll.run.data.resultData.error).toBeUndefined();
		expect(sb.state.tencent.requests.map((r) => [r.path, r.code])).toEqual([
			['timpush/push', 0],
			['timpush/add_tag', 0],
			['timpush/clear_all_tags', 0],
		]);
	});

	test('legacy is the default; a legacy-only app refuses the current paths with 90045', async () => {
		sb.configure({ tencent: { pushApis: ['legacy'] } });
		const legacy = await tencentEngine(sb.url).run(tencentWorkflow(push()));
		expect(legacy.run.data.resultData.error).toBeUndefined();
		expect(calls('im_push')).toHaveLength(1);
		const current = await tencentEngine(sb.url, { pushApi: 'timpush' }).run(tencentWorkflow(push({ options: { msgRandom: 9 } })));
		expect(current.run.data.resultData.error!.message).toMatch(/90045/);
	});

	test('daily quota (90047): one answer, no retry, no pause; the error says "daily quota, try tomorrow"', async () => {
		sb.configure({ tencent: { pushPerDay: 1 } });
		const t0 = Date.now();
		const { run } = await tencentEngine(sb.url).run(
			tencentWorkflow(push({ options: { msgRandom: '={{ $json.r }}' } }), { items: [{ r: 1 }, { r: 2 }, { r: 3 }], continueOnFail: true }),
		);
		const out = itemsOf(run).map((o) => o.json);
		expect(out[0]).toMatchObject({ status: 'accepted' });
		for (const o of out.slice(1)) {
			expect(o).toMatchObject({ code: '90047' });
			expect(String(o.error)).toMatch(/daily quota.*try tomorrow/);
		}
		// Items 2 and 3 wait for the push interval side by side; whichever goes second is not sent at
		// all: the quota cannot come back before tomorrow.
		expect(out.slice(1).filter((o) => /not sent: an earlier item of this run found the quota used up/.test(String(o.error)))).toHaveLength(1);
		expect(calls('im_push').map((r) => r.code)).toEqual([0, 90047]);
		expect(sb.state.tencent.pushes).toHaveLength(1);
		// The second push waited only for the 1 s push interval, not for a throttle back-off.
		expect(Date.now() - t0).toBeLessThan(4000);
	});
});

describe('validation before sending (field and item named, nothing sent)', () => {
	const cases: Array<[string, IDataObject, RegExp]> = [
		['11 tags in a push condition', { resource: 'push', operation: 'pushToAll', target: 'tags', tagsOr: 'a,b,c,d,e,f,g,h,i,j,k', ...text('x') }, /Invalid "Any of These Tags" in item 0: at most 10 tags/],
		['same tag in both lists', { resource: 'push', operation: 'pushToAll', target: 'tags', tagsOr: 'a', tagsAnd: 'a', ...text('x') }, /"a" is also in "Any of These Tags"/],
		['empty tag condition', { resource: 'push', operation: 'pushToAll', target: 'tags', ...text('x') }, /both empty in item 0/],
		['11 tags for one user', { resource: 'userTag', operation: 'add', account: 'a', tags: 'a,b,c,d,e,f,g,h,i,j,k' }, /at most 10 tags per user/],
		['attribute value over 50 bytes', { resource: 'userAttribute', operation: 'set', account: 'a', attributes: { pairs: [{ key: 'city', value: 'x'.repeat(51) }] } }, /over 50 bytes/],
	];
	test.each(cases)('%s', async (_name, params, message) => {
		const r = await run(params);
		expect(r.status).toBe('error');
		expect(r.data.resultData.error!.message).toMatch(message);
		expect(sb.state.tencent.requests).toHaveLength(0);
	});
});
