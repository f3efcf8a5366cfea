/* eslint-disable */
// Parameters are read once when they can be (nodes/shared/params.ts, issue 15): a parameter whose
// saved value holds no expression is resolved through n8n once per execution, an expression once
// per item, an options collection once per item (not once per option). Real n8n engine (its
// ExecuteContext is spied on, as in delivery.test.ts) against the sandbox.
if (!process.env.N8N_LOG_LEVEL) process.env.N8N_LOG_LEVEL = 'silent';
import { itemsOf, volcWorkflow } from '../harness/fixtures';
import { volcengineEngine } from '../harness/registry';
import { startSandbox, type RtcSandbox } from '../sandbox/server';
import { SANDBOX_VOLCENGINE } from '../sandbox/demo-credentials';

const APP = SANDBOX_VOLCENGINE.appId;
let sb: RtcSandbox;
beforeAll(async () => {
	sb = await startSandbox();
});
afterAll(() => sb.close());
beforeEach(() => sb.reset());

const tagUpdate = (extra: Record<string, unknown> = {}) => ({
	resource: 'userTag',
	operation: 'update',
	userId: '={{ $json.id }}',
	tags: { pairs: [{ key: 'level', value: 'vip' }] },
	...extra,
});
const users = (n: number) => Array.from({ length: n }, (_, i) => ({ id: String(50000 + i), b: 50 }));
const tagCalls = () => sb.state.volcengine.requests.filter((r) => r.action === 'BatchUpdateUserTags');

/** Runs the workflow and counts n8n's parameter resolutions by name → item indexes. */
async function counted(parameters: Record<string, unknown>, items: object[], continueOnFail = false) {
	const { ExecuteContext } = require('n8n-core');
	const spy = jest.spyOn(ExecuteContext.prototype, '_getNodeParameter');
	try {
		const { run } = await volcengineEngine(sb.url).run(volcWorkflow(parameters as any, { items: items as any, continueOnFail }));
		const reads: Record<string, number[]> = {};
		for (const [name, itemIndex] of spy.mock.calls as Array<[string, number]>) (reads[name] ??= []).push(itemIndex);
		return { run, reads };
	} finally {
		spy.mockRestore();
	}
}

describe('parameters are resolved once when they can be', () => {
	test('1,000 items: fixed parameters (Mode, Tags, Options, App ID, Delivery) are resolved once; the User ID expression per item, from the item', async () => {
		const items = users(1000);
		sb.seedVolcengineUsers(APP, items.map((u) => ({ userId: u.id })));
		const { run, reads } = await counted(tagUpdate({ mode: 'set', options: { batchSize: 50, apiForm: 'current' }, delivery: { concurrency: 4 } }), items);
		expect(run.data.resultData.error).toBeUndefined();
		for (const name of ['mode', 'tags', 'tagList', 'options', 'appId', 'delivery']) expect([name, reads[name]]).toEqual([name, [0]]);
		// `={{ $json.id }}` with a text id: read from the item itself, not through n8n's expression engine
		expect(reads.userId).toBeUndefined();
		expect(tagCalls()).toHaveLength(20);
		const out = itemsOf(run);
		expect(out).toHaveLength(1000);
		expect(out.every((o) => o.json.status === 'updated')).toBe(true);
		expect(sb.state.volcengine.users.get(APP)!.get(50999n)!.tags.get('level')).toBe('vip');
	});

	test('any other User ID expression is still resolved by n8n for every item', async () => {
		const items = users(20);
		sb.seedVolcengineUsers(APP, items.map((u) => ({ userId: u.id })));
		const { run, reads } = await counted(tagUpdate({ userId: '={{ ($json.id) }}' }), items);
		expect(run.data.resultData.error).toBeUndefined();
		expect(reads.userId).toEqual(items.map((_, i) => i));
		expect(itemsOf(run).every((o) => o.json.status === 'updated')).toBe(true);
	});

	test('an expression inside Options: the collection is resolved once per item, not once per option', async () => {
		const items = users(10);
		sb.seedVolcengineUsers(APP, items.map((u) => ({ userId: u.id })));
		const { run, reads } = await counted(tagUpdate({ options: { batchSize: '={{ $json.b / 10 }}', apiForm: 'current' } }), items);
		expect(run.data.resultData.error).toBeUndefined();
		expect(reads.options).toEqual(items.map((_, i) => i));
		expect(reads.mode).toEqual([0]);
		// batchSize 5 from the expression, per item: 10 users in 2 calls
		expect(tagCalls()).toHaveLength(2);
	});

	test('a tag value given by an expression is resolved for every item', async () => {
		const items = users(4).map((u, i) => ({ ...u, level: `l${i}` }));
		sb.configure({ volcengine: { tagApiForm: 'legacy' } });
		sb.seedVolcengineUsers(APP, items.map((u) => ({ userId: u.id })));
		const { run, reads } = await counted(tagUpdate({ tags: { pairs: [{ key: 'level', value: '={{ $json.level }}' }] }, options: { apiForm: 'legacy' } }), items);
		expect(run.data.resultData.error).toBeUndefined();
		expect(reads.tags).toEqual([0, 1, 2, 3]);
		expect(items.map((u) => sb.state.volcengine.users.get(APP)!.get(BigInt(u.id))!.tags.get('level'))).toEqual(['l0', 'l1', 'l2', 'l3']);
	});

	test('unset parameters get the same defaults as before (Mode "set", Batch Size 50, current form)', async () => {
		const items = users(120);
		sb.seedVolcengineUsers(APP, items.map((u) => ({ userId: u.id })));
		const { run } = await counted(tagUpdate(), items);
		expect(run.data.resultData.error).toBeUndefined();
		expect(tagCalls()).toHaveLength(3); // 50 + 50 + 20
		expect(itemsOf(run).every((o) => o.json.status === 'updated')).toBe(true);
		expect(sb.state.volcengine.users.get(APP)!.get(50119n)!.tags.get('level')).toBe('vip');
	});
});

describe('a fixed invalid value still fails with the field and the item', () => {
	test('without continue-on-fail: the node stops at item 0, nothing is sent', async () => {
		const { run } = await counted(tagUpdate({ options: { batchSize: 9999 } }), users(3));
		expect(run.data.resultData.error?.message).toMatch(/^Invalid "Batch Size" in item 0: must be between 1 and 500, got 9999/);
		expect(sb.state.volcengine.requests).toHaveLength(0);
	});

	test('with continue-on-fail: every item is an error item naming its own index, nothing is sent', async () => {
		const { run } = await counted(tagUpdate({ mode: 'replace' }), users(3), true);
		expect(run.status).toBe('success');
		const out = itemsOf(run);
		expect(out.map((o) => o.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		out.forEach((o, i) => expect(String(o.json.error)).toMatch(new RegExp(`^Invalid "Mode" in item ${i}: `)));
		expect(sb.state.volcengine.requests).toHaveLength(0);
	});
});

/**
 * `={{ $json.field }}` is read from the item when the item has the field as text, a number or a
 * boolean; everything else goes through n8n. Either way the node must see what n8n's own
 * resolution gives: the same run with `={{ ($json.field) }}` (the same expression, which only n8n
 * resolves) sends the same requests and produces the same output and errors.
 */
describe('`={{ $json.field }}` read from the item is what n8n resolves', () => {
	const values: unknown[] = ['50001', ' 50002 ', 50003, '=50004', '', 'abc', true, null, { a: 1 }, ['50005'], [50001, '50002'], [null], [['50003']], [], 1.5, -1, '9223372036854775807', 9007199254740993];
	const run = async (userId: string, items: object[]) => {
		sb.reset();
		sb.seedVolcengineUsers(APP, [50001, 50002, 50003, 50004, 50005].map((id) => ({ userId: String(id) })));
		const { run } = await counted(tagUpdate({ userId }), items, true);
		// what reached the sandbox: calls, their answers' codes, how many users, body sizes
		const bodies = sb.state.volcengine.requests.map(({ at, ...r }) => r);
		// request ids are random per answer
		const out = JSON.parse(JSON.stringify(itemsOf(run).map((o) => ({ json: o.json, pairedItem: o.pairedItem })), (k, v) => (k === 'requestId' ? undefined : v)));
		return { out, bodies, error: run.data.resultData.error?.message };
	};

	test.each([
		['={{ $json.id }}', '={{ ($json.id) }}'],
		['={{$json["id"]}}', '={{ ($json["id"]) }}'],
		["={{ $json['id'] }}", "={{ ($json['id']) }}"],
	])('%s (one item per value, and an item without the field)', async (direct, viaN8n) => {
		const items = [...values.map((id, n) => ({ id, n })), { other: 1 }];
		const a = await run(direct, items);
		const b = await run(viaN8n, items);
		expect(a).toEqual(b);
		expect(a.out.filter((o: any) => o.json.error === undefined).length).toBeGreaterThan(0);
		expect(a.out.filter((o: any) => o.json.error !== undefined).length).toBeGreaterThan(0);
		expect(a.bodies.length).toBeGreaterThan(0);
	});

	test('a field that is not the item\'s own (an inherited name) is left to n8n', async () => {
		const items = [{ id: '50001' }];
		const a = await run('={{ $json.constructor }}', items);
		const b = await run('={{ ($json.constructor) }}', items);
		expect(a.out.map((o: any) => typeof o.json.error)).toEqual(b.out.map((o: any) => typeof o.json.error));
		expect(a.bodies).toEqual(b.bodies);
	});

	test('receivers as a list from `={{ $json.to }}` (single sends): the same calls and output as through n8n', async () => {
		const items = [{ to: ['50001'] }, { to: [50002, '50003'] }, { to: '50004, 50005' }, { to: [null] }, { to: [['50001']] }, { to: [] }, { to: ['x'] }];
		const send = async (receivers: string) => {
			sb.reset();
			const { run, reads } = await counted({ resource: 'message', operation: 'sendToUsers', sender: '10001', receivers, msgType: 10001, content: 'hi' }, items, true);
			const out = JSON.parse(JSON.stringify(itemsOf(run).map((o) => ({ json: o.json, pairedItem: o.pairedItem })), (k, v) => (k === 'requestId' || k === 'requestIds' || (/^\d{10,}$/.test(String(v)) && k !== 'to') ? undefined : v)));
			return { out, calls: sb.state.volcengine.requests.map(({ at, ...r }) => r), reads: reads.receivers };
		};
		const a = await send('={{ $json.to }}');
		const b = await send('={{ ($json.to) }}');
		expect({ out: a.out, calls: a.calls }).toEqual({ out: b.out, calls: b.calls });
		expect(a.calls.filter((c) => !c.code).length).toBeGreaterThanOrEqual(3);
		// lists of scalars and the string are read from the item; the nested list goes through n8n
		expect(a.reads).toEqual([4]);
		expect(b.reads).toEqual(items.map((_, i) => i));
	});
});
