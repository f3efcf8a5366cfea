/* eslint-disable */
// A local HTTP front for one workflow's webhook node, as n8n's /webhook/<id>/<path> endpoint: it
// receives real POSTs (from the sandbox's callback sender, or a test), runs them through the
// engine's webhook() (WebhookContext, then WorkflowExecute) and answers like n8n's webhook handler
// (node-written answer, "onReceived", or the last node's first item for "lastNode").
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { IDataObject, IRun, IWorkflowBase } from 'n8n-workflow';
import type { Engine, WebhookResult } from './engine';

/** First item JSON of the last node that ran: n8n's answer in "lastNode" mode (responseData firstEntryJson). */
export function lastNodeAnswer(run: IRun): unknown {
	const last = run.data.resultData.lastNodeExecuted;
	const runs = last ? run.data.resultData.runData[last] : undefined;
	return runs?.[runs.length - 1]?.data?.main?.[0]?.[0]?.json;
}

/**
 * What n8n's webhook handler sends back (packages/cli webhook-helpers): the node's own answer when it
 * wrote one (noWebhookResponse), else for "lastNode" the last node's first item (500 when the run
 * failed), else the "onReceived" default.
 */
export function n8nAnswer(wf: IWorkflowBase, nodeName: string, r: WebhookResult): { status: number; body: unknown } {
	if (r.response.noWebhookResponse) return { status: r.sent.status, body: r.sent.body };
	if (!r.response.workflowData) return { status: 200, body: r.response.webhookResponse ?? { message: 'Webhook call received' } };
	const mode = (wf.nodes.find((n) => n.name === nodeName)?.parameters?.responseMode as string | undefined) ?? 'onReceived';
	if (mode !== 'lastNode') return { status: 200, body: r.response.webhookResponse ?? { message: 'Workflow was started' } };
	if (!r.run || r.run.data.resultData.error) return { status: 500, body: { message: 'Error in workflow' } };
	const answer = lastNodeAnswer(r.run);
	return answer === undefined
		? { status: 200, body: { message: 'Workflow executed successfully but the last node did not return any data' } }
		: { status: 200, body: answer };
}

export interface ServedCall {
	query: IDataObject;
	rawBody: string;
	status: number;
	body: unknown;
	result: WebhookResult;
}

/**
 * Serves one workflow's webhook node at http://127.0.0.1:<port>/webhook/<webhookId>/<path>, like n8n:
 * query parsed into an object, JSON body parsed, raw bytes kept as rawBody (set `keepRawBody: false`
 * to test the fallback; `mode: 'manual'` serves it as the editor's test URL). Answers after the run (n8n answers "onReceived" before it; the answer is the same).
 */
export async function startWebhookServer(engine: Engine, wf: IWorkflowBase, nodeName: string, opts: { keepRawBody?: boolean; mode?: 'webhook' | 'manual' } = {}) {
	const node = wf.nodes.find((n) => n.name === nodeName);
	if (!node?.webhookId) throw new Error(`node "${nodeName}" needs a webhookId`);
	const calls: ServedCall[] = [];
	const server: Server = createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', () => {
			void (async () => {
				const url = new URL(req.url ?? '/', 'http://127.0.0.1');
				const parts = url.pathname.split('/').filter(Boolean);
				if (req.method !== 'POST' || parts[0] !== 'webhook' || parts[1] !== node.webhookId) {
					res.writeHead(404, { 'content-type': 'application/json' });
					res.end(JSON.stringify({ message: 'The requested webhook is not registered' }));
					return;
				}
				const query: IDataObject = {};
				for (const [k, v] of url.searchParams) {
					const prev = query[k];
					query[k] = prev === undefined ? v : Array.isArray(prev) ? [...(prev as string[]), v] : [prev as string, v];
				}
				const raw = Buffer.concat(chunks);
				let body: unknown = {};
				if (String(req.headers['content-type'] ?? '').startsWith('application/json') && raw.length) {
					try {
						body = JSON.parse(raw.toString('utf8'));
					} catch {
						res.writeHead(400, { 'content-type': 'application/json' });
						res.end(JSON.stringify({ message: 'Failed to parse request body' }));
						return;
					}
				}
				try {
					const result = await engine.webhook(wf, nodeName, { headers: req.headers, query, body, rawBody: opts.keepRawBody === false ? undefined : raw, mode: opts.mode });
					const answer = n8nAnswer(wf, nodeName, result);
					calls.push({ query, rawBody: raw.toString('utf8'), status: answer.status, body: answer.body, result });
					res.writeHead(answer.status, { 'content-type': 'application/json; charset=utf-8' });
					res.end(answer.body === undefined ? '' : JSON.stringify(answer.body));
				} catch (e) {
					res.writeHead(500, { 'content-type': 'application/json' });
					res.end(JSON.stringify({ message: (e as Error).message }));
				}
			})();
		});
	});
	await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
	const port = (server.address() as AddressInfo).port;
	const path = String(engine.webhookPath(wf, nodeName));
	return {
		url: `http://127.0.0.1:${port}/webhook/${node.webhookId}/${path}`,
		calls,
		/** Calls that started the workflow. */
		runs: () => calls.filter((c) => c.result.run !== undefined),
		close: () => new Promise<void>((r) => { server.closeAllConnections?.(); server.close(() => r()); }),
	};
}
