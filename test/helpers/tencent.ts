import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';
import { createEngine } from './n8n-engine';
import { Code, ScheduleTrigger } from './standins';
import { PKG, workflow, type FixtureOptions } from './fixtures';
import { TencentChat } from '../../nodes/TencentChat/TencentChat.node';
import { TencentChatApi } from '../../credentials/TencentChatApi.credentials';
import { SANDBOX_TENCENT } from '../../sandbox/demo-credentials';

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

export function tencentEngine(sandboxUrl: string, over: ICredentialDataDecryptedObject = {}) {
	return createEngine({
		nodeTypes: {
			[`${PKG}.tencentChat`]: new TencentChat(),
			'n8n-nodes-base.code': new Code(),
			'n8n-nodes-base.scheduleTrigger': new ScheduleTrigger(),
		},
		credentialTypes: { tencentChatApi: new TencentChatApi() },
		credentials: { tencentChatApi: tencentCredentials(sandboxUrl, over) },
	});
}

export const tencentWorkflow = (parameters: IDataObject, o: Partial<FixtureOptions> = {}) =>
	workflow(parameters, { credentialType: 'tencentChatApi', nodeType: 'tencentChat', ...o });
