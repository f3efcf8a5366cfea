/* eslint-disable */
// `npm run screenshots`: the README's pictures of the nodes in the n8n editor, taken with
// playwright-core and Debian's chromium (`apt-get install -y chromium`) against the same n8n that
// `npm run n8n` starts (scripts/n8n.ts startPlayground, here with a throwaway user folder so every
// run starts from the same state). Not part of CI: run by hand after UI changes and commit docs/.
//
//   npm run build && npm run screenshots            # starts its own n8n + sandbox
//   RTC_N8N_URL=http://127.0.0.1:5678 npm run screenshots   # use a running `npm run n8n`
//
// Writes docs/screenshots/*.png (1440×900).
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { startPlayground, type Playground } from './n8n';
import { LOCAL_OWNER, loadExamples, repoRoot } from './n8n-env';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

const log = (l: string) => process.stdout.write(`${l}\n`);

async function openWorkflow(page: Page, base: string, id: string) {
	await page.goto(`${base}/workflow/${id}`);
	await page.waitForSelector('[data-test-id="canvas-node"]', { timeout: 60_000 });
	await page.waitForTimeout(1000);
}

async function openNode(page: Page, name: string) {
	await page.locator('[data-test-id="canvas-node"]', { hasText: name }).first().dblclick();
	await page.waitForSelector('[data-test-id="ndv"]', { timeout: 20_000 });
	await page.waitForTimeout(1000);
}

async function main() {
	const root = repoRoot();
	const out = join(root, 'docs', 'screenshots');
	mkdirSync(out, { recursive: true });
	const ids = Object.fromEntries(loadExamples().map((e) => [e.file, e.json.id as string]));

	let pg: Playground | undefined;
	let folder: string | undefined;
	let base = process.env.RTC_N8N_URL?.replace(/\/$/, '');
	if (!base) {
		folder = mkdtempSync(join(tmpdir(), 'rtc-shots-'));
		pg = await startPlayground({ userFolder: folder, port: 5690, sandboxPort: 0, log });
		base = pg.n8n.baseUrl;
	}
	const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
	const shots: string[] = [];
	const shot = async (page: Page, file: string) => {
		await page.screenshot({ path: join(out, file) });
		shots.push(file);
		log(`  docs/screenshots/${file}`);
	};
	try {
		const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, colorScheme: 'light' });
		const res = await context.request.post(`${base}/rest/login`, { data: { emailOrLdapLoginId: LOCAL_OWNER.email, password: LOCAL_OWNER.password } });
		if (!res.ok()) throw new Error(`login failed: HTTP ${res.status()} ${await res.text()}`);
		const page = await context.newPage();

		// 1. Node panel: search "Tencent", open the app's list of actions and triggers.
		await openWorkflow(page, base, ids['tencent-batch-1200.json']);
		await page.click('[data-test-id="node-creator-plus-button"]');
		await page.waitForTimeout(800);
		await page.keyboard.type('Tencent', { delay: 40 });
		await page.waitForTimeout(1200);
		await page.keyboard.press('Enter');
		await page.waitForTimeout(1500);
		await shot(page, 'node-panel-search.png');

		// 1b. Aliases: "ByteRTC" finds Volcengine RTC.
		await page.keyboard.press('Escape');
		await page.waitForTimeout(500);
		await openWorkflow(page, base, ids['volcengine-send-1200.json']);
		await page.click('[data-test-id="node-creator-plus-button"]');
		await page.waitForTimeout(800);
		await page.keyboard.type('ByteRTC', { delay: 40 });
		await page.waitForTimeout(1200);
		await page.keyboard.press('Enter');
		await page.waitForTimeout(1500);
		await shot(page, 'node-panel-alias.png');

		// 2. An operation's parameters: Group → Broadcast to All Audio-Video Groups.
		await openWorkflow(page, base, ids['tencent-av-broadcast.json']);
		await openNode(page, 'Broadcast to All AV Groups');
		await shot(page, 'operation-parameters.png');
		await page.keyboard.press('Escape');
		await page.waitForTimeout(500);

		// 3. An execution result: run the 1,200-receiver send against the sandbox, open the node.
		await openWorkflow(page, base, ids['tencent-batch-1200.json']);
		await page.click('[data-test-id="execute-workflow-button"]');
		await page.waitForSelector('[data-test-id="canvas-node-status-success"]', { timeout: 60_000 });
		await page.waitForTimeout(1000);
		await openNode(page, 'Send to 1,200 Users');
		await page.locator('[data-test-id="output-panel"] [data-test-id="radio-button-json"]').first().click();
		await page.waitForTimeout(800);
		// the "Workflow executed successfully" toast would cover the output
		await page.locator('.el-notification .el-notification__closeBtn').first().click({ timeout: 2000 }).catch(() => undefined);
		await page.waitForTimeout(800);
		await shot(page, 'execution-result.png');
		await page.keyboard.press('Escape');
		await page.waitForTimeout(500);

		// The user's view (issue 16): each step on its own, so one moved selector costs one picture.
		const step = async (name: string, fn: () => Promise<void>) => {
			try {
				await fn();
			} catch (e) {
				log(`  ${name}: not taken (${(e as Error).message.split('\n')[0]})`);
			}
			await page.keyboard.press('Escape').catch(() => undefined);
			await page.waitForTimeout(500);
		};
		// 4. The canvas subtitle says the operation in words; 5. the message composer (Message: Text).
		await step('canvas-subtitle.png', async () => {
			await openWorkflow(page, base!, ids['volcengine-send-1200.json']);
			await shot(page, 'canvas-subtitle.png');
		});
		await step('message-composer.png', async () => {
			await openWorkflow(page, base!, ids['volcengine-send-1200.json']);
			await openNode(page, 'Send to 1,200 Users');
			await shot(page, 'message-composer.png');
		});
		// 6. A partial delivery: the sandbox refuses one receiver; the output pane shows the warning.
		if (pg) {
			await step('partial-delivery-hint.png', async () => {
				pg!.sandbox.configure({ volcengine: { failReceivers: ['20002'] } });
				await openWorkflow(page, base!, ids['volcengine-send-1200.json']);
				await page.click('[data-test-id="execute-workflow-button"]');
				await page.waitForSelector('[data-test-id="canvas-node-status-success"], [data-test-id="canvas-node-status-warning"]', { timeout: 60_000 });
				await page.waitForTimeout(1000);
				await openNode(page, 'Send to 1,200 Users');
				await page.locator('.el-notification .el-notification__closeBtn').first().click({ timeout: 2000 }).catch(() => undefined);
				await page.waitForTimeout(800);
				await shot(page, 'partial-delivery-hint.png');
				pg!.sandbox.configure({ volcengine: { failReceivers: [] } });
			});
		}
		// 7. The trigger's events as people say them.
		await step('trigger-events.png', async () => {
			await openWorkflow(page, base!, ids['tencent-group-reply.json']);
			await openNode(page, 'Group Message Received');
			await page.locator('[data-test-id="parameter-input-events"]').first().click();
			await page.waitForTimeout(800);
			await shot(page, 'trigger-events.png');
		});
	} finally {
		await browser.close();
		if (pg) await pg.stop();
		if (folder) rmSync(folder, { recursive: true, force: true });
	}
	log(`${shots.length} screenshots in docs/screenshots/`);
}

main().catch((e) => {
	process.stderr.write(`screenshots failed: ${(e as Error).stack ?? e}\n`);
	process.exit(1);
});
