/** tencent-chat.md §5.6: 4294967295 (0xFFFFFFFF) seconds means muted permanently. */
export const PERMANENT = 4294967295;
