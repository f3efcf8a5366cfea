/* eslint-disable */
// Output samples for the operations' output schemas (n8n `__schema__`): when RTC_SCHEMA_SAMPLES
// names a folder, every engine run appends the successful output items of the package's nodes to
// `<folder>/<pid>.jsonl`, keyed by node type, version, resource and operation. The test suite runs
// every operation, so `npm run schemas` (scripts/output-schemas.ts) derives the schemas from what
// the nodes really output, and a test checks each operation has one.
import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { IDataObject, IRun, IWorkflowBase } from 'n8n-workflow';

export interface OutputSample {
	type: string;
	/** The node's typeVersion (outputs may differ by version: README → Outputs). */
	version?: number;
	resource?: string;
	operation?: string;
	items: IDataObject[];
}

const PACKAGE_PREFIX = 'n8n-nodes-rtc-messaging.';

export function recordOutputSamples(wf: IWorkflowBase, run: IRun | undefined): void {
	const folder = process.env.RTC_SCHEMA_SAMPLES;
	if (!folder || !run) return;
	const lines: string[] = [];
	for (const node of wf.nodes) {
		if (!node.type.startsWith(PACKAGE_PREFIX)) continue;
		const items = (run.data.resultData.runData[node.name]?.[0]?.data?.main?.[0] ?? [])
			.map((i) => i.json)
			.filter((j) => j && typeof j === 'object' && !('error' in j));
		if (items.length === 0) continue;
		const p = node.parameters as IDataObject;
		const sample: OutputSample = { type: node.type.slice(PACKAGE_PREFIX.length), version: node.typeVersion, items: items.slice(0, 20) };
		if (typeof p.resource === 'string') sample.resource = p.resource;
		if (typeof p.operation === 'string') sample.operation = p.operation;
		lines.push(JSON.stringify(sample, (_k, v) => (typeof v === 'bigint' ? v.toString() : v)));
	}
	if (lines.length === 0) return;
	mkdirSync(folder, { recursive: true });
	appendFileSync(join(folder, `${process.pid}.jsonl`), `${lines.join('\n')}\n`);
}
