/* eslint-disable */
// "Options" and "Message Options" (issue 16): a send whose message takes a single extra shows it
// as its own field from version 1.1 — Cloud Custom Data (Broadcast to Live Groups, Import, Modify)
// or the Offline Push collection (Push to All) — instead of a "Message Options" collection of one
// option that adds its only field without a menu. Version 1 keeps the collection, so saved
// workflows send the same bodies. Real engine against the sandbox.
if (!process.env.N8N_LOG_LEVEL) process.env.N8N_LOG_LEVEL = 'silent';
import type { IDataObject, INodeProperties, INodeTypeDescription } from 'n8n-workflow';
import { tencentWorkflow } from '../../harness/fixtures';
import { tencentEngine } from '../../harness/registry';
import { startSandbox, type RtcSandbox } from '../../sandbox/server';
import { TencentChat } from '../../nodes/TencentChat/TencentChat.node';

let sb: RtcSandbox;
beforeAll(async () => {
	sb = await startSandbox();
});
afterAll(() => sb.close());
beforeEach(() => {
	sb.reset();
	sb.configure({ tencent: { logBodies: true } });
});

const text = { messageFormat: 'text', text: 'live now' };
const bodyOf = (path: string) => sb.state.tencent.requests.filter((r) => r.path.includes(path)).map((r) => r.body as IDataObject)[0];
const run = (params: IDataObject, typeVersion: number) => tencentEngine(sb.url).run(tencentWorkflow(params, { typeVersion }));

/** The collections and fields the editor shows for one operation of one version (displayOptions on resource, operation, @version). */
function shown(version: number, resource: string, operation: string): INodeProperties[] {
	const d = new TencentChat().nodeVersions[version].description as INodeTypeDescription;
	const matches = (want: unknown[] | undefined, value: unknown) =>
		want === undefined || want.some((w) => (typeof w === 'object' && w !== null && '_cnd' in w ? (value as number) >= (w as any)._cnd.gte : w === value));
	return d.properties.filter((p) => {
		const s = (p.displayOptions?.show ?? {}) as Record<string, unknown[]>;
		return matches(s.resource, resource) && matches(s.operation, operation) && matches(s['@version'], version);
	});
}

describe('no "Message Options" collection of a single option (1.1)', () => {
	test.each([
		['group', 'broadcastToAvGroups', 'cloudCustomData'],
		['message', 'import', 'cloudCustomData'],
		['message', 'modify', 'cloudCustomData'],
		['group', 'modifyMessage', 'cloudCustomData'],
		['push', 'pushToAll', 'offlinePush'],
	])('%s › %s: 1.1 shows %s itself, version 1 the collection', (resource, operation, own) => {
		const v11 = shown(1.1, resource, operation).map((p) => p.name);
		expect(v11).toContain(own);
		expect(v11).not.toContain('messageOptions');
		const v1 = shown(1, resource, operation);
		expect(v1.map((p) => p.name)).not.toContain(own);
		expect(v1.find((p) => p.name === 'messageOptions')!.options!.map((o: any) => o.name)).toEqual([own]);
	});

	test('every collection of every 1.1 operation offers more than one option', () => {
		const d = new TencentChat().nodeVersions[1.1].description as INodeTypeDescription;
		const single = d.properties
			.filter((p) => p.name === 'messageOptions' && (p.options ?? []).length < 2)
			.filter((p) => !((p.displayOptions?.show ?? {}) as any)['@version']?.includes(1));
		expect(single).toEqual([]);
	});

	test('sends with more than one message extra keep one "Message Options" collection, apart from Options by name and button', () => {
		for (const [resource, operation] of [['message', 'sendToUser'], ['message', 'sendToUsers'], ['group', 'sendMessage']]) {
			const props = shown(1.1, resource, operation);
			const m = props.find((p) => p.name === 'messageOptions')!;
			const o = props.find((p) => p.name === 'options')!;
			expect([m.displayName, m.placeholder]).toEqual(['Message Options', 'Add Message Option']);
			expect([o.displayName, o.placeholder]).toEqual(['Options', 'Add Option']);
			expect(m.options!.length).toBeGreaterThan(1);
		}
	});
});

describe('both places are read: the request body is the same', () => {
	test('Broadcast to Live Groups: Cloud Custom Data as a field (1.1) or in Message Options (1)', async () => {
		const params = { resource: 'group', operation: 'broadcastToAvGroups', ...text };
		const a = await run({ ...params, cloudCustomData: '{"orderId":"A123"}' }, 1.1);
		expect(a.run.data.resultData.error).toBeUndefined();
		const v11 = bodyOf('send_broadcast_msg');
		sb.reset();
		sb.configure({ tencent: { logBodies: true } });
		const b = await run({ ...params, messageOptions: { cloudCustomData: '{"orderId":"A123"}' } }, 1);
		expect(b.run.data.resultData.error).toBeUndefined();
		const v1 = bodyOf('send_broadcast_msg');
		expect(v11.CloudCustomData).toBe('{"orderId":"A123"}');
		expect({ ...v11, Random: 0 }).toEqual({ ...v1, Random: 0 });
	});

	test('Push to All: Offline Push as its own collection (1.1) or inside Message Options (1)', async () => {
		sb.seedTencentAccounts(['p1']);
		const params = { resource: 'push', operation: 'pushToAll', target: 'all', ...text };
		const push = { title: 'Sale', desc: 'Everything 20% off' };
		const a = await run({ ...params, offlinePush: push }, 1.1);
		expect(a.run.data.resultData.error).toBeUndefined();
		const v11 = sb.state.tencent.requests.at(-1)!.body as IDataObject;
		sb.reset();
		sb.configure({ tencent: { logBodies: true } });
		sb.seedTencentAccounts(['p1']);
		const b = await run({ ...params, messageOptions: { offlinePush: push } }, 1);
		expect(b.run.data.resultData.error).toBeUndefined();
		const v1 = sb.state.tencent.requests.at(-1)!.body as IDataObject;
		expect(v11.OfflinePushInfo).toEqual({ PushFlag: 0, Title: 'Sale', Desc: 'Everything 20% off' });
		expect(v1.OfflinePushInfo).toEqual(v11.OfflinePushInfo);
	});
});
