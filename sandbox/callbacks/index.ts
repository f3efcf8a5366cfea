// Sandbox code (not shipped): the callback (webhook) senders — one import point for server.ts, the tests and the scripts.
export { CallbackSender } from './sender';
export * from './types';
export { tencentSign } from '../tencent/callbacks';
export { volcengineSign, volcengineTime } from '../volcengine/callbacks';
