/* eslint-disable */
// `npm run demo`: runs every examples/*.json workflow through n8n's real WorkflowExecute against
// the local sandbox, prints what happened, and checks it against the EXPECTATIONS table (scripts/demo-expectations.ts).
// Exit code 0 only when every example succeeded and the sandbox saw what the example promises.

// n8n's own logger would repeat every node error this report already prints.
if (!process.env.N8N_LOG_LEVEL) process.env.N8N_LOG_LEVEL = 'silent';

// registry first: it imports the engine harness, which sets N8N_USER_FOLDER before n8n-core loads.
import { CREDENTIAL_TYPES, NODE_TYPES, sandboxEngine } from '../harness/registry';
import { PKG } from '../harness/fixtures';
import { repoRoot } from '../harness/paths';
import { runTriggerDemo } from '../harness/scenarios/trigger-demo';
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { NodeHelpers, type IRun, type IWorkflowBase } from 'n8n-workflow';
import { startSandbox, type RtcSandbox } from '../sandbox/server';
import { compare, EXPECTATIONS, outputJson, TRIGGER_EXAMPLES, type Expectation, type Facts } from './demo-expectations';

/** Parameter names the node's description does not define (n8n would silently drop them on import). */
function unknownParameters(n: IWorkflowBase['nodes'][number]): string[] {
	const type = NodeHelpers.getVersionedNodeType(NODE_TYPES[n.type](), n.typeVersion);
	const props = type.description.properties;
	const out: string[] = [];
	for (const [key, value] of Object.entries(n.parameters ?? {})) {
		const defs = props.filter((p) => p.name === key);
		if (defs.length === 0) {
			out.push(`node "${n.name}": parameter "${key}" does not exist in ${n.type} v${n.typeVersion}`);
			continue;
		}
		// one level down: collection options and fixedCollection groups
		if (value && typeof value === 'object' && !Array.isArray(value)) {
			const children = new Set(defs.flatMap((d) => (d.options ?? []).map((o) => (o as { name: string }).name)));
			if (children.size === 0) continue;
			for (const child of Object.keys(value)) {
				if (!children.has(child)) out.push(`node "${n.name}": "${key}.${child}" does not exist in ${n.type} v${n.typeVersion}`);
			}
		}
	}
	return out;
}

export function tagsById(sb: RtcSandbox): Map<string, string> {
	const m = new Map<string, string>();
	for (const [appId, users] of sb.state.volcengine.users) {
		for (const u of users.values()) m.set(`${appId}/${u.userId}`, JSON.stringify([...u.tags].sort()));
	}
	return m;
}

async function runExample(sb: RtcSandbox, file: string, expectation: Expectation | undefined) {
	const wf = JSON.parse(readFileSync(file, 'utf8')) as IWorkflowBase;
	const problems: string[] = [];

	// Credentials: the harness hands every node the sandbox data of the credential *type* it references.
	const credTypes = new Set<string>();
	for (const n of wf.nodes) {
		if (!NODE_TYPES[n.type]) problems.push(`node "${n.name}" has type ${n.type}, which is not in NODE_TYPES (harness/registry.ts)`);
		else if (n.type.startsWith(`${PKG}.`)) problems.push(...unknownParameters(n));
		for (const t of Object.keys(n.credentials ?? {})) {
			credTypes.add(t);
			if (!CREDENTIAL_TYPES[t]) problems.push(`credential type ${t} is not in CREDENTIAL_TYPES (harness/registry.ts)`);
		}
	}
	if (!expectation) problems.push(`no entry for ${basename(file)} in EXPECTATIONS (scripts/demo-expectations.ts)`);

	sb.reset();
	expectation?.seed?.(sb);
	const before = tagsById(sb);

	let facts: Facts | undefined;
	if (problems.length === 0) {
		const t0 = Date.now();
		const { run } = await sandboxEngine(sb.url).run({ ...wf, id: wf.id ?? basename(file, '.json') } as IWorkflowBase);
		const ms = Date.now() - t0;
		facts = factsOf(run, sb, before, ms);
		if (facts.status !== 'success') problems.push(`workflow ended with status ${facts.status}${facts.error ? `: ${facts.error}` : ''}`);
		const errs = Object.entries(facts.errorItems).filter(([, n]) => n > 0);
		if (errs.length) problems.push(`error items: ${errs.map(([k, n]) => `${k} ×${n}`).join(', ')}`);
		if (expectation) problems.push(...compare(expectation, facts));
	}
	return { wf, facts, problems, credTypes: [...credTypes] };
}

/** What a finished run did, as seen by the engine and by the sandbox (also used by scripts/e2e.ts with a real n8n's run data). */
export function factsOf(run: IRun, sb: RtcSandbox, before: Map<string, string>, ms: number): Facts {
	const v = sb.state.volcengine;
	const after = tagsById(sb);
	const outputs: Facts['outputs'] = {};
	const errorItems: Facts['errorItems'] = {};
	const statuses: Facts['statuses'] = {};
	for (const name of Object.keys(run.data.resultData.runData)) {
		const items = outputJson(run, name);
		outputs[name] = items.length;
		errorItems[name] = items.filter((j) => j.error !== undefined).length;
		for (const j of items) {
			if (typeof j.status !== 'string') continue;
			(statuses[name] ??= {})[j.status] = (statuses[name][j.status] ?? 0) + 1;
		}
	}
	// Both vendors' traffic: Volcengine Actions and Tencent v4 paths, one-to-one/group messages and push recipients.
	const t = sb.state.tencent;
	const calls: Record<string, number> = {};
	for (const r of v.requests) calls[r.action] = (calls[r.action] ?? 0) + 1;
	for (const r of t.requests) calls[r.path] = (calls[r.path] ?? 0) + 1;
	const groupMessages = [...t.groups.values()].flatMap((g) => g.messages.map(() => `group:${g.groupId}`));
	const pushRecipients = t.pushes.flatMap((p) => p.recipients.map(String));
	const receivers = [...v.messages.map((m) => String(m.receiver)), ...t.c2c.map((m) => m.to), ...groupMessages, ...pushRecipients];
	return {
		status: run.status,
		error: run.data.resultData.error?.message,
		ms,
		outputs,
		errorItems,
		statuses,
		calls,
		rejected: [
			...v.requests.filter((r) => r.code).map((r) => ({ action: r.action, code: r.code! })),
			...t.requests.filter((r) => r.code !== 0).map((r) => ({ action: r.path, code: String(r.code) })),
		],
		delivered: receivers.length,
		distinctReceivers: new Set(receivers).size,
		broadcasts: v.broadcasts.map((b) => ({ tags: b.tags, tagOp: b.tagOp, recipients: b.recipients.map(String) })),
		usersTagged: [...after].filter(([k, tags]) => before.get(k) !== tags).length,
		throttled: sb.stats.throttled,
		run,
		sb,
	};
}

const fmtMap = (m: Record<string, number>, sep = '×') =>
	Object.keys(m).length ? Object.entries(m).map(([k, n]) => `${k} ${sep}${n}`).join(', ') : 'none';

function report(file: string, r: Awaited<ReturnType<typeof runExample>>): string[] {
	const lines = [`▶ ${basename(file)} — "${r.wf.name}"`];
	const f = r.facts;
	if (f) {
		lines.push(`  status      ${f.status} in ${f.ms} ms${f.error ? ` — ${f.error}` : ''}`);
		lines.push(`  credentials ${r.credTypes.join(', ') || 'none'} → sandbox`);
		const nodes = r.wf.nodes.map((n) => {
			const c = f.outputs[n.name];
			if (c === undefined) return `${n.name}: not run`;
			const st = f.statuses[n.name] ? ` (${Object.entries(f.statuses[n.name]).map(([k, v]) => `${v} ${k}`).join(', ')})` : '';
			const err = f.errorItems[n.name] ? `, ${f.errorItems[n.name]} error items` : '';
			return `${n.name}: ${c} item${c === 1 ? '' : 's'}${st}${err}`;
		});
		lines.push(`  nodes       ${nodes.join('  →  ')}`);
		lines.push(`  sandbox     calls: ${fmtMap(f.calls)}`);
		lines.push(
			`              messages delivered: ${f.delivered} (${f.distinctReceivers} receivers) · broadcasts: ${
				f.broadcasts.length ? f.broadcasts.map((b) => `[${b.tags.join(' ') || 'all users'}] → ${b.recipients.length} users`).join('; ') : 'none'
			}`,
		);
		lines.push(
			`              users tagged: ${f.usersTagged} · throttled: ${f.throttled} · rejected: ${
				f.rejected.length ? f.rejected.map((x) => `${x.action} ${x.code}`).join(', ') : 'none'
			}`,
		);
	}
	if (r.problems.length) {
		lines.push('  result      FAIL');
		for (const p of r.problems) lines.push(`    ✗ ${p}`);
	} else lines.push('  result      OK (matches the expectation)');
	return lines;
}

async function main() {
	const root = repoRoot();
	const dir = join(root, 'examples');
	const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort().map((f) => join(dir, f));
	const sb = await startSandbox({ host: '127.0.0.1', port: 0 });
	const t0 = Date.now();
	let failed = 0;
	try {
		process.stdout.write(`RTC messaging demo: ${files.length} example workflows against the sandbox at ${sb.url}\n\n`);
		if (files.length === 0) failed++;
		for (const file of files) {
			if (TRIGGER_EXAMPLES.has(basename(file))) {
				// A webhook-triggered workflow: the sandbox sends the signed callback (harness/scenarios/trigger-demo.ts).
				process.stdout.write(`▶ ${basename(file)} — trigger → action loop\n`);
				const ok = await runTriggerDemo(sb, (line) => process.stdout.write(`  ${line}\n`));
				if (!ok) failed++;
				process.stdout.write(`  result ${ok ? 'OK' : 'FAILED'}\n\n`);
				continue;
			}
			const r = await runExample(sb, file, EXPECTATIONS[basename(file)]);
			if (r.problems.length) failed++;
			process.stdout.write(report(file, r).join('\n') + '\n\n');
		}
		for (const name of [...Object.keys(EXPECTATIONS), ...TRIGGER_EXAMPLES]) {
			if (!files.some((f) => basename(f) === name)) {
				failed++;
				process.stdout.write(`✗ EXPECTATIONS lists ${name}, but examples/${name} does not exist\n\n`);
			}
		}
	} finally {
		await sb.close();
	}
	const ok = files.length - Math.min(failed, files.length);
	process.stdout.write(`${failed ? 'DEMO FAILED' : 'DEMO OK'}: ${ok}/${files.length} examples passed in ${((Date.now() - t0) / 1000).toFixed(1)} s\n`);
	process.exitCode = failed ? 1 : 0;
}

// scripts/e2e.ts imports the table above; only `node .tools/scripts/demo.js` runs the demo.
if (require.main === module) {
	main().catch((e) => {
		process.stderr.write(`demo crashed: ${(e as Error).stack ?? e}\n`);
		process.exitCode = 2;
	});
}
