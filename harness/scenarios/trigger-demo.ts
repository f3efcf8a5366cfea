/* eslint-disable */
// The trigger demo, run by `npm run demo` (scripts/demo.ts), on its own by scripts/demo-triggers.ts,
// and by test/tencent/trigger.test.ts: a Tencent group message in the sandbox → signed
// Group.CallbackAfterSendMsg → Tencent Chat Trigger → Tencent Chat "group/sendMessage" reply that
// lands in the sandbox group; then forged, stale, unsigned and wrong-app callbacks must get 401.
import { tencentEngine } from '../registry';
import { PKG } from '../fixtures';
import { examplePath } from '../paths';
import { startWebhookServer } from '../webhook-server';
import { readFileSync } from 'node:fs';
import type { IDataObject, IWorkflowBase } from 'n8n-workflow';
import { SANDBOX_TENCENT } from '../../sandbox/demo-credentials';
import type { RtcSandbox } from '../../sandbox/server';

export const DEMO_CALLBACK_TOKEN = 'sandbox-demo-callback-token';
const TRIGGER = 'Group Message Received';

/** The sandbox engine; the Tencent credential carries the demo's callback token. */
export const tencentTriggerEngine = (sandboxUrl: string, over: IDataObject = {}) =>
	tencentEngine(sandboxUrl, { callbackToken: DEMO_CALLBACK_TOKEN, ...over });

/**
 * examples/tencent-group-reply.json, activated against the sandbox: alice posts in a group; the
 * sandbox POSTs a signed Group.CallbackAfterSendMsg to the trigger's URL; the workflow replies with
 * the Tencent Chat node (the reply forbids its own after-send callback, so it does not loop). Then
 * forged, stale, unsigned and wrong-app callbacks must be refused with 401 and start nothing.
 * True when the reply landed in the sandbox group and every check held.
 */
export async function runTriggerDemo(sb: RtcSandbox, log: (line: string) => void): Promise<boolean> {
	const problems: string[] = [];
	const wf = JSON.parse(readFileSync(examplePath('tencent-group-reply.json'), 'utf8')) as IWorkflowBase;
	wf.id = wf.id ?? 'tencent-group-reply';
	sb.reset();
	const group = sb.seedTencentGroup({ groupId: 'support', type: 'Public', members: ['alice', SANDBOX_TENCENT.adminUserId] });
	const engine = tencentTriggerEngine(sb.url);
	const server = await startWebhookServer(engine, wf, TRIGGER);
	try {
		log(`▶ ${wf.name} (examples/tencent-group-reply.json)`);
		if ((await engine.webhookMethod(wf, TRIGGER, 'checkExists')) !== false) problems.push('checkExists should be false before activation');
		await engine.webhookMethod(wf, TRIGGER, 'create');
		if ((await engine.webhookMethod(wf, TRIGGER, 'checkExists')) !== true) problems.push('checkExists should be true after create');
		log(`  activate     paste ${engine.staticData(wf)[`node:${TRIGGER}`] ? String((engine.staticData(wf)[`node:${TRIGGER}`] as IDataObject).callbackUrl) : '?'} into the Chat console (served here at ${server.url})`);
		sb.configure({ callbacks: { tencent: { url: server.url, token: DEMO_CALLBACK_TOKEN } } });

		// A user posts in the group (through the sandbox's REST API, as a client message would arrive).
		const post = await engine.run({
			id: 'alice-posts', name: 'alice posts', active: false, settings: { executionOrder: 'v1' },
			nodes: [
				{ id: '1', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
				{
					id: '2', name: 'Alice Posts', type: `${PKG}.tencentChat`, typeVersion: 1, position: [200, 0],
					parameters: { resource: 'group', operation: 'sendMessage', groupId: 'support', fromAccount: 'alice', messageFormat: 'text', text: 'My order has not arrived', options: {}, messageOptions: {} },
					credentials: { tencentChatApi: { id: '1', name: 'sandbox' } },
				},
			],
			connections: { Start: { main: [[{ node: 'Alice Posts', type: 'main', index: 0 }]] } },
		} as unknown as IWorkflowBase);
		if (post.run.status !== 'success') problems.push(`alice's message was not sent: ${post.run.data.resultData.error?.message}`);
		await sb.callbacks.settled();

		const deliveries = sb.callbacks.deliveries.filter((d) => d.vendor === 'tencent');
		const first = deliveries[0];
		log(`  callback     ${first ? `${first.event} → HTTP ${first.status} ${first.attempts[0]?.body ?? ''} in ${first.attempts[0]?.ms ?? '?'} ms` : 'none was sent'}`);
		if (deliveries.length !== 1 || first?.status !== 200) problems.push(`want exactly one callback answered 200, got ${deliveries.map((d) => d.status).join(',') || 'none'}`);
		const runs = server.runs();
		const run = runs[0]?.result.run;
		log(`  workflow     ${run ? `${run.status}: ${runs[0].result.order.join(' → ')}` : 'did not run'}`);
		if (runs.length !== 1 || run?.status !== 'success') problems.push(`want one successful run, got ${runs.length} (${run?.data.resultData.error?.message ?? run?.status ?? 'none'})`);
		const messages = group.messages.map((m) => ({ from: m.from, text: (m.msgBody as any[])?.[0]?.MsgContent?.Text }));
		for (const m of messages) log(`  group        ${m.from}: ${m.text}`);
		const replied = messages.length === 2 && messages[1].from === SANDBOX_TENCENT.adminUserId && /^Thanks alice, we got: My order has not arrived$/.test(String(messages[1].text));
		if (!replied) problems.push('the reply did not land in the group (want alice\'s message, then the admin\'s reply)');

		// Callbacks that must start nothing.
		for (const kind of ['forged', 'stale', 'unsigned', 'wrongApp'] as const) {
			const d = await sb.callbacks.send({ vendor: 'tencent', kind, command: 'Group.CallbackAfterSendMsg', body: { GroupId: 'support', From_Account: 'mallory' } });
			log(`  ${kind.padEnd(12)} → HTTP ${d.status} ${d.attempts[0]?.body ?? ''}`);
			if (d.status !== 401) problems.push(`${kind} callback answered ${d.status}, want 401`);
		}
		if (server.runs().length !== 1) problems.push(`refused callbacks started ${server.runs().length - 1} run(s)`);
		if (group.messages.length !== 2) problems.push('refused callbacks changed the group');
		await engine.webhookMethod(wf, TRIGGER, 'delete');
	} finally {
		sb.configure({ callbacks: { tencent: { url: '', token: '' } } });
		await server.close();
	}
	log(problems.length ? '  result       FAIL' : '  result       OK (reply landed; forged, stale, unsigned and wrong-app callbacks got 401 and started nothing)');
	for (const p of problems) log(`    ✗ ${p}`);
	return problems.length === 0;
}

