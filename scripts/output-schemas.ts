/* eslint-disable */
// `npm run schemas`: the operations' output schemas (n8n `__schema__`, used by the editor's schema
// view and by AI-agent tools before a run), derived from what the nodes really output. Runs the test
// suite with RTC_SCHEMA_SAMPLES set (harness/schemaSamples.ts records every successful output),
// then writes nodes/<Node>/__schema__/v<version>/<resource>/<operation>.json (triggers:
// v<version>/output.json). Each version's schema comes from that version's runs; an operation whose
// tests ran one version only gets that schema for the other version too (outputs that differ by
// version — README → Outputs — are run at both versions by test/output-vocabulary.test.ts).
// test/output-schemas.test.ts checks every operation of every version has one.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../harness/paths';
import type { OutputSample } from '../harness/schemaSamples';

export type JsonSchema = { type: string | string[]; properties?: Record<string, JsonSchema>; additionalProperties?: JsonSchema; items?: JsonSchema };

/**
 * Output fields whose keys are data, not names (a receiver id → message id, user-defined attribute
 * and counter names, vendor Ext/custom maps): described as maps (`additionalProperties`), so a
 * sample's ids do not become the schema's property names.
 */
const MAP_FIELDS = new Set(['messageIds', 'attrNames', 'attributes', 'counters', 'custom', 'customFriendFields', 'ext']);

const ROOT = repoRoot();

/** The JSON type of a value as JSON Schema names it. */
function typeOf(v: unknown): string {
	if (v === null || v === undefined) return 'null';
	if (Array.isArray(v)) return 'array';
	if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
	return typeof v;
}

/** A schema every value fits: types joined, object properties and array items merged. */
export function inferSchema(values: unknown[], name?: string): JsonSchema {
	const types = new Set(values.map(typeOf));
	if (types.has('integer') && types.has('number')) types.delete('integer');
	const schema: JsonSchema = { type: types.size === 1 ? [...types][0] : [...types].sort() };
	const objects = values.filter((v) => typeOf(v) === 'object') as Array<Record<string, unknown>>;
	if (objects.length) {
		const keys = [...new Set(objects.flatMap((o) => Object.keys(o)))].sort();
		if ((name !== undefined && MAP_FIELDS.has(name)) || (keys.length > 0 && keys.every((k) => /^\d+$/.test(k)))) {
			const entries = objects.flatMap((o) => Object.values(o));
			if (entries.length) schema.additionalProperties = inferSchema(entries);
		} else {
			schema.properties = Object.fromEntries(keys.map((k) => [k, inferSchema(objects.filter((o) => k in o).map((o) => o[k]), k)]));
		}
	}
	const arrays = values.filter(Array.isArray) as unknown[][];
	const elements = arrays.flat();
	if (arrays.length && elements.length) schema.items = inferSchema(elements);
	return schema;
}

const NODE_DIRS: Record<string, { dir: string; versions: string[] }> = {
	volcengineRtc: { dir: 'VolcengineRtc', versions: ['1.0.0', '1.1.0'] },
	tencentChat: { dir: 'TencentChat', versions: ['1.0.0', '1.1.0'] },
	volcengineRtcTrigger: { dir: 'VolcengineRtcTrigger', versions: ['1.0.0'] },
	tencentChatTrigger: { dir: 'TencentChatTrigger', versions: ['1.0.0'] },
};

export function schemaFile(type: string, version: string, resource?: string, operation?: string): string {
	const { dir } = NODE_DIRS[type];
	const base = join(ROOT, 'nodes', dir, '__schema__', `v${version}`);
	return resource && operation ? join(base, resource, `${operation}.json`) : join(base, 'output.json');
}

/** 1 → "1.0.0", 1.1 → "1.1.0" (the folder names n8n reads). */
export const semver = (v: number): string => {
	const [major, minor = '0'] = String(v).split('.');
	return `${major}.${minor}.0`;
};

function main() {
	const samples = join(ROOT, '.cache', 'schema-samples');
	if (!process.argv.includes('--no-tests')) {
		rmSync(samples, { recursive: true, force: true });
		try {
			execFileSync('npx', ['jest', '-w', '2', '--ci', 'test/volcengine', 'test/tencent', 'test/outcomes.test.ts', 'test/output-vocabulary.test.ts'], {
				cwd: ROOT,
				stdio: 'inherit',
				env: { ...process.env, RTC_SCHEMA_SAMPLES: samples },
			});
		} catch {
			console.warn('some tests failed; schemas are written from the runs that succeeded');
		}
	}
	// operation → version ("1.0.0") → output items of that version's runs
	const groups = new Map<string, { sample: OutputSample; byVersion: Map<string, unknown[]> }>();
	for (const f of existsSync(samples) ? readdirSync(samples) : []) {
		for (const line of readFileSync(join(samples, f), 'utf8').split('\n')) {
			if (!line) continue;
			const s = JSON.parse(line) as OutputSample;
			if (!NODE_DIRS[s.type] || (s.type.endsWith('Trigger') ? false : !s.resource || !s.operation)) continue;
			const key = `${s.type}|${s.resource ?? ''}|${s.operation ?? ''}`;
			const g = groups.get(key) ?? { sample: s, byVersion: new Map() };
			const version = semver(s.version ?? 1);
			g.byVersion.set(version, [...(g.byVersion.get(version) ?? []), ...s.items]);
			groups.set(key, g);
		}
	}
	for (const { dir } of Object.values(NODE_DIRS)) rmSync(join(ROOT, 'nodes', dir, '__schema__'), { recursive: true, force: true });
	let written = 0;
	for (const { sample, byVersion } of groups.values()) {
		for (const version of NODE_DIRS[sample.type].versions) {
			// This version's own runs; else (the output does not depend on the version) the nearest one's.
			const items = byVersion.get(version) ?? [...byVersion.entries()].sort(([a], [b]) => (a < b ? 1 : -1))[0][1];
			const file = schemaFile(sample.type, version, sample.resource, sample.operation);
			mkdirSync(join(file, '..'), { recursive: true });
			writeFileSync(file, `${JSON.stringify(inferSchema(items), null, '\t')}\n`);
			written++;
		}
	}
	console.log(`${written} output schema files from ${groups.size} operations`);
}

if (require.main === module) main();
