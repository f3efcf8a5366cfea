/* eslint-disable */
// Secret hygiene: every workflow run, webhook answer and console/log line produced through the
// harness is scanned for secrets. The engine calls `scanForSecrets` after each run and captures
// console output; under jest, each test file fails in afterAll if anything leaked.
import { SANDBOX_TENCENT, SANDBOX_VOLCENGINE } from '../sandbox/demo-credentials';

/** Secrets the tests use (distinctive strings only, so a hit is a real leak). */
export const KNOWN_SECRETS: string[] = [
	SANDBOX_VOLCENGINE.secretAccessKey,
	SANDBOX_TENCENT.secretKey,
	'sts-secret-value-0001',
	'STS-session-token-0001',
	'WkRNeU5UazRPVE0xWVRneE5EQTJNV0ptWVRRMU16UmtPR0ZsTkdFNU5tVQ==',
	'5bd2850fff3ecb11d7c805251c51ee463a25727bddc2385f3fa8bfee1bb93b5e',
];

/** Shapes of derived secrets: an Authorization value, a signature, a UserSig (zlib → Tencent base64). */
const PATTERNS: Array<[string, RegExp]> = [
	['Authorization header value', /HMAC-SHA256 Credential=[^,\s]+, SignedHeaders=[^,\s]+, Signature=[0-9a-f]{64}/],
	['request signature', /Signature=[0-9a-f]{64}/],
	['usersig in a URL', /usersig=(?!\*\*\*)[A-Za-z0-9*_-]{16,}/i],
	['UserSig', /\b(?:eJ|eAE)[A-Za-z0-9*_-]{80,}/],
];

export const secretScan = { scanned: 0, violations: [] as string[] };

export function findSecrets(text: string): string[] {
	const found: string[] = [];
	for (const s of KNOWN_SECRETS) if (text.includes(s)) found.push(`secret ${s.slice(0, 6)}…`);
	for (const [name, re] of PATTERNS) if (re.test(text)) found.push(name);
	return found;
}

export function scanForSecrets(where: string, value: unknown): void {
	let text: string;
	try {
		text = typeof value === 'string' ? value : JSON.stringify(value, (_k, v) => (typeof v === 'bigint' ? v.toString() : v));
	} catch {
		text = String(value);
	}
	if (!text) return;
	secretScan.scanned++;
	for (const f of findSecrets(text)) secretScan.violations.push(`${where}: ${f}`);
}

let installed = false;

/** Records every console line (where n8n's logger writes) and scans it; fails the file if anything leaked. */
export function installSecretScan(): void {
	if (installed || typeof afterAll !== 'function') return;
	installed = true;
	for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const) {
		const original = console[level].bind(console);
		console[level] = (...args: unknown[]) => {
			scanForSecrets(`console.${level}`, args.map((a) => (a instanceof Error ? `${a.message}\n${a.stack}` : typeof a === 'string' ? a : safeJson(a))).join(' '));
			if (process.env.SHOW_TEST_LOGS) original(...args);
		};
	}
	afterAll(() => {
		expect(secretScan.violations).toEqual([]);
	});
}

function safeJson(v: unknown): string {
	try {
		return JSON.stringify(v, (_k, x) => (typeof x === 'bigint' ? x.toString() : x));
	} catch {
		return String(v);
	}
}
