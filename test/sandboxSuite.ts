// The lifecycle every vendor suite shares: one sandbox per test file, reset (and its recorded
// requests cleared) before each test. `sandbox()` is the running sandbox.
import { recordRequests, type RecordedRequests } from '../harness/requests';
import type { IRun } from 'n8n-workflow';
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

/**
 * Bad input: the run fails naming the field and item 0, and nothing reaches the sandbox
 * (`requestsSeen` counts what the vendor half of the sandbox received).
 */
export async function expectRefusedRun(
	run: () => Promise<{ run: IRun }>,
	field: string,
	reason: RegExp | undefined,
	requestsSeen: () => number,
): Promise<void> {
	const { run: r } = await run();
	expect(r.status).toBe('error');
	const message = r.data.resultData.error?.message ?? '';
	expect(message).toContain(`"${field}"`);
	expect(message).toContain('item 0');
	if (reason) expect(message).toMatch(reason);
	expect(requestsSeen()).toBe(0);
}
