/* eslint-disable */
// Honest outcomes shared by every operation: the status words, lost calls next to refused ones,
// "On Partial Delivery", and n8n's error output. Real WorkflowExecute against the sandbox.
import type { IDataObject, IWorkflowBase } from 'n8n-workflow';
import { itemsOf, tencentWorkflow, volcWorkflow } from '../harness/fixtures';
import { outputOf } from '../harness/engine';
import { tencentEngine, volcengineEngine } from '../harness/registry';
import { startSandbox, type RtcSandbox } from '../sandbox/server';
import { outcomeStatus } from '../nodes/shared/fanout';
import { SANDBOX_TENCENT } from '../sandbox/demo-credentials';
import { SANDBOX_RTC_APP_ID } from '../sandbox/volcengine';

let sb: RtcSandbox;
beforeAll(async () => {
	sb = await startSandbox();
});
afterAll(() => sb.close());
beforeEach(() => {
	sb.removeAllListeners('volcengine.message');
	sb.removeAllListeners('tencent.message');
	sb.reset();
});

const volcSend = (extra: Record<string, unknown> = {}) => ({
	resource: 'message',
	operation: 'sendToUsers',
	sender: '10001',
	content: 'x',
	msgType: 10001,
	receivers: '1,2,3',
	...extra,
});
const tencentBatch = (extra: Record<string, unknown> = {}) => ({
	resource: 'message',
	operation: 'sendToUsers',
	toAccounts: 'a,b,c',
	messageFormat: 'text',
	text: 'hello',
	...extra,
});
const volcCalls = (action: string) => sb.state.volcengine.requests.filter((r) => r.action === action);
const range = (from: number, n: number) => Array.from({ length: n }, (_, k) => String(from + k));

describe('status words', () => {
	test('outcomeStatus: all delivered sent, none delivered failed (or unknown when some may have it), else partial', () => {
		expect(outcomeStatus({ delivered: 3, failed: 0, unknown: 0, notSent: 0 })).toBe('sent');
		expect(outcomeStatus({ delivered: 0, failed: 3, unknown: 0, notSent: 0 })).toBe('failed');
		expect(outcomeStatus({ delivered: 0, failed: 1, unknown: 0, notSent: 2 })).toBe('failed');
		expect(outcomeStatus({ delivered: 0, failed: 1, unknown: 1, notSent: 1 })).toBe('unknown');
		expect(outcomeStatus({ delivered: 1, failed: 0, unknown: 1, notSent: 0 })).toBe('partial');
		expect(outcomeStatus({ delivered: 2, failed: 1, unknown: 0, notSent: 0 })).toBe('partial');
	});

	test('Volcengine: the vendor lists every receiver in FailedReceiver → "failed", not "partial"', async () => {
		sb.configure({ volcengine: { failReceivers: ['1', '2', '3'] } });
		const { run } = await volcengineEngine(sb.url).run(volcWorkflow(volcSend()));
		expect(run.data.resultData.error).toBeUndefined();
		const [out] = outputOf(run, 'Node') as any[];
		expect(out).toMatchObject({ status: 'failed', deliveredCount: 0, failedCount: 3, failedReceivers: ['1', '2', '3'] });
		expect(volcCalls('BatchSendMessage')).toHaveLength(1);
		expect(sb.state.volcengine.messages).toHaveLength(0);
	});

	test('Tencent batchsendmsg: every account in ErrorList → "failed"; some → "partial"', async () => {
		sb.seedTencentAccounts(['a', 'b', 'c']);
		sb.configure({ tencent: { failAccounts: ['a', 'b', 'c'] } });
		const all = await tencentEngine(sb.url).run(tencentWorkflow(tencentBatch()));
		expect((outputOf(all.run, 'Node') as any[])[0]).toMatchObject({ status: 'failed', deliveredCount: 0, failedCount: 3 });
		sb.configure({ tencent: { failAccounts: ['b'] } });
		const some = await tencentEngine(sb.url).run(tencentWorkflow(tencentBatch()));
		expect((outputOf(some.run, 'Node') as any[])[0]).toMatchObject({ status: 'partial', deliveredCount: 2, failedCount: 1 });
		expect(sb.state.tencent.requests.filter((r) => r.path.endsWith('batchsendmsg'))).toHaveLength(2);
	});
});

describe('lost calls are never hidden by refusals', () => {
	/** First call: processed, then its answer is lost; from then on the vendor refuses the keys. */
	function loseFirstThenRefuse() {
		sb.configure({ faults: { lostRate: 1 } });
		sb.once('volcengine.message', () => sb.configure({ faults: { lostRate: 0 }, volcengine: { keys: {} } }));
	}

	test('Volcengine, 3 chunks: lost, refused, skipped → the error item lists the lost chunk as unknown', async () => {
		loseFirstThenRefuse();
		const receivers = range(100, 30).join(',');
		const { run } = await volcengineEngine(sb.url).run(
			volcWorkflow(volcSend({ receivers, options: { batchSize: 10 }, delivery: { concurrency: 1 } }), { items: [{}], continueOnFail: true }),
		);
		const [out] = itemsOf(run);
		// the item failed (nothing confirmed, a call refused) ...
		expect(out.json.code).toBe('InvalidAccessKey');
		expect(String(out.json.error)).toMatch(/\(0 of 30 receivers delivered: 10 unknown, 10 failed, 10 not sent\)$/);
		// ... but the error keeps the summary: who may have the message, who was refused, who was skipped
		expect(out.json).toMatchObject({ status: 'unknown', deliveredCount: 0, unknownCount: 10, failedCount: 10, notSentCount: 10, calls: 2 });
		expect(out.json.unknownReceivers).toEqual(range(100, 10));
		expect(out.json.rejectedReceivers).toEqual(range(110, 10));
		expect(out.json.notSentReceivers).toEqual(range(120, 10));
		expect((out.json.errors as IDataObject[]).map((e) => e.code)).toEqual(['DELIVERY_UNKNOWN', 'InvalidAccessKey']);
		// what the vendor really has: the lost chunk was processed, the refused one not
		expect(sb.state.volcengine.messages.map((m) => String(m.receiver))).toEqual(range(100, 10));
		expect(volcCalls('BatchSendMessage')).toHaveLength(2);
	});

	test('without continue-on-fail the workflow error says how many receivers are unknown', async () => {
		loseFirstThenRefuse();
		const { run } = await volcengineEngine(sb.url).run(
			volcWorkflow(volcSend({ receivers: range(100, 20).join(','), options: { batchSize: 10 }, delivery: { concurrency: 1 } })),
		);
		expect(run.status).toBe('error');
		expect(run.data.resultData.error!.message).toMatch(/0 of 20 receivers delivered: 10 unknown, 10 failed, 0 not sent/);
	});

	test('per-receiver output: the failing item still carries each receiver’s fate', async () => {
		loseFirstThenRefuse();
		const { run } = await volcengineEngine(sb.url).run(
			volcWorkflow(volcSend({ receivers: '1,2,3,4', options: { batchSize: 2, output: 'perReceiver' }, delivery: { concurrency: 1 } }), {
				items: [{}],
				continueOnFail: true,
			}),
		);
		const out = itemsOf(run);
		expect(out).toHaveLength(1);
		expect(out[0].json).toMatchObject({ status: 'unknown', unknownReceivers: ['1', '2'], rejectedReceivers: ['3', '4'] });
	});

	test('Tencent batchsendmsg: a lost call (retries used up) next to a refused one is listed too', async () => {
		sb.seedTencentAccounts(range(1, 4).map((x) => `u${x}`));
		sb.configure({ faults: { lostRate: 1 } });
		sb.once('tencent.message', () => sb.configure({ faults: { lostRate: 0 }, tencent: { apps: { [String(SANDBOX_TENCENT.sdkAppId)]: { key: 'another-key-entirely' } } } }));
		const { run } = await tencentEngine(sb.url).run(
			tencentWorkflow(tencentBatch({ toAccounts: 'u1,u2,u3,u4', options: { batchSize: 2 }, delivery: { concurrency: 1, maxAttempts: 1 } }), {
				items: [{}],
				continueOnFail: true,
			}),
		);
		const [out] = itemsOf(run);
		expect(String(out.json.error)).toMatch(/0 of 4 receivers delivered: 2 unknown, 2 failed, 0 not sent/);
		expect(out.json).toMatchObject({ status: 'unknown', unknownAccounts: ['u1', 'u2'], rejectedAccounts: ['u3', 'u4'] });
	});

	test('an ordered send (BatchSendGroupMessage) whose only call is lost: unknown, not "not sent"', async () => {
		const conv = sb.seedVolcengineConversation({ conversationShortId: '9100001', members: ['10001'], type: 2 });
		sb.configure({ faults: { lostRate: 1 } });
		const { run } = await volcengineEngine(sb.url).run(
			volcWorkflow(
				{ resource: 'message', operation: 'sendToGroups', sender: '10001', conversationType: 2, conversationShortIds: String(conv.shortId), msgType: 10001, content: 'x', delivery: { maxAttempts: 1 } },
				{ items: [{}], continueOnFail: true },
			),
		);
		const [out] = itemsOf(run);
		expect(out.json.code).toBe('DELIVERY_UNKNOWN');
		expect(out.json).toMatchObject({ status: 'unknown', sentCount: 0, unknownCount: 1, notSentCount: 0 });
		expect(out.json.unknownConversations).toEqual([String(conv.shortId)]);
	});
});

describe('ordered chunked sends: a lost call is unknown, the rest not sent', () => {
	test('BatchSendRoomUnicast, 3 calls: delivered, lost, skipped → partial with each list', async () => {
		let n = 0;
		sb.on('volcengine.rts', () => {
			n++;
			sb.configure({ faults: { lostRate: n === 1 ? 1 : 0 } }); // the answer to call 2 is lost
		});
		const to = range(1, 12).map((x) => `u${x}`);
		const { run } = await volcengineEngine(sb.url).run(
			volcWorkflow(
				{ resource: 'room', operation: 'sendToUsersInRoom', rtcAppId: SANDBOX_RTC_APP_ID, from: 'server', message: 'x', roomId: 'hall', to: to.join(','), options: { batchSize: 4 }, delivery: { maxAttempts: 1 } },
				{ items: [{}], continueOnFail: true },
			),
		);
		sb.removeAllListeners('volcengine.rts');
		const [out] = itemsOf(run);
		expect(out.json).toMatchObject({ status: 'partial', sentCount: 4, unknownCount: 4, notSentCount: 4, calls: 2 });
		expect(out.json.unknownReceivers).toEqual(to.slice(4, 8));
		expect(out.json.notSentReceivers).toEqual(to.slice(8));
		// the vendor has the lost call's receivers: they must not be reported as "not sent"
		expect(sb.state.volcengine.rts.messages.flatMap((m) => m.to ?? [])).toEqual(to.slice(0, 8));
	});
});

describe('On Partial Delivery', () => {
	test('default "Output Summary": a partial send is an output item with its status', async () => {
		sb.configure({ volcengine: { failReceivers: ['2'] } });
		const { run } = await volcengineEngine(sb.url).run(volcWorkflow(volcSend()));
		expect(run.data.resultData.error).toBeUndefined();
		expect((outputOf(run, 'Node') as any[])[0]).toMatchObject({ status: 'partial', failedReceivers: ['2'] });
		// …and the run says so above the output, where n8n shows execution hints
		expect(run.data.resultData.runData.Node[0].hints).toEqual([
			{
				message: "1 of 1 item did not reach every receiver (item 1): see each item's status and failed/unknown/notSent lists.",
				type: 'warning',
				location: 'outputPane',
			},
		]);
	});

	test('a run that reached everyone has no hint', async () => {
		const { run } = await volcengineEngine(sb.url).run(volcWorkflow(volcSend()));
		expect((outputOf(run, 'Node') as any[])[0]).toMatchObject({ status: 'sent' });
		expect(run.data.resultData.runData.Node[0].hints ?? []).toEqual([]);
	});

	test('"Fail the Item": the partial item becomes an error that keeps the summary; the full one passes', async () => {
		sb.configure({ volcengine: { failReceivers: ['2'] } });
		const items = [{ to: '1,2,3' }, { to: '4,5' }];
		const { run } = await volcengineEngine(sb.url).run(
			volcWorkflow(volcSend({ receivers: '={{ $json.to }}', delivery: { onPartial: 'fail' } }), { items, continueOnFail: true }),
		);
		const out = itemsOf(run);
		expect(out.map((o) => o.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(String(out[0].json.error)).toBe('Not delivered to every receiver: status "partial" (2 of 3 receivers delivered: 0 unknown, 1 failed, 0 not sent)');
		expect(out[0].json).toMatchObject({ status: 'partial', deliveredCount: 2, failedReceivers: ['2'] });
		expect(out[0].json.description).toMatch(/On Partial Delivery/);
		expect(out[1].json).toMatchObject({ status: 'sent', deliveredCount: 2 });
		expect(out[1].json.error).toBeUndefined();
		// the messages went out all the same: the option changes what the item says, not what is sent
		expect(sb.state.volcengine.messages).toHaveLength(4);
	});

	test('"Fail the Item" without continue-on-fail stops the workflow with the counts', async () => {
		sb.seedTencentAccounts(['a', 'b', 'c']);
		sb.configure({ tencent: { failAccounts: ['c'] } });
		const { run } = await tencentEngine(sb.url).run(tencentWorkflow(tencentBatch({ delivery: { onPartial: 'fail' } })));
		expect(run.status).toBe('error');
		expect(run.data.resultData.error!.message).toBe('Not delivered to every receiver: status "partial" (2 of 3 receivers delivered: 0 unknown, 1 failed, 0 not sent)');
	});

	test('"Fail the Item" with per-receiver output: the rows stay in the error', async () => {
		sb.configure({ volcengine: { failReceivers: ['2'] } });
		const { run } = await volcengineEngine(sb.url).run(
			volcWorkflow(volcSend({ options: { output: 'perReceiver' }, delivery: { onPartial: 'fail' } }), { items: [{}], continueOnFail: true }),
		);
		const out = itemsOf(run);
		expect(out).toHaveLength(1);
		expect(out[0].json.status).toBe('partial');
		expect((out[0].json.results as IDataObject[]).map((r) => [r.receiver, r.status])).toEqual([
			['1', 'delivered'],
			['2', 'failed'],
			['3', 'delivered'],
		]);
	});
});

describe('n8n error output (On Error: Continue (using error output))', () => {
	/** Node → output 0 → "Ok", output 1 → "Err" (Code stand-ins that pass their items on). */
	function withErrorOutput(wf: IWorkflowBase): IWorkflowBase {
		const node = wf.nodes.find((n) => n.name === 'Node')!;
		(node as any).onError = 'continueErrorOutput';
		for (const [name, x] of [['Ok', 600], ['Err', 600]] as const) {
			wf.nodes.push({ id: name, name, type: 'n8n-nodes-base.code', typeVersion: 2, position: [x, name === 'Ok' ? 0 : 200], parameters: { jsCode: 'return $input.all();' } } as any);
		}
		(wf.connections as any).Node = { main: [[{ node: 'Ok', type: 'main', index: 0 }], [{ node: 'Err', type: 'main', index: 0 }]] };
		return wf;
	}

	test('validation error, vendor refusal and a "Fail the Item" partial leave on the error branch; the good item on the success branch', async () => {
		sb.configure({ volcengine: { failReceivers: ['52'] } });
		const items = [
			{ tag: 'ok', to: '50', appId: '123456', onPartial: 'summary' },
			{ tag: 'invalid', to: 'not-a-number', appId: '123456', onPartial: 'summary' },
			{ tag: 'refused', to: '51', appId: '999', onPartial: 'summary' },
			{ tag: 'partial', to: '52,53', appId: '123456', onPartial: 'fail' },
		];
		const wf = withErrorOutput(
			volcWorkflow(volcSend({ appId: '={{ $json.appId }}', receivers: '={{ $json.to }}', delivery: { onPartial: '={{ $json.onPartial }}' } }), { items }),
		);
		const { run } = await volcengineEngine(sb.url).run(wf);
		expect(run.data.resultData.error).toBeUndefined();
		const ok = itemsOf(run, 'Ok');
		const err = itemsOf(run, 'Err');
		expect(ok.map((o) => o.json.status)).toEqual(['sent']);
		expect(ok[0].json).toMatchObject({ deliveredCount: 1 });
		expect(err).toHaveLength(3);
		// n8n merges the input item into an error-output item: the tag says which input it was
		expect(err.map((o) => o.json.tag)).toEqual(['invalid', 'refused', 'partial']);
		expect(err[0].json.error).toMatch(/^Invalid "Receiver User IDs\[0\]" in item 1/);
		expect(err[1].json.error).toMatch(/^Volcengine error InvalidParameter.NotExistAppId/);
		expect((err[1].json.details as IDataObject).code).toBe('InvalidParameter.NotExistAppId');
		expect(err[2].json.error).toMatch(/^Not delivered to every receiver: status "partial"/);
		expect(err[2].json.details).toMatchObject({ status: 'partial', deliveredCount: 1, failedReceivers: ['52'] });
		// nothing was sent for the invalid item; the refused one reached the vendor once
		expect(volcCalls('BatchSendMessage')).toHaveLength(3);
		expect(sb.state.volcengine.messages.map((m) => String(m.receiver)).sort()).toEqual(['50', '53']);
	});

	test('Tencent: the same split', async () => {
		sb.seedTencentAccounts(['a']);
		const items = [{ to: 'a' }, { to: '' }];
		const wf = withErrorOutput(tencentWorkflow(tencentBatch({ toAccounts: '={{ $json.to }}' }), { items }));
		const { run } = await tencentEngine(sb.url).run(wf);
		expect(itemsOf(run, 'Ok').map((o) => o.json.status)).toEqual(['sent']);
		const err = itemsOf(run, 'Err');
		expect(err).toHaveLength(1);
		expect(err[0].json.error).toMatch(/^Invalid "Receiver User IDs" in item 1/);
		expect(err[0].json.details).toMatchObject({ description: expect.stringMatching(/Nothing was sent/) });
	});
});
