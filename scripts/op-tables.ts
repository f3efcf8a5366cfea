/* eslint-disable */
// `npm run docs:ops`: writes README.md's two Operations tables from the operation definitions —
// every operation's `doc` ({ api, limits }, nodes/shared/engine/defineOperation.ts), in the order
// of the node's Resource selector and, per resource, of its Operation selector. The tables stand
// between the markers `<!-- operations:<node> -->` and `<!-- /operations:<node> -->`; the prose
// around them is left as it is. test/op-tables.test.ts fails when the README is not what this
// writes, or when an operation has no `doc`.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../harness/paths';
import type { ResourceEntry } from '../nodes/shared/engine/defineNode';
import { selectorOrder, type DefinedOperation } from '../nodes/shared/engine/defineOperation';
import { resources as tencentResources } from '../nodes/TencentChat/v1/actions/versionDescription';
import { resources as volcengineResources } from '../nodes/VolcengineRtc/v1/actions/versionDescription';

/** The node's marker name and its resources, as the README lists them. */
export const TABLES: Array<{ marker: string; resources: ResourceEntry[] }> = [
	{ marker: 'volcengine', resources: volcengineResources },
	{ marker: 'tencent', resources: tencentResources },
];

export const README = join(repoRoot(), 'README.md');

const HEADER = ['| Resource → Operation | API | What the node does about limits |', '|---|---|---|'];

/** A cell's text on one line, with the table's separator escaped. */
const cell = (text: string) => text.replace(/\s*\n\s*/g, ' ').replace(/(?<!\\)\|/g, '\\|');

/** Each resource's operations, in selector order. */
function operationsOf(resource: ResourceEntry): DefinedOperation[] {
	return selectorOrder(Object.values(resource.resource.operations) as DefinedOperation[]);
}

/** "Resource → Operation" of every operation that has no `doc`. */
export function missingDocs(): string[] {
	return TABLES.flatMap(({ resources }) =>
		resources.flatMap((r) => operationsOf(r).filter((op) => !op.doc).map((op) => `${r.name} → ${op.option.name}`)),
	);
}

/** The table of one node: one row per operation (an operation without `doc` shows empty cells). */
export function renderTable(resources: ResourceEntry[]): string {
	const rows = resources.flatMap((r) =>
		operationsOf(r).map((op) => `| ${cell(`${r.name} → ${op.option.name}`)} | ${cell(op.doc?.api ?? '')} | ${cell(op.doc?.limits ?? '')} |`),
	);
	return [...HEADER, ...rows].join('\n');
}

/** The README with every table between its markers written anew; throws when a marker is missing. */
export function renderReadme(readme: string): string {
	let out = readme;
	for (const { marker, resources } of TABLES) {
		const open = `<!-- operations:${marker} -->`;
		const close = `<!-- /operations:${marker} -->`;
		const from = out.indexOf(open);
		const to = out.indexOf(close);
		if (from < 0 || to < from) throw new Error(`README.md has no "${open}" … "${close}" markers`);
		// Blank lines around the table: markdown ends the comment block before it and the table before the closing one.
		out = `${out.slice(0, from + open.length)}\n\n${renderTable(resources)}\n\n${out.slice(to)}`;
	}
	return out;
}

if (require.main === module) {
	const before = readFileSync(README, 'utf8');
	const after = renderReadme(before);
	const missing = missingDocs();
	if (missing.length) process.stderr.write(`operations without doc (empty rows): ${missing.join(', ')}\n`);
	if (after === before) process.stdout.write('README.md: Operations tables up to date\n');
	else {
		writeFileSync(README, after);
		process.stdout.write('README.md: Operations tables written\n');
	}
}
