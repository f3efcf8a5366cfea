/* eslint-disable */
// Tencent Chat → Message: Get History (admin_getroammsg), Modify (modify_c2c_msg), Mark as Read
// (admin_set_msg_read), Get / Set Extensions (openim_msg_ext_http_svc get_key_values /
// set_key_values). Real n8n engine against the sandbox.
if (!process.env.N8N_LOG_LEVEL) process.env.N8N_LOG_LEVEL = 'silent';
import { outputOf } from '../../harness/engine';
import type { RtcSandbox } from '../../sandbox/server';
import { sessionsOf } from '../../sandbox/tencent/sessionState';
import type { TencentC2CMessage } from '../../sandbox/tencent/state';
import { indexes, itemsOf, pairs, tencentSuite } from './suite';

let sb: RtcSandbox;
const { run: execute, calls, expectRefused } = tencentSuite((s) => (sb = s));
const run = async (...args: Parameters<typeof execute>) => (await execute(...args)).run;

/** Stores one-to-one messages alice ↔ bob at times t0, t0+1, … (what sendmsg would have stored). */
function seedC2c(n: number, t0 = 1700000000): TencentC2CMessage[] {
	const out: TencentC2CMessage[] = [];
	for (let i = 0; i < n; i++) {
		const [from, to] = i % 2 ? ['bob', 'alice'] : ['alice', 'bob'];
		const m: TencentC2CMessage = {
			from, to, msgKey: `${100 + i}_${7 + i}_${t0 + i}`, msgSeq: 100 + i, msgRandom: 7 + i, msgTime: t0 + i, msgLifeTime: 604800,
			msgBody: [{ MsgType: 'TIMTextElem', MsgContent: { Text: `m${i}` } }], via: 'sendmsg', recalled: false, at: 0,
		};
		sb.state.tencent.c2c.push(m);
		out.push(m);
	}
	return out;
}

beforeEach(() => {
	sb.configure({ tencent: { logBodies: true } });
	sb.seedTencentAccounts(['alice', 'bob', 'carol']);
});

describe('Message → Get History (admin_getroammsg)', () => {
	const params = (extra = {}) => ({ resource: 'message', operation: 'getHistory', operatorAccount: 'alice', peerAccount: 'bob', minTime: 0, maxTime: 1800000000, ...extra });

	test('Return All pages by LastMsgTime/LastMsgKey until Complete; one item per message, newest first, ids as text', async () => {
		const stored = seedC2c(5);
		const r = await run(params({ returnAll: true, options: { pageSize: 2 } }));
		expect(r.data.resultData.error).toBeUndefined();
		const out = outputOf(r, 'Node') as any[];
		expect(out.map((m) => m.msgBody[0].MsgContent.Text)).toEqual(['m4', 'm3', 'm2', 'm1', 'm0']);
		expect(out[0]).toMatchObject({ fromAccount: 'alice', toAccount: 'bob', msgSeq: '104', msgRandom: '11', msgKey: stored[4].msgKey, msgTimeStamp: 1700000004, msgFlagBits: 0 });
		const bodies = calls('openim/admin_getroammsg').map((c) => c.body as any);
		expect(bodies).toHaveLength(3);
		expect(bodies[0]).toEqual({ Operator_Account: 'alice', Peer_Account: 'bob', MaxCnt: 2, MinTime: 0, MaxTime: 1800000000 });
		expect(bodies[1]).toMatchObject({ MaxTime: 1700000003, LastMsgKey: stored[3].msgKey });
		expect(pairs(await run(params({ returnAll: true })))).toEqual([0, 1, 2, 3, 4].map(() => ({ item: 0 })));
	});

	test('Limit stops early and asks only for what is missing', async () => {
		seedC2c(5);
		const r = await run(params({ limit: 3, options: { pageSize: 2 } }));
		expect(itemsOf(r)).toHaveLength(3);
		expect(calls('openim/admin_getroammsg').map((c) => (c.body as any).MaxCnt)).toEqual([2, 1]);
	});

	test('an account that was never imported (20003): error, or an error item with continue-on-fail', async () => {
		const p = params({ peerAccount: '={{ $json.peer }}' });
		const off = await run(p, { items: [{ peer: 'nobody' }] });
		expect(off.data.resultData.error!.message).toMatch(/^Tencent Chat error 20003/);
		seedC2c(1);
		const on = await run(p, { items: [{ peer: 'nobody' }, { peer: 'bob' }], continueOnFail: true });
		expect(itemsOf(on).map((o) => o.json.code ?? o.json.msgSeq)).toEqual(['20003', '100']);
		expect(pairs(on)).toEqual(indexes(2));
	});

	test('From Time after To Time is refused before sending', async () => {
		await expectRefused(params({ minTime: 20, maxTime: 10 }), 'From Time', /after To Time/);
	});
});

describe('Message → Modify (modify_c2c_msg) / Mark as Read (admin_set_msg_read)', () => {
	test('the stored message gets the new body and custom data; the sandbox received them', async () => {
		const [m] = seedC2c(1);
		const r = await run({ resource: 'message', operation: 'modify', fromAccount: 'alice', toAccount: 'bob', msgKey: m.msgKey, messageFormat: 'text', text: 'edited', messageOptions: { cloudCustomData: 'v2' } });
		expect(outputOf(r, 'Node')[0]).toMatchObject({ status: 'updated', fromAccount: 'alice', toAccount: 'bob', msgKey: m.msgKey });
		expect(m).toMatchObject({ msgBody: [{ MsgType: 'TIMTextElem', MsgContent: { Text: 'edited' } }], cloudCustomData: 'v2' });
		expect(calls('openim/modify_c2c_msg')[0].body).toEqual({ From_Account: 'alice', To_Account: 'bob', MsgKey: m.msgKey, MsgBody: m.msgBody, CloudCustomData: 'v2' });
	});

	test('a MsgKey Tencent does not know (20022) with continue-on-fail', async () => {
		const [m] = seedC2c(1);
		const r = await run(
			{ resource: 'message', operation: 'modify', fromAccount: 'alice', toAccount: 'bob', msgKey: '={{ $json.k }}', messageFormat: 'text', text: 'x' },
			{ items: [{ k: '1_2_3' }, { k: m.msgKey }], continueOnFail: true },
		);
		expect(itemsOf(r).map((o) => o.json.code ?? o.json.status)).toEqual(['20022', 'updated']);
	});

	test('marking read clears the unread count up to the given time', async () => {
		seedC2c(4); // bob → alice at t0+1 and t0+3
		const r = await run({ resource: 'message', operation: 'markRead', reportAccount: 'alice', peerAccount: 'bob', msgReadTime: 1700000002 });
		expect(outputOf(r, 'Node')[0]).toMatchObject({ status: 'marked', reader: 'alice', peer: 'bob', readUpTo: 1700000002 });
		expect(calls('openim/admin_set_msg_read')[0].body).toEqual({ Report_Account: 'alice', Peer_Account: 'bob', MsgReadTime: 1700000002 });
		expect(sessionsOf(sb.state.tencent).readUpTo.get('alice')!.get('bob')).toBe(1700000002);
		const fail = await run({ resource: 'message', operation: 'markRead', reportAccount: 'alice', peerAccount: 'ghost' }, { continueOnFail: true });
		expect(itemsOf(fail)[0].json.code).toBe('20003');
	});
});

describe('Message → Set / Get Extensions (set_key_values / get_key_values)', () => {
	const target = (m: TencentC2CMessage) => ({ fromAccount: 'alice', toAccount: 'bob', msgKey: m.msgKey });
	const pairsOf = (n: number) => ({ pairs: Array.from({ length: n }, (_, i) => ({ key: `k${i}`, value: `v${i}`, seq: '0' })) });

	test('25 keys go in calls of 20 and 5; an old Seq fails that key alone (23001)', async () => {
		const [m] = seedC2c(1);
		const r = await run({ resource: 'message', operation: 'setExtensions', ...target(m), operateType: 'set', extensions: pairsOf(25) });
		const [out] = outputOf(r, 'Node') as any[];
		expect(out).toMatchObject({ status: 'updated', action: 'set', msgKey: m.msgKey, failed: [] });
		expect(out.extensions).toHaveLength(25);
		expect(out.extensions[0]).toEqual({ key: 'k0', value: 'v0', seq: '1' });
		expect(calls('set_key_values').map((c) => (c.body as any).ExtensionList.length)).toEqual([20, 5]);
		// k0 is now at Seq 1: a write based on Seq 0 is refused for that key only.
		const again = await run({ resource: 'message', operation: 'setExtensions', ...target(m), extensions: { pairs: [{ key: 'k0', value: 'x', seq: '0' }, { key: 'k1', value: 'y', seq: '2' }] } });
		expect(outputOf(again, 'Node')[0]).toMatchObject({ status: 'partial', failed: [{ key: 'k0', code: '23001' }] });
	});

	test('Get Extensions pages by StartSeq until CompleteFlag; Delete and Clear All', async () => {
		const [m] = seedC2c(1);
		await run({ resource: 'message', operation: 'setExtensions', ...target(m), extensions: pairsOf(5) });
		sessionsOf(sb.state.tencent).extensionPage = 2;
		const got = await run({ resource: 'message', operation: 'getExtensions', ...target(m), returnAll: true });
		expect(itemsOf(got).map((o) => o.json)).toEqual([0, 1, 2, 3, 4].map((i) => ({ key: `k${i}`, value: `v${i}`, seq: String(i + 1) })));
		expect(calls('get_key_values').map((c) => (c.body as any).StartSeq)).toEqual([undefined, 3, 5]);
		const del = await run({ resource: 'message', operation: 'setExtensions', ...target(m), operateType: 'delete', extensions: { pairs: [{ key: 'k4', seq: '5' }] } });
		expect(outputOf(del, 'Node')[0]).toMatchObject({ status: 'deleted' });
		const clear = await run({ resource: 'message', operation: 'setExtensions', ...target(m), operateType: 'clear' });
		expect(outputOf(clear, 'Node')[0]).toMatchObject({ status: 'cleared' });
		expect(calls('set_key_values').at(-1)!.body).toEqual({ From_Account: 'alice', To_Account: 'bob', MsgKey: m.msgKey, OperateType: 3 });
		expect(sessionsOf(sb.state.tencent).extensions.get(`c2c:${m.msgKey}`)!.keys.size).toBe(0);
	});

	test('an unknown message (20022) with continue-on-fail', async () => {
		const r = await run({ resource: 'message', operation: 'getExtensions', toAccount: 'bob', msgKey: '1_1_1', returnAll: true }, { continueOnFail: true });
		expect(itemsOf(r)[0].json.code).toBe('20022');
	});

	test('bad extensions are refused before sending', async () => {
		await expectRefused({ resource: 'message', operation: 'setExtensions', toAccount: 'bob', msgKey: '1_1_1', extensions: { pairs: [{ key: 'k'.repeat(101), value: 'v' }] } }, 'Extensions[0]', /100 bytes/);
		await expectRefused({ resource: 'message', operation: 'setExtensions', toAccount: 'bob', msgKey: '1_1_1', extensions: {} }, 'Extensions', /at least one key/);
	});
});
