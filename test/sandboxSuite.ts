// The lifecycle every vendor suite shares: one sandbox per test file, reset (and its recorded
// requests cleared) before each test. `sandbox()` is the running sandbox.
import { recordRequests, type RecordedRequests } from '../harness/requests';
import { startSandbox, type RtcSandbox } from '../sandbox/server';

export function sandboxLifecycle(started: (sb: RtcSandbox) => void = () => {}) {
	let sb!: RtcSandbox;
	let requests!: RecordedRequests;
	beforeAll(async () => {
		sb = await startSandbox();
		requests = recordRequests(sb);
		started(sb);
	});
	afterAll(() => sb.close());
	beforeEach(() => {
		sb.reset();
		requests.clear();
	});
	return { sandbox: () => sb, requests: () => requests };
}
