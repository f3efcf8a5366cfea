/* eslint-disable */
// The fault soak: many receivers on both vendors through the real engine, against a sandbox that
// injects 5xx, resets, throttles and lost responses; then every receiver is checked against the
// sandbox's state. Used by `npm run soak` (scripts/soak.ts) and, shorter, by test/soak.test.ts.
import { sandboxEngine } from '../registry';
import { PKG } from '../fixtures';
import type { IDataObject, IWorkflowBase } from 'n8n-workflow';
import type { RtcSandbox } from '../../sandbox/server';

export interface SoakOptions {
	/** Receivers per vendor. */
	receivers: number;
	/** Receivers per input item (one item = one message to that many receivers). */
	perItem: number;
	faults: { http5xxRate: number; resetRate: number; throttleRate: number; lostRate: number };
	/** Receivers per API call (≤ 500). */
	batchSize?: number;
	/** Volcengine: resend ambiguous failures (may duplicate). */
	retryAmbiguous?: boolean;
	seed?: number;
}

export interface VendorCounts {
	receivers: number;
	deliveredOnce: number;
	/** Reported delivered by the node, and the sandbox has it exactly once. */
	reportedDelivered: number;
	reportedFailed: number;
	reportedUnknown: number;
	/** Of the "unknown" receivers, how many the sandbox actually has. */
	unknownActuallyDelivered: number;
	duplicates: number;
	/** Reported failed (not sent), yet the sandbox has it: a wrong report. */
	reportedFailedButDelivered: number;
	/** Receivers the node reported delivered but the sandbox does not have, or not reported at all. */
	silentLosses: number;
	calls: number;
}

export interface SoakResult {
	volcengine: VendorCounts;
	tencent: VendorCounts;
	faults: Record<string, number>;
	throttled: number;
	seconds: number;
}

function workflow(name: string, node: IDataObject, items: IDataObject[]): IWorkflowBase {
	return {
		id: name,
		name,
		active: false,
		settings: { executionOrder: 'v1' },
		nodes: [
			{ id: 's', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
			{ id: 'i', name: 'Items', type: 'n8n-nodes-base.code', typeVersion: 2, position: [200, 0], parameters: { jsCode: `return ${JSON.stringify(items.map((json) => ({ json })))};` } },
			{ id: 'n', name: 'Send', position: [400, 0], typeVersion: 1, ...node, onError: 'continueRegularOutput' },
		],
		connections: { Start: { main: [[{ node: 'Items', type: 'main', index: 0 }]] }, Items: { main: [[{ node: 'Send', type: 'main', index: 0 }]] } },
	} as unknown as IWorkflowBase;
}

const outputs = (run: any) => (run.data.resultData.runData.Send?.[0]?.data?.main[0] ?? []).map((i: any) => i.json);

export async function runSoak(sb: RtcSandbox, o: SoakOptions): Promise<SoakResult> {
	const t0 = Date.now();
	sb.reset();
	sb.configure({ enforceLimits: true, limitScale: 100, faults: { ...o.faults, seed: o.seed ?? 7 } });
	const items = Math.ceil(o.receivers / o.perItem);
	const volcIds = (item: number) => Array.from({ length: Math.min(o.perItem, o.receivers - item * o.perItem) }, (_, k) => String(3_000_000_000_000_000_000n + BigInt(item * o.perItem + k)));
	const tcIds = (item: number) => Array.from({ length: Math.min(o.perItem, o.receivers - item * o.perItem) }, (_, k) => `soak_${item * o.perItem + k}`);
	const allTc: string[] = [];
	for (let i = 0; i < items; i++) allTc.push(...tcIds(i));
	sb.seedTencentAccounts(allTc);

	const delivery = { maxAttempts: 10, maxRetrySeconds: 120, retryAmbiguous: o.retryAmbiguous === true, concurrency: 8 };
	const engine = sandboxEngine(sb.url);
	const volcItems = Array.from({ length: items }, (_, i) => ({ n: i, to: volcIds(i) }));
	const tcItems = Array.from({ length: items }, (_, i) => ({ n: i, to: tcIds(i) }));
	const [volcRun, tcRun] = await Promise.all([
		engine.run(
			workflow(
				'soak-volcengine',
				{
					type: `${PKG}.volcengineRtc`,
					credentials: { volcengineRtcApi: { id: '1', name: 'sandbox' } },
					parameters: { resource: 'message', operation: 'sendToUsers', sender: '10001', receivers: '={{ $json.to }}', content: '={{ "soak " + $json.n }}', msgType: 10001, options: { includeMessageIds: false, batchSize: o.batchSize ?? 100 }, delivery },
				},
				volcItems,
			),
		),
		engine.run(
			workflow(
				'soak-tencent',
				{
					type: `${PKG}.tencentChat`,
					credentials: { tencentChatApi: { id: '1', name: 'sandbox' } },
					parameters: { resource: 'message', operation: 'sendToUsers', toAccounts: '={{ $json.to }}', messageFormat: 'text', text: '={{ "soak " + $json.n }}', options: { batchSize: o.batchSize ?? 100 }, delivery },
				},
				tcItems,
			),
		),
	]);

	// ---- Volcengine: what the sandbox has, per (item, receiver)
	const volcHave = new Map<string, number>();
	for (const m of sb.state.volcengine.messages) {
		const k = `${m.content}|${m.receiver}`;
		volcHave.set(k, (volcHave.get(k) ?? 0) + 1);
	}
	const volc = check(outputs(volcRun.run), volcItems, (i, r) => volcHave.get(`soak ${i}|${r}`) ?? 0, {
		failed: (out) => [...((out.failedReceivers as string[]) ?? []), ...((out.rejectedReceivers as string[]) ?? []), ...((out.notSentReceivers as string[]) ?? [])],
		unknown: (out) => (out.unknownReceivers as string[]) ?? [],
	});
	volc.calls = sb.state.volcengine.requests.filter((r) => r.action === 'BatchSendMessage').length;

	// ---- Tencent
	const tcHave = new Map<string, number>();
	for (const m of sb.state.tencent.c2c) {
		const text = (m.msgBody as any[])[0]?.MsgContent?.Text;
		const k = `${text}|${m.to}`;
		tcHave.set(k, (tcHave.get(k) ?? 0) + 1);
	}
	const tc = check(outputs(tcRun.run), tcItems, (i, r) => tcHave.get(`soak ${i}|${r}`) ?? 0, {
		failed: (out) => [...((out.failedAccounts as any[]) ?? []).map((f) => f.account), ...((out.rejectedAccounts as string[]) ?? []), ...((out.notSentAccounts as string[]) ?? [])],
		unknown: (out) => (out.unknownAccounts as string[]) ?? [],
	});
	tc.calls = sb.state.tencent.requests.filter((r) => r.path.endsWith('batchsendmsg')).length;
	const result: SoakResult = { volcengine: volc, tencent: tc, faults: { ...sb.stats.faults }, throttled: sb.stats.throttled, seconds: (Date.now() - t0) / 1000 };
	sb.configure({ faults: { http5xxRate: 0, resetRate: 0, throttleRate: 0, lostRate: 0 } });
	return result;
}

function check(
	outs: IDataObject[],
	items: Array<{ n: number; to: string[] }>,
	have: (item: number, receiver: string) => number,
	lists: { failed: (o: IDataObject) => string[]; unknown: (o: IDataObject) => string[] },
): VendorCounts {
	const c: VendorCounts = { receivers: 0, deliveredOnce: 0, reportedDelivered: 0, reportedFailed: 0, reportedUnknown: 0, unknownActuallyDelivered: 0, duplicates: 0, reportedFailedButDelivered: 0, silentLosses: 0, calls: 0 };
	items.forEach((item, i) => {
		const out = outs[i] ?? {};
		const itemFailed = out.error !== undefined && out.status === undefined; // the whole item failed (error item)
		const failed = new Set(itemFailed ? [] : lists.failed(out));
		const unknown = new Set(itemFailed ? [] : lists.unknown(out));
		const itemUnknown = itemFailed && out.code === 'DELIVERY_UNKNOWN';
		for (const r of item.to) {
			c.receivers++;
			const n = have(item.n, r);
			if (n === 1) c.deliveredOnce++;
			if (n > 1) c.duplicates++;
			if (itemUnknown || unknown.has(r)) {
				c.reportedUnknown++;
				if (n > 0) c.unknownActuallyDelivered++;
			} else if (itemFailed || failed.has(r)) {
				c.reportedFailed++;
				if (n > 0) c.reportedFailedButDelivered++;
			} else {
				c.reportedDelivered++;
				if (n === 0) c.silentLosses++;
			}
		}
	});
	return c;
}
