/* eslint-disable */
// The sandbox's connectionSetupMs (bench/scenarios/latency.ts): the first request of every new TCP
// connection waits for the emulated TCP + TLS handshakes; later requests on a kept-alive
// connection do not.
import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';
import { startSandbox, type RtcSandbox } from '../sandbox/server';

let sb: RtcSandbox;
beforeAll(async () => {
	sb = await startSandbox();
});
afterAll(() => sb.close());
beforeEach(() => sb.reset());

/** GET /_sandbox/state; resolves with the ms until the whole answer arrived and the local port used. */
function timedGet(agent: Agent | false): Promise<{ ms: number; port: number; status: number }> {
	const t0 = performance.now();
	return new Promise((resolve, reject) => {
		const req = request(`${sb.url}/_sandbox/state`, { agent }, (res) => {
			res.resume();
			res.on('end', () => resolve({ ms: performance.now() - t0, port: req.socket?.localPort ?? res.socket.localPort ?? -1, status: res.statusCode ?? 0 }));
		});
		req.on('error', reject);
		req.end();
	});
}

test('connectionSetupMs delays only the first request of each new connection', async () => {
	sb.configure({ connectionSetupMs: 300 });
	const agent = new Agent({ keepAlive: true, maxSockets: 1 });
	try {
		const first = await timedGet(agent);
		const second = await timedGet(agent);
		expect(first.status).toBe(200);
		expect(second.status).toBe(200);
		expect(second.port).toBe(first.port); // the same kept-alive connection
		expect(first.ms).toBeGreaterThanOrEqual(295);
		expect(second.ms).toBeLessThan(250);
		const fresh = await timedGet(false); // a new connection per request, like n8n's request helper
		expect(fresh.port).not.toBe(first.port);
		expect(fresh.ms).toBeGreaterThanOrEqual(295);
	} finally {
		agent.destroy();
	}
});

test('no delay by default, and reset() restores the default', async () => {
	sb.configure({ connectionSetupMs: 300 });
	sb.reset();
	expect(sb.config.connectionSetupMs).toBe(0);
	const x = await timedGet(false);
	expect(x.status).toBe(200);
	expect(x.ms).toBeLessThan(250);
});
