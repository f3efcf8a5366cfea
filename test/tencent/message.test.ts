/* eslint-disable */
// Tencent Chat → Message: Send to User (sendmsg), Send to Users (batchsendmsg), Recall
// (admin_msgwithdraw), the input order per conversation when an earlier item is retried, and the
// checks before sending (tencent-chat.md §4.1–§4.3). Real n8n engine against the sandbox; the
// blocks that check the sandbox configured as the real vendor behaves (issue 11) name their source.
if (!process.env.N8N_LOG_LEVEL) process.env.N8N_LOG_LEVEL = 'silent'; // the engine would log every expected error
import type { IDataObject } from 'n8n-workflow';
import { outputOf } from '../../harness/engine';
import { tencentWorkflow } from '../../harness/fixtures';
import { tencentEngine } from '../../harness/registry';
import type { RtcSandbox } from '../../sandbox/server';
import { tencentC2CHistory } from '../../sandbox/tencent/index';
import { itemsOf, tencentSuite, text, textOf } from './suite';

let sb: RtcSandbox;
const { run: execute, calls } = tencentSuite((s) => (sb = s));
/** The run alone (status, data) of one engine run. */
const run = async (...args: Parameters<typeof execute>) => (await execute(...args)).run;

describe('Message → Send to User / Send to Users / Recall', () => {
	test('send to one user, then recall it with the MsgKey from the output', async () => {
		sb.seedTencentAccounts(['alice', 'bob']);
		const { run } = await tencentEngine(sb.url).run(
			tencentWorkflow({ resource: 'message', operation: 'sendToUser', fromAccount: 'alice', toAccount: 'bob', ...text('hello bob') }),
		);
		const [sent] = outputOf(run, 'Node') as any[];
		expect(sent).toMatchObject({ status: 'sent', from: 'alice', to: 'bob' });
		expect(typeof sent.msgKey).toBe('string');
		expect(sb.state.tencent.c2c[0]).toMatchObject({ from: 'alice', to: 'bob', msgSeq: sent.msgSeq, msgRandom: sent.msgRandom });
		const recall = await tencentEngine(sb.url).run(
			tencentWorkflow({ resource: 'message', operation: 'recall', fromAccount: 'alice', toAccount: 'bob', msgKey: sent.msgKey }),
		);
		expect(outputOf(recall.run, 'Node')[0]).toMatchObject({ status: 'recalled' });
		expect(sb.state.tencent.c2c[0].recalled).toBe(true);
	});

	test('a re-run with fixed MsgSeq/MsgRandom is de-duplicated by the vendor', async () => {
		sb.seedTencentAccounts(['bob']);
		const wf = tencentWorkflow({ resource: 'message', operation: 'sendToUser', toAccount: 'bob', ...text('once'), options: { msgRandom: 5, msgSeq: 6 } });
		await tencentEngine(sb.url).run(wf);
		await tencentEngine(sb.url).run(wf);
		expect(sb.state.tencent.c2c).toHaveLength(1);
	});

	// Changed for issue 11: batchsendmsg gives no ErrorList entry for a never-imported account, so the
	// unknown u700 is found by "Check Accounts First" (account_check, 12 calls of 100) and not sent to.
	test('1,200 receivers → calls of 500/500/200; ErrorList and unknown accounts reported, all others delivered', async () => {
		const accounts = Array.from({ length: 1200 }, (_, i) => `u${i}`);
		sb.seedTencentAccounts(accounts.filter((a) => a !== 'u700'));
		sb.configure({ tencent: { failAccounts: ['u5'] } });
		const { run } = await tencentEngine(sb.url).run(
			tencentWorkflow({ resource: 'message', operation: 'sendToUsers', toAccounts: accounts.join('\n'), ...text('promo'), options: { checkAccounts: true } }),
		);
		expect(calls('account_check')).toHaveLength(12);
		expect(run.data.resultData.error).toBeUndefined();
		expect(calls('batchsendmsg')).toHaveLength(3);
		const [out] = outputOf(run, 'Node') as any[];
		expect(out).toMatchObject({ status: 'partial', receiverCount: 1200, deliveredCount: 1198, failedCount: 2, calls: 3 });
		expect(out.failedAccounts.map((f: any) => f.account).sort()).toEqual(['u5', 'u700']);
		expect(new Set(sb.state.tencent.c2c.map((m) => m.to)).size).toBe(1198);
		expect(out.msgKeys).toHaveLength(3);
	});

	test('one item per receiver output', async () => {
		sb.seedTencentAccounts(['a', 'b']);
		// Changed for issue 11: the never-imported "c" is only known as failed with Check Accounts First.
		const { run } = await tencentEngine(sb.url).run(
			tencentWorkflow({
				resource: 'message',
				operation: 'sendToUsers',
				toAccounts: '={{ ["a","b","c"] }}',
				...text('x'),
				options: { output: 'perReceiver', checkAccounts: true },
			}),
		);
		expect(itemsOf(run).map((o) => [o.json.receiver, o.json.status])).toEqual([
			['a', 'delivered'],
			['b', 'delivered'],
			['c', 'failed'],
		]);
	});
});

describe('sendmsg ordering: MsgSeq increases per conversation, items never overtake (269/2282)', () => {
	beforeEach(() => sb.configure({ tencent: { logBodies: true } })); // request bodies in sb.state.tencent.requests
	beforeEach(() => sb.seedTencentAccounts(['alice', 'bob', 'carol']));
	const items = [
		{ to: 'bob', t: 'b1' },
		{ to: 'carol', t: 'c1' },
		{ to: 'bob', t: 'b2' },
		{ to: 'bob', t: 'b3' },
		{ to: 'carol', t: 'c2' },
		{ to: 'bob', t: 'b4' },
	];
	const params = { resource: 'message', operation: 'sendToUser', fromAccount: 'alice', toAccount: '={{ $json.to }}', ...text('={{ $json.t }}') };

	test('a throttled first message is retried and still lands first; history (MsgTime, MsgSeq) is input order', async () => {
		// b1 is refused twice with the vendor's frequency code (not processed) before it gets through.
		sb.configure({ tencent: { scripted: [{ path: 'openim/sendmsg', bodyIncludes: '"b1"', times: 2, code: 60007 }] } });
		const { run } = await tencentEngine(sb.url).run(tencentWorkflow(params, { items }));
		expect(run.data.resultData.error).toBeUndefined();
		expect(calls('sendmsg').filter((r) => r.code === 60007)).toHaveLength(2);
		const st = sb.state.tencent;
		expect(st.c2c.filter((m) => m.to === 'bob').map(textOf)).toEqual(['b1', 'b2', 'b3', 'b4']); // arrival
		expect(tencentC2CHistory(st, 'alice', 'bob').map(textOf)).toEqual(['b1', 'b2', 'b3', 'b4']); // what bob sees
		expect(tencentC2CHistory(st, 'alice', 'carol').map(textOf)).toEqual(['c1', 'c2']);
		const out = outputOf(run, 'Node') as any[];
		const seqs = out.map((o) => o.msgSeq);
		for (let k = 1; k < seqs.length; k++) expect(seqs[k]).toBeGreaterThan(seqs[k - 1]);
		expect(seqs[0]).toBeGreaterThanOrEqual(Math.floor(Date.now() / 1000) - 60); // time-based start
		// The retried b1 kept its MsgSeq/MsgRandom across attempts.
		const b1 = calls('sendmsg').filter((r) => JSON.stringify(r.body!.MsgBody).includes('"b1"'));
		expect(new Set(b1.map((r) => `${r.body!.MsgSeq}/${r.body!.MsgRandom}`)).size).toBe(1);
		expect(new Set(out.map((o) => o.msgRandom)).size).toBe(out.length);
	});

	test('a later execution continues above the earlier one (same second included)', async () => {
		const first = await tencentEngine(sb.url).run(tencentWorkflow(params, { items }));
		const second = await tencentEngine(sb.url).run(tencentWorkflow(params, { items: [{ to: 'bob', t: 'b5' }] }));
		const maxFirst = Math.max(...(outputOf(first.run, 'Node') as any[]).map((o) => o.msgSeq));
		expect((outputOf(second.run, 'Node')[0] as any).msgSeq).toBeGreaterThan(maxFirst);
		expect(tencentC2CHistory(sb.state.tencent, 'alice', 'bob').map(textOf)).toEqual(['b1', 'b2', 'b3', 'b4', 'b5']);
	});
});

describe('batchsendmsg: items to the same receivers never overtake; online-only; unknown accounts', () => {
	beforeEach(() => sb.configure({ tencent: { logBodies: true } })); // request bodies in sb.state.tencent.requests
	test('a throttled item holds back the next item to an overlapping receiver, not an unrelated one', async () => {
		sb.seedTencentAccounts(['a', 'b', 'c', 'd']);
		sb.configure({ tencent: { scripted: [{ path: 'openim/batchsendmsg', bodyIncludes: '"first"', times: 3, code: 60007 }] } });
		const items = [
			{ to: ['a', 'b'], t: 'first' },
			{ to: ['b', 'c'], t: 'second' },
			{ to: ['d'], t: 'third' },
		];
		const { run } = await tencentEngine(sb.url).run(
			tencentWorkflow({ resource: 'message', operation: 'sendToUsers', fromAccount: 'a', toAccounts: '={{ $json.to }}', ...text('={{ $json.t }}') }, { items }),
		);
		expect(run.data.resultData.error).toBeUndefined();
		const st = sb.state.tencent;
		expect(st.c2c.filter((m) => m.to === 'b').map(textOf)).toEqual(['first', 'second']);
		expect(tencentC2CHistory(st, 'a', 'b').map(textOf)).toEqual(['first', 'second']);
		// The unrelated item did not wait for the throttled one.
		const arrival = st.c2c.map(textOf);
		expect(arrival.indexOf('third')).toBeLessThan(arrival.indexOf('first'));
		const out = outputOf(run, 'Node') as any[];
		expect(out[1].msgSeq).toBeGreaterThan(out[0].msgSeq);
	});

	test('Online Users Only sends OnlineOnlyFlag 1 without MsgLifeTime (CN page 269/1612); offline users get nothing', async () => {
		sb.seedTencentOnline('on1', 'Online');
		sb.seedTencentAccounts(['off1']);
		const { run } = await tencentEngine(sb.url).run(
			tencentWorkflow({ resource: 'message', operation: 'sendToUsers', toAccounts: 'on1, off1', ...text('flash'), options: { onlineOnly: true } }),
		);
		expect(run.data.resultData.error).toBeUndefined();
		const [call] = calls('batchsendmsg');
		expect(call.body!.OnlineOnlyFlag).toBe(1);
		expect('MsgLifeTime' in call.body!).toBe(false);
		expect(sb.state.tencent.c2c.map((m) => [m.to, m.onlineOnly, m.msgLifeTime])).toEqual([['on1', true, 0]]);
		expect(outputOf(run, 'Node')[0]).toMatchObject({ onlineOnly: true });
	});

	test('never-imported accounts: no ErrorList entry from the vendor; Check Accounts First reports them failed and skips them', async () => {
		sb.seedTencentAccounts(['k1', 'k2']);
		const send = (options: Record<string, unknown>) =>
			tencentEngine(sb.url).run(tencentWorkflow({ resource: 'message', operation: 'sendToUsers', toAccounts: 'k1, ghost, k2', ...text('hi'), options }));
		// Without the check, the vendor's answer cannot tell "ghost" from a delivered receiver.
		const blind = await send({});
		expect(outputOf(blind.run, 'Node')[0]).toMatchObject({ deliveredCount: 3, failedCount: 0 });
		expect(sb.state.tencent.c2c.map((m) => m.to)).toEqual(['k1', 'k2']);
		sb.reset();
		sb.configure({ tencent: { logBodies: true } });
		sb.seedTencentAccounts(['k1', 'k2']);
		const checked = await send({ checkAccounts: true, output: 'perReceiver' });
		expect(calls('account_check')).toHaveLength(1);
		expect(calls('account_check')[0].body!.CheckItem).toEqual([{ UserID: 'k1' }, { UserID: 'ghost' }, { UserID: 'k2' }]);
		expect(calls('batchsendmsg')[0].body!.To_Account).toEqual(['k1', 'k2']);
		const out = itemsOf(checked.run).map((o) => o.json);
		expect(out.map((o) => [o.receiver, o.status])).toEqual([
			['k1', 'delivered'],
			['ghost', 'failed'],
			['k2', 'delivered'],
		]);
		expect(out[1]).toMatchObject({ errorCode: 70107 });
		expect(String(out[1].reason)).toMatch(/not an imported account/i);
	});

	test('Import Unknown Accounts imports them first, then sends to everyone', async () => {
		sb.seedTencentAccounts(['k1']);
		const { run } = await tencentEngine(sb.url).run(
			tencentWorkflow({
				resource: 'message',
				operation: 'sendToUsers',
				toAccounts: 'k1, new1, new2',
				...text('welcome'),
				options: { checkAccounts: true, importUnknown: true },
			}),
		);
		expect(run.data.resultData.error).toBeUndefined();
		expect(calls('multiaccount_import')[0].body!.Accounts).toEqual(['new1', 'new2']);
		expect(sb.state.tencent.c2c.map((m) => m.to)).toEqual(['k1', 'new1', 'new2']);
		expect(outputOf(run, 'Node')[0]).toMatchObject({ status: 'sent', deliveredCount: 3, importedAccounts: ['new1', 'new2'], notImportedAccounts: [] });
	});
});

describe('validation before sending (field and item named, nothing sent)', () => {
	const cases: Array<[string, IDataObject, RegExp]> = [
		['two custom elements in raw MsgBody', { resource: 'message', operation: 'sendToUser', toAccount: 'bob', messageFormat: 'json', msgBodyJson: '[{"MsgType":"TIMCustomElem","MsgContent":{"Data":"a"}},{"MsgType":"TIMCustomElem","MsgContent":{"Data":"b"}}]' }, /Invalid "Message Body \(JSON\)" in item 0: a message may contain at most one TIMCustomElem/],
		['invalid raw JSON', { resource: 'message', operation: 'sendToUser', toAccount: 'bob', messageFormat: 'json', msgBodyJson: '[{"MsgType":' }, /Invalid "Message Body \(JSON\)" in item 0: Invalid JSON/],
		['unknown element type', { resource: 'message', operation: 'sendToUser', toAccount: 'bob', messageFormat: 'json', msgBodyJson: '[{"MsgType":"TIMFooElem","MsgContent":{}}]' }, /MsgType must be one of/],
		['empty text from an expression', { resource: 'message', operation: 'sendToUser', toAccount: 'bob', messageFormat: 'text', text: '={{ "" }}' }, /Invalid "Text" in item 0: is required and cannot be empty/],
		['text as an object from an expression', { resource: 'message', operation: 'sendToUser', toAccount: 'bob', messageFormat: 'text', text: '={{ {a: 1} }}' }, /Invalid "Text" in item 0: must be text, got an object/],
		['body over 12 KB', { resource: 'message', operation: 'sendToUser', toAccount: 'bob', ...text('x'.repeat(12100)) }, /the limit is 12000 bytes/],
		['receiver over 32 bytes', { resource: 'message', operation: 'sendToUser', toAccount: 'x'.repeat(33), ...text('x') }, /Invalid "Receiver User ID" in item 0: .* longer than 32 bytes/],
		['MsgRandom above uint32', { resource: 'message', operation: 'sendToUser', toAccount: 'bob', ...text('x'), options: { msgRandom: 4294967296 } }, /Invalid "De-duplication Number \(MsgRandom\)" in item 0: must be between 0 and 4294967295/],
		['image element without a URL', { resource: 'message', operation: 'sendToUser', toAccount: 'bob', messageFormat: 'elements', elements: { image: [{ url: 'not a url', format: 1, width: 1, height: 1, size: 1 }] } }, /URL must be a URL/],
	];
	test.each(cases)('%s', async (_name, params, message) => {
		const r = await run(params);
		expect(r.status).toBe('error');
		expect(r.data.resultData.error!.message).toMatch(message);
		expect(sb.state.tencent.requests).toHaveLength(0);
	});

	test('with continue-on-fail the valid items still go out', async () => {
		sb.seedTencentAccounts(['bob']);
		const items = [{ t: 'ok' }, { t: '' }, { t: 'fine' }];
		const { run } = await tencentEngine(sb.url).run(
			tencentWorkflow({ resource: 'message', operation: 'sendToUser', toAccount: 'bob', messageFormat: 'text', text: '={{ $json.t }}' }, { items, continueOnFail: true }),
		);
		const out = itemsOf(run);
		expect(out.map((o) => o.json.status ?? 'error')).toEqual(['sent', 'error', 'sent']);
		expect(String(out[1].json.error)).toMatch(/in item 1/);
		expect(sb.state.tencent.c2c.map((m) => (m.msgBody as any)[0].MsgContent.Text)).toEqual(['ok', 'fine']);
	});
});
