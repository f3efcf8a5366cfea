/* eslint-disable */
// Starts a worker process (the compiled bench/worker.js) for one task.
import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { FromWorker, Result, Task, ToWorker } from './protocol';

export interface WorkerHandle {
	child: ChildProcess;
	/** Resolves when the worker has loaded everything and waits for `go()`. */
	ready: Promise<void>;
	go(): void;
	result: Promise<Result>;
}

export function startWorker(task: Task, execArgv: string[] = []): WorkerHandle {
	// BENCH_WORKER_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof": extra Node flags for every worker (profiling a run)
	const extra = process.env.BENCH_WORKER_ARGS?.split(' ').filter(Boolean) ?? [];
	const child = fork(join(__dirname, '..', 'worker.js'), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], execArgv: [...execArgv, ...extra] });
	let onReady!: () => void;
	let onResult!: (r: Result) => void;
	let onError!: (e: Error) => void;
	const ready = new Promise<void>((resolve, reject) => {
		onReady = resolve;
		onError = reject;
	});
	const result = new Promise<Result>((resolve, reject) => {
		onResult = resolve;
		const prev = onError;
		onError = (e) => {
			prev(e);
			reject(e);
		};
	});
	ready.catch(() => undefined);
	result.catch(() => undefined);
	let done = false;
	child.on('message', (m: FromWorker) => {
		if (m.type === 'ready') onReady();
		else if (m.type === 'result') {
			done = true;
			onResult(m.result);
		} else if (m.type === 'error') {
			done = true;
			onError(new Error(`worker (${task.kind}): ${m.message}`));
		}
	});
	child.on('exit', (code) => {
		if (!done) onError(new Error(`worker (${task.kind}) exited with code ${code} before answering`));
	});
	child.send({ type: 'task', task } satisfies ToWorker);
	return { child, ready, go: () => child.send({ type: 'go' } satisfies ToWorker), result };
}

export async function runWorker<R extends Result>(task: Task, execArgv: string[] = []): Promise<R> {
	const w = startWorker(task, execArgv);
	await w.ready;
	w.go();
	return (await w.result) as R;
}
