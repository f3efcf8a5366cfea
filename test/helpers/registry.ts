// Every node type and credential type the engine harness knows, in one table each, and how each
// credential is pointed at the sandbox. Used by scripts/demo.ts (examples/*.json) and by tests that
// want "everything registered". Import this before anything else that imports n8n-core.
import { createEngine, ManualTrigger } from './n8n-engine';
import type { ICredentialDataDecryptedObject, ICredentialType, INodeType, IVersionedNodeType } from 'n8n-workflow';
import { PKG } from './fixtures';
import { Code, ScheduleTrigger } from './standins';
import { tencentCredentials } from './tencent';
import { volcengineCredentials } from './volcengine';
import { TencentChat } from '../../nodes/TencentChat/TencentChat.node';
import { TencentChatApi } from '../../credentials/TencentChatApi.credentials';
import { TencentChatTrigger } from '../../nodes/TencentChatTrigger/TencentChatTrigger.node';
import { VolcengineRtcTrigger } from '../../nodes/VolcengineRtcTrigger/VolcengineRtcTrigger.node';
import { VolcengineRtc } from '../../nodes/VolcengineRtc/VolcengineRtc.node';
import { VolcengineRtcApi } from '../../credentials/VolcengineRtcApi.credentials';

export type AnyNodeType = INodeType | IVersionedNodeType;

/** Workflow-JSON node type name → factory. */
export const NODE_TYPES: Record<string, () => AnyNodeType> = {
	// n8n-nodes-base stand-ins (test/helpers/standins.ts, n8n-engine.ts)
	'n8n-nodes-base.manualTrigger': () => new ManualTrigger(),
	'n8n-nodes-base.scheduleTrigger': () => new ScheduleTrigger(),
	'n8n-nodes-base.code': () => new Code(),
	// nodes of this package
	[`${PKG}.volcengineRtc`]: () => new VolcengineRtc(),
	[`${PKG}.tencentChat`]: () => new TencentChat(),
	[`${PKG}.tencentChatTrigger`]: () => new TencentChatTrigger(),
	[`${PKG}.volcengineRtcTrigger`]: () => new VolcengineRtcTrigger(),
};

export interface SandboxCredential {
	type: () => ICredentialType;
	/** Credential data that works against the sandbox at this URL (every field: defaults are not filled in). */
	data: (sandboxUrl: string) => ICredentialDataDecryptedObject;
}

/** Credential type name → type and sandbox data. */
export const CREDENTIAL_TYPES: Record<string, SandboxCredential> = {
	volcengineRtcApi: { type: () => new VolcengineRtcApi(), data: (url) => volcengineCredentials(url) },
	tencentChatApi: { type: () => new TencentChatApi(), data: (url) => tencentCredentials(url) },
};

/** An engine with every registered node, and every registered credential pointed at the sandbox. */
export function sandboxEngine(sandboxUrl: string) {
	const nodeTypes: Record<string, AnyNodeType> = {};
	for (const [name, make] of Object.entries(NODE_TYPES)) nodeTypes[name] = make();
	const credentialTypes: Record<string, ICredentialType> = {};
	const credentials: Record<string, ICredentialDataDecryptedObject> = {};
	for (const [name, c] of Object.entries(CREDENTIAL_TYPES)) {
		credentialTypes[name] = c.type();
		credentials[name] = c.data(sandboxUrl);
	}
	return createEngine({ nodeTypes, credentialTypes, credentials });
}
