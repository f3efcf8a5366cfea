/* eslint-disable */
// The canvas subtitle says the operation in words, evaluated by n8n's own expression engine.
import { Workflow, type INodeTypes } from 'n8n-workflow';
import { TencentChat } from '../nodes/TencentChat/TencentChat.node';
import { VolcengineRtc } from '../nodes/VolcengineRtc/VolcengineRtc.node';

function subtitleOf(nodeType: VolcengineRtc | TencentChat, type: string, parameters: Record<string, string>): unknown {
	const desc = nodeType.description as any;
	const nodeTypes: INodeTypes = { getByName: () => nodeType, getByNameAndVersion: () => nodeType.getNodeType(), getKnownTypes: () => ({}) } as any;
	const node = { id: 'n', name: 'N', type, typeVersion: desc.defaultVersion, position: [0, 0] as [number, number], parameters };
	const wf = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
	return wf.expression.getSimpleParameterValue(node, desc.subtitle ?? nodeType.getNodeType().description.subtitle, 'internal', {});
}

test('Volcengine and Tencent subtitles are the action sentences, told apart', () => {
	const v = subtitleOf(new VolcengineRtc(), 'x.volcengineRtc', { resource: 'message', operation: 'sendToUsers' });
	const t = subtitleOf(new TencentChat(), 'x.tencentChat', { resource: 'message', operation: 'sendToUsers' });
	expect(v).toBe('Send a message to users');
	expect(t).toBe('Send a message to many users');
	expect(subtitleOf(new TencentChat(), 'x.tencentChat', { resource: 'group', operation: 'listAll' })).toBe('List all groups');
});

test('an operation the map does not know falls back to its value', () => {
	expect(subtitleOf(new TencentChat(), 'x.tencentChat', { resource: 'group', operation: 'nope' })).toBe('nope');
});
