import type { Icon } from 'n8n-workflow';

/**
 * Relative to the registered node file (dist/nodes/VolcengineRtcTrigger/VolcengineRtcTrigger.node.js):
 * n8n resolves the icon of every version from there. test/package.test.ts checks the files exist.
 */
export const volcengineRtcTriggerIcon: Icon = { light: 'file:../../icons/volcengine.svg', dark: 'file:../../icons/volcengine.dark.svg' };
