/* eslint-disable */
// n8n output schemas (`__schema__`, issue 16): every operation of every version of both action
// nodes, and both triggers, ship a schema so n8n's schema view and AI-agent tools know the shape
// before a run; the schemas are derived from real runs (`npm run schemas`), and a real run's output
// fits its schema. Real WorkflowExecute against the sandbox.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadOutputSchema, resolveOutputSchemaPath } from 'n8n-core';
import { repoRoot } from '../harness/paths';
import type { IDataObject } from 'n8n-workflow';
import { operations as tencentOperations } from '../nodes/TencentChat/v1/actions/node.type';
import { operations as volcengineOperations } from '../nodes/VolcengineRtc/v1/actions/node.type';
import { schemaFile, type JsonSchema } from '../scripts/output-schemas';
import { outputOf } from '../harness/engine';
import { tencentWorkflow, volcWorkflow } from '../harness/fixtures';
import { tencentEngine, volcengineEngine } from '../harness/registry';
import { startSandbox, type RtcSandbox } from '../sandbox/server';

const NODES: Array<[string, Record<string, Record<string, unknown>>, string[]]> = [
	['volcengineRtc', volcengineOperations as never, ['1.0.0', '1.1.0']],
	['tencentChat', tencentOperations as never, ['1.0.0', '1.1.0']],
];

const DIRS: Record<string, string> = { volcengineRtc: 'VolcengineRtc', tencentChat: 'TencentChat' };
const read = (file: string): JsonSchema => JSON.parse(readFileSync(file, 'utf8'));

/** Keys of a value the schema does not describe (top level and one level into objects). */
function undescribed(value: IDataObject, schema: JsonSchema): string[] {
	const out: string[] = [];
	for (const [k, v] of Object.entries(value)) {
		const s = schema.properties?.[k];
		if (!s) out.push(k);
		else if (v && typeof v === 'object' && !Array.isArray(v) && s.properties) for (const kk of Object.keys(v)) if (!s.properties[kk]) out.push(`${k}.${kk}`);
	}
	return out;
}

describe('every operation has an output schema', () => {
	for (const [type, ops, versions] of NODES) {
		const pairs = Object.entries(ops).flatMap(([resource, byOp]) => Object.keys(byOp).map((operation) => [resource, operation] as const));
		test.each(versions)(`${type} v%s: n8n's own resolver finds one schema per operation (${pairs.length} operations)`, (version) => {
			// n8n-core's loader (nodes-loader/output-schema-resolver), exact version, no fallback.
			const nodeDir = join(repoRoot(), 'nodes', DIRS[type]);
			const ref = (resource: string, operation: string) => ({ nodeDir, version: Number(version.split('.').slice(0, 2).join('.')), resource, operation });
			const missing = pairs.filter(([resource, operation]) => !loadOutputSchema(ref(resource, operation) as never)).map(([r, o]) => `${r}.${o}`);
			expect(missing).toEqual([]);
			for (const [resource, operation] of pairs) {
				expect(resolveOutputSchemaPath(ref(resource, operation) as never)).toBe(schemaFile(type, version, resource, operation));
				const schema = read(schemaFile(type, version, resource, operation));
				expect(['object', 'array']).toContain(Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type);
			}
		});
	}
	test.each(['volcengineRtcTrigger', 'tencentChatTrigger'])('%s: an output schema with the lifted fields', (type) => {
		const schema = read(schemaFile(type, '1.0.0'));
		for (const k of ['event', 'text', 'from', 'body']) expect(schema.properties).toHaveProperty(k);
	});
});

describe('a real run fits the schema of its version', () => {
	let sb: RtcSandbox;
	beforeAll(async () => {
		sb = await startSandbox();
	});
	afterAll(() => sb.close());

	test('Volcengine Send to Users, 1.1 and 1: no undescribed field, and the versions differ where README → Outputs says', async () => {
		sb.configure({ volcengine: { failReceivers: ['2'] } });
		const v11 = outputOf((await volcengineEngine(sb.url).run(volcWorkflow({ resource: 'message', operation: 'sendToUsers', sender: '10001', text: 'hi', receivers: '1,2' }, { typeVersion: 1.1 }))).run, 'Node')[0] as IDataObject;
		const v1 = outputOf((await volcengineEngine(sb.url).run(volcWorkflow({ resource: 'message', operation: 'sendToUsers', sender: '10001', msgType: 10001, content: 'x', receivers: '1,2' }))).run, 'Node')[0] as IDataObject;
		const s11 = read(schemaFile('volcengineRtc', '1.1.0', 'message', 'sendToUsers'));
		const s1 = read(schemaFile('volcengineRtc', '1.0.0', 'message', 'sendToUsers'));
		expect(undescribed(v11, s11)).toEqual([]);
		expect(undescribed(v1, s1)).toEqual([]);
		expect(s11.properties).toHaveProperty('failed');
		expect(s1.properties).toHaveProperty('failedReceivers');
		expect(s11.properties).not.toHaveProperty('failedReceivers');
	});

	test('Tencent Send to Users, 1.1: no undescribed field', async () => {
		sb.seedTencentAccounts(['a', 'b']);
		const out = outputOf((await tencentEngine(sb.url).run(tencentWorkflow({ resource: 'message', operation: 'sendToUsers', toAccounts: 'a,b', messageFormat: 'text', text: 'hi' }, { typeVersion: 1.1 }))).run, 'Node')[0] as IDataObject;
		expect(undescribed(out, read(schemaFile('tencentChat', '1.1.0', 'message', 'sendToUsers')))).toEqual([]);
	});
});
