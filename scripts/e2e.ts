/* eslint-disable */
// `npm run test:e2e`: this package in a real n8n (n8n-testing.md §8), end to end.
//
//  1. Node 24 + n8n 2.41.1 from the cache folder (scripts/n8n-env.ts; installed on the first run).
//  2. `npm pack` of the repo, installed like a community package into a throwaway user folder with
//     a random encryption key.
//  3. The sandbox (in this process), credentials pointing at it (`n8n import:credentials`), every
//     examples/*.json imported (`n8n import:workflow`).
//  4. Every action example run with `n8n execute --id --rawOutput`; exit status, run status and the
//     sandbox state checked against the example's entry in scripts/demo.ts's EXPECTATIONS.
//  5. Trigger workflows published, `n8n start` on 127.0.0.1; the sandbox sends signed callbacks and
//     forged / stale / unsigned / wrong-app / duplicate ones to the production webhook URLs; only
//     the signed ones may run the downstream node (seen in the sandbox); refused ones are counted and
//     reported by the next accepted event (refusedSinceLast) and logged by n8n.
//  6. Everything stopped and removed; the last line is "N passed, N failed".
// Options: RTC_E2E_KEEP=1 keeps the user folder and the n8n log; RTC_N8N_CACHE moves the cache.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { factsOf, tagsById } from './demo';
import { compare, EXPECTATIONS } from './demo-expectations';
import { sandboxCredentialData } from '../harness/credentials';
import { PKG } from '../harness/fixtures';
import { SANDBOX_TENCENT, SANDBOX_VOLCENGINE } from '../sandbox/demo-credentials';
import { startSandbox, type RtcSandbox } from '../sandbox/server';
import type { CallbackDelivery, CallbackKind } from '../sandbox/callbacks';
import {
	ensureRuntime,
	executableCopy,
	freePort,
	importCredentials,
	importWorkflows,
	installPackage,
	loadExamples,
	mustRunN8n,
	n8nInstance,
	packPackage,
	parseRawOutput,
	runN8n,
	startN8n,
	tail,
	workflowId,
	type ExampleWorkflow,
	type N8nInstance,
	type RunningN8n,
} from './n8n-env';

export const E2E_TENCENT_TOKEN = 'e2e-tencent-callback-token';
export const E2E_VOLCENGINE_SECRET = 'e2e-volcengine-callback-secret';

// ---- results -----------------------------------------------------------------------------------------

interface Check {
	name: string;
	ok: boolean;
	detail: string[];
}
const checks: Check[] = [];
const t00 = Date.now();
const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const log = (line: string) => process.stdout.write(`${line}\n`);

function check(name: string, problems: string[], info?: string) {
	const ok = problems.length === 0;
	checks.push({ name, ok, detail: problems });
	log(`  ${ok ? '✓' : '✗'} ${name}${info ? `  (${info})` : ''}`);
	for (const p of problems) log(`      ${p.split('\n').join('\n      ')}`);
}

async function phase<T>(title: string, fn: () => Promise<T>): Promise<T> {
	const t0 = Date.now();
	log(`\n== ${title}`);
	try {
		return await fn();
	} finally {
		log(`   (${title}: ${secs(Date.now() - t0)})`);
	}
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitFor(cond: () => boolean, timeoutMs: number): Promise<boolean> {
	const end = Date.now() + timeoutMs;
	while (Date.now() < end) {
		if (cond()) return true;
		await sleep(100);
	}
	return cond();
}

async function waitForAsync(cond: () => Promise<boolean>, timeoutMs: number): Promise<boolean> {
	const end = Date.now() + timeoutMs;
	while (Date.now() < end) {
		if (await cond()) return true;
		await sleep(250);
	}
	return false;
}

// ---- credentials and the e2e-only Volcengine trigger workflow --------------------------------------

/** The sandbox credentials as `n8n import:credentials` takes them; the callback keys are e2e's own. */
export function sandboxCredentials(sandboxUrl: string) {
	const data = sandboxCredentialData(sandboxUrl, {
		tencentChatApi: { callbackToken: E2E_TENCENT_TOKEN },
		volcengineRtcApi: { callbackSecret: E2E_VOLCENGINE_SECRET },
	});
	return [
		{ id: 'sandbox-tencent', name: 'Tencent Chat (sandbox)', type: 'tencentChatApi', data: data.tencentChatApi },
		{ id: 'sandbox-volcengine', name: 'Volcengine RTC (sandbox)', type: 'volcengineRtcApi', data: data.volcengineRtcApi },
	];
}

const VOLC_WEBHOOK_ID = '0b6f7c1e-2a3d-4e5f-8a9b-e2e000000001';

/**
 * Volcengine RTC Trigger → tag the event's receiver (`to`, a common output field) with lastEvent =
 * the EventId, and with what the trigger reports about callbacks refused since the previous
 * accepted one (refusedSinceLast: count and last reason). One BatchUpdateUserTags per run.
 */
export const volcengineTriggerWorkflow = {
	id: workflowId('e2e-volcengine-trigger'),
	name: 'E2E: Volcengine RTC callback tags the receiver',
	nodes: [
		{
			parameters: { events: ['*'], options: {} },
			id: 'e2e-volc-1',
			name: 'RTC Event',
			type: `${PKG}.volcengineRtcTrigger`,
			typeVersion: 1,
			position: [0, 0],
			webhookId: VOLC_WEBHOOK_ID,
			credentials: { volcengineRtcApi: { id: 'sandbox-volcengine', name: 'Volcengine RTC (sandbox)' } },
		},
		{
			parameters: {
				resource: 'userTag',
				operation: 'update',
				userId: '={{ $json.to }}',
				mode: 'set',
				tags: {
					pairs: [
						{ key: 'lastEvent', value: '={{ $json.eventId }}' },
						{ key: 'refusedBefore', value: '={{ String($json.refusedSinceLast ? $json.refusedSinceLast.count : 0) }}' },
						{ key: 'lastRefusal', value: "={{ $json.refusedSinceLast ? $json.refusedSinceLast.lastReason : 'none' }}" },
					],
				},
				options: {},
			},
			id: 'e2e-volc-2',
			name: 'Tag Receiver',
			type: `${PKG}.volcengineRtc`,
			typeVersion: 1,
			position: [240, 0],
			credentials: { volcengineRtcApi: { id: 'sandbox-volcengine', name: 'Volcengine RTC (sandbox)' } },
		},
	],
	connections: { 'RTC Event': { main: [[{ node: 'Tag Receiver', type: 'main', index: 0 }]] } },
	settings: { executionOrder: 'v1' },
	active: false,
};

/** Production URL of a workflow's trigger node: <base>/webhook/<webhookId>/<path>. */
function webhookUrl(n: N8nInstance, wf: any, path: string): string {
	const node = wf.nodes.find((x: any) => x.webhookId);
	if (!node) throw new Error(`workflow "${wf.name}" has no node with a webhookId`);
	return `${n.baseUrl}/webhook/${node.webhookId}/${path}`;
}

// ---- phases ------------------------------------------------------------------------------------------

async function runActionExample(n: N8nInstance, sb: RtcSandbox, ex: ExampleWorkflow) {
	const expectation = EXPECTATIONS[ex.file];
	if (!expectation) {
		check(`${ex.file}: has an expectation in scripts/demo.ts`, ['no entry in EXPECTATIONS']);
		return;
	}
	const wf = executableCopy(ex.json);
	sb.reset();
	expectation.seed?.(sb);
	const before = tagsById(sb);
	const r = await runN8n(n, ['execute', `--id=${wf.id}`, '--rawOutput'], 300_000);
	const problems: string[] = [];
	if (r.status !== 0) problems.push(`n8n execute exited with ${r.status ?? r.signal}\n${tail(r.stdout + r.stderr, 25)}`);
	let run: any;
	try {
		run = parseRawOutput(r.stdout);
	} catch (e) {
		if (r.status === 0) problems.push((e as Error).message);
	}
	if (run) {
		const facts = factsOf(run, sb, before, r.ms);
		if (facts.status !== 'success') problems.push(`run status ${facts.status}${facts.error ? `: ${facts.error}` : ''}`);
		const errs = Object.entries(facts.errorItems).filter(([, c]) => c > 0);
		if (errs.length) problems.push(`error items: ${errs.map(([k, c]) => `${k} ×${c}`).join(', ')}`);
		problems.push(...compare(expectation, facts));
		const nodes = Object.entries(facts.outputs).map(([k, c]) => `${k}: ${c}`).join(' → ');
		check(`execute ${ex.file}`, problems, `${secs(r.ms)}; ${nodes}`);
	} else {
		check(`execute ${ex.file}`, problems.length ? problems : ['no run data'], secs(r.ms));
	}
}

/**
 * A run that did not reach every receiver says so where the editor shows it: the same send with two
 * receivers refused by the sandbox finishes, and the node's task data carries a warning hint
 * (what the output pane shows above the items).
 */
async function partialDeliveryHintCheck(n: N8nInstance, sb: RtcSandbox, ex: ExampleWorkflow) {
	const wf = executableCopy(ex.json);
	sb.reset();
	sb.configure({ volcengine: { failReceivers: ['20001', '20002'] } });
	const r = await runN8n(n, ['execute', `--id=${wf.id}`, '--rawOutput'], 300_000);
	const problems: string[] = [];
	let hints: Array<{ message?: string; type?: string }> = [];
	let status: unknown;
	try {
		const run = parseRawOutput(r.stdout);
		const node = Object.keys(run.data.resultData.runData).find((k) => k.startsWith('Send to'));
		hints = (node && run.data.resultData.runData[node][0].hints) || [];
		status = node && run.data.resultData.runData[node][0].data?.main?.[0]?.[0]?.json?.status;
	} catch (e) {
		problems.push((e as Error).message);
	}
	if (status !== 'partial') problems.push(`item status ${String(status)}; want partial`);
	const warning = hints.find((h) => h.type === 'warning' && /did not reach every receiver/.test(h.message ?? ''));
	if (!warning) problems.push(`no partial-delivery warning hint; hints: ${JSON.stringify(hints)}`);
	sb.configure({ volcengine: { failReceivers: [] } });
	check(`${ex.file} with 2 receivers refused: the run shows a partial-delivery warning`, problems, warning?.message);
}

interface Sent {
	kind: CallbackKind;
	d: CallbackDelivery;
}

async function tencentTriggerChecks(n: N8nInstance, sb: RtcSandbox, wf: any) {
	sb.reset();
	const group = sb.seedTencentGroup({ groupId: 'support', type: 'Public', members: ['alice', SANDBOX_TENCENT.adminUserId] });
	const url = webhookUrl(n, wf, 'tencent-chat');
	sb.configure({ callbacks: { tencent: { url, token: E2E_TENCENT_TOKEN } } });
	const replies = () => group.messages.filter((m) => m.from === SANDBOX_TENCENT.adminUserId);
	const body = {
		GroupId: 'support',
		Type: 'Public',
		From_Account: 'alice',
		Operator_Account: 'alice',
		MsgBody: [{ MsgType: 'TIMTextElem', MsgContent: { Text: 'My order has not arrived' } }],
	};

	const valid = await sb.callbacks.send({ vendor: 'tencent', kind: 'valid', command: 'Group.CallbackAfterSendMsg', body });
	const landed = await waitFor(() => replies().length >= 1, 30_000);
	const text = String((replies()[0]?.msgBody as any[])?.[0]?.MsgContent?.Text ?? '');
	check(
		'tencent-group-reply.json: signed Group.CallbackAfterSendMsg → HTTP 200, "Reply in Group" ran',
		[
			...(valid.status === 200 ? [] : [`callback answered ${valid.status} ${valid.attempts[0]?.body ?? valid.attempts[0]?.error ?? ''}`]),
			...(landed ? [] : ['no reply landed in the sandbox group within 30 s']),
			...(landed && text !== 'Thanks alice, we got: My order has not arrived' ? [`reply text ${JSON.stringify(text)}`] : []),
		],
		`answer ${valid.status} ${valid.attempts[0]?.body ?? ''}`.trim(),
	);

	const refused: Sent[] = [];
	for (const kind of ['forged', 'stale', 'unsigned', 'wrongApp'] as const) {
		const d = await sb.callbacks.send({ vendor: 'tencent', kind, command: 'Group.CallbackAfterSendMsg', body: { ...body, From_Account: 'mallory' } });
		refused.push({ kind, d });
		check(`tencent-group-reply.json: ${kind} callback refused with HTTP 401`, d.status === 401 ? [] : [`answered ${d.status} ${d.attempts[0]?.body ?? d.attempts[0]?.error ?? ''}`], `${d.status} ${d.attempts[0]?.body ?? ''}`.trim());
	}
	await sleep(3000); // a wrongly accepted callback would have replied by now
	const got = replies().length;
	check('tencent-group-reply.json: only the signed callback ran the downstream node', got === 1 ? [] : [`${got} replies in the group; want exactly 1`], `${got} reply`);
	sb.configure({ callbacks: { tencent: { url: '', token: '' } } });
}

async function volcengineTriggerChecks(n: N8nInstance, sb: RtcSandbox, n8nOutput: () => string) {
	sb.reset();
	sb.seedVolcengineUsers(SANDBOX_VOLCENGINE.appId, [{ userId: '20001' }, { userId: '20002' }]);
	sb.configure({ callbacks: { volcengine: { url: webhookUrl(n, volcengineTriggerWorkflow, 'volcengine-rtc'), secret: E2E_VOLCENGINE_SECRET, attempts: 1 } } });
	const tagCalls = () => sb.state.volcengine.requests.filter((r) => r.action === 'BatchUpdateUserTags').length;
	const tagOf = (user: string, key = 'lastEvent') => sb.state.volcengine.users.get(SANDBOX_VOLCENGINE.appId)?.get(BigInt(user))?.tags.get(key);
	const eventData = (receiver: number) => ({ AppId: SANDBOX_VOLCENGINE.appId, Sender: 10001, Receiver: receiver, MessageId: 7205759403792793601n, MsgType: 10001, Content: 'hi' });

	const valid = await sb.callbacks.send({ vendor: 'volcengine', kind: 'valid', eventType: 'SendMessage', eventData: eventData(20001) });
	const ran = await waitFor(() => tagCalls() >= 1, 30_000);
	check(
		'Volcengine RTC Trigger: signed SendMessage callback → HTTP 200, "Tag Receiver" ran',
		[
			...(valid.status === 200 ? [] : [`callback answered ${valid.status} ${valid.attempts[0]?.body ?? valid.attempts[0]?.error ?? ''}`]),
			...(ran ? [] : ['no BatchUpdateUserTags reached the sandbox within 30 s']),
			...(ran && tagOf('20001') !== valid.eventId ? [`user 20001 lastEvent=${tagOf('20001')}; want ${valid.eventId}`] : []),
		],
		`answer ${valid.status} ${valid.attempts[0]?.body ?? ''}`.trim(),
	);

	for (const kind of ['forged', 'stale', 'unsigned'] as const) {
		const d = await sb.callbacks.send({ vendor: 'volcengine', kind, eventType: 'SendMessage', eventData: eventData(20002) });
		check(`Volcengine RTC Trigger: ${kind} callback refused with HTTP 401`, d.status === 401 ? [] : [`answered ${d.status} ${d.attempts[0]?.body ?? d.attempts[0]?.error ?? ''}`], `${d.status} ${d.attempts[0]?.body ?? ''}`.trim());
	}
	const dup = await sb.callbacks.send({ vendor: 'volcengine', kind: 'duplicate', eventType: 'SendMessage', eventData: eventData(20001) });
	const statuses = dup.attempts.map((a) => a.status).join(',');
	check('Volcengine RTC Trigger: a callback delivered twice is answered 200 both times', statuses === '200,200' ? [] : [`answers ${statuses}`], `${statuses}; ${dup.attempts.map((a) => a.body).join(' | ')}`);
	await waitFor(() => tagCalls() >= 2, 10_000);
	await sleep(3000);
	const calls = tagCalls();
	check(
		'Volcengine RTC Trigger: only the signed callbacks ran the downstream node, the duplicate once',
		[
			...(calls === 2 ? [] : [`${calls} BatchUpdateUserTags calls; want 2 (one valid, one for the duplicated event)`]),
			...(tagOf('20002') === undefined ? [] : [`user 20002 was tagged (${tagOf('20002')}) by a refused callback`]),
			...(tagOf('20001') === dup.eventId ? [] : [`user 20001 lastEvent=${tagOf('20001')}; want the duplicated event ${dup.eventId}`]),
		],
		`${calls} runs`,
	);
	// The three refused callbacks came between the first valid event and the duplicated one: that
	// event's run reports them (refusedSinceLast, from the trigger's static data, saved by n8n after
	// each refusal), and n8n's log has a warning for each.
	const before = tagOf('20001', 'refusedBefore');
	const reason = tagOf('20001', 'lastRefusal');
	const logged = ['Signature does not match', 'EventTime is more than 300 s away from now', 'Signature is missing'].filter((r) => !n8nOutput().includes(`callback refused with HTTP 401: ${r}`));
	check(
		'Volcengine RTC Trigger: callbacks refused while the workflow is active are counted (refusedSinceLast on the next event) and logged',
		[
			...(before === '3' ? [] : [`refusedBefore=${before}; want 3 (forged, stale, unsigned)`]),
			...(reason === 'Signature is missing' ? [] : [`lastRefusal=${reason}; want "Signature is missing" (the unsigned one, last)`]),
			...(logged.length === 0 ? [] : [`n8n log has no "callback refused" warning for: ${logged.join('; ')}`]),
		],
		`refusedBefore ${before}, lastRefusal "${reason}"`,
	);
	sb.configure({ callbacks: { volcengine: { url: '', secret: '' } } });
}

// ---- main ----------------------------------------------------------------------------------------------

async function main() {
	const keep = process.env.RTC_E2E_KEEP === '1';
	const work = mkdtempSync(join(tmpdir(), 'rtc-e2e-'));
	const userFolder = join(work, 'user');
	let sb: RtcSandbox | undefined;
	let server: RunningN8n | undefined;
	const timings: string[] = [];
	const timed = async <T>(label: string, fn: () => Promise<T>) => {
		const t0 = Date.now();
		try {
			return await fn();
		} finally {
			timings.push(`${label} ${secs(Date.now() - t0)}`);
		}
	};
	try {
		const rt = await timed('runtime', () => phase('runtime: Node 24 + n8n (cache)', () => ensureRuntime((l) => log(`  ${l}`))));
		const n = n8nInstance(rt, userFolder, randomBytes(24).toString('hex'), await freePort());

		const examples = loadExamples();
		const actions = examples.filter((e) => !e.isTrigger);
		const triggers = examples.filter((e) => e.isTrigger);

		await timed('setup', () =>
			phase('package, sandbox, credentials, workflows', async () => {
				const tarball = await packPackage(work);
				const installed = await installPackage(userFolder, tarball);
				log(`  installed ${tarball.split('/').pop()} → ${installed}`);
				sb = await startSandbox({ host: '127.0.0.1', port: 0 });
				log(`  sandbox ${sb.url}`);
				await importCredentials(n, sandboxCredentials(sb.url), join(work, 'credentials.json'));
				const all = [...examples.map((e) => e.json), ...actions.map((e) => executableCopy(e.json)).filter((c, i) => c !== actions[i].json), volcengineTriggerWorkflow];
				const r = await importWorkflows(n, all, join(work, 'workflows'));
				const list = await mustRunN8n(n, ['list:workflow']);
				const listed = new Set(list.stdout.split('\n').map((l) => l.split('|')[0].trim()));
				const missing = all.filter((w) => !listed.has(w.id)).map((w) => `${w.name} (${w.id})`);
				check(`import: 2 credentials and ${all.length} workflows (${examples.length} examples) into n8n`, missing.length ? [`not listed by n8n list:workflow: ${missing.join(', ')}\n${tail(r.stdout + r.stderr)}`] : []);
			}),
		);

		await timed('actions', () =>
			phase(`action workflows: n8n execute (${actions.length})`, async () => {
				for (const ex of actions) await runActionExample(n, sb!, ex);
				const send = actions.find((ex) => ex.file === 'volcengine-send-1200.json');
				if (send) await partialDeliveryHintCheck(n, sb!, send);
				else check('examples/volcengine-send-1200.json exists', ['missing']);
			}),
		);

		await timed('triggers', () =>
			phase('trigger workflows: n8n start + sandbox callbacks', async () => {
				const published = [...triggers.map((t) => t.json), volcengineTriggerWorkflow];
				for (const wf of published) {
					const r = await runN8n(n, ['publish:workflow', `--id=${wf.id}`]);
					check(`publish:workflow ${wf.name}`, r.status === 0 ? [] : [`exited with ${r.status}\n${tail(r.stdout + r.stderr)}`]);
				}
				const t0 = Date.now();
				server = await startN8n(n, { logFile: join(work, 'n8n-start.log') });
				log(`  n8n start: ready on ${n.baseUrl} in ${secs(Date.now() - t0)}`);
				// Published workflows are activated in the background after start-up: wait until each
				// production URL is registered (an empty POST is refused by the node, and runs nothing).
				for (const [wf, path] of [...triggers.map((t) => [t.json, t.json.nodes.some((x: any) => x.type.endsWith('.volcengineRtcTrigger')) ? 'volcengine-rtc' : 'tencent-chat'] as const), [volcengineTriggerWorkflow, 'volcengine-rtc'] as const]) {
					const url = webhookUrl(n, wf, path);
					const t1 = Date.now();
					const registered = await waitForAsync(async () => {
						const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }).catch(() => undefined);
						return res !== undefined && res.status !== 404;
					}, 60_000);
					check(`${wf.name}: production webhook registered`, registered ? [] : [`${url} still answers 404 after 60 s`], `${secs(Date.now() - t1)}`);
				}
				const activationErrors = server.output().split('\n').filter((l) => /problem activating|could not be activated|error/i.test(l) && !/task runner/i.test(l));
				if (activationErrors.length) log(`  n8n start printed:\n    ${activationErrors.slice(0, 10).join('\n    ')}`);
				const tencent = triggers.find((t) => t.file === 'tencent-group-reply.json');
				if (tencent) await tencentTriggerChecks(n, sb!, tencent.json);
				else check('examples/tencent-group-reply.json exists', ['missing']);
				await volcengineTriggerChecks(n, sb!, () => server!.output());
			}),
		);
	} catch (e) {
		check('e2e ran to the end', [String((e as Error).stack ?? e)]);
	} finally {
		const t0 = Date.now();
		if (server) {
			if (checks.some((c) => !c.ok)) log(`\n-- last lines of n8n start --\n${tail(server.output(), 40)}`);
			await server.stop();
		}
		if (sb) await sb.close();
		if (keep) log(`\nkept ${work} (RTC_E2E_KEEP=1)`);
		else rmSync(work, { recursive: true, force: true });
		timings.push(`shutdown ${secs(Date.now() - t0)}`);
	}
	const passed = checks.filter((c) => c.ok).length;
	const failed = checks.length - passed;
	log(`\ne2e timings: ${timings.join(', ')}; total ${secs(Date.now() - t00)}`);
	if (process.env.RTC_E2E_REPORT) writeFileSync(process.env.RTC_E2E_REPORT, JSON.stringify({ passed, failed, checks }, null, 2));
	log(`${passed} passed, ${failed} failed`);
	process.exitCode = failed || checks.length === 0 ? 1 : 0;
}

if (require.main === module) void main();
