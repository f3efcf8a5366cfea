/* eslint-disable */
// n8n-node lint runs on the whole project; test code may use node:http, process, n8n-core.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// n8n-core writes <N8N_USER_FOLDER>/.n8n/config on first use: keep it out of HOME.
// Must run before n8n-core is imported. jest gives every test file its own process.env.
if (!process.env.N8N_USER_FOLDER) {
	const userFolder = mkdtempSync(join(tmpdir(), 'n8n-jest-'));
	process.env.N8N_USER_FOLDER = userFolder;
	if (typeof afterAll === 'function') afterAll(() => rmSync(userFolder, { recursive: true, force: true }));
	else process.on('exit', () => rmSync(userFolder, { recursive: true, force: true }));
}

import { ExecutionLifecycleHooks, HookContext, WebhookContext, WorkflowExecute } from 'n8n-core';
import { installSecretScan, scanForSecrets } from './secrets';

installSecretScan();
import {
	ICredentialsHelper, NodeConnectionTypes, NodeHelpers, Workflow, createRunExecutionData,
	type ICredentialDataDecryptedObject, type ICredentialType, type ICredentials, type IDataObject,
	type IHttpRequestOptions, type INodeCredentialsDetails, type INodeExecutionData,
	type INodeProperties, type INodeType, type INodeTypes, type IRun, type ITriggerFunctions,
	type ITriggerResponse, type IVersionedNodeType, type IWebhookData, type IWorkflowBase,
	type IWorkflowExecuteAdditionalData, type WorkflowExecuteMode,
} from 'n8n-workflow';

type AnyNodeType = INodeType | IVersionedNodeType;

/** Stand-in for n8n-nodes-base.manualTrigger: same type name, emits one empty item. */
export class ManualTrigger implements INodeType {
	description = {
		displayName: 'Manual Trigger', name: 'manualTrigger', group: ['trigger'], version: 1,
		description: 'Manual trigger for tests', defaults: { name: 'Start' },
		inputs: [], outputs: [NodeConnectionTypes.Main], properties: [],
	} as INodeType['description'];

	async trigger(this: ITriggerFunctions): Promise<ITriggerResponse> {
		return { manualTriggerFunction: async () => this.emit([this.helpers.returnJsonArray([{}])]) };
	}
}

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

export function createEngine(opts: EngineOptions) {
	const credentialsHelper = new TestCredentials(opts.credentialTypes ?? {}, opts.credentials ?? {});
	const registry = new NodeRegistry({ 'n8n-nodes-base.manualTrigger': new ManualTrigger(), ...opts.nodeTypes });

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

		/** Like "Execute workflow" in the editor: runs from the start node. */
		async run(wf: IWorkflowBase) {
			const workflow = toWorkflow(wf);
			const { hooks, order, finished } = hooksFor('manual', wf);
			await new WorkflowExecute(additionalData(credentialsHelper, { hooks }), 'manual').run({
				workflow, startNode: workflow.getStartNode(),
			});
			const run = await finished;
			scanForSecrets(`run of ${wf.name}`, run);
			return { run, order };
		},

		/** Calls webhookMethods.default[method] as n8n does on (de)activation. Reuse staticData across calls. */
		async webhookMethod(wf: IWorkflowBase, nodeName: string, method: 'checkExists' | 'create' | 'delete', staticData: IDataObject = {}) {
			const workflow = toWorkflow(wf, staticData);
			const ad = additionalData(credentialsHelper);
			const node = workflow.getNode(nodeName)!;
			const ctx = new HookContext(workflow, node, ad, 'trigger', 'activate', webhookData(workflow, nodeName, ad));
			const type = workflow.nodeTypes.getByNameAndVersion(node.type, node.typeVersion);
			return await type.webhookMethods!.default![method]!.call(ctx);
		},

		/** Delivers one HTTP request to a webhook node, then runs the downstream nodes with its output. */
		async webhook(wf: IWorkflowBase, nodeName: string, req: { headers?: IDataObject; body?: unknown; query?: IDataObject }) {
			const workflow = toWorkflow(wf);
			const sent: { status: number; body?: unknown } = { status: 200 };
			const res = {
				status(code: number) { sent.status = code; return res; },
				json(body: unknown) { sent.body = body; return res; },
				send(body: unknown) { sent.body = body; return res; },
				end(body?: unknown) { if (body !== undefined) sent.body = body; return res; },
				setHeader() { return res; },
			};
			const { hooks, order, finished } = hooksFor('webhook', wf);
			const ad = additionalData(credentialsHelper, {
				hooks,
				httpRequest: { headers: {}, query: {}, params: {}, body: {}, ...req } as never,
				httpResponse: res as never,
			});
			const node = workflow.getNode(nodeName)!;
			const type = workflow.nodeTypes.getByNameAndVersion(node.type, node.typeVersion);
			const ctx = new WebhookContext(workflow, node, ad, 'webhook', webhookData(workflow, nodeName, ad), [], null);
			const response = await type.webhook!.call(ctx);
			scanForSecrets(`webhook answer of ${wf.name}`, sent);
			if (!response.workflowData) return { response, sent, run: undefined, order };
			const runData = createRunExecutionData({
				executionData: {
					nodeExecutionStack: [{ node, data: { main: response.workflowData as INodeExecutionData[][] }, source: null }],
				},
			});
			await new WorkflowExecute(ad, 'webhook', runData).processRunExecutionData(workflow);
			const run = await finished;
			scanForSecrets(`webhook run of ${wf.name}`, run);
			return { response, sent, run, order };
		},
	};
}

/** JSON of the items a node produced (first run, first output). */
export const outputOf = (run: IRun, nodeName: string) =>
	run.data.resultData.runData[nodeName]?.[0]?.data?.main[0]?.map((i) => i.json) ?? [];
