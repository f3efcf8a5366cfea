/* eslint-disable */
// What the issue-14 group test files share: request bodies as the sandbox parsed them, a group
// locator value, and a real n8n list-search context (n8n-core's LoadOptionsContext) for the node.
import { createEngine, TestCredentials } from '../../harness/engine';
import { LoadOptionsContext } from 'n8n-core';
import { NodeHelpers, Workflow, type ILoadOptionsFunctions, type INode, type INodeListSearchResult, type IWorkflowExecuteAdditionalData } from 'n8n-workflow';
import { PKG } from '../../harness/fixtures';
import { tencentCredentials } from '../../harness/credentials';
import { TencentChat } from '../../nodes/TencentChat/TencentChat.node';
import { TencentChatApi } from '../../credentials/TencentChatApi.credentials';
import type { RtcSandbox } from '../../sandbox/server';

void createEngine; // the harness import sets up n8n-core (user folder, secret scan) first

/** A resource-locator value as the editor saves it. */
export const rl = (value: string, mode: 'id' | 'list' = 'id') => ({ __rl: true, mode, value });

/** Parsed bodies of one path, in arrival order (needs `logBodies`). */
export const bodiesOf = (sb: RtcSandbox, path: string) => sb.state.tencent.requests.filter((r) => r.path.endsWith(path)).map((r) => r.body as any);

/** Runs the node's `methods.listSearch[name]` in a real n8n load-options context against the sandbox. */
export async function listSearch(sb: RtcSandbox, name: string, filter?: string, token?: string): Promise<INodeListSearchResult> {
	const node: INode = {
		id: 'node', name: 'Node', type: `${PKG}.tencentChat`, typeVersion: 1, position: [0, 0],
		parameters: { resource: 'group', operation: 'get' }, credentials: { tencentChatApi: { id: '1', name: 'test account' } },
	};
	const type = new TencentChat();
	const nodeTypes = { getByName: () => type, getByNameAndVersion: (_t: string, v?: number) => NodeHelpers.getVersionedNodeType(type, v), getKnownTypes: () => ({}) };
	const workflow = new Workflow({ id: 'w', nodes: [node], connections: {}, active: false, nodeTypes: nodeTypes as any, staticData: {} });
	const credentialsHelper = new TestCredentials({ tencentChatApi: new TencentChatApi() }, { tencentChatApi: tencentCredentials(sb.url) });
	const additionalData = { credentialsHelper, executionId: '1', variables: {}, restApiUrl: 'http://localhost:5678/rest', instanceBaseUrl: 'http://localhost:5678' } as unknown as IWorkflowExecuteAdditionalData;
	const ctx: ILoadOptionsFunctions = new LoadOptionsContext(workflow, node, additionalData, 'parameters.group');
	const method = NodeHelpers.getVersionedNodeType(type, 1).methods!.listSearch![name];
	return await method.call(ctx, filter, token);
}
