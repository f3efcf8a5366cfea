/* eslint-disable */
// The engine harness, the one place tests, scripts and bench run nodes: n8n's real WorkflowExecute
// (manual runs), HookContext (webhookMethods on activation) and WebhookContext (webhook requests),
// with plain credentials handed to the credential type's own authenticate(), and each workflow's
// static data kept between requests the way n8n keeps it (see webhook() below). Every run and
// webhook answer is scanned for secrets (harness/secrets.ts).
import './user-folder'; // sets N8N_USER_FOLDER: must run before n8n-core is imported
import { ExecutionLifecycleHooks, HookContext, WebhookContext, WorkflowExecute } from 'n8n-core';
import { recordOutputSamples } from './schemaSamples';
import { installSecretScan, scanForSecrets } from './secrets';
import { ManualTrigger } from './standins';

installSecretScan();
import {
	ICredentialsHelper, NodeHelpers, Workflow, createRunExecutionData,
	type ICredentialDataDecryptedObject, type ICredentialType, type ICredentials, type IDataObject,
	type IHttpRequestOptions, type INodeCredentialsDetails, type INodeExecutionData,
	type INodeProperties, type INodeType, type INodeTypes, type IRun, type IVersionedNodeType,
	type IWebhookData, type IWebhookResponseData, type IWorkflowBase,
	type IWorkflowExecuteAdditionalData, type WorkflowExecuteMode,
} from 'n8n-workflow';
import type { IncomingHttpHeaders } from 'node:http';

export { ManualTrigger };
export type AnyNodeType = INodeType | IVersionedNodeType;

class NodeRegistry implements INodeTypes {
	constructor(private readonly types: Record<string, AnyNodeType>) {}
	getByName(type: string): AnyNodeType {
		const found = this.types[type];
		if (!found) throw new Error(`node type not registered in test: ${type}`);
		return found;
	}
	getByNameAndVersion(type: string, version?: number): INodeType {
		return NodeHelpers.getVersionedNodeType(this.getByName(type), version); // handles VersionedNodeType
	}
	getKnownTypes() {
		return {};
	}
}

/** Hands plain test credentials to nodes and runs the credential type's authenticate(). */
export class TestCredentials extends ICredentialsHelper {
	readonly authenticated: string[] = [];
	constructor(
		private readonly types: Record<string, ICredentialType>,
		private readonly data: Record<string, ICredentialDataDecryptedObject>,
	) { super(); }
	getParentTypes(name: string) { return this.types[name]?.extends ?? []; }
	isCredentialUsableByNode() { return true; }
	async authenticate(creds: ICredentialDataDecryptedObject, typeName: string, options: IHttpRequestOptions) {
		this.authenticated.push(typeName);
		const type = this.types[typeName];
		const auth = type?.authenticate;
		// call it as a method, as n8n does: `this` is the credential type
		if (typeof auth === 'function') return await auth.call(type, creds, options);
		if (auth) throw new Error('generic (declarative) authenticate is not resolved by this helper');
		return options;
	}
	async preAuthentication() { return undefined; }
	async runPreAuthentication() { return undefined; }
	async getCredentials(_d: INodeCredentialsDetails, _t: string): Promise<ICredentials> {
		throw new Error('not needed in tests');
	}
	async getDecrypted(_a: IWorkflowExecuteAdditionalData, _d: INodeCredentialsDetails, type: string) {
		const found = this.data[type];
		if (!found) throw new Error(`no test credentials of type ${type}`);
		return { ...found }; // note: property defaults are NOT filled in; pass every field
	}
	async updateCredentials() {}
	async updateCredentialsOauthTokenData() {}
	getCredentialsProperties(type: string): INodeProperties[] { return this.types[type]?.properties ?? []; }
}

export interface EngineOptions {
	nodeTypes: Record<string, AnyNodeType>;          // key = type name used in workflow JSON
	credentialTypes?: Record<string, ICredentialType>; // key = credential type name
	credentials?: Record<string, ICredentialDataDecryptedObject>;
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

export interface WebhookRequestInput {
	headers?: IDataObject | IncomingHttpHeaders;
	query?: IDataObject;
	body?: unknown;
	/** The bytes as received; n8n keeps them as `req.rawBody`. Omit to test the fallback. */
	rawBody?: Buffer;
	/**
	 * "webhook" (default): the production URL. "manual": the editor's test URL ("Listen for test
	 * event"): the node sees getMode() "manual" and n8n's test static data, which is kept apart from
	 * the production one (here: a store of its own per workflow).
	 */
	mode?: 'webhook' | 'manual';
}

export interface WebhookResult {
	response: IWebhookResponseData;
	/** What the node wrote through getResponseObject(). `written` is false when it wrote nothing. */
	sent: { status: number; body?: unknown; written: boolean };
	run?: IRun;
	order: string[];
}

const BASE = 'http://localhost:5678';

function additionalData(credentialsHelper: ICredentialsHelper, extra: Partial<IWorkflowExecuteAdditionalData> = {}) {
	return {
		executionId: '1', credentialsHelper, currentNodeExecutionIndex: 0, variables: {},
		restApiUrl: `${BASE}/rest`, instanceBaseUrl: BASE,
		webhookBaseUrl: `${BASE}/webhook`, webhookWaitingBaseUrl: `${BASE}/webhook-waiting`,
		webhookTestBaseUrl: `${BASE}/webhook-test`, formBaseUrl: `${BASE}/form`,
		formWaitingBaseUrl: `${BASE}/form-waiting`, formTestBaseUrl: `${BASE}/form-test`,
		mcpBaseUrl: `${BASE}/mcp`, mcpTestBaseUrl: `${BASE}/mcp-test`,
		logAiEvent: () => {},
		...extra,
	} as unknown as IWorkflowExecuteAdditionalData;
}

/** A JSON copy, as the database round trip gives it (ObservableObject's __dataChanged is not enumerable). */
const copyJson = (v: IDataObject): IDataObject => JSON.parse(JSON.stringify(v)) as IDataObject;

export function createEngine(opts: EngineOptions) {
	const credentialsHelper = new TestCredentials(opts.credentialTypes ?? {}, opts.credentials ?? {});
	const registry = new NodeRegistry({ 'n8n-nodes-base.manualTrigger': new ManualTrigger(), ...opts.nodeTypes });
	const staticByWorkflow = opts.savedStaticData ?? new Map<string, IDataObject>();
	const latency = opts.storageLatencyMs ?? 0;
	const storageRead = () => new Promise<void>((r) => (latency > 0 ? setTimeout(r, latency) : setImmediate(r)));
	const staticFor = (wf: IWorkflowBase) => {
		const id = String(wf.id ?? 'test');
		let s = staticByWorkflow.get(id);
		if (!s) staticByWorkflow.set(id, (s = {}));
		return s;
	};

	const toWorkflow = (wf: IWorkflowBase, staticData: IDataObject = {}) =>
		new Workflow({
			id: wf.id ?? 'test', name: wf.name, nodes: wf.nodes, connections: wf.connections,
			settings: wf.settings, active: true, nodeTypes: registry, staticData,
		});

	const hooksFor = (mode: WorkflowExecuteMode, wf: IWorkflowBase) => {
		const hooks = new ExecutionLifecycleHooks(mode, '1', wf);
		const order: string[] = [];
		hooks.addHandler('nodeExecuteAfter', (name) => void order.push(name));
		const finished = new Promise<IRun>((resolve) => hooks.addHandler('workflowExecuteAfter', (run) => resolve(run)));
		return { hooks, order, finished };
	};

	const webhookData = (workflow: Workflow, nodeName: string, ad: IWorkflowExecuteAdditionalData): IWebhookData => {
		const node = workflow.getNode(nodeName)!;
		const desc = workflow.nodeTypes.getByNameAndVersion(node.type, node.typeVersion).description.webhooks![0];
		return {
			httpMethod: desc.httpMethod as IWebhookData['httpMethod'], node: nodeName, path: String(desc.path),
			webhookDescription: desc, workflowId: workflow.id, workflowExecuteAdditionalData: ad, webhookId: node.webhookId,
		};
	};

	return {
		credentialsHelper,

		/** The static data n8n would have saved for this workflow (lifecycle and webhook calls share it). */
		staticData: staticFor,

		/** The path of the node's (first) webhook, as in its description. */
		webhookPath(wf: IWorkflowBase, nodeName: string): string {
			const node = wf.nodes.find((n) => n.name === nodeName)!;
			return String(registry.getByNameAndVersion(node.type, node.typeVersion).description.webhooks![0].path);
		},

		/** Like "Execute workflow" in the editor: runs from the start node (no saved static data). */
		async run(wf: IWorkflowBase) {
			const workflow = toWorkflow(wf);
			const { hooks, order, finished } = hooksFor('manual', wf);
			await new WorkflowExecute(additionalData(credentialsHelper, { hooks }), 'manual').run({
				workflow, startNode: workflow.getStartNode(),
			});
			const run = await finished;
			scanForSecrets(`run of ${wf.name}`, run);
			recordOutputSamples(wf, run);
			return { run, order };
		},

		/**
		 * Calls webhookMethods.default[method] as n8n does on (de)activation, on the workflow's saved
		 * static data; `mode: 'manual'` as n8n does when the editor listens for a test event.
		 */
		async webhookMethod(wf: IWorkflowBase, nodeName: string, method: 'checkExists' | 'create' | 'delete', mode: 'trigger' | 'manual' = 'trigger') {
			const workflow = toWorkflow(wf, staticFor(wf));
			const ad = additionalData(credentialsHelper);
			const node = workflow.getNode(nodeName)!;
			const ctx = new HookContext(workflow, node, ad, mode, mode === 'manual' ? 'manual' : 'activate', webhookData(workflow, nodeName, ad));
			const type = workflow.nodeTypes.getByNameAndVersion(node.type, node.typeVersion);
			return await type.webhookMethods!.default![method]!.call(ctx);
		},

		/**
		 * Delivers one HTTP request to a webhook node, then runs the downstream nodes with its output.
		 * Static data as n8n 2.41.1 handles it (packages/cli/src/webhooks/live-webhooks.ts
		 * executeWebhook): a copy loaded with the workflow when the request arrives (after a macrotask,
		 * like the database read), another macrotask before the node runs (credentials read), saved
		 * whole when the response callback fires (right after the node for a node-written answer,
		 * after the run otherwise), and only when it changed; last writer wins. Without the macrotasks
		 * a request that never waits on real I/O would finish before the next one loads, which hides
		 * the race between concurrent requests; sharing one object would hide it too, and starting from
		 * empty static data on every call would hide de-duplication.
		 */
		async webhook(wf: IWorkflowBase, nodeName: string, input: WebhookRequestInput): Promise<WebhookResult> {
			const { mode = 'webhook', ...req } = input;
			await storageRead(); // findWebhook + loadWebhookExecutionData
			const saved = mode === 'manual' ? staticFor({ ...wf, id: `${String(wf.id ?? 'test')}#test` }) : staticFor(wf);
			const workflow = toWorkflow(wf, copyJson(saved));
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
			const { hooks, order, finished } = hooksFor(mode, wf);
			const ad = additionalData(credentialsHelper, {
				hooks,
				httpRequest: { headers: {}, query: {}, params: {}, body: {}, ...req } as never,
				httpResponse: res as never,
			});
			const node = workflow.getNode(nodeName)!;
			const type = workflow.nodeTypes.getByNameAndVersion(node.type, node.typeVersion);
			const ctx = new WebhookContext(workflow, node, ad, mode, webhookData(workflow, nodeName, ad), [], null);
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
			await new WorkflowExecute(ad, mode, runData).processRunExecutionData(workflow);
			const run = await finished;
			save();
			scanForSecrets(`webhook run of ${wf.name}`, run);
			recordOutputSamples(wf, run);
			return { response, sent, run, order };
		},
	};
}

export type Engine = ReturnType<typeof createEngine>;

/** JSON of the items a node produced (first run, first output). */
export const outputOf = (run: IRun, nodeName: string) =>
	run.data.resultData.runData[nodeName]?.[0]?.data?.main[0]?.map((i) => i.json) ?? [];
