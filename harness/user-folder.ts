/* eslint-disable */
// n8n-core writes <N8N_USER_FOLDER>/.n8n/config on first use: keep it out of HOME. Imported first
// by harness/engine.ts, so it runs before n8n-core is loaded. jest gives every test file its own
// process.env; a script gets one folder per process.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

if (!process.env.N8N_USER_FOLDER) {
	const userFolder = mkdtempSync(join(tmpdir(), 'n8n-jest-'));
	process.env.N8N_USER_FOLDER = userFolder;
	if (typeof afterAll === 'function') afterAll(() => rmSync(userFolder, { recursive: true, force: true }));
	else process.on('exit', () => rmSync(userFolder, { recursive: true, force: true }));
}
