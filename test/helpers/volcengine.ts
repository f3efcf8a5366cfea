import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';
import { createEngine } from './n8n-engine';
import { Code, ScheduleTrigger } from './standins';
import { PKG, workflow, type FixtureOptions } from './fixtures';
import { VolcengineRtc } from '../../nodes/VolcengineRtc/VolcengineRtc.node';
import { VolcengineRtcApi } from '../../credentials/VolcengineRtcApi.credentials';
import { SANDBOX_VOLCENGINE } from '../../sandbox/demo-credentials';

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

export function volcengineEngine(sandboxUrl: string, over: ICredentialDataDecryptedObject = {}) {
	return createEngine({
		nodeTypes: {
			[`${PKG}.volcengineRtc`]: new VolcengineRtc(),
			'n8n-nodes-base.code': new Code(),
			'n8n-nodes-base.scheduleTrigger': new ScheduleTrigger(),
		},
		credentialTypes: { volcengineRtcApi: new VolcengineRtcApi() },
		credentials: { volcengineRtcApi: volcengineCredentials(sandboxUrl, over) },
	});
}

export const volcWorkflow = (parameters: IDataObject, o: Partial<FixtureOptions> = {}) =>
	workflow(parameters, { credentialType: 'volcengineRtcApi', nodeType: 'volcengineRtc', ...o });
