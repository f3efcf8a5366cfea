 
// Messages between the bench orchestrator (bench/run.ts, which owns the sandbox) and its worker
// processes (bench/worker.ts, which run the n8n engine or a raw client).
import type { IDataObject } from 'n8n-workflow';

export type Vendor = 'volcengine' | 'tencent';

/** Runs one workflow (Start → Items (Code) → the node) through n8n's engine. */
export interface EngineTask {
	kind: 'engine';
	url: string;
	vendor: Vendor;
	/** The node's parameters. */
	parameters: IDataObject;
	/** Body of the Code stand-in that produces the node's input items. */
	itemsCode: string;
	/**
	 * The client's limiter runs this many times faster than the wall clock, like the sandbox's
	 * windows under `limitScale` (1 = real time). See bench/lib/timewarp.ts.
	 */
	timeScale: number;
	/** The limiter key whose throttle count is reported. */
	limiterKey: string;
	/** Run a tiny workflow first and report the RSS of the warmed-up, idle engine. */
	measureBaseline?: boolean;
	/** The node disabled in the measured run (n8n passes its input through): n8n's own share. */
	nodeDisabled?: boolean;
}

/** One request per receiver, unpaced, no retries (what an HTTP Request node per item does). */
export interface NaiveTask {
	kind: 'naive';
	url: string;
	count: number;
	/** Requests in flight at once. */
	concurrency: number;
	firstReceiver: string;
}

/** The same signed BatchSendMessage calls as the node makes, from a raw keep-alive undici client. */
export interface RawTask {
	kind: 'raw';
	url: string;
	count: number;
	concurrency: number;
	firstReceiver: string;
}

export interface SigningTask {
	kind: 'signing';
}

export type Task = EngineTask | NaiveTask | RawTask | SigningTask;

export interface EngineResult {
	kind: 'engine';
	/** n8n's own execution time of the node (runData[node][0].executionTime). */
	nodeMs: number;
	/** Epoch ms at which the node started (runData startTime). */
	nodeStartedAt: number;
	/** The whole workflow run, wall clock. */
	wallMs: number;
	items: number;
	/** Output items (or fan-out chunk errors) that carry an error. */
	errorItems: number;
	/** Of those, vendor throttle answers (FlowLimitExceeded*, Tencent 60007/90057/…). */
	throttleErrorsInOutput: number;
	errorCodes: Record<string, number>;
	/** Output `status` values. */
	statuses: Record<string, number>;
	/** Sums of the fan-out summary fields. */
	fanout: { delivered: number; failed: number; unknown: number; notSent: number; calls: number };
	workflowError?: string;
	/** Throttle answers the client's limiter saw (each one paused the key and was retried or failed). */
	limiterThrottles: number;
	userSigGenerations: number;
	maxRssMB: number;
	baselineRssMB?: number;
	/** With --expose-gc: heap in use when the node finished, and after a full GC (what was only garbage). */
	heapAtEndMB?: number;
	heapAfterGcMB?: number;
}

export interface ClientResult {
	kind: 'naive' | 'raw';
	wallMs: number;
	calls: number;
	ok: number;
	throttled: number;
	otherErrors: number;
	maxRssMB: number;
}

export interface SigningResult {
	kind: 'signing';
	rows: Array<{ name: string; usPerOp: number; ops: number }>;
	/** Our signer and the official one produce the same Authorization for the same header set. */
	sameSignature: boolean;
	/** Our UserSig decodes to the same document as the official one (same time and key). */
	sameUserSigDocument: boolean;
}

export type Result = EngineResult | ClientResult | SigningResult;

export type ToWorker = { type: 'task'; task: Task } | { type: 'go' };
export type FromWorker = { type: 'ready' } | { type: 'result'; result: Result } | { type: 'error'; message: string };
