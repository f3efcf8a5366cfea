/* eslint-disable */
// Volcengine RTC → User → Get App Token (GetAppToken, issue 14): ExpireTime is a unix time in ms
// (doc 6348/1208779; volc-sdk-golang service/im/model.go GetAppTokenBody). Real n8n engine against the sandbox.
if (!process.env.N8N_LOG_LEVEL) process.env.N8N_LOG_LEVEL = 'silent';
import { APP, BIG_USER, itemsOf, volcengineSuite } from './suite';

const { run, sent, expectRefused } = volcengineSuite();
const bodies = (action: string) => sent(action).map((b) => JSON.parse(b.replace(/:(\d{16,})/g, ':"$1"')));

describe('User → Get App Token (GetAppToken)', () => {
	test('sends ExpireTime as a unix time in ms; the token comes back for the user', async () => {
		const before = Date.now();
		const { run: r } = await run({ resource: 'user', operation: 'getAppToken', userId: BIG_USER, validForSeconds: 3600 });
		const out = itemsOf(r)[0].json;
		expect(out).toMatchObject({ userId: BIG_USER, token: expect.stringMatching(/^sbx\./), requestId: expect.any(String) });
		const [body] = bodies('GetAppToken');
		expect(body.UserId).toBe(BIG_USER);
		expect(body.ExpireTime).toBe(out.expireTime);
		expect(body.ExpireTime - before).toBeGreaterThanOrEqual(3600_000);
		expect(body.ExpireTime - before).toBeLessThan(3600_000 + 60_000);
		expect(out.expiresAt).toBe(new Date(body.ExpireTime).toISOString());
	});

	test('a vendor error with continue-on-fail on and off', async () => {
		const p = { resource: 'user', operation: 'getAppToken', userId: '={{ $json.u }}', appId: '={{ $json.app }}' };
		expect((await run(p, { items: [{ u: '1', app: '999' }] })).run.status).toBe('error');
		const { run: r } = await run(p, { items: [{ u: '1', app: '999' }, { u: '2', app: String(APP) }], continueOnFail: true });
		expect(itemsOf(r).map((o) => o.json.code ?? o.json.userId)).toEqual(['InvalidParameter.NotExistAppId', '2']);
	});

	test('Valid For 0 is refused before anything is sent', async () => {
		await expectRefused({ resource: 'user', operation: 'getAppToken', userId: '1', validForSeconds: 0 }, 'Valid For (Seconds)');
	});
});
