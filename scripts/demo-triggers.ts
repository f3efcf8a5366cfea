/* eslint-disable */
// Trigger demo and the pieces the trigger tests share with it:
// - createTriggerEngine: the engine helper (test/helpers/n8n-engine.ts) plus a webhook() that keeps
//   each workflow's static data between requests the way n8n does: every request works on its own
//   copy, loaded when the request arrives, and the whole copy is saved (last writer wins) once the
//   node has answered (the helper's webhook() starts from empty static data on every call, which
//   would hide de-duplication; sharing one object would hide the race between concurrent requests);
// - startWebhookServer: a local HTTP front that receives real POSTs (from the sandbox's callback
//   sender) the way n8n's /webhook/<id>/<path> endpoint does, runs them through WebhookContext and
//   WorkflowExecute, and answers like n8n's webhook handler (node-written answer, "onReceived", or
//   the last node's first item for "lastNode");
// - runTriggerDemo: a Tencent group message in the sandbox → signed Group.CallbackAfterSendMsg →
//   Tencent Chat Trigger → Tencent Chat "group/sendMessage" reply that lands in the sandbox group.
import { createEngine, ManualTrigger, TestCredentials, type EngineOptions } from '../test/helpers/n8n-engine';
import { ExecutionLifecycleHooks, WebhookContext, WorkflowExecute } from 'n8n-core';
import {
	NodeHelpers,
	Workflow,
	createRunExecutionData,
	type IDataObject,
	type INodeExecutionData,
	type INodeType,
	type INodeTypes,
	type IRun,
	type IVersionedNodeType,
	type IWebhookData,
	type IWebhookResponseData,
	type IWorkflowBase,
	type IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { PKG } from '../test/helpers/fixtures';
import { scanForSecrets } from '../test/helpers/secrets';
import { Code } from '../test/helpers/standins';
import { TencentChat } from '../nodes/TencentChat/TencentChat.node';
import { TencentChatTrigger } from '../nodes/TencentChatTrigger/TencentChatTrigger.node';
import { TencentChatApi } from '../credentials/TencentChatApi.credentials';
import { SANDBOX_TENCENT } from '../sandbox/demo-credentials';
import type { RtcSandbox } from '../sandbox/server';

type AnyNodeType = INodeType | IVersionedNodeType;

const BASE = 'http://localhost:5678';

export interface WebhookRequestInput {
	headers?: IDataObject | IncomingHttpHeaders;
	query?: IDataObject;
	body?: unknown;
	/** The bytes as received; n8n keeps them as `req.rawBody`. Omit to test the fallback. */
	rawBody?: Buffer;
}

export interface WebhookResult {
	response: IWebhookResponseData;
	/** What the node wrote through getResponseObject(). `written` is false when it wrote nothing. */
	sent: { status: number; body?: unknown; written: boolean };
	run?: IRun;
	order: string[];
}

export interface TriggerEngineOptions extends EngineOptions {
	/**
	 * The "database" of saved static data, per workflow id. Pass the same map to two engines built
	 * from separately loaded node modules to model two n8n processes sharing one database.
	 */
	savedStaticData?: Map<string, IDataObject>;
	/**
	 * How long each of webhook()'s two "database reads" takes (default 0: one macrotask each). Over
	 * real sockets, copies sent at the same moment arrive a few event-loop turns apart; a latency
	 * like n8n's (a few ms per read) makes them overlap as they do in n8n.
	 */
	storageLatencyMs?: number;
}

/** A JSON copy, as the database round trip gives it (ObservableObject's __dataChanged is not enumerable). */
const copyJson = (v: IDataObject): IDataObject => JSON.parse(JSON.stringify(v)) as IDataObject;

/** The engine helper, with a webhook() whose static data persists per workflow id (as in n8n). */
export function createTriggerEngine(opts: TriggerEngineOptions) {
	const base = createEngine(opts);
	const credentialsHelper = base.credentialsHelper as TestCredentials;
	const types: Record<string, AnyNodeType> = { 'n8n-nodes-base.manualTrigger': new ManualTrigger(), ...opts.nodeTypes };
	const registry: INodeTypes = {
		getByName: (type: string) => {
			const found = types[type];
			if (!found) throw new Error(`node type not registered in test: ${type}`);
			return found;
		},
		getByNameAndVersion: (type: string, version?: number) => NodeHelpers.getVersionedNodeType(registry.getByName(type), version),
		getKnownTypes: () => ({}),
	} as INodeTypes;
	const staticByWorkflow = opts.savedStaticData ?? new Map<string, IDataObject>();
	const latency = opts.storageLatencyMs ?? 0;
	const storageRead = () => new Promise<void>((r) => (latency > 0 ? setTimeout(r, latency) : setImmediate(r)));
	const staticFor = (wf: IWorkflowBase) => {
		const id = String(wf.id ?? 'test');
		let s = staticByWorkflow.get(id);
		if (!s) staticByWorkflow.set(id, (s = {}));
		return s;
	};

	return {
		...base,
		credentialsHelper,

		/** The static data n8n would have saved for this workflow (lifecycle and webhook calls share it). */
		staticData: staticFor,

		/** The path of the node's (first) webhook, as in its description. */
		webhookPath(wf: IWorkflowBase, nodeName: string): string {
			const node = wf.nodes.find((n) => n.name === nodeName)!;
			return String(registry.getByNameAndVersion(node.type, node.typeVersion).description.webhooks![0].path);
		},

		/** Lifecycle call on the same static data as webhook(). */
		webhookMethod(wf: IWorkflowBase, nodeName: string, method: 'checkExists' | 'create' | 'delete') {
			return base.webhookMethod(wf, nodeName, method, staticFor(wf));
		},

		/**
		 * Delivers one HTTP request to a webhook node, then runs the downstream nodes with its output.
		 * Static data as n8n 2.41.1 handles it (packages/cli/src/webhooks/live-webhooks.ts
		 * executeWebhook): a copy loaded with the workflow when the request arrives (after a macrotask,
		 * like the database read), another macrotask before the node runs (credentials read), saved
		 * whole when the response callback fires (right after the node for a node-written answer,
		 * after the run otherwise), and only when it changed. Without the macrotasks a request that
		 * never waits on real I/O would finish before the next one loads, which hides the race.
		 */
		async webhook(wf: IWorkflowBase, nodeName: string, req: WebhookRequestInput): Promise<WebhookResult> {
			await storageRead(); // findWebhook + loadWebhookExecutionData
			const saved = staticFor(wf);
			const workflow = new Workflow({
				id: wf.id ?? 'test', name: wf.name, nodes: wf.nodes, connections: wf.connections,
				settings: wf.settings, active: true, nodeTypes: registry, staticData: copyJson(saved),
			});
			const save = () => {
				if ((workflow.staticData as IDataObject).__dataChanged !== true) return;
				const next = copyJson(workflow.staticData);
				for (const k of Object.keys(saved)) delete saved[k];
				Object.assign(saved, next);
				(workflow.staticData as IDataObject).__dataChanged = false;
			};
			const sent: WebhookResult['sent'] = { status: 200, written: false };
			const res = {
				status(code: number) { sent.status = code; sent.written = true; return res; },
				json(body: unknown) { sent.body = body; sent.written = true; return res; },
				send(body: unknown) { sent.body = body; sent.written = true; return res; },
				end(body?: unknown) { if (body !== undefined) sent.body = body; sent.written = true; return res; },
				setHeader() { return res; },
			};
			const hooks = new ExecutionLifecycleHooks('webhook', '1', wf);
			const order: string[] = [];
			hooks.addHandler('nodeExecuteAfter', (name) => void order.push(name));
			const finished = new Promise<IRun>((r) => hooks.addHandler('workflowExecuteAfter', (run) => r(run)));
			const ad = {
				executionId: '1', credentialsHelper, currentNodeExecutionIndex: 0, variables: {},
				restApiUrl: `${BASE}/rest`, instanceBaseUrl: BASE,
				webhookBaseUrl: `${BASE}/webhook`, webhookWaitingBaseUrl: `${BASE}/webhook-waiting`,
				webhookTestBaseUrl: `${BASE}/webhook-test`, formBaseUrl: `${BASE}/form`,
				formWaitingBaseUrl: `${BASE}/form-waiting`, formTestBaseUrl: `${BASE}/form-test`,
				mcpBaseUrl: `${BASE}/mcp`, mcpTestBaseUrl: `${BASE}/mcp-test`,
				logAiEvent: () => {},
				hooks,
				httpRequest: { headers: {}, query: {}, params: {}, body: {}, ...req } as never,
				httpResponse: res as never,
			} as unknown as IWorkflowExecuteAdditionalData;
			const node = workflow.getNode(nodeName)!;
			const type = workflow.nodeTypes.getByNameAndVersion(node.type, node.typeVersion);
			const desc = type.description.webhooks![0];
			const webhookData: IWebhookData = {
				httpMethod: desc.httpMethod as IWebhookData['httpMethod'], node: nodeName, path: String(desc.path),
				webhookDescription: desc, workflowId: workflow.id, workflowExecuteAdditionalData: ad, webhookId: node.webhookId,
			};
			const ctx = new WebhookContext(workflow, node, ad, 'webhook', webhookData, [], null);
			// n8n reads the database again before the node can look at its static data (getBase,
			// getCredentials): other requests that arrived meanwhile have loaded theirs by then.
			await storageRead();
			const response = await type.webhook!.call(ctx);
			scanForSecrets(`webhook answer of ${wf.name}`, sent);
			if (response.noWebhookResponse || !response.workflowData) save();
			if (!response.workflowData) return { response, sent, run: undefined, order };
			const runData = createRunExecutionData({
				executionData: { nodeExecutionStack: [{ node, data: { main: response.workflowData as INodeExecutionData[][] }, source: null }] },
			});
			await new WorkflowExecute(ad, 'webhook', runData).processRunExecutionData(workflow);
			const run = await finished;
			save();
			scanForSecrets(`webhook run of ${wf.name}`, run);
			return { response, sent, run, order };
		},
	};
}

export type TriggerEngine = ReturnType<typeof createTriggerEngine>;

/** First item JSON of the last node that ran: n8n's answer in "lastNode" mode (responseData firstEntryJson). */
export function lastNodeAnswer(run: IRun): unknown {
	const last = run.data.resultData.lastNodeExecuted;
	const runs = last ? run.data.resultData.runData[last] : undefined;
	return runs?.[runs.length - 1]?.data?.main?.[0]?.[0]?.json;
}

/**
 * What n8n's webhook handler sends back (packages/cli webhook-helpers): the node's own answer when it
 * wrote one (noWebhookResponse), else for "lastNode" the last node's first item (500 when the run
 * failed), else the "onReceived" default.
 */
export function n8nAnswer(wf: IWorkflowBase, nodeName: string, r: WebhookResult): { status: number; body: unknown } {
	if (r.response.noWebhookResponse) return { status: r.sent.status, body: r.sent.body };
	if (!r.response.workflowData) return { status: 200, body: r.response.webhookResponse ?? { message: 'Webhook call received' } };
	const mode = (wf.nodes.find((n) => n.name === nodeName)?.parameters?.responseMode as string | undefined) ?? 'onReceived';
	if (mode !== 'lastNode') return { status: 200, body: r.response.webhookResponse ?? { message: 'Workflow was started' } };
	if (!r.run || r.run.data.resultData.error) return { status: 500, body: { message: 'Error in workflow' } };
	const answer = lastNodeAnswer(r.run);
	return answer === undefined
		? { status: 200, body: { message: 'Workflow executed successfully but the last node did not return any data' } }
		: { status: 200, body: answer };
}

export interface ServedCall {
	query: IDataObject;
	rawBody: string;
	status: number;
	body: unknown;
	result: WebhookResult;
}

/**
 * Serves one workflow's webhook node at http://127.0.0.1:<port>/webhook/<webhookId>/<path>, like n8n:
 * query parsed into an object, JSON body parsed, raw bytes kept as rawBody (set `keepRawBody: false`
 * to test the fallback). Answers after the run (n8n answers "onReceived" before it; the answer is the same).
 */
export async function startWebhookServer(engine: TriggerEngine, wf: IWorkflowBase, nodeName: string, opts: { keepRawBody?: boolean } = {}) {
	const node = wf.nodes.find((n) => n.name === nodeName);
	if (!node?.webhookId) throw new Error(`node "${nodeName}" needs a webhookId`);
	const calls: ServedCall[] = [];
	const server: Server = createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', () => {
			void (async () => {
				const url = new URL(req.url ?? '/', 'http://127.0.0.1');
				const parts = url.pathname.split('/').filter(Boolean);
				if (req.method !== 'POST' || parts[0] !== 'webhook' || parts[1] !== node.webhookId) {
					res.writeHead(404, { 'content-type': 'application/json' });
					res.end(JSON.stringify({ message: 'The requested webhook is not registered' }));
					return;
				}
				const query: IDataObject = {};
				for (const [k, v] of url.searchParams) {
					const prev = query[k];
					query[k] = prev === undefined ? v : Array.isArray(prev) ? [...(prev as string[]), v] : [prev as string, v];
				}
				const raw = Buffer.concat(chunks);
				let body: unknown = {};
				if (String(req.headers['content-type'] ?? '').startsWith('application/json') && raw.length) {
					try {
						body = JSON.parse(raw.toString('utf8'));
					} catch {
						res.writeHead(400, { 'content-type': 'application/json' });
						res.end(JSON.stringify({ message: 'Failed to parse request body' }));
						return;
					}
				}
				try {
					const result = await engine.webhook(wf, nodeName, { headers: req.headers, query, body, rawBody: opts.keepRawBody === false ? undefined : raw });
					const answer = n8nAnswer(wf, nodeName, result);
					calls.push({ query, rawBody: raw.toString('utf8'), status: answer.status, body: answer.body, result });
					res.writeHead(answer.status, { 'content-type': 'application/json; charset=utf-8' });
					res.end(answer.body === undefined ? '' : JSON.stringify(answer.body));
				} catch (e) {
					res.writeHead(500, { 'content-type': 'application/json' });
					res.end(JSON.stringify({ message: (e as Error).message }));
				}
			})();
		});
	});
	await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
	const port = (server.address() as AddressInfo).port;
	const path = String(engine.webhookPath(wf, nodeName));
	return {
		url: `http://127.0.0.1:${port}/webhook/${node.webhookId}/${path}`,
		calls,
		/** Calls that started the workflow. */
		runs: () => calls.filter((c) => c.result.run !== undefined),
		close: () => new Promise<void>((r) => { server.closeAllConnections?.(); server.close(() => r()); }),
	};
}

// ---- the demo ------------------------------------------------------------------------------------

export const DEMO_CALLBACK_TOKEN = 'sandbox-demo-callback-token';
const TRIGGER = 'Group Message Received';

function findExample(): string {
	// scripts/demo-triggers.ts, or .tools/scripts/demo-triggers.js when compiled
	for (const d of [resolve(__dirname, '..'), resolve(__dirname, '..', '..')]) {
		const f = join(d, 'examples', 'tencent-group-reply.json');
		if (existsSync(f)) return f;
	}
	throw new Error(`examples/tencent-group-reply.json not found above ${__dirname}`);
}

/** Engine with the Tencent nodes; the credential points at the sandbox and carries the callback token. */
export function tencentTriggerEngine(sandboxUrl: string, over: IDataObject = {}) {
	return createTriggerEngine({
		nodeTypes: {
			[`${PKG}.tencentChatTrigger`]: new TencentChatTrigger(),
			[`${PKG}.tencentChat`]: new TencentChat(),
			'n8n-nodes-base.code': new Code(),
		},
		credentialTypes: { tencentChatApi: new TencentChatApi() },
		credentials: {
			tencentChatApi: {
				sdkAppId: String(SANDBOX_TENCENT.sdkAppId),
				secretKey: SANDBOX_TENCENT.secretKey,
				adminUserId: SANDBOX_TENCENT.adminUserId,
				region: 'chinaMainland',
				customEndpoint: sandboxUrl,
				userSigTtl: 604800,
				callbackToken: DEMO_CALLBACK_TOKEN,
				...over,
			},
		},
	});
}

/**
 * examples/tencent-group-reply.json, activated against the sandbox: alice posts in a group; the
 * sandbox POSTs a signed Group.CallbackAfterSendMsg to the trigger's URL; the workflow replies with
 * the Tencent Chat node (the reply forbids its own after-send callback, so it does not loop). Then
 * forged, stale, unsigned and wrong-app callbacks must be refused with 401 and start nothing.
 * True when the reply landed in the sandbox group and every check held.
 */
export async function runTriggerDemo(sb: RtcSandbox, log: (line: string) => void): Promise<boolean> {
	const problems: string[] = [];
	const wf = JSON.parse(readFileSync(findExample(), 'utf8')) as IWorkflowBase;
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

if (require.main === module) {
	// `node .tools/scripts/demo-triggers.js`: runs the trigger demo on its own.
	void (async () => {
		const { startSandbox } = await import('../sandbox/server');
		const sb = await startSandbox();
		try {
			const ok = await runTriggerDemo(sb, (l) => process.stdout.write(`${l}\n`));
			process.exitCode = ok ? 0 : 1;
		} finally {
			await sb.close();
		}
	})();
}
