/* eslint-disable */
import { outputOf } from '../../harness/engine';
import { itemsOf, tencentWorkflow } from '../../harness/fixtures';
import { tencentEngine } from '../../harness/registry';
import { startSandbox, type RtcSandbox } from '../../sandbox/server';

// Message → Import (openim/importmsg): the worked example of docs/architecture.md.

let sb: RtcSandbox;
beforeAll(async () => {
	sb = await startSandbox();
});
afterAll(() => sb.close());
beforeEach(() => sb.reset());

const imports = () => sb.state.tencent.requests.filter((r) => r.path.endsWith('openim/importmsg'));
const imported = () => sb.state.tencent.c2c.filter((m) => m.via === 'importmsg');
const params = (extra: Record<string, unknown> = {}) => ({
	resource: 'message',
	operation: 'import',
	fromAccount: 'alice',
	toAccount: 'bob',
	msgTimeStamp: 1556178721,
	syncFromOldSystem: 'history',
	messageFormat: 'text',
	text: 'hello from the old system',
	...extra,
});

describe('Message → Import (importmsg)', () => {
	beforeEach(() => {
		sb.configure({ tencent: { logBodies: true } });
		sb.seedTencentAccounts(['alice', 'bob']);
	});

	test('imports one message as history; output and sandbox agree on MsgSeq, MsgRandom and the time', async () => {
		const { run } = await tencentEngine(sb.url).run(tencentWorkflow(params({ messageOptions: { cloudCustomData: 'legacy-id-1' } })));
		expect(run.data.resultData.error).toBeUndefined();
		const [out] = outputOf(run, 'Node') as any[];
		const [m] = imported();
		expect(imported()).toHaveLength(1);
		expect(m).toMatchObject({ from: 'alice', to: 'bob', msgTime: 1556178721, cloudCustomData: 'legacy-id-1', unread: false });
		expect((m.msgBody as any)[0]).toEqual({ MsgType: 'TIMTextElem', MsgContent: { Text: 'hello from the old system' } });
		expect(out).toMatchObject({ status: 'imported', from: 'alice', to: 'bob', importedAs: 'history', msgTimeStamp: 1556178721, msgSeq: m.msgSeq, msgRandom: m.msgRandom });
		expect(out.requestId === null || typeof out.requestId === 'string').toBe(true);
		const body = imports()[0].body as any;
		expect(body).toMatchObject({ SyncFromOldSystem: 2, From_Account: 'alice', To_Account: 'bob', MsgTimeStamp: 1556178721, CloudCustomData: 'legacy-id-1' });
		// importmsg takes no push, send-control or callback fields.
		expect(Object.keys(body).sort()).toEqual(['CloudCustomData', 'From_Account', 'MsgBody', 'MsgRandom', 'MsgSeq', 'MsgTimeStamp', 'SyncFromOldSystem', 'To_Account']);
	});

	test('Import As Real-Time Message sends SyncFromOldSystem 1 (counted as unread)', async () => {
		const { run } = await tencentEngine(sb.url).run(tencentWorkflow(params({ syncFromOldSystem: 'realtime' })));
		expect(outputOf(run, 'Node')[0]).toMatchObject({ status: 'imported', importedAs: 'realtime' });
		expect((imports()[0].body as any).SyncFromOldSystem).toBe(1);
		expect(imported()[0].unread).toBe(true);
	});

	test('a repeat with the same MsgSeq, MsgRandom and time is dropped by Tencent: safe to run twice', async () => {
		const wf = tencentWorkflow(params({ options: { msgSeq: 7, msgRandom: 4294967295 } }));
		const first = await tencentEngine(sb.url).run(wf);
		const again = await tencentEngine(sb.url).run(wf);
		expect(again.run.data.resultData.error).toBeUndefined();
		expect(outputOf(first.run, 'Node')[0]).toMatchObject({ msgSeq: 7, msgRandom: 4294967295 });
		expect(outputOf(again.run, 'Node')[0]).toMatchObject({ status: 'imported', msgSeq: 7, msgRandom: 4294967295 });
		expect(imports()).toHaveLength(2);
		expect(imported()).toHaveLength(1);
		expect(sb.state.tencent.counters.deduplicated).toBe(1);
	});

	test('an unknown receiver: the run fails without continue-on-fail; with it the item is an error item and the others go on', async () => {
		const p = params({ toAccount: '={{ $json.to }}' });
		const off = await tencentEngine(sb.url).run(tencentWorkflow(p, { items: [{ to: 'nobody' }] }));
		expect(off.run.status).toBe('error');
		expect(off.run.data.resultData.error!.message).toMatch(/^Tencent Chat error 20003/);
		expect(imported()).toHaveLength(0);

		const on = await tencentEngine(sb.url).run(tencentWorkflow(p, { items: [{ to: 'bob' }, { to: 'nobody' }, { to: 'alice' }], continueOnFail: true }));
		const out = itemsOf(on.run);
		expect(out.map((o) => o.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(out[0].json.status).toBe('imported');
		expect(out[1].json).toMatchObject({ code: '20003' });
		expect(out[2].json).toMatchObject({ status: 'imported', to: 'alice' });
		expect(imported().map((m) => m.to)).toEqual(['bob', 'alice']);
		expect(JSON.stringify(on.run)).not.toMatch(/usersig=(?!\*\*\*)/i);
	});

	test('items are paired with their input, in order, one import each', async () => {
		const items = [1, 2, 3].map((n) => ({ n }));
		const { run } = await tencentEngine(sb.url).run(tencentWorkflow(params({ text: '={{ "m" + $json.n }}', msgTimeStamp: '={{ 1556178720 + $json.n }}' }), { items }));
		const out = itemsOf(run);
		expect(out.map((o) => o.pairedItem)).toEqual([0, 1, 2].map((item) => ({ item })));
		expect(out.map((o) => o.json.msgTimeStamp)).toEqual([1556178721, 1556178722, 1556178723]);
		expect(imported().map((m) => (m.msgBody as any)[0].MsgContent.Text)).toEqual(['m1', 'm2', 'm3']);
	});

	test.each([
		['fromAccount', '', /Invalid "Sender User ID" in item 1/],
		['toAccount', 'x'.repeat(33), /Invalid "Receiver User ID" in item 1/],
		['msgTimeStamp', 0, /Invalid "Message Time" in item 1/],
		['msgTimeStamp', 'yesterday', /Invalid "Message Time" in item 1/],
		['syncFromOldSystem', 'later', /Invalid "Import As" in item 1/],
	])('bad %s (%p) names the field and the item; nothing is sent for any item', async (field, value, message) => {
		const p = params({ [field]: `={{ $json.bad ? ${JSON.stringify(value)} : ${JSON.stringify((params() as any)[field])} }}` });
		const { run } = await tencentEngine(sb.url).run(tencentWorkflow(p, { items: [{ bad: false }, { bad: true }] }));
		expect(run.status).toBe('error');
		expect(run.data.resultData.error!.message).toMatch(message);
		expect(imports()).toHaveLength(0);
	});

	test('bad input with continue-on-fail: the invalid item is an error item naming the field; the valid one is imported', async () => {
		const p = params({ msgTimeStamp: '={{ $json.t }}' });
		const { run } = await tencentEngine(sb.url).run(tencentWorkflow(p, { items: [{ t: 1556178721 }, { t: -5 }], continueOnFail: true }));
		const out = itemsOf(run);
		expect(out[0].json.status).toBe('imported');
		expect(String(out[1].json.error)).toMatch(/Invalid "Message Time" in item 1/);
		expect(imports()).toHaveLength(1);
	});
});
