/* eslint-disable */
// Tencent Chat → Global Mute: Set / Get (setnospeaking / getnospeaking) (tencent-chat.md §6). Real
// n8n engine against the sandbox.
if (!process.env.N8N_LOG_LEVEL) process.env.N8N_LOG_LEVEL = 'silent'; // the engine would log every expected error
import type { IDataObject } from 'n8n-workflow';
import { outputOf } from '../../harness/engine';
import type { RtcSandbox } from '../../sandbox/server';
import { SANDBOX_TENCENT } from '../../sandbox/demo-credentials';
import { genUserSig } from '../../nodes/TencentChat/transport/usersig';
import { indexes, itemsOf, pairs, tencentSuite } from './suite';

let sb: RtcSandbox;
const { run: execute, calls } = tencentSuite((s) => (sb = s));
/** The run alone (status, data) of one engine run. */
const run = async (...args: Parameters<typeof execute>) => (await execute(...args)).run;

/** A raw signed call to the sandbox, for vendor-side rules the node never lets through. */
async function raw(path: string, body: unknown): Promise<any> {
	const usersig = genUserSig({ sdkAppId: SANDBOX_TENCENT.sdkAppId, key: SANDBOX_TENCENT.secretKey, identifier: SANDBOX_TENCENT.adminUserId, expireSeconds: 3600, nowSeconds: Math.floor(Date.now() / 1000) });
	const q = `sdkappid=${SANDBOX_TENCENT.sdkAppId}&identifier=${SANDBOX_TENCENT.adminUserId}&usersig=${usersig}&random=7&contenttype=json`;
	return await fetch(`${sb.url}/v4/${path}?${q}`, { method: 'POST', body: JSON.stringify(body) }).then((x) => x.json());
}

describe('Global Mute → Set / Get (setnospeaking / getnospeaking)', () => {
	const text = (t: string) => ({ messageFormat: 'text', text: t });

	test('mute C2C for a duration and groups permanently; sends fail with 20012 / 10017; unmute lifts it', async () => {
		sb.seedTencentAccounts(['spammer', 'bob']);
		sb.seedTencentGroup({ groupId: 'g', type: 'Public', members: ['spammer', 'bob'] });
		const set = await run({ resource: 'globalMute', operation: 'set', account: 'spammer', c2cMute: 'duration', c2cSeconds: 600, groupMute: 'permanent' });
		expect(outputOf(set, 'Node')[0]).toMatchObject({ account: 'spammer', status: 'set', c2cMuteSeconds: 600, groupMuteSeconds: 4294967295 });
		expect(sb.state.tencent.mutes.get('spammer')!.groupUntil).toBe(Infinity);

		const got = await run({ resource: 'globalMute', operation: 'get', account: 'spammer' });
		const g = outputOf(got, 'Node')[0] as any;
		expect(g).toMatchObject({ account: 'spammer', c2cMuted: true, c2cPermanent: false, groupMuted: true, groupPermanent: true, groupMuteSeconds: 4294967295 });
		expect(g.c2cMuteSeconds).toBeGreaterThan(595);
		expect(g.c2cMuteSeconds).toBeLessThanOrEqual(600);

		const c2c = await run({ resource: 'message', operation: 'sendToUser', fromAccount: 'spammer', toAccount: 'bob', ...text('buy now') });
		expect(c2c.data.resultData.error!.message).toMatch(/^Tencent Chat error 20012/);
		const grp = await run({ resource: 'group', operation: 'sendMessage', groupId: 'g', fromAccount: 'spammer', ...text('buy now') });
		expect(grp.data.resultData.error!.message).toMatch(/^Tencent Chat error 10017/);
		expect(sb.state.tencent.c2c).toHaveLength(0);

		await run({ resource: 'globalMute', operation: 'set', account: 'spammer', c2cMute: 'unmute', groupMute: 'unmute' });
		const again = await run({ resource: 'group', operation: 'sendMessage', groupId: 'g', fromAccount: 'spammer', ...text('sorry') });
		expect(again.data.resultData.error).toBeUndefined();
		const cleared = await run({ resource: 'globalMute', operation: 'get', account: 'spammer' });
		expect(outputOf(cleared, 'Node')[0]).toMatchObject({ c2cMuted: false, groupMuted: false, c2cMuteSeconds: 0, groupMuteSeconds: 0 });
	});

	test('only the chosen kind is sent; the other is left unchanged', async () => {
		sb.seedTencentAccounts(['u']);
		await run({ resource: 'globalMute', operation: 'set', account: 'u', groupMute: 'permanent' });
		await run({ resource: 'globalMute', operation: 'set', account: 'u', c2cMute: 'duration', c2cSeconds: 60 });
		const got = await run({ resource: 'globalMute', operation: 'get', account: 'u' });
		expect(outputOf(got, 'Node')[0]).toMatchObject({ c2cMuted: true, groupPermanent: true });
	});

	test('getnospeaking answers without ActionStatus; the node still succeeds', async () => {
		sb.seedTencentAccounts(['u']);
		const answer = await raw('openconfigsvr/getnospeaking', { Get_Account: 'u' });
		expect(answer).toMatchObject({ ErrorCode: 0, C2CmsgNospeakingTime: 0, GroupmsgNospeakingTime: 0 });
		expect('ActionStatus' in answer).toBe(false);
		const r = await run({ resource: 'globalMute', operation: 'get', account: 'u' });
		expect(r.data.resultData.error).toBeUndefined();
		expect(calls('getnospeaking').map((c) => c.code)).toEqual([0, 0]);
	});

	test('unknown account (70107): error, or error item with continue-on-fail', async () => {
		sb.seedTencentAccounts(['known']);
		const params = { resource: 'globalMute', operation: 'set', account: '={{ $json.u }}', c2cMute: 'permanent' };
		const off = await run(params, { items: [{ u: 'ghost' }] });
		expect(off.data.resultData.error!.message).toMatch(/^Tencent Chat error 70107/);
		const on = await run(params, { items: [{ u: 'ghost' }, { u: 'known' }], continueOnFail: true });
		expect(itemsOf(on).map((o) => o.json.status ?? o.json.code)).toEqual(['70107', 'set']);
		expect(pairs(on)).toEqual(indexes(2));
	});
});

describe('validation before sending (field and item named, nothing sent)', () => {
	const long = (n: number) => 'x'.repeat(n);
	const cases: Array<[string, IDataObject, RegExp]> = [
		['mute: nothing to set', { resource: 'globalMute', operation: 'set', account: 'a' }, /Nothing to set in item 0/],
		['mute: zero seconds', { resource: 'globalMute', operation: 'set', account: 'a', c2cMute: 'duration', c2cSeconds: 0 }, /Invalid "One-to-One Mute Seconds" in item 0: must be between 1 and 4294967294/],
		['mute: 4294967295 seconds as a duration', { resource: 'globalMute', operation: 'set', account: 'a', groupMute: 'duration', groupSeconds: 4294967295 }, /Invalid "Group Mute Seconds" in item 0/],
		['get mute: user ID over 32 bytes', { resource: 'globalMute', operation: 'get', account: long(33) }, /Invalid "User ID" in item 0/],
	];
	test.each(cases)('%s', async (_name, params, message) => {
		const r = await run(params);
		expect(r.status).toBe('error');
		expect(r.data.resultData.error!.message).toMatch(message);
		expect(sb.state.tencent.requests).toHaveLength(0);
	});
});
