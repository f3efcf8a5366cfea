/* eslint-disable */
// The setup the user-management test files share (profile, friend, blocklist, app data): the
// Tencent suite with request bodies logged, the run alone, and the output items' json.
import type { RtcSandbox } from '../../sandbox/server';
import { itemsOf, tencentSuite } from './suite';

export function userSuite() {
	let sb!: RtcSandbox;
	const t = tencentSuite((s) => (sb = s));
	beforeEach(() => sb.configure({ tencent: { logBodies: true } })); // request bodies in sb.state.tencent.requests
	return {
		sandbox: () => sb,
		calls: t.calls,
		expectRefused: t.expectRefused,
		/** The run alone (status, data) of one engine run. */
		run: async (...args: Parameters<typeof t.run>) => (await t.run(...args)).run,
		/** The output items' json. */
		json: (r: any) => itemsOf(r).map((o) => o.json as any),
	};
}
