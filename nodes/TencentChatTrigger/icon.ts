import type { Icon } from 'n8n-workflow';

/**
 * Relative to the registered node file (dist/nodes/TencentChatTrigger/TencentChatTrigger.node.js):
 * n8n resolves the icon of every version from there. test/package.test.ts checks the files exist.
 */
export const tencentChatTriggerIcon: Icon = { light: 'file:../../icons/tencentchat.svg', dark: 'file:../../icons/tencentchat.dark.svg' };
