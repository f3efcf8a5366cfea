import { startSandbox, type RtcSandbox } from '../sandbox/server';
import { runSoak } from '../harness/scenarios/soak';

let sb: RtcSandbox;
beforeAll(async () => {
	sb = await startSandbox();
});
afterAll(() => sb.close());

const faults = { http5xxRate: 0.1, resetRate: 0.05, throttleRate: 0.05, lostRate: 0.02 };

describe('fault soak (short version of npm run soak)', () => {
	test('6,000 receivers across both vendors under 5xx/resets/throttles/lost responses: no silent loss, no duplicate', async () => {
		const r = await runSoak(sb, { receivers: 3000, perItem: 600, batchSize: 50, faults, seed: 11 });
		for (const c of [r.volcengine, r.tencent]) {
			expect(c.receivers).toBe(3000);
			expect(c.silentLosses).toBe(0);
			expect(c.duplicates).toBe(0);
			expect(c.reportedFailedButDelivered).toBe(0);
			expect(c.reportedDelivered + c.reportedFailed + c.reportedUnknown).toBe(3000);
		}
		// Tencent de-duplicates, so every ambiguity is retried away: all delivered exactly once.
		expect(r.tencent.deliveredOnce).toBe(3000);
		expect(r.tencent.reportedUnknown).toBe(0);
		// the faults really happened
		expect((r.faults.http5xx ?? 0) + (r.faults.reset ?? 0) + (r.faults.throttle ?? 0)).toBeGreaterThan(0);
	}, 120000);

	test('Volcengine with "Retry Ambiguous Failures" on: nothing unknown, duplicates possible but nothing lost', async () => {
		const r = await runSoak(sb, { receivers: 3000, perItem: 600, faults: { ...faults, lostRate: 0.2 }, retryAmbiguous: true, batchSize: 50, seed: 5 });
		expect(r.volcengine.silentLosses).toBe(0);
		expect(r.volcengine.reportedUnknown).toBe(0);
		expect(r.volcengine.deliveredOnce + r.volcengine.duplicates).toBeGreaterThanOrEqual(r.volcengine.reportedDelivered);
		expect(r.tencent.duplicates).toBe(0);
	}, 120000);
});
