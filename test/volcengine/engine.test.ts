/* eslint-disable */
// The operation engine (nodes/shared/engine) as the Volcengine node uses it: coalesced calls follow
// Delivery → Concurrent Requests, an entity in two calls keeps their order, and without
// continue-on-fail no call starts after a failed one. Real n8n engine against the sandbox.
if (!process.env.N8N_LOG_LEVEL) process.env.N8N_LOG_LEVEL = 'silent';
import type { IDataObject } from 'n8n-workflow';
import { itemsOf, volcWorkflow } from '../../harness/fixtures';
import { volcengineEngine } from '../../harness/registry';
import { startSandbox, type RtcSandbox } from '../../sandbox/server';

let sb: RtcSandbox;
beforeAll(async () => {
	sb = await startSandbox();
});
afterAll(() => sb.close());
beforeEach(() => sb.reset());

const APP = 123456;
const run = (params: IDataObject, o: { items?: IDataObject[]; continueOnFail?: boolean } = {}) => volcengineEngine(sb.url).run(volcWorkflow(params, o));
const calls = (action: string) => sb.state.volcengine.requests.filter((r) => r.action === action);
const user = (operation: string, extra: IDataObject = {}) => ({ resource: 'user', operation, userId: '={{ $json.id }}', ...extra });
const idItems = (n: number, from = 50001) => Array.from({ length: n }, (_, i) => ({ id: String(from + i) }));

describe('Engine: coalesce (many items → few calls)', () => {
	test('User → Get: 150 items → 3 calls of ≤50 in flight together; Concurrent Requests 1 → one at a time', async () => {
		sb.seedVolcengineProfiles(APP, idItems(150).map((x) => ({ userId: x.id })));
		// Every answer takes 150 ms longer, so calls that are sent together overlap at the sandbox.
		sb.configure({ faults: { spikeRate: 1, spikeMs: 150 } });
		const side = await run(user('get'), { items: idItems(150) });
		expect(side.run.data.resultData.error).toBeUndefined();
		expect(calls('BatchGetUser').map((c) => c.size).sort()).toEqual([50, 50, 50]);
		expect(sb.stats.maxInFlight).toBe(3);
		expect(itemsOf(side.run).map((o) => o.pairedItem)).toEqual(idItems(150).map((_, i) => ({ item: i })));

		sb.reset();
		sb.seedVolcengineProfiles(APP, idItems(150).map((x) => ({ userId: x.id })));
		sb.configure({ faults: { spikeRate: 1, spikeMs: 150 } });
		const one = await run(user('get', { delivery: { concurrency: 1 } }), { items: idItems(150) });
		expect(one.run.data.resultData.error).toBeUndefined();
		expect(calls('BatchGetUser')).toHaveLength(3);
		expect(sb.stats.maxInFlight).toBe(1);
	});

	test('User → Update: the same user in two calls → the calls go one after the other and the later item wins', async () => {
		sb.seedVolcengineProfiles(APP, [{ userId: '61', nickName: 'Ann' }, { userId: '62', nickName: 'Bob' }]);
		sb.configure({ faults: { spikeRate: 1, spikeMs: 100 } });
		const items = [
			{ id: '61', nick: 'first' },
			{ id: '62', nick: 'Bobby' },
			{ id: '61', nick: 'second' },
		];
		const { run: r } = await run(user('update', { updateFields: { nickName: '={{ $json.nick }}' }, options: { unsetFields: 'clear' } }), { items });
		expect(r.data.resultData.error).toBeUndefined();
		// A user is never twice in one call: [61, 62] then [61].
		expect(calls('BatchUpdateUser').map((c) => c.size)).toEqual([2, 1]);
		expect(sb.stats.maxInFlight).toBe(1);
		expect(sb.state.volcengine.users.get(APP)!.get(61n)).toMatchObject({ nickName: 'second' });
		expect(itemsOf(r).map((o) => [o.json.userId, o.json.status, o.pairedItem])).toEqual([
			['61', 'updated', { item: 0 }],
			['62', 'updated', { item: 1 }],
			['61', 'updated', { item: 2 }],
		]);
	});

	test('a failed call without continue-on-fail: the node stops with that error and no later call starts', async () => {
		sb.configure({ faults: { http5xxRate: 1 } });
		const { run: r } = await run(user('unregister', { delivery: { concurrency: 1, maxAttempts: 1 } }), { items: idItems(25) });
		expect(r.status).toBe('error');
		expect((r.data.resultData.error as any).message).toMatch(/InternalError|HTTP 5/);
		// The first call of ≤10 failed; the second and third were never sent.
		expect(sb.stats.faults.http5xx).toBe(1);
	});

	test('the same failure with continue-on-fail: each item of each call fails on its own, paired', async () => {
		sb.configure({ faults: { http5xxRate: 1 } });
		const { run: r } = await run(user('unregister', { delivery: { concurrency: 1, maxAttempts: 1 } }), { items: idItems(25), continueOnFail: true });
		expect(r.data.resultData.error).toBeUndefined();
		const out = itemsOf(r);
		expect(out).toHaveLength(25);
		out.forEach((o, i) => {
			expect(o.pairedItem).toEqual({ item: i });
			expect(o.json.error).toBeDefined();
		});
		expect(sb.stats.faults.http5xx).toBe(3);
	});
});

describe('Engine: a long receiver list in one item (lists read in one pass)', () => {
	test('Message → Send to Users: 200,000 receivers from an expression (with repeats) → 400 calls, every receiver delivered once', async () => {
		sb.configure({ enforceLimits: false });
		const n = 200_000;
		// ids above 2^53 as text, then the first 1,000 again: the repeats are removed, first occurrence kept
		const to = Array.from({ length: n }, (_, k) => String(9_007_199_254_740_993n + BigInt(k)));
		for (let k = 0; k < 1000; k++) to.push(to[k]);
		const params = {
			resource: 'message',
			operation: 'sendToUsers',
			sender: '10001',
			receivers: '={{ $json.to }}',
			msgType: 10001,
			content: 'hi',
			options: { includeMessageIds: false },
			delivery: { requestsPerSecond: 100000, messagesPerMinute: 100000000 },
		};
		const { run: r } = await run(params, { items: [{ to }] });
		expect(r.data.resultData.error).toBeUndefined();
		const [out] = itemsOf(r);
		expect(out.json).toMatchObject({ status: 'sent', receiverCount: n, deliveredCount: n, failedCount: 0, unknownCount: 0, notSentCount: 0, duplicatesRemoved: 1000, calls: 400 });
		expect(out.json.messageIds).toBeUndefined();
		expect(calls('BatchSendMessage').map((c) => c.receivers)).toEqual(new Array(400).fill(500));
		const got = sb.state.volcengine.messages.map((m) => m.receiver);
		expect(got).toHaveLength(n);
		expect(new Set(got.map(String)).size).toBe(n);
		expect(got[0]).toBe(9_007_199_254_740_993n);
		expect(got.map(String).sort()).toEqual(to.slice(0, n).sort());
	}, 120_000);
});
