// Every node type and credential type the engine harness knows, in one table each, and engines with
// every credential pointed at the sandbox. Used by the tests, scripts/demo.ts (examples/*.json), the
// soak and the bench. Import this (or harness/engine) before anything else that imports n8n-core.
import { createEngine, ManualTrigger, type AnyNodeType, type EngineOptions } from './engine';
import type { ICredentialDataDecryptedObject, ICredentialType } from 'n8n-workflow';
import { PKG } from './fixtures';
import { Code, ScheduleTrigger } from './standins';
import { SANDBOX_CREDENTIALS, sandboxCredentialData, type CredentialName } from './credentials';
import { TencentChat } from '../nodes/TencentChat/TencentChat.node';
import { TencentChatApi } from '../credentials/TencentChatApi.credentials';
import { TencentChatTrigger } from '../nodes/TencentChatTrigger/TencentChatTrigger.node';
import { VolcengineRtcTrigger } from '../nodes/VolcengineRtcTrigger/VolcengineRtcTrigger.node';
import { VolcengineRtc } from '../nodes/VolcengineRtc/VolcengineRtc.node';
import { VolcengineRtcApi } from '../credentials/VolcengineRtcApi.credentials';

export type { AnyNodeType };

/** Workflow-JSON node type name → factory. */
export const NODE_TYPES: Record<string, () => AnyNodeType> = {
	// n8n-nodes-base stand-ins (harness/standins.ts)
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
	volcengineRtcApi: { type: () => new VolcengineRtcApi(), data: (url) => SANDBOX_CREDENTIALS.volcengineRtcApi(url) },
	tencentChatApi: { type: () => new TencentChatApi(), data: (url) => SANDBOX_CREDENTIALS.tencentChatApi(url) },
};

export interface SandboxEngineOptions extends Pick<EngineOptions, 'savedStaticData' | 'storageLatencyMs'> {
	/** Fields added to or replaced in a credential's sandbox data, per credential type. */
	credentials?: Partial<Record<CredentialName, ICredentialDataDecryptedObject>>;
}

/** An engine with every registered node, and every registered credential pointed at the sandbox. */
export function sandboxEngine(sandboxUrl: string, o: SandboxEngineOptions = {}) {
	const nodeTypes: Record<string, AnyNodeType> = {};
	for (const [name, make] of Object.entries(NODE_TYPES)) nodeTypes[name] = make();
	const credentialTypes: Record<string, ICredentialType> = {};
	for (const [name, c] of Object.entries(CREDENTIAL_TYPES)) credentialTypes[name] = c.type();
	const credentials = sandboxCredentialData(sandboxUrl, o.credentials);
	return createEngine({ nodeTypes, credentialTypes, credentials, savedStaticData: o.savedStaticData, storageLatencyMs: o.storageLatencyMs });
}

/** sandboxEngine with fields of the Volcengine credential replaced (e.g. a wrong secret, a callback secret). */
export const volcengineEngine = (sandboxUrl: string, over: ICredentialDataDecryptedObject = {}) =>
	sandboxEngine(sandboxUrl, { credentials: { volcengineRtcApi: over } });

/** sandboxEngine with fields of the Tencent credential replaced (e.g. a callback token). */
export const tencentEngine = (sandboxUrl: string, over: ICredentialDataDecryptedObject = {}) =>
	sandboxEngine(sandboxUrl, { credentials: { tencentChatApi: over } });
