/* eslint-disable */
// Volcengine RTC → User Tag → Update (BatchUpdateUserTags): coalescing, FailedInfos per item, and
// the current API form {AppId, Op, UserIds, Tags} by default with the legacy per-user map as an
// option (Go SDK volcengine/volc-sdk-golang service/im/model.go BatchUpdateUserTagsBody; doc
// 6348/1125995). Real n8n engine against the sandbox.
if (!process.env.N8N_LOG_LEVEL) process.env.N8N_LOG_LEVEL = 'silent'; // the engine would log every expected error
import type { IDataObject } from 'n8n-workflow';
import { outputOf } from '../../harness/engine';
import { volcWorkflow } from '../../harness/fixtures';
import { volcengineEngine } from '../../harness/registry';
import type { RtcSandbox } from '../../sandbox/server';
import { APP, BIG_USER, itemsOf, volcengineSuite } from './suite';

let sb: RtcSandbox;
const { run, calls, errorOf, sent, tagsOf, clearRequests } = volcengineSuite((s) => (sb = s));
const BIG = BIG_USER;

describe('User Tag → Update (BatchUpdateUserTags)', () => {
	const upd = (extra: Record<string, unknown> = {}) => ({
		resource: 'userTag',
		operation: 'update',
		userId: '={{ $json.id }}',
		mode: 'set',
		tags: { pairs: [{ key: 'level', value: '={{ $json.level }}' }] },
		...extra,
	});

	// These tests give every item its own tag value: only the legacy per-user map form can put such
	// items into one call (the current form sends one tag list for all users of a call; see
	// the current-form block below), so they run the legacy form against a sandbox that takes it.
	test('legacy form: 120 items are coalesced into 3 calls; each FailedInfos entry goes back to its own item', async () => {
		sb.configure({ volcengine: { tagApiForm: 'legacy' } });
		sb.seedVolcengineUsers(APP, Array.from({ length: 120 }, (_, i) => ({ userId: String(1000 + i) })).filter((u) => u.userId !== '1077'));
		const items = Array.from({ length: 120 }, (_, i) => ({ id: String(1000 + i), level: i % 2 ? 'gold' : 'silver' }));
		const { run } = await volcengineEngine(sb.url).run(volcWorkflow(upd({ options: { apiForm: 'legacy' } }), { items }));
		expect(run.data.resultData.error).toBeUndefined();
		expect(calls('BatchUpdateUserTags')).toHaveLength(3);
		const out = itemsOf(run);
		expect(out).toHaveLength(120);
		out.forEach((o, i) => expect(o.pairedItem).toEqual({ item: i }));
		expect(out.filter((o) => o.json.status === 'failed').map((o) => o.json.userId)).toEqual(['1077']);
		expect(out[77].json).toMatchObject({ status: 'failed', code: 'UserNotFound' });
		expect(out[5].json).toMatchObject({ status: 'updated', tags: { level: 'gold' } });
		expect(sb.state.volcengine.users.get(APP)!.get(1005n)!.tags.get('level')).toBe('gold');
	});

	test('legacy form: batch size option and the same user twice never share a call (order kept)', async () => {
		sb.configure({ volcengine: { tagApiForm: 'legacy' } });
		sb.seedVolcengineUsers(APP, [{ userId: '7' }, { userId: '8' }]);
		const items = [
			{ id: '7', level: 'a' },
			{ id: '8', level: 'b' },
			{ id: '7', level: 'c' },
		];
		await volcengineEngine(sb.url).run(volcWorkflow(upd({ options: { batchSize: 10, apiForm: 'legacy' } }), { items }));
		expect(calls('BatchUpdateUserTags')).toHaveLength(2);
		expect(sb.state.volcengine.users.get(APP)!.get(7n)!.tags.get('level')).toBe('c');
	});

	test('delete mode removes keys', async () => {
		sb.seedVolcengineUsers(APP, [{ userId: '9', tags: { level: 'vip', city: 'sh' } }]);
		const { run } = await volcengineEngine(sb.url).run(
			volcWorkflow({ resource: 'userTag', operation: 'update', userId: '9', mode: 'delete', tagKeys: 'level' }),
		);
		expect(outputOf(run, 'Node')[0]).toMatchObject({ status: 'updated', mode: 'delete', tags: ['level'] });
		expect([...sb.state.volcengine.users.get(APP)!.get(9n)!.tags.keys()]).toEqual(['city']);
	});

	test('a whole-call vendor error with continue-on-fail gives an error item for each item of that call', async () => {
		const items = [{ id: '1', level: 'x' }, { id: '2', level: 'y' }];
		const { run } = await volcengineEngine(sb.url).run(volcWorkflow(upd({ appId: '999' }), { items, continueOnFail: true }));
		const out = itemsOf(run);
		expect(out.map((o) => [o.json.code, o.pairedItem])).toEqual([
			['InvalidParameter.NotExistAppId', { item: 0 }],
			['InvalidParameter.NotExistAppId', { item: 1 }],
		]);
	});
});

describe('User Tag → Update: current API form by default, legacy per-user map as an option', () => {
	const upd = (extra: IDataObject = {}) => ({
		resource: 'userTag',
		operation: 'update',
		userId: '={{ $json.id }}',
		mode: 'set',
		tags: { pairs: [{ key: 'level', value: '={{ $json.level }}' }] },
		...extra,
	});

	test('default form is UserIds + Tags; items with the same tags and mode share a call (brought together when no user repeats); ids exact', async () => {
		sb.seedVolcengineUsers(APP, ['1', '2', BIG, '4', '5'].map((userId) => ({ userId })));
		const items = [
			{ id: '1', level: 'vip' },
			{ id: '2', level: 'vip' },
			{ id: BIG, level: 'vip' },
			{ id: '4', level: 'gold' },
			{ id: '5', level: 'vip' },
		];
		const { run: r } = await run(upd({ tagList: 'beta' }), { items });
		expect(r.data.resultData.error).toBeUndefined();
		expect(calls('BatchUpdateUserTags').map((c) => c.size)).toEqual([4, 1]);
		const [first] = sent('BatchUpdateUserTags');
		// int64 ids as bare JSON numbers, exact; no InboxType and no UserTags in the current form
		expect(first).toBe(`{"AppId":${APP},"UserIds":[1,2,${BIG},5],"Tags":["level:vip","beta"],"Op":0}`);
		expect(tagsOf(BIG)).toEqual(['beta', 'level:vip']);
		expect(tagsOf('4')).toEqual(['beta', 'level:gold']);
		const out = itemsOf(r);
		expect(out.map((o) => o.pairedItem)).toEqual(items.map((_, item) => ({ item })));
		expect(out[2].json).toMatchObject({ userId: BIG, status: 'updated', apiForm: 'current', tags: ['level:vip', 'beta'], batchSize: 4 });
	});

	test('when a user appears in two items, only consecutive items share a call, so the later update wins', async () => {
		sb.seedVolcengineUsers(APP, ['1', '2', '3'].map((userId) => ({ userId })));
		const items = [
			{ id: '1', level: 'vip' },
			{ id: '2', level: 'gold' },
			{ id: '1', level: 'gold' },
			{ id: '3', level: 'vip' },
		];
		const { run: r } = await run(upd(), { items });
		expect(r.data.resultData.error).toBeUndefined();
		expect(calls('BatchUpdateUserTags').map((c) => c.size)).toEqual([1, 2, 1]);
		expect(sent('BatchUpdateUserTags')[1]).toBe(`{"AppId":${APP},"UserIds":[2,1],"Tags":["level:gold"],"Op":0}`);
		expect(tagsOf('1')).toEqual(['level:gold']);
		expect(itemsOf(r).map((o) => o.pairedItem)).toEqual(items.map((_, item) => ({ item })));
	});

	test('a sandbox that takes only the legacy form refuses the default; the legacy option sends UserTags', async () => {
		sb.configure({ volcengine: { tagApiForm: 'legacy' } });
		sb.seedVolcengineUsers(APP, [{ userId: '1' }]);
		const current = await run(upd({ userId: '1', tags: { pairs: [{ key: 'level', value: 'vip' }] } }));
		expect(current.run.status).toBe('error');
		expect(errorOf(current).message).toMatch(/InvalidParameter: UserTags is required/);
		expect(sent('BatchUpdateUserTags')[0]).toContain('"UserIds":[1]');

		clearRequests();
		const legacy = await run(upd({ userId: '1', tags: { pairs: [{ key: 'level', value: 'vip' }] }, options: { apiForm: 'legacy' } }));
		expect(legacy.run.data.resultData.error).toBeUndefined();
		expect(sent('BatchUpdateUserTags')).toEqual([`{"AppId":${APP},"InboxType":0,"UserTags":[{"UserId":1,"Tags":{"level":"vip"}}],"Op":0}`]);
		expect(tagsOf('1')).toEqual(['level:vip']);
		expect(itemsOf(legacy.run)[0].json).toMatchObject({ status: 'updated', apiForm: 'legacy', tags: { level: 'vip' } });
	});

	test('the current-only sandbox (the vendor today) refuses the legacy form', async () => {
		sb.seedVolcengineUsers(APP, [{ userId: '1' }]);
		const r = await run(upd({ userId: '1', tags: { pairs: [{ key: 'level', value: 'vip' }] }, options: { apiForm: 'legacy' } }));
		expect(r.run.status).toBe('error');
		expect(errorOf(r).message).toMatch(/InvalidParameter: UserIds is required/);
		expect(tagsOf('1')).toEqual([]);
	});

	test('FailedInfos of a coalesced call go back to the item of that user', async () => {
		sb.seedVolcengineUsers(APP, [{ userId: '1' }, { userId: '3' }]);
		const items = [{ id: '1' }, { id: '2' }, { id: '3' }];
		const { run: r } = await run(upd({ tags: {}, tagList: 'vip' }), { items });
		expect(calls('BatchUpdateUserTags')).toHaveLength(1);
		expect(itemsOf(r).map((o) => [o.json.userId, o.json.status, o.json.code])).toEqual([
			['1', 'updated', undefined],
			['2', 'failed', 'UserNotFound'],
			['3', 'updated', undefined],
		]);
	});

	test('the batch size caps a call; the same user twice never shares a call', async () => {
		sb.seedVolcengineUsers(APP, Array.from({ length: 7 }, (_, i) => ({ userId: String(i + 1) })));
		const items = [1, 2, 3, 4, 5, 6, 7, 7].map((id) => ({ id: String(id), level: 'vip' }));
		await run(upd({ options: { batchSize: 3 } }), { items });
		expect(calls('BatchUpdateUserTags').map((c) => c.size)).toEqual([3, 3, 1, 1]);
	});

	test('delete (Op 1) in the current form sends the keys / plain tags as written', async () => {
		sb.seedVolcengineUsers(APP, [{ userId: '9', tags: { level: 'vip', city: 'sh', beta: null } }]);
		const { run: r } = await run({ resource: 'userTag', operation: 'update', userId: '9', mode: 'delete', tagKeys: 'level, beta' });
		expect(r.data.resultData.error).toBeUndefined();
		expect(sent('BatchUpdateUserTags')).toEqual([`{"AppId":${APP},"UserIds":[9],"Tags":["level","beta"],"Op":1}`]);
		expect(tagsOf('9')).toEqual(['city:sh']);
		expect(itemsOf(r)[0].json).toMatchObject({ mode: 'delete', tags: ['level', 'beta'], status: 'updated' });
	});
});
