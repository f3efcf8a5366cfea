/* eslint-disable */
import { itemsOf, tencentWorkflow, volcWorkflow } from '../harness/fixtures';
import { outputOf } from '../harness/engine';
import { tencentEngine, volcengineEngine } from '../harness/registry';
import { startSandbox, type RtcSandbox } from '../sandbox/server';
import { DELIVERY_DEFAULTS, deliveryProperty } from '../nodes/shared/delivery';
import { RateLimiter, rateLimiter } from '../nodes/shared/limiter';
import { SANDBOX_VOLCENGINE } from '../sandbox/demo-credentials';

let sb: RtcSandbox;
beforeAll(async () => {
	sb = await startSandbox();
});
afterAll(() => sb.close());
beforeEach(() => sb.reset());

const volcSend = (extra: Record<string, unknown> = {}) => ({
	resource: 'message',
	operation: 'sendToUsers',
	sender: '10001',
	content: 'x',
	msgType: 10001,
	receivers: '1,2,3',
	...extra,
});

describe('timeouts and ambiguous failures', () => {
	test('Volcengine BatchSendMessage timing out after it was sent is reported "delivery unknown", not resent', async () => {
		sb.configure({ faults: { slowRate: 1, slowMs: 1500 } });
		const { run } = await volcengineEngine(sb.url).run(
			volcWorkflow(volcSend({ delivery: { timeoutSeconds: 1 } }), { items: [{}], continueOnFail: true }),
		);
		const [out] = itemsOf(run);
		expect(out.json.code).toBe('DELIVERY_UNKNOWN');
		expect(String(out.json.error)).toMatch(/^Delivery unknown: BatchSendMessage got no answer after it was sent/);
		expect(String(out.json.description)).toMatch(/does not de-duplicate BatchSendMessage/);
		// the sandbox did process it, exactly once: the node did not send it again
		expect(sb.state.volcengine.requests.filter((r) => r.action === 'BatchSendMessage')).toHaveLength(1);
		expect(sb.state.volcengine.messages).toHaveLength(3);
	});

	test('with "Retry Ambiguous Failures (May Duplicate)" on, it is sent again', async () => {
		let first = true;
		sb.configure({ faults: { slowRate: 1, slowMs: 1500 } });
		sb.on('volcengine.message', () => {
			if (first) sb.configure({ faults: { slowRate: 0 } });
			first = false;
		});
		const { run } = await volcengineEngine(sb.url).run(volcWorkflow(volcSend({ delivery: { timeoutSeconds: 1, retryAmbiguous: true } })));
		sb.removeAllListeners('volcengine.message');
		expect(run.data.resultData.error).toBeUndefined();
		expect(outputOf(run, 'Node')[0]).toMatchObject({ status: 'sent', deliveredCount: 3 });
		expect(sb.state.volcengine.messages).toHaveLength(6); // the documented price: a duplicate
	});

	test('a chunk lost after processing is "unknown" while the other chunks are delivered', async () => {
		let n = 0;
		sb.on('volcengine.message', () => {
			n++;
			sb.configure({ faults: { lostRate: n === 1 ? 1 : 0 } });
		});
		const receivers = Array.from({ length: 30 }, (_, i) => String(100 + i)).join(',');
		const { run } = await volcengineEngine(sb.url).run(
			volcWorkflow(volcSend({ receivers, options: { batchSize: 10 }, delivery: { concurrency: 1 } })),
		);
		sb.removeAllListeners('volcengine.message');
		const [out] = outputOf(run, 'Node') as any[];
		expect(out).toMatchObject({ status: 'partial', deliveredCount: 20, unknownCount: 10, notSentCount: 0, calls: 3 });
		expect(out.unknownReceivers).toEqual(Array.from({ length: 10 }, (_, i) => String(110 + i)));
		expect(out.errors[0].code).toBe('DELIVERY_UNKNOWN');
	});

	test('Tencent sends are de-duplicated by the vendor, so a timed-out send is repeated and delivered once', async () => {
		sb.seedTencentAccounts(['bob']);
		sb.configure({ faults: { slowRate: 1, slowMs: 1500 } });
		sb.on('tencent.message', () => sb.configure({ faults: { slowRate: 0 } }));
		const { run } = await tencentEngine(sb.url).run(
			tencentWorkflow({ resource: 'message', operation: 'sendToUser', toAccount: 'bob', messageFormat: 'text', text: 'once', delivery: { timeoutSeconds: 1 } }),
		);
		sb.removeAllListeners('tencent.message');
		expect(run.data.resultData.error).toBeUndefined();
		expect(sb.state.tencent.requests.filter((r) => r.path.endsWith('sendmsg')).length).toBe(2);
		expect(sb.state.tencent.c2c).toHaveLength(1);
	});
});

describe('not processed: retried', () => {
	test('5xx, resets and throttles are retried until delivered', async () => {
		sb.seedTencentAccounts(['a', 'b']);
		sb.configure({ faults: { seed: 3, http5xxRate: 0.15, resetRate: 0.1, throttleRate: 0.1 } });
		const items = Array.from({ length: 20 }, (_, i) => ({ to: i % 2 ? 'a' : 'b', t: `m${i}` }));
		const { run } = await tencentEngine(sb.url).run(
			tencentWorkflow({ resource: 'message', operation: 'sendToUser', toAccount: '={{ $json.to }}', messageFormat: 'text', text: '={{ $json.t }}', delivery: { maxAttempts: 12 } }, { items }),
		);
		expect(run.data.resultData.error).toBeUndefined();
		expect(sb.state.tencent.c2c).toHaveLength(20);
		expect((sb.stats.faults.http5xx ?? 0) + (sb.stats.faults.reset ?? 0) + (sb.stats.faults.throttle ?? 0)).toBeGreaterThan(3);
	});

	test('a refused connection is retried within the attempt budget, then fails with the cause', async () => {
		const { run } = await volcengineEngine('http://127.0.0.1:1').run(volcWorkflow(volcSend({ delivery: { maxAttempts: 3 } })));
		expect(run.status).toBe('error');
		expect(run.data.resultData.error!.message).toMatch(/refused the connection/i);
	});

	test('a quota lower than the client believes: the vendor throttles, the client backs off, nothing reaches the user', async () => {
		sb.configure({ volcengine: { failReceivers: [] } });
		// tell the node the API allows 500/s; the sandbox enforces the documented 50/s
		const items = Array.from({ length: 150 }, (_, i) => ({ to: String(1000 + i) }));
		const { run } = await volcengineEngine(sb.url).run(
			volcWorkflow(volcSend({ receivers: '={{ $json.to }}', delivery: { requestsPerSecond: 500, concurrency: 16 } }), { items }),
		);
		expect(run.data.resultData.error).toBeUndefined();
		expect(itemsOf(run).every((o) => o.json.status === 'sent')).toBe(true);
		expect(sb.state.volcengine.messages).toHaveLength(150);
		expect(sb.stats.throttled).toBeGreaterThan(0);
	}, 30000);
});

describe('concurrency', () => {
	test('several requests in flight; messages to one conversation keep their order', async () => {
		sb.seedTencentAccounts(['x', 'y', 'z']);
		sb.seedTencentGroup({ groupId: 'g', type: 'Public' });
		sb.configure({ latencyMs: 30 });
		const users = Array.from({ length: 24 }, (_, i) => ({ to: ['x', 'y', 'z'][i % 3], t: `c${i}` }));
		await tencentEngine(sb.url).run(
			tencentWorkflow({ resource: 'message', operation: 'sendToUser', toAccount: '={{ $json.to }}', messageFormat: 'text', text: '={{ $json.t }}', delivery: { concurrency: 8 } }, { items: users }),
		);
		expect(sb.stats.maxInFlight).toBeGreaterThan(1);
		for (const u of ['x', 'y', 'z']) {
			const got = sb.state.tencent.c2c.filter((m) => m.to === u).map((m) => (m.msgBody as any)[0].MsgContent.Text);
			expect(got).toEqual(users.filter((m) => m.to === u).map((m) => m.t));
		}
		const group = Array.from({ length: 12 }, (_, i) => ({ t: `g${i}` }));
		await tencentEngine(sb.url).run(
			tencentWorkflow({ resource: 'group', operation: 'sendMessage', groupId: 'g', messageFormat: 'text', text: '={{ $json.t }}' }, { items: group }),
		);
		expect(sb.state.tencent.groups.get('g')!.messages.map((m) => (m.msgBody as any)[0].MsgContent.Text)).toEqual(group.map((g) => g.t));
	});

	test('Concurrent Requests = 1 sends one at a time', async () => {
		sb.configure({ latencyMs: 10 });
		const items = Array.from({ length: 6 }, (_, i) => ({ to: String(i + 1) }));
		await volcengineEngine(sb.url).run(volcWorkflow(volcSend({ receivers: '={{ $json.to }}', delivery: { concurrency: 1 } }), { items }));
		expect(sb.stats.maxInFlight).toBe(1);
	});
});

describe('rate limiter', () => {
	test('sliding windows of requests and receivers, shared by key, pausable', async () => {
		let now = 0;
		const lim = new RateLimiter(() => now, () => new Promise((r) => setImmediate(r)));
		const rule = { perSecond: 2, unitsPerMinute: 1000 };
		// answered at once (a request in flight stays in the window until its answer)
		(await lim.acquire('k', rule, 400)).settle();
		(await lim.acquire('k', rule, 400)).settle();
		let third = false;
		const p = lim.acquire('k', rule, 100).then((b) => (b.settle(), (third = true)));
		await new Promise((r) => setImmediate(r));
		expect(third).toBe(false); // 2 requests per second already used
		now = 1100;
		await p;
		expect(third).toBe(true);
		// 900 units used in the minute: 200 more must wait for the window to roll
		now = 3000;
		let fourth = false;
		const q = lim.acquire('k', rule, 200).then(() => (fourth = true));
		await new Promise((r) => setImmediate(r));
		expect(fourth).toBe(false);
		now = 62000;
		await q;
		expect(fourth).toBe(true);
		lim.throttled('k', 5000);
		expect(lim.throttleCount('k')).toBe(1);
	});

	test('the Delivery defaults shown in the editor are the ones the code uses', () => {
		const d = Object.fromEntries((deliveryProperty.options as any[]).map((o) => [o.name, o.default]));
		expect(d).toMatchObject({
			concurrency: DELIVERY_DEFAULTS.concurrency,
			maxAttempts: DELIVERY_DEFAULTS.maxAttempts,
			maxRetrySeconds: DELIVERY_DEFAULTS.maxRetryMs / 1000,
			timeoutSeconds: DELIVERY_DEFAULTS.timeoutMs / 1000,
			retryAmbiguous: DELIVERY_DEFAULTS.retryAmbiguous,
		});
	});
});

describe('delivery options are read once per item and execution', () => {
	test('3 items of 1,201 receivers (9 calls): the "delivery" parameter is evaluated 3 times, and per item', async () => {
		const { ExecuteContext } = require('n8n-core');
		const spy = jest.spyOn(ExecuteContext.prototype, '_getNodeParameter');
		try {
			const receivers = Array.from({ length: 1201 }, (_, i) => String(20001 + i)).join(',');
			const items = [{ c: 1 }, { c: 2 }, { c: 3 }];
			const { run } = await volcengineEngine(sb.url).run(
				volcWorkflow(volcSend({ receivers, delivery: { concurrency: '={{ $json.c }}', onPartial: 'summary' } }), { items }),
			);
			expect(run.data.resultData.error).toBeUndefined();
			expect(sb.state.volcengine.requests.filter((r) => r.action === 'BatchSendMessage')).toHaveLength(9);
			const reads = spy.mock.calls.filter((c) => c[0] === 'delivery').map((c) => c[1]);
			expect(reads.sort()).toEqual([0, 1, 2]);
			expect(itemsOf(run).every((o) => o.json.status === 'sent')).toBe(true);
		} finally {
			spy.mockRestore();
		}
	});

	test('the "On Partial Delivery" default shown in the editor is the one the code uses', () => {
		const opt = (deliveryProperty.options as any[]).find((o) => o.name === 'onPartial');
		expect(opt.default).toBe(DELIVERY_DEFAULTS.onPartial);
		expect(opt.options.map((o: any) => o.value)).toEqual(['summary', 'fail']);
	});
});

describe('one quota shared by several n8n processes', () => {
	const key = `volcengine|${SANDBOX_VOLCENGINE.accessKeyId}|BatchSendMessage`;
	afterEach(() => rateLimiter.reset());

	test('"Processes Sharing This Quota" = 4: the node paces this process to a quarter of the receiver quota', async () => {
		rateLimiter.reset();
		const receivers = Array.from({ length: 3000 }, (_, i) => String(5000 + i)).join(',');
		const { run } = await volcengineEngine(sb.url).run(volcWorkflow(volcSend({ receivers, options: { batchSize: 500 }, delivery: { processesSharingQuota: 4 } })));
		expect(run.data.resultData.error).toBeUndefined();
		expect(outputOf(run, 'Node')[0]).toMatchObject({ status: 'sent', deliveredCount: 3000, calls: 6 });
		expect(sb.state.volcengine.messages).toHaveLength(3000);
		expect(sb.stats.throttled).toBe(0);
		expect(rateLimiter.shareOf(key)).toEqual({ share: 0.25, cuts: 0 });
	});

	test('the default (1): a throttle answer from the shared receiver quota cuts this process’s share, nothing reaches the user', async () => {
		rateLimiter.reset();
		// another process used 11,800 of the 12,000 receivers of this window already (window 6 s)
		sb.configure({ enforceLimits: true, limitScale: 10 });
		const other = Array.from({ length: 11800 }, (_, i) => String(900000 + i));
		const { run: first } = await volcengineEngine(sb.url).run(volcWorkflow(volcSend({ receivers: other.join(','), options: { batchSize: 500 } })));
		expect(outputOf(first, 'Node')[0]).toMatchObject({ status: 'sent', deliveredCount: 11800 });
		rateLimiter.reset(); // "another process": this one has not seen that traffic
		const receivers = Array.from({ length: 400 }, (_, i) => String(7000 + i)).join(',');
		const t0 = Date.now();
		const { run } = await volcengineEngine(sb.url).run(
			volcWorkflow(volcSend({ receivers, options: { batchSize: 200 }, delivery: { concurrency: 2 } })),
		);
		expect(run.data.resultData.error).toBeUndefined();
		expect(outputOf(run, 'Node')[0]).toMatchObject({ status: 'sent', deliveredCount: 400 });
		expect(sb.stats.throttled).toBeGreaterThan(0);
		const { share, cuts } = rateLimiter.shareOf(key);
		expect(cuts).toBeGreaterThan(0);
		expect(share).toBeLessThan(1);
		// the second chunk got through when the vendor's window rolled (probing every 600 ms), not after a budget
		expect(Date.now() - t0).toBeLessThan(20_000);
	}, 60_000);
});
