/* eslint-disable */
// Sandbox-only demo credentials: they work against the bundled sandbox and nowhere else.

export const SANDBOX_VOLCENGINE = {
	accessKeyId: 'AKLTSANDBOXDEMOACCESSKEY00000000',
	secretAccessKey: 'U0FOREJPWC1ERU1PLVNFQ1JFVC1OT1QtRk9SLVBST0RVQ1RJT04=',
	region: 'cn-north-1',
	appId: 123456,
};
