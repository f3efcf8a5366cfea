/* eslint-disable */
// `npm run soak`: 50,000 receivers across both vendors (25,000 each) with 10 % 5xx, 5 % resets,
// 5 % throttles and 2 % lost responses; prints the counts and exits non-zero on a silent loss or a
// Tencent duplicate, or a Volcengine duplicate while "Retry Ambiguous Failures" is off.
import { startSandbox } from '../sandbox/server';
import { runSoak } from '../harness/scenarios/soak';

async function main() {
	const sb = await startSandbox();
	try {
		const faults = { http5xxRate: 0.1, resetRate: 0.05, throttleRate: 0.05, lostRate: 0.02 };
		const r = await runSoak(sb, { receivers: 25000, perItem: 2500, faults });
		const line = (name: string, c: any) =>
			`${name.padEnd(11)} receivers ${c.receivers}  delivered once ${c.deliveredOnce}  reported: delivered ${c.reportedDelivered}, failed ${c.reportedFailed}, unknown ${c.reportedUnknown} (of which the sandbox has ${c.unknownActuallyDelivered})  duplicates ${c.duplicates}  wrong "failed" ${c.reportedFailedButDelivered}  silent losses ${c.silentLosses}  calls ${c.calls}`;
		process.stdout.write(
			[
				`fault soak: 50,000 receivers in ${r.seconds.toFixed(1)} s; injected ${JSON.stringify(r.faults)}; quota throttles ${r.throttled}`,
				line('Volcengine', r.volcengine),
				line('Tencent', r.tencent),
			].join('\n') + '\n',
		);
		const bad = r.volcengine.silentLosses + r.tencent.silentLosses + r.tencent.duplicates + r.volcengine.duplicates + r.volcengine.reportedFailedButDelivered + r.tencent.reportedFailedButDelivered;
		process.stdout.write(bad === 0 ? 'SOAK OK: 0 silent losses, 0 duplicates\n' : 'SOAK FAILED\n');
		process.exitCode = bad === 0 ? 0 : 1;
	} finally {
		await sb.close();
	}
}

void main();
