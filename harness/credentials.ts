// Credential data that works against the sandbox, one function per credential type, every field
// given (the engine does not fill in property defaults). The keys themselves live with the sandbox
// (sandbox/demo-credentials.ts), which must know them to verify signatures; how an n8n credential
// is filled in from them is the harness's business, written once here for the tests, the demo, the
// bench and the e2e/n8n scripts (`n8n import:credentials`).
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';
import { SANDBOX_TENCENT, SANDBOX_VOLCENGINE } from '../sandbox/demo-credentials';

export function volcengineCredentials(sandboxUrl: string, over: ICredentialDataDecryptedObject = {}): ICredentialDataDecryptedObject {
	return {
		accessKeyId: SANDBOX_VOLCENGINE.accessKeyId,
		secretAccessKey: SANDBOX_VOLCENGINE.secretAccessKey,
		sessionToken: '',
		region: SANDBOX_VOLCENGINE.region,
		customEndpoint: sandboxUrl,
		defaultAppId: String(SANDBOX_VOLCENGINE.appId),
		...over,
	};
}

export function tencentCredentials(sandboxUrl: string, over: ICredentialDataDecryptedObject = {}): ICredentialDataDecryptedObject {
	return {
		sdkAppId: String(SANDBOX_TENCENT.sdkAppId),
		secretKey: SANDBOX_TENCENT.secretKey,
		adminUserId: SANDBOX_TENCENT.adminUserId,
		region: 'chinaMainland',
		customEndpoint: sandboxUrl,
		userSigTtl: 604800,
		...over,
	};
}

/** Credential type name → its sandbox data builder. */
export const SANDBOX_CREDENTIALS = {
	volcengineRtcApi: volcengineCredentials,
	tencentChatApi: tencentCredentials,
} as const;

export type CredentialName = keyof typeof SANDBOX_CREDENTIALS;

/** Every credential pointed at the sandbox, keyed by type name; `over` adds or replaces fields per type. */
export function sandboxCredentialData(
	sandboxUrl: string,
	over: Partial<Record<CredentialName, ICredentialDataDecryptedObject>> = {},
): Record<CredentialName, ICredentialDataDecryptedObject> {
	return {
		volcengineRtcApi: volcengineCredentials(sandboxUrl, over.volcengineRtcApi),
		tencentChatApi: tencentCredentials(sandboxUrl, over.tencentChatApi),
	};
}
