/* eslint-disable */
// Sandbox-only demo credentials: they work against the bundled sandbox and nowhere else.

export const SANDBOX_VOLCENGINE = {
	accessKeyId: 'AKLTSANDBOXDEMOACCESSKEY00000000',
	secretAccessKey: 'U0FOREJPWC1ERU1PLVNFQ1JFVC1OT1QtRk9SLVBST0RVQ1RJT04=',
	region: 'cn-north-1',
	appId: 123456,
};

export const SANDBOX_TENCENT = {
	sdkAppId: 1400123456,
	secretKey: 'fa7d52d4e1a0f41323a5d6c12bf7e23fa5f670d600b8eeed32d19c725afbaaef',
	adminUserId: 'administrator',
};
