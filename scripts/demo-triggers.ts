/* eslint-disable */
// `node .tools/scripts/demo-triggers.js`: runs the trigger demo (harness/scenarios/trigger-demo.ts)
// on its own; `npm run demo` runs it after the examples.
import { runTriggerDemo } from '../harness/scenarios/trigger-demo';
import { startSandbox } from '../sandbox/server';

void (async () => {
	const sb = await startSandbox();
	try {
		const ok = await runTriggerDemo(sb, (l) => process.stdout.write(`${l}\n`));
		process.exitCode = ok ? 0 : 1;
	} finally {
		await sb.close();
	}
})();
