/* eslint-disable */
import { readFileSync } from 'node:fs';
import { missingDocs, README, renderReadme, renderTable, TABLES } from '../scripts/op-tables';

/**
 * README.md's Operations tables are generated from the operation definitions (`doc` of every
 * operation) by `npm run docs:ops` (scripts/op-tables.ts). These tests fail when the README is not
 * what the script writes, or when an operation declares no `doc` — add one when you add an operation.
 */
describe('README Operations tables (npm run docs:ops)', () => {
	test('every operation declares its README row (doc: { api, limits })', () => {
		expect(missingDocs()).toEqual([]);
	});

	test('README.md is what scripts/op-tables.ts writes (run `npm run docs:ops`)', () => {
		const readme = readFileSync(README, 'utf8');
		expect(renderReadme(readme)).toBe(readme);
	});

	test('one row per operation, in selector order, the resource names from the Resource selector', () => {
		for (const { resources } of TABLES) {
			const rows = renderTable(resources).split('\n').slice(2);
			const want = resources.flatMap((r) =>
				Object.values(r.resource.operations)
					.map((op) => `${r.name} → ${(op as unknown as { option: { name: string } }).option.name}`)
					.sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase())),
			);
			expect(rows.map((row) => row.split(' | ')[0].slice(2))).toEqual(want);
		}
	});

	test('a missing marker is an error, not a silently unchanged README', () => {
		expect(() => renderReadme('# no tables here\n')).toThrow(/operations:volcengine/);
	});
});
