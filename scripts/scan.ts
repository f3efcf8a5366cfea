/* eslint-disable */
// `npm run scan`: n8n's community-package scanner (@n8n/scan-community-package), offline.
//
// The scanner's CLI (`npx @n8n/scan-community-package <name>`) needs the network: it looks the
// package up in the npm registry, checks its provenance attestation and downloads the attested
// GitHub source. None of that is possible (or meaningful) before publishing, so this script calls
// only its offline analysis function, `analyzePackage(dir, patterns)`, on the two things the CLI
// would analyse, with the same file patterns the CLI uses:
//   1. the source tree (SOURCE_FILE_PATTERNS: package.json, nodes/**, credentials/**);
//   2. the `npm pack` tarball, unpacked (compiled **/*.js and the published package.json).
// Needs `npm run build` first (the tarball contains dist/). Prints "scan: N findings" and exits
// non-zero when there is any finding.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

interface AnalysisResult {
	passed: boolean;
	message?: string;
	details?: string;
}
interface Scanner {
	analyzePackage(dir: string, patterns?: string[]): Promise<AnalysisResult>;
	SOURCE_FILE_PATTERNS: string[];
}

/** The tarball leg of analyzePackageByName (scanner.mjs): compiled JS and the published package.json. */
const TARBALL_PATTERNS = ['**/*.js', 'package.json'];

// A real ESM import (tsc would turn `import()` into require() under module=commonjs).
const importEsm = new Function('specifier', 'return import(specifier)') as (s: string) => Promise<Scanner>;

function findRoot(): string {
	for (const d of [resolve(__dirname, '..'), resolve(__dirname, '..', '..')]) if (existsSync(join(d, 'package.json')) && existsSync(join(d, 'nodes'))) return d;
	throw new Error(`package root not found above ${__dirname}`);
}

/** "✖ 3 problems (2 errors, 1 warning)" in ESLint's stylish output → 2 (the scanner fails on errors only). */
function errorCount(r: AnalysisResult): number {
	if (r.passed) return 0;
	const m = /(\d+) errors?/.exec(r.details ?? '');
	return m ? Number(m[1]) : 1;
}

async function main() {
	const root = findRoot();
	if (!existsSync(join(root, 'dist'))) throw new Error('dist/ is missing: run `npm run build` first');
	const scannerPath = require.resolve('@n8n/scan-community-package/scanner/scanner.mjs', { paths: [root] });
	const { analyzePackage, SOURCE_FILE_PATTERNS } = await importEsm(scannerPath);

	const work = mkdtempSync(join(tmpdir(), 'rtc-scan-'));
	let findings = 0;
	try {
		const t0 = Date.now();
		const source = await analyzePackage(root, SOURCE_FILE_PATTERNS);
		const sourceFindings = errorCount(source);
		findings += sourceFindings;
		process.stdout.write(`scan: source (${SOURCE_FILE_PATTERNS.join(', ')}): ${sourceFindings} findings${source.message ? ` — ${source.message}` : ''} (${Date.now() - t0} ms)\n`);
		if (source.details) process.stdout.write(`${source.details}\n`);

		const t1 = Date.now();
		execFileSync('npm', ['pack', '--ignore-scripts', '--silent', '--pack-destination', work], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
		const tarball = readdirSync(work).find((f) => f.endsWith('.tgz'));
		if (!tarball) throw new Error('npm pack produced no tarball');
		const unpacked = join(work, 'package');
		execFileSync('tar', ['-xzf', join(work, tarball), '-C', work]);
		const packed = await analyzePackage(unpacked, TARBALL_PATTERNS);
		const packedFindings = errorCount(packed);
		findings += packedFindings;
		process.stdout.write(`scan: npm pack output ${tarball} (${TARBALL_PATTERNS.join(', ')}): ${packedFindings} findings${packed.message ? ` — ${packed.message}` : ''} (${Date.now() - t1} ms)\n`);
		if (packed.details) process.stdout.write(`${packed.details}\n`);
	} finally {
		rmSync(work, { recursive: true, force: true });
	}
	process.stdout.write(`scan: ${findings} findings\n`);
	process.exitCode = findings ? 1 : 0;
}

main().catch((e) => {
	process.stderr.write(`scan failed: ${(e as Error).stack ?? e}\n`);
	process.exitCode = 2;
});
