 
// Signing cost: our Volcengine signer against @volcengine/openapi's, our UserSig against
// tls-sig-api-v2's, and what a Tencent request pays for its UserSig with the cache. Then, through
// the engine, how many UserSigs 400 Tencent requests generate.
import { runWorker } from '../lib/fork';
import type { EngineResult, SigningResult } from '../lib/protocol';
import { n, r, type ScenarioOutcome } from '../lib/report';
import { delivery, itemPerUser, tencentAccount, tencentSendParameters } from '../lib/workflow';
import { limiterKey, resetSandbox, type BenchContext } from './context';

const TENCENT_REQUESTS = 400;

export async function signingScenario(ctx: BenchContext): Promise<ScenarioOutcome> {
	const t0 = Date.now();
	ctx.log('Signing: our signers vs the official libraries (µs per call) …');
	const res = await runWorker<SigningResult>({ kind: 'signing' });
	const us = (name: string) => res.rows.find((x) => x.name === name)!.usPerOp;
	const µ = (x: number) => `${x < 10 ? x.toFixed(2) : x.toFixed(1)} µs`;

	// UserSig generations over many requests, through the engine (one fresh process).
	resetSandbox(ctx, { enforceLimits: false, limitScale: 1, latencyMs: 0 });
	ctx.sb.seedTencentAccounts(Array.from({ length: TENCENT_REQUESTS }, (_, k) => tencentAccount(k)));
	const engine = await runWorker<EngineResult>({
		kind: 'engine',
		url: ctx.sb.url,
		vendor: 'tencent',
		parameters: tencentSendParameters({}, delivery(1, { requestsPerSecond: 100000 })),
		itemsCode: itemPerUser('tencent', TENCENT_REQUESTS, 'to'),
		timeScale: 1,
		limiterKey: limiterKey('tencent', 'openim/batchsendmsg'),
	});
	const tencentRequests = ctx.sb.state.tencent.requests.length;

	const volcSmall = us('volc.official.small') / us('volc.ours.small');
	const volcLarge = us('volc.official.large') / us('volc.ours.large');
	const sig = us('usersig.official') / us('usersig.ours');
	ctx.log(`  Volcengine ×${r(volcSmall)} (1 receiver), ×${r(volcLarge)} (500 receivers); UserSig ×${r(sig)}; ${engine.userSigGenerations} UserSig for ${tencentRequests} requests`);
	return {
		id: 'signing',
		title: 'Signing',
		config: { method: 'median of 7 rounds of ≥150 ms after warm-up, one process', identicalSignatures: res.sameSignature, identicalUserSigDocument: res.sameUserSigDocument },
		rows: [
			{
				scenario: 'Volcengine signing, 1-receiver body (ours vs @volcengine/openapi)',
				measured: `${µ(us('volc.ours.small'))} vs ${µ(us('volc.official.small'))}`,
				minimum: '—',
				ratio: `${r(volcSmall)}× faster`,
				target: '≥ 2× faster',
				pass: volcSmall >= 2 && res.sameSignature,
			},
			{
				scenario: 'Volcengine signing, 500-receiver body (ours vs @volcengine/openapi)',
				measured: `${µ(us('volc.ours.large'))} vs ${µ(us('volc.official.large'))}`,
				minimum: '—',
				ratio: `${r(volcLarge)}× faster`,
				target: '≥ 2× faster',
				pass: volcLarge >= 2 && res.sameSignature,
			},
			{
				scenario: 'Volcengine credential authenticate() per request (validation + signing, 1 receiver)',
				measured: µ(us('volc.authenticate.small')),
				minimum: '—',
				ratio: '—',
				target: '—',
				pass: null,
			},
			{
				scenario: 'UserSig generation (ours, zlib stored blocks vs tls-sig-api-v2, zlib deflate)',
				measured: `${µ(us('usersig.ours'))} vs ${µ(us('usersig.official'))}`,
				minimum: '—',
				ratio: `${r(sig)}× faster`,
				target: '—',
				pass: null,
			},
			{
				scenario: 'UserSig cost per request with the cache (cache hit; whole authenticate())',
				measured: `${µ(us('usersig.cached'))}; ${µ(us('tencent.authenticate'))}`,
				minimum: '—',
				ratio: `${r(us('usersig.official') / us('usersig.cached'))}× cheaper than generating`,
				target: '—',
				pass: null,
			},
			{
				scenario: `UserSig generations for ${n(tencentRequests)} Tencent requests through the engine`,
				measured: n(engine.userSigGenerations),
				minimum: '1',
				ratio: '—',
				target: '1 per lifetime',
				pass: engine.userSigGenerations === 1 && tencentRequests >= TENCENT_REQUESTS,
			},
		],
		data: { ...res, tencentRequests, userSigGenerations: engine.userSigGenerations, tencentErrors: engine.errorItems },
		seconds: (Date.now() - t0) / 1000,
	};
}
