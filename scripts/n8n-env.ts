// A real n8n for `npm run test:e2e`, `npm run n8n`, `npm run screenshots`, the queue test and the
// bench: the runtime (scripts/n8n-runtime.ts: Node 24 + n8n in a cache folder, processes, our
// package) and the instance (scripts/n8n-instance.ts: CLI, start, workflows, credentials, owner).
export * from './n8n-runtime';
export * from './n8n-instance';
