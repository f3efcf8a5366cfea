/* eslint-disable */
// A diff in these snapshots means a node's parameters changed: make it a new (light) version, or
// accept it deliberately (`npx jest -u`) when nothing released depends on it.
import '../harness/engine';
import type { INodeProperties, INodeTypeDescription, IVersionedNodeType } from 'n8n-workflow';
import { TencentChat } from '../nodes/TencentChat/TencentChat.node';
import { TencentChatTrigger } from '../nodes/TencentChatTrigger/TencentChatTrigger.node';
import { VolcengineRtc } from '../nodes/VolcengineRtc/VolcengineRtc.node';
import { VolcengineRtcTrigger } from '../nodes/VolcengineRtcTrigger/VolcengineRtcTrigger.node';
import { TencentChatApi } from '../credentials/TencentChatApi.credentials';
import { VolcengineRtcApi } from '../credentials/VolcengineRtcApi.credentials';

/** What a workflow depends on: names, types, defaults, options and where each field shows. */
function shape(props: INodeProperties[]): unknown[] {
	return props.map((p) => ({
		name: p.name,
		type: p.type,
		default: p.default,
		...(p.required ? { required: true } : {}),
		...(p.displayOptions ? { show: p.displayOptions.show, hide: p.displayOptions.hide } : {}),
		...(p.options
			? {
					options: (p.options as any[]).map((o) =>
						'values' in o ? { name: o.name, values: shape(o.values) } : 'value' in o ? o.value : shape([o])[0],
					),
				}
			: {}),
	}));
}

const nodes: Array<[string, IVersionedNodeType]> = [
	['volcengineRtc', new VolcengineRtc()],
	['tencentChat', new TencentChat()],
	['volcengineRtcTrigger', new VolcengineRtcTrigger()],
	['tencentChatTrigger', new TencentChatTrigger()],
];

describe.each(nodes)('%s', (_name, node) => {
	test.each(Object.keys(node.nodeVersions).map(Number))('version %s parameters', (v) => {
		const d = node.nodeVersions[v].description as INodeTypeDescription;
		expect({ name: d.name, version: d.version, credentials: d.credentials, properties: shape(d.properties) }).toMatchSnapshot();
	});

	test('every operation option has an action sentence and a description', () => {
		for (const v of Object.values(node.nodeVersions)) {
			for (const p of (v.description as INodeTypeDescription).properties.filter((x) => x.name === 'operation')) {
				for (const o of p.options as any[]) {
					expect(typeof o.action).toBe('string');
					expect(o.description).toBeTruthy();
				}
			}
		}
	});
});

test.each([
	['volcengineRtcApi', new VolcengineRtcApi()],
	['tencentChatApi', new TencentChatApi()],
])('credential %s fields', (_n, c) => {
	expect(shape(c.properties)).toMatchSnapshot();
});
