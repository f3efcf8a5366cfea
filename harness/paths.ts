/* eslint-disable */
// Where the repository is, from harness/*.ts (ts-jest) or .tools/harness/*.js (compiled tools).
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The repository root: the nearest folder above this file that has examples/. */
export function repoRoot(): string {
	for (let d = __dirname, i = 0; i < 4; i++, d = resolve(d, '..')) if (existsSync(join(d, 'examples'))) return d;
	throw new Error(`examples/ not found above ${__dirname}`);
}

/** A file of examples/. */
export const examplePath = (name: string) => join(repoRoot(), 'examples', name);
