/**
 * Programmatic entry point. n8n loads the nodes and credentials from the `n8n` field of
 * package.json; this module re-exports them and the pure signers for use outside n8n.
 */
export { VolcengineRtc } from './nodes/VolcengineRtc/VolcengineRtc.node';
export { TencentChat } from './nodes/TencentChat/TencentChat.node';
export { TencentChatTrigger } from './nodes/TencentChatTrigger/TencentChatTrigger.node';
export { VolcengineRtcTrigger } from './nodes/VolcengineRtcTrigger/VolcengineRtcTrigger.node';
export { VolcengineRtcApi } from './credentials/VolcengineRtcApi.credentials';
export { TencentChatApi } from './credentials/TencentChatApi.credentials';
export { signVolcengineRequest, type VolcengineSigningInput, type VolcengineSignature } from './nodes/VolcengineRtc/transport/signer';
export { genUserSig, type UserSigInput } from './nodes/TencentChat/transport/usersig';
export { parseJson, stringifyJson } from './nodes/shared/json';
