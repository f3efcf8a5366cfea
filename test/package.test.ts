/* eslint-disable */
// Packaging test (n8n-testing.md §5): the files `npm pack` would publish are copied into
// <tmp>/node_modules/<package name>/ and loaded with n8n-core's PackageDirectoryLoader, as n8n loads
// an installed community package. Needs `npm run build` first; skipped when dist/ is missing.
if (!process.env.N8N_LOG_LEVEL) process.env.N8N_LOG_LEVEL = 'silent';
import '../harness/engine'; // sets N8N_USER_FOLDER before n8n-core is imported
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { PackageDirectoryLoader } from 'n8n-core';

const ROOT = join(__dirname, '..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const nodePaths: string[] = pkg.n8n?.nodes ?? [];
const credentialPaths: string[] = pkg.n8n?.credentials ?? [];
const built = existsSync(join(ROOT, 'dist'));

/** `VolcengineRtc.node.js` → `volcengineRtc`; n8n requires the class to be named like the file. */
const typeNameOf = (path: string) => {
	const base = path.split('/').pop()!.split('.')[0];
	return base[0].toLowerCase() + base.slice(1);
};
const iconUrls = (iconUrl: unknown): string[] =>
	typeof iconUrl === 'string' ? [iconUrl] : iconUrl && typeof iconUrl === 'object' ? Object.values(iconUrl as Record<string, string>) : [];

if (!built) {
	console.warn('test/package.test.ts skipped: dist/ is missing. Run `npm run build` first.');
	test.skip('package loads like an installed package (SKIPPED: dist/ is missing; run `npm run build` first)', () => {});
} else {
	let work: string;
	let installed: string;
	let loader: PackageDirectoryLoader;

	beforeAll(async () => {
		// Exactly the files npm would publish (package.json "files"), in an installed-package layout.
		// Host modules (n8n-workflow, zod) resolve from the repo's node_modules above .cache/, as n8n
		// provides its own modules to community packages.
		const packed = JSON.parse(
			execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }),
		)[0].files as Array<{ path: string }>;
		mkdirSync(join(ROOT, '.cache'), { recursive: true });
		work = mkdtempSync(join(ROOT, '.cache', 'pkg-'));
		installed = join(work, 'node_modules', pkg.name);
		for (const { path } of packed) {
			mkdirSync(dirname(join(installed, path)), { recursive: true });
			copyFileSync(join(ROOT, path), join(installed, path));
		}
		const missing = [...nodePaths, ...credentialPaths].filter((p) => !existsSync(join(installed, p)));
		if (missing.length) {
			throw new Error(`package.json n8n lists files the package does not contain: ${missing.join(', ')} (stale dist/? run \`npm run build\`)`);
		}
		loader = new PackageDirectoryLoader(installed);
		await loader.loadAll();
	});
	afterAll(() => {
		if (work) rmSync(work, { recursive: true, force: true });
	});

	test('every node listed in package.json n8n.nodes loads, named after its file', () => {
		expect(nodePaths.length).toBeGreaterThan(0);
		expect(Object.keys(loader.nodeTypes).sort()).toEqual(nodePaths.map(typeNameOf).sort());
		for (const path of nodePaths) expect(loader.known.nodes[typeNameOf(path)].sourcePath).toBe(path);
		expect(Object.keys(loader.nodeTypes)).toContain('volcengineRtc');
	});

	test('every credential listed in package.json n8n.credentials loads and knows its nodes', () => {
		expect(credentialPaths.length).toBeGreaterThan(0);
		expect(Object.keys(loader.credentialTypes).sort()).toEqual(credentialPaths.map(typeNameOf).sort());
		expect(Object.keys(loader.credentialTypes)).toContain('volcengineRtcApi');
		const unused = Object.values(loader.credentialTypes).filter(({ type }) => !type.supportedNodes?.length).map(({ type }) => type.name);
		expect(unused).toEqual([]); // a credential no node lists would not be selectable in n8n
		expect(loader.credentialTypes.volcengineRtcApi.type.supportedNodes).toEqual(['volcengineRtc', 'volcengineRtcTrigger']);
	});

	test('every node and credential icon resolves to a file inside the installed package', () => {
		const prefix = `icons/${pkg.name}/`;
		const described: Array<{ what: string; iconUrl: unknown; icon: unknown }> = [
			...loader.types.nodes.map((d) => ({ what: `node ${d.name} v${d.version}`, iconUrl: d.iconUrl, icon: d.icon })),
			...Object.values(loader.credentialTypes).map(({ type }) => ({ what: `credential ${type.name}`, iconUrl: type.iconUrl, icon: type.icon })),
			...Object.entries(loader.nodeTypes).map(([name, { type }]) => ({
				what: `node ${name} (base description)`,
				iconUrl: type.description.iconUrl,
				icon: type.description.icon,
			})),
		];
		expect(described.length).toBeGreaterThanOrEqual(nodePaths.length + credentialPaths.length);
		const problems: string[] = [];
		for (const d of described) {
			const urls = iconUrls(d.iconUrl);
			if (urls.length === 0) problems.push(`${d.what}: no file icon (icon=${JSON.stringify(d.icon)})`);
			for (const url of urls) {
				if (!url.startsWith(prefix)) problems.push(`${d.what}: ${url} is not under ${prefix}`);
				else if (!existsSync(join(installed, url.slice(prefix.length)))) problems.push(`${d.what}: ${url} → no such file in the package`);
			}
		}
		expect(problems).toEqual([]);
	});

	/** GitHub's heading anchors of the README (lower case, punctuation dropped, spaces → '-'). */
	const readmeAnchors = readFileSync(join(__dirname, '..', 'README.md'), 'utf8')
		.split('\n')
		.filter((l) => /^#{1,4} /.test(l))
		.map((l) => l.replace(/^#+ /, '').trim().toLowerCase().replace(/[^\p{L}\p{N} _-]/gu, '').replace(/ /g, '-'));

	test('the codex (.node.json) is attached to every node and every version', () => {
		for (const path of nodePaths) {
			const name = typeNameOf(path);
			const codexFile = join(installed, `${path}on`);
			expect(existsSync(codexFile)).toBe(true);
			const raw = JSON.parse(readFileSync(codexFile, 'utf8'));
			expect(raw.node).toBe(`${pkg.name}.${name}`);
			const { type } = loader.nodeTypes[name];
			const codex = type.description.codex;
			expect(codex).toBeDefined();
			expect(codex!.categories).toEqual(raw.categories);
			expect(codex!.resources?.primaryDocumentation?.length).toBeGreaterThan(0);
			// The docs link opens how to use the node (a README section), the vendor page second.
			for (const key of ['primaryDocumentation', 'credentialDocumentation'] as const) {
				const [own, vendor] = (codex!.resources as any)[key] as Array<{ url: string }>;
				expect(own.url.startsWith(`${pkg.homepage.replace(/#readme$/, '')}#`)).toBe(true);
				expect(readmeAnchors).toContain(own.url.split('#')[1]);
				expect(vendor.url).toMatch(/^https:\/\/(www\.volcengine\.com|www\.tencentcloud\.com)\//);
			}
			for (const d of loader.types.nodes.filter((n) => n.name === name)) {
				expect(d.codex).toEqual(codex);
				expect(d.communityNodePackageVersion).toBe(pkg.version);
			}
		}
	});
}
