/* eslint-disable */
// What every Tencent Chat test file shares: one sandbox per file (reset before each test), the engine
// run, and read-only views of what the sandbox received. Register it at the top of a file:
//   let sb: RtcSandbox;
//   const { run, calls } = tencentSuite((s) => (sb = s));
import type { IDataObject } from 'n8n-workflow';
import { itemsOf, tencentWorkflow } from '../../harness/fixtures';
import { tencentEngine } from '../../harness/registry';
import { SANDBOX_TENCENT } from '../../sandbox/demo-credentials';
import type { RtcSandbox } from '../../sandbox/server';
import { expectRefusedRun, sandboxLifecycle } from '../sandboxSuite';

export const APP = String(SANDBOX_TENCENT.sdkAppId);
export const ADMIN = SANDBOX_TENCENT.adminUserId;

export { itemsOf };

/** A text message's parameters. */
export const text = (t: string) => ({ messageFormat: 'text', text: t });
/** The text of a stored message's first element. */
export const textOf = (m: { msgBody: unknown[] }) => (m.msgBody[0] as any).MsgContent.Text as string;
/** `n` user or group IDs: prefix0, prefix1, … */
export const ids = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i}`);
/** The pairedItem of every output item of the node under test. */
export const pairs = (r: any) => itemsOf(r).map((o) => o.pairedItem);
/** pairedItem for items 0 … n-1. */
export const indexes = (n: number) => Array.from({ length: n }, (_, item) => ({ item }));

export function tencentSuite(started: (sb: RtcSandbox) => void = () => {}) {
	let sb!: RtcSandbox;
	const life = sandboxLifecycle((s) => {
		sb = s;
		started(s);
	});
	const requests = { urls: () => life.requests().urls(), bodies: (a: string) => life.requests().bodies(a), clear: () => life.requests().clear() };

	const run = (params: IDataObject, o: { items?: IDataObject[]; continueOnFail?: boolean } = {}) =>
		tencentEngine(sb.url).run(tencentWorkflow(params, o));

	return {
		run,
		/** The sandbox's log of one path's requests (accepted or not), e.g. `calls('openim/sendmsg')`. */
		calls: (path: string) => sb.state.tencent.requests.filter((r) => r.path === path || r.path.endsWith(`/${path}`)),
		errorOf: (r: Awaited<ReturnType<typeof run>>) => r.run.data.resultData.error as any,
		/** Request URLs as they arrived. */
		urls: () => requests.urls(),
		clearRequests: () => requests.clear(),

		/** Bad input: the run fails naming the field and item, and nothing reaches the sandbox. */
		async expectRefused(params: IDataObject, field: string, reason?: RegExp) {
			await expectRefusedRun(() => run(params), field, reason, () => sb.state.tencent.requests.length);
		},

		/**
		 * The next request of `path` (after `v4/`, e.g. `openim/sendmsg`) gets the vendor's throttle
		 * answer at the sandbox's quota step (sb.throttleNext).
		 */
		throttleOnce(path: string) {
			sb.throttleNext('tencent', path, 1);
		},
	};
}
