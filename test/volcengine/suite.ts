/* eslint-disable */
// What every Volcengine test file shares: one sandbox per file (reset before each test), the engine
// run, and read-only views of what the sandbox received. Register it at the top of a file:
//   let sb: RtcSandbox;
//   const { run, calls } = volcengineSuite((s) => (sb = s));
import type { IDataObject } from 'n8n-workflow';
import { itemsOf, volcWorkflow } from '../../harness/fixtures';
import { volcengineEngine } from '../../harness/registry';
import { SANDBOX_VOLCENGINE } from '../../sandbox/demo-credentials';
import type { RtcSandbox } from '../../sandbox/server';
import { expectRefusedRun, sandboxLifecycle } from '../sandboxSuite';

export const APP = SANDBOX_VOLCENGINE.appId;
export const BIG_CONV = '9223372036854775807'; // int64 max
export const BIG_USER = '9007199254740993'; // 2^53 + 1: not representable as a JS number

export { itemsOf };

export function volcengineSuite(started: (sb: RtcSandbox) => void = () => {}) {
	let sb!: RtcSandbox;
	const life = sandboxLifecycle((s) => {
		sb = s;
		started(s);
	});
	const requests = { urls: () => life.requests().urls(), bodies: (a: string) => life.requests().bodies(a), clear: () => life.requests().clear() };

	const run = (params: IDataObject, o: { items?: IDataObject[]; continueOnFail?: boolean } = {}) =>
		volcengineEngine(sb.url).run(volcWorkflow(params, o));

	return {
		run,
		/** The sandbox's log of one Action's requests (accepted or not). */
		calls: (action: string) => sb.state.volcengine.requests.filter((r) => r.action === action),
		conv: (id: string) => sb.state.volcengine.conversations.get(APP)!.get(BigInt(id))!,
		user: (id: string | bigint) => sb.state.volcengine.users.get(APP)!.get(BigInt(id))!,
		tagsOf: (id: string | bigint) =>
			[...sb.state.volcengine.users.get(APP)!.get(BigInt(id))!.tags].map(([k, v]) => (v === null ? k : `${k}:${v}`)).sort(),
		errorOf: (r: Awaited<ReturnType<typeof run>>) => r.run.data.resultData.error as any,
		/** Request URLs as they arrived. */
		urls: () => requests.urls(),
		/** Raw request bodies of one Action as they arrived. */
		sent: (action: string) => requests.bodies(action),
		clearRequests: () => requests.clear(),

		/** Bad input: the run fails naming the field and item, and nothing reaches the sandbox. */
		async expectRefused(params: IDataObject, field: string, reason?: RegExp) {
			await expectRefusedRun(() => run(params), field, reason, () => sb.state.volcengine.requests.length);
		},

		/**
		 * The next request of `action` gets the vendor's per-second throttle answer
		 * (FlowLimitExceeded.QPSOverLimit, HTTP 429) at the sandbox's quota step (sb.throttleNext).
		 */
		throttleOnce(action: string) {
			sb.throttleNext('volcengine', action, 1);
		},
	};
}

/**
 * One bad-input case for expectRefused: label, parameters (built when the test runs), field, reason
 * (`undefined` when none: jest's test.each passes `done` in place of a missing last value).
 */
export type RefusedCase = [label: string, params: () => IDataObject, field: string, reason: RegExp | undefined];
