/* eslint-disable */
// A benchmark worker process: runs one task for bench/run.ts and answers over IPC. A fresh process
// per task: the process-wide rate limiter and UserSig cache start empty and RSS is the task's own.
import { sandboxEngine } from '../harness/registry';
import { performance } from 'node:perf_hooks';
import type { IDataObject, IRun } from 'n8n-workflow';
import { rateLimiter } from '../nodes/shared/limiter';
import { userSigGenerations } from '../nodes/TencentChat/transport/usersigCache';
import { THROTTLE_CODES } from '../nodes/TencentChat/transport/request';
import { compressTime } from './lib/timewarp';
import { benchWorkflow, NODE_NAME, oneItemWithReceivers } from './lib/workflow';
import { rawBatchSends } from './lib/rawclient';
import { runSigning } from './lib/signing';
import type { ClientResult, EngineResult, EngineTask, FromWorker, Result, Task, ToWorker } from './lib/protocol';

const send = (m: FromWorker) => new Promise<void>((resolve) => process.send!(m, () => resolve()));
const rssMB = () => process.memoryUsage().rss / 1048576;
const maxRssMB = () => process.resourceUsage().maxRSS / 1024;

const isThrottle = (code: unknown) => typeof code === 'string' && (/^FlowLimitExceeded/.test(code) || THROTTLE_CODES.has(Number(code)));

async function prepareEngine(task: EngineTask): Promise<() => Promise<EngineResult>> {
	compressTime(task.timeScale);
	const engine = sandboxEngine(task.url);
	let baselineRssMB: number | undefined;
	if (task.measureBaseline) {
		// A warmed-up engine that has run the same node once, with one receiver.
		await engine.run(benchWorkflow(task.vendor, task.parameters, oneItemWithReceivers(task.vendor, 1, 999_999_999)));
		(global as { gc?: () => void }).gc?.();
		baselineRssMB = rssMB();
	}
	const wf = benchWorkflow(task.vendor, task.parameters, task.itemsCode, task.nodeDisabled);
	return async () => {
		const t0 = performance.now();
		const { run } = (await engine.run(wf)) as { run: IRun };
		const wallMs = performance.now() - t0;
		const taskData = run.data.resultData.runData[NODE_NAME]?.[0];
		const out: EngineResult = {
			kind: 'engine',
			nodeMs: taskData?.executionTime ?? NaN,
			nodeStartedAt: taskData?.startTime ?? NaN,
			wallMs,
			items: 0,
			errorItems: 0,
			throttleErrorsInOutput: 0,
			errorCodes: {},
			statuses: {},
			fanout: { delivered: 0, failed: 0, unknown: 0, notSent: 0, calls: 0 },
			workflowError: run.data.resultData.error?.message,
			limiterThrottles: rateLimiter.throttleCount(task.limiterKey),
			userSigGenerations: userSigGenerations(),
			maxRssMB: 0,
			baselineRssMB,
		};
		const countError = (e: IDataObject) => {
			out.errorItems++;
			const code = String(e.code ?? 'none');
			out.errorCodes[code] = (out.errorCodes[code] ?? 0) + 1;
			if (isThrottle(e.code)) out.throttleErrorsInOutput++;
		};
		for (const item of taskData?.data?.main?.[0] ?? []) {
			const json = item.json;
			out.items++;
			if (json.error !== undefined) countError(json);
			if (typeof json.status === 'string') out.statuses[json.status] = (out.statuses[json.status] ?? 0) + 1;
			if (Array.isArray(json.errors)) for (const e of json.errors as IDataObject[]) countError(e);
			if (typeof json.deliveredCount === 'number') {
				out.fanout.delivered += json.deliveredCount;
				out.fanout.failed += Number(json.failedCount ?? 0);
				out.fanout.unknown += Number(json.unknownCount ?? 0);
				out.fanout.notSent += Number(json.notSentCount ?? 0);
				out.fanout.calls += Number(json.calls ?? 0);
			}
		}
		out.maxRssMB = maxRssMB();
		const gc = (global as { gc?: () => void }).gc;
		if (gc) {
			out.heapAtEndMB = process.memoryUsage().heapUsed / 1048576;
			gc();
			out.heapAfterGcMB = process.memoryUsage().heapUsed / 1048576;
		}
		return out;
	};
}

async function prepare(task: Task): Promise<() => Promise<Result>> {
	switch (task.kind) {
		case 'engine':
			return prepareEngine(task);
		case 'naive':
		case 'raw':
			return async (): Promise<ClientResult> => ({
				kind: task.kind,
				...(await rawBatchSends(task.url, task.count, task.concurrency, BigInt(task.firstReceiver))),
				maxRssMB: maxRssMB(),
			});
		case 'signing':
			return async () => runSigning();
	}
}

let run: (() => Promise<Result>) | undefined;
process.on('message', (m: ToWorker) => {
	void (async () => {
		try {
			if (m.type === 'task') {
				run = await prepare(m.task);
				await send({ type: 'ready' });
			} else if (m.type === 'go' && run) {
				const result = await run();
				await send({ type: 'result', result });
				process.exit(0);
			}
		} catch (e) {
			await send({ type: 'error', message: (e as Error)?.stack ?? String(e) });
			process.exit(1);
		}
	})();
});
