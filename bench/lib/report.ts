/* eslint-disable */
// Rows, formulas and the two output files (bench/results.json, bench/RESULTS.md).
import { writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';

export interface Row {
	scenario: string;
	measured: string;
	minimum: string;
	ratio: string;
	target: string;
	/** null: reported for context, no target. */
	pass: boolean | null;
}

export interface ScenarioOutcome {
	id: string;
	title: string;
	/** Sandbox and node settings of the run. */
	config: Record<string, unknown>;
	rows: Row[];
	/** Every number measured, for results.json. */
	data: Record<string, unknown>;
	seconds: number;
	notes?: string[];
}

/**
 * Minimum time to get `n` units through a sliding window of `limit` units per `windowMs` (scaled):
 * a full window's worth goes at t = 0, then one more window's worth each window:
 * ceil(n / limit − 1) · windowMs / scale.
 */
export const windowMinimumMs = (n: number, limit: number, windowMs: number, scale: number): number =>
	(Math.max(0, Math.ceil(n / limit - 1)) * windowMs) / scale;

/**
 * The theoretical minimum of a paced send: the window bound of whichever quota binds (receivers per
 * minute, or calls per second), plus the round trips the last window's calls need with `concurrency`
 * calls in flight: ceil(r / concurrency) · RTT (r = calls sent in the last window); at least one.
 * `AUTOMATIC` (Concurrent Requests = 0, the node's default): as many in flight as the quota allows,
 * so one round trip.
 */
export const AUTOMATIC = Infinity;

export function pacedMinimumMs(o: {
	calls: number;
	callLimit: number;
	/** Receivers, for quotas that count them. */
	units?: number;
	unitLimit?: number;
	unitsPerCall?: number;
	scale: number;
	concurrency: number;
	rttMs: number;
}): { ms: number; quotaMs: number; lastWindowCalls: number } {
	const callMs = windowMinimumMs(o.calls, o.callLimit, 1000, o.scale);
	const lastByCalls = o.calls - Math.max(0, Math.ceil(o.calls / o.callLimit - 1)) * o.callLimit;
	let quotaMs = callMs;
	let lastWindowCalls = lastByCalls;
	if (o.units !== undefined && o.unitLimit !== undefined && o.unitsPerCall !== undefined) {
		const unitMs = windowMinimumMs(o.units, o.unitLimit, 60000, o.scale);
		if (unitMs >= callMs) {
			quotaMs = unitMs;
			const lastUnits = o.units - Math.max(0, Math.ceil(o.units / o.unitLimit - 1)) * o.unitLimit;
			lastWindowCalls = Math.ceil(lastUnits / o.unitsPerCall);
		}
	}
	return { ms: quotaMs + Math.max(1, Math.ceil(lastWindowCalls / o.concurrency)) * o.rttMs, quotaMs, lastWindowCalls };
}

export const s = (ms: number, digits = 2) => `${(ms / 1000).toFixed(digits)} s`;
export const n = (x: number) => x.toLocaleString('en-US');
export const r = (x: number, digits = 2) => (Number.isFinite(x) ? x.toFixed(digits) : 'n/a');
export const pct = (x: number) => `${(x * 100).toFixed(1)} %`;

export function machine() {
	const c = cpus();
	return {
		date: new Date().toISOString(),
		node: process.version,
		platform: `${process.platform} ${process.arch}`,
		cpus: c.length,
		cpuModel: c[0]?.model ?? 'unknown',
		memoryGB: Math.round(totalmem() / 2 ** 30),
	};
}

const esc = (t: string) => t.replace(/\|/g, '\\|');

export function markdownTable(rows: Row[]): string {
	const lines = ['| Scenario | Measured | Theoretical minimum | Ratio | Target | Pass? |', '|---|---|---|---|---|---|'];
	for (const row of rows) {
		const pass = row.pass === null ? '—' : row.pass ? '✅ yes' : '❌ no';
		lines.push(`| ${esc(row.scenario)} | ${esc(row.measured)} | ${esc(row.minimum)} | ${esc(row.ratio)} | ${esc(row.target)} | ${pass} |`);
	}
	return lines.join('\n');
}

export function plainTable(rows: Row[]): string {
	const cols: Array<keyof Row> = ['scenario', 'measured', 'minimum', 'ratio', 'target', 'pass'];
	const head: Record<string, string> = { scenario: 'scenario', measured: 'measured', minimum: 'theoretical min', ratio: 'ratio', target: 'target', pass: 'pass?' };
	const cell = (row: Row, c: keyof Row) => (c === 'pass' ? (row.pass === null ? '-' : row.pass ? 'yes' : 'NO') : String(row[c]));
	const width = cols.map((c) => Math.max(head[c].length, ...rows.map((row) => cell(row, c).length)));
	const line = (vals: string[]) => vals.map((v, k) => v.padEnd(width[k])).join('  ');
	return [line(cols.map((c) => head[c])), line(width.map((w) => '-'.repeat(w))), ...rows.map((row) => line(cols.map((c) => cell(row, c))))].join('\n');
}

export function writeResults(dir: string, outcomes: ScenarioOutcome[], totalSeconds: number, formulas: string[]): { json: string; md: string } {
	const facts = machine();
	const rows = outcomes.flatMap((o) => o.rows);
	const targets = rows.filter((row) => row.pass !== null);
	const failed = targets.filter((row) => row.pass === false);
	const json = join(dir, 'results.json');
	const md = join(dir, 'RESULTS.md');
	writeFileSync(
		json,
		JSON.stringify({ machine: facts, totalSeconds, targets: { total: targets.length, passed: targets.length - failed.length }, scenarios: outcomes }, null, '\t') + '\n',
	);
	const text = [
		'# Benchmark results',
		'',
		'Generated by `npm run bench` (bench/run.ts) against the bundled sandbox with enforced limits. One run; the',
		'ratios are from this run only.',
		'',
		`- Date: ${facts.date}`,
		`- Machine: ${facts.cpus} × ${facts.cpuModel}, ${facts.memoryGB} GB, ${facts.platform}`,
		`- Node.js ${facts.node}; the whole suite took ${totalSeconds.toFixed(0)} s`,
		`- Targets met: ${targets.length - failed.length} of ${targets.length}${failed.length ? ` (not met: ${failed.map((f) => f.scenario).join('; ')})` : ''}`,
		'',
		markdownTable(rows),
		'',
		'## How the figures are computed',
		'',
		...formulas.map((f) => `- ${f}`),
		'',
		'## Scenario settings',
		'',
		...outcomes.map((o) => `- **${o.title}** (${o.seconds.toFixed(1)} s): ${Object.entries(o.config).map(([k, v]) => `${k} ${typeof v === 'object' ? JSON.stringify(v) : v}`).join(', ')}`),
		'',
		...(outcomes.some((o) => o.notes?.length) ? ['## What the measurements show', '', ...outcomes.flatMap((o) => (o.notes ?? []).map((x) => `- **${o.title}**: ${x}`)), ''] : []),
	].join('\n');
	writeFileSync(md, text);
	return { json, md };
}
