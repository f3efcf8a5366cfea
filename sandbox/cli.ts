/* eslint-disable */
// `npm run sandbox`: starts the emulator on 127.0.0.1 and prints how to point credentials at it.
import { SANDBOX_TENCENT, SANDBOX_VOLCENGINE } from './demo-credentials';
import { startSandbox } from './server';

async function main() {
	const port = Number(process.env.SANDBOX_PORT ?? 4567);
	const scale = Number(process.env.SANDBOX_LIMIT_SCALE ?? 1);
	const latencyMs = Number(process.env.SANDBOX_LATENCY_MS ?? 0);
	const sb = await startSandbox({ port, config: { limitScale: scale, latencyMs } });
	const lines = [
		`RTC messaging sandbox listening on ${sb.url}`,
		'',
		'Volcengine RTC API credential:',
		`  Access Key ID       ${SANDBOX_VOLCENGINE.accessKeyId}`,
		`  Secret Access Key   ${SANDBOX_VOLCENGINE.secretAccessKey}`,
		`  Region              ${SANDBOX_VOLCENGINE.region}`,
		`  Custom Endpoint URL ${sb.url}`,
		`  Default App ID      ${SANDBOX_VOLCENGINE.appId}`,
		'',
		'Tencent Chat API credential:',
		`  SDKAppID            ${SANDBOX_TENCENT.sdkAppId}`,
		`  Secret Key          ${SANDBOX_TENCENT.secretKey}`,
		`  Admin User ID       ${SANDBOX_TENCENT.adminUserId}`,
		`  Custom Endpoint URL ${sb.url}`,
		'',
		`Inspect: GET ${sb.url}/_sandbox/state   Reset: POST ${sb.url}/_sandbox/reset   Configure: POST ${sb.url}/_sandbox/config`,
		'Stop with Ctrl+C.',
	];
	process.stdout.write(lines.join('\n') + '\n');
	const stop = () => void sb.close().then(() => process.exit(0));
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}

void main();
