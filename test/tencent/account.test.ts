/* eslint-disable */
// Tencent Chat → Account: Import (account_import), Import Many (multiaccount_import), Check
// (account_check), Delete (account_delete), Query Online Status (query_online_status)
// (tencent-chat.md §5). Real n8n engine against the sandbox.
if (!process.env.N8N_LOG_LEVEL) process.env.N8N_LOG_LEVEL = 'silent'; // the engine would log every expected error
import type { IDataObject } from 'n8n-workflow';
import { outputOf } from '../../harness/engine';
import type { RtcSandbox } from '../../sandbox/server';
import { ids, indexes, itemsOf, pairs, tencentSuite } from './suite';

let sb: RtcSandbox;
const { run: execute, calls } = tencentSuite((s) => (sb = s));
/** The run alone (status, data) of one engine run. */
const run = async (...args: Parameters<typeof execute>) => (await execute(...args)).run;

describe('Account → Import (account_import)', () => {
	test('imports with nickname and avatar; output per item', async () => {
		const r = await run({ resource: 'account', operation: 'import', account: 'alice', nick: 'Alice', faceUrl: 'https://x.test/a.png' });
		expect(r.data.resultData.error).toBeUndefined();
		expect(outputOf(r, 'Node')).toMatchObject([{ account: 'alice', status: 'imported', nick: 'Alice', faceUrl: 'https://x.test/a.png' }]);
		expect(sb.state.tencent.accounts.has('alice')).toBe(true);
		expect(sb.state.tencent.profiles.get('alice')).toEqual({ nick: 'Alice', faceUrl: 'https://x.test/a.png' });
		expect(calls('account_import')[0].code).toBe(0);
	});

	test('vendor error 70399: stops without continue-on-fail; an error item paired to its input with it', async () => {
		sb.configure({ tencent: { reimportBlockSeconds: 7776000 } });
		sb.seedTencentDeletedAccount('gone');
		const params = { resource: 'account', operation: 'import', account: '={{ $json.u }}' };
		const items = [{ u: 'a' }, { u: 'gone' }, { u: 'b' }];
		const off = await run(params, { items });
		expect(off.status).toBe('error');
		expect(off.data.resultData.error!.message).toMatch(/^Tencent Chat error 70399/);
		const on = await run(params, { items, continueOnFail: true });
		const out = itemsOf(on);
		expect(out.map((o) => o.json.status ?? o.json.code)).toEqual(['imported', '70399', 'imported']);
		expect(pairs(on)).toEqual(indexes(3));
	});
});

describe('Account → Import Many (multiaccount_import)', () => {
	test('250 items → 3 calls of 100/100/50 (AccountList form); FailAccounts mapped to their items', async () => {
		sb.configure({ tencent: { reimportBlockSeconds: 7776000 } });
		sb.seedTencentDeletedAccount('m7');
		sb.seedTencentDeletedAccount('m180');
		const items = ids('m', 250).map((u, i) => ({ u, n: `Nick ${i}` }));
		const r = await run({ resource: 'account', operation: 'importMany', account: '={{ $json.u }}', nick: '={{ $json.n }}' }, { items });
		expect(r.data.resultData.error).toBeUndefined();
		expect(calls('multiaccount_import')).toHaveLength(3);
		const out = itemsOf(r);
		expect(out).toHaveLength(250);
		expect(pairs(r)).toEqual(indexes(250));
		expect(out.map((o) => o.json.usersInCall)).toEqual([...Array(100).fill(100), ...Array(100).fill(100), ...Array(50).fill(50)]);
		expect(out[7].json).toMatchObject({ account: 'm7', status: 'failed' });
		expect(out[180].json).toMatchObject({ account: 'm180', status: 'failed' });
		expect(out[8].json).toMatchObject({ account: 'm8', status: 'imported', nick: 'Nick 8' });
		expect(out.filter((o) => o.json.status === 'imported')).toHaveLength(248);
		expect(sb.state.tencent.profiles.get('m249')).toEqual({ nick: 'Nick 249' });
		expect(sb.state.tencent.accounts.has('m7')).toBe(false);
	});

	test('the same user twice goes into separate calls; batch size is honoured', async () => {
		const items = [{ u: 'x' }, { u: 'y' }, { u: 'x' }, { u: 'z' }];
		const r = await run({ resource: 'account', operation: 'importMany', account: '={{ $json.u }}', options: { batchSize: 3 } }, { items });
		expect(calls('multiaccount_import')).toHaveLength(2);
		expect(itemsOf(r).map((o) => o.json.usersInCall)).toEqual([2, 2, 2, 2]);
	});
});

describe('Account → Check (account_check)', () => {
	test('150 items → 2 calls; Imported / NotImported per item', async () => {
		const accounts = ids('c', 150);
		sb.seedTencentAccounts(accounts.filter((_, i) => i % 3 === 0));
		const r = await run({ resource: 'account', operation: 'check', account: '={{ $json.u }}' }, { items: accounts.map((u) => ({ u })) });
		expect(calls('account_check')).toHaveLength(2);
		const out = itemsOf(r);
		expect(pairs(r)).toEqual(indexes(150));
		expect(out[0].json).toMatchObject({ account: 'c0', imported: true, accountStatus: 'Imported' });
		expect(out[1].json).toMatchObject({ account: 'c1', imported: false, accountStatus: 'NotImported' });
		expect(out.filter((o) => o.json.imported)).toHaveLength(50);
	});
});

describe('Account → Delete (account_delete)', () => {
	test('deletes per item; an unknown account is reported failed with its ResultCode; memberships go too', async () => {
		sb.seedTencentGroup({ groupId: 'g', type: 'Public', owner: 'd0', members: ['d1'] });
		sb.seedTencentAccounts(['d2']);
		const items = [{ u: 'd0' }, { u: 'd1' }, { u: 'nobody' }, { u: 'd2' }];
		const r = await run({ resource: 'account', operation: 'delete', account: '={{ $json.u }}' }, { items });
		expect(r.data.resultData.error).toBeUndefined();
		expect(calls('account_delete')).toHaveLength(1);
		expect(itemsOf(r).map((o) => [o.json.account, o.json.status, o.json.errorCode])).toEqual([
			['d0', 'deleted', undefined],
			['d1', 'deleted', undefined],
			['nobody', 'failed', 70107],
			['d2', 'deleted', undefined],
		]);
		expect(pairs(r)).toEqual(indexes(4));
		const g = sb.state.tencent.groups.get('g')!;
		expect([...g.members]).toEqual([]);
		expect(g.owner).toBeUndefined();
		expect(['d0', 'd1', 'd2'].some((a) => sb.state.tencent.accounts.has(a))).toBe(false);
	});

	test('130 items → calls of 100 and 30', async () => {
		const accounts = ids('z', 130);
		sb.seedTencentAccounts(accounts);
		await run({ resource: 'account', operation: 'delete', account: '={{ $json.u }}' }, { items: accounts.map((u) => ({ u })) });
		expect(calls('account_delete')).toHaveLength(2);
		expect(accounts.some((a) => sb.state.tencent.accounts.has(a))).toBe(false);
	});

	test('deletion not enabled (71000): error, or one error item per item of the call with continue-on-fail', async () => {
		sb.configure({ tencent: { accountDeleteDisabled: true } });
		sb.seedTencentAccounts(['a', 'b']);
		const params = { resource: 'account', operation: 'delete', account: '={{ $json.u }}' };
		const off = await run(params, { items: [{ u: 'a' }, { u: 'b' }] });
		expect(off.data.resultData.error!.message).toMatch(/^Tencent Chat error 71000/);
		const on = await run(params, { items: [{ u: 'a' }, { u: 'b' }], continueOnFail: true });
		expect(itemsOf(on).map((o) => o.json.code)).toEqual(['71000', '71000']);
		expect(pairs(on)).toEqual(indexes(2));
		expect(sb.state.tencent.accounts.has('a')).toBe(true);
	});
});

describe('Account → Query Online Status (query_online_status)', () => {
	test('600 items → calls of 500 and 100; statuses and ErrorList (70107) per item', async () => {
		const accounts = ids('o', 600);
		sb.seedTencentAccounts(accounts.filter((a) => a !== 'o550'));
		sb.seedTencentOnline('o1', 'Online');
		sb.seedTencentOnline('o2', 'PushOnline');
		sb.seedTencentOnline('o520', [{ Platform: 'Web', Status: 'Online' }]);
		const r = await run({ resource: 'account', operation: 'queryOnlineStatus', account: '={{ $json.u }}' }, { items: accounts.map((u) => ({ u })) });
		expect(r.data.resultData.error).toBeUndefined();
		expect(calls('query_online_status')).toHaveLength(2);
		const out = itemsOf(r);
		expect(out).toHaveLength(600);
		expect(pairs(r)).toEqual(indexes(600));
		expect(out[0].json).toMatchObject({ account: 'o0', onlineStatus: 'Offline', online: false, usersInCall: 500 });
		expect(out[1].json).toMatchObject({ account: 'o1', onlineStatus: 'Online', online: true });
		expect(out[2].json).toMatchObject({ account: 'o2', onlineStatus: 'PushOnline', online: false });
		expect(out[520].json).toMatchObject({ account: 'o520', onlineStatus: 'Online', usersInCall: 100 });
		expect(out[550].json).toMatchObject({ account: 'o550', status: 'failed', errorCode: 70107 });
		expect(out[0].json.detail).toBeUndefined();
	});

	test('Include Device Details sends IsNeedDetail and returns platforms', async () => {
		sb.seedTencentOnline('p', [
			{ Platform: 'Android', Status: 'PushOnline' },
			{ Platform: 'Mac', Status: 'Online' },
		]);
		const r = await run({ resource: 'account', operation: 'queryOnlineStatus', account: 'p', options: { detail: true } });
		expect(outputOf(r, 'Node')[0]).toMatchObject({
			account: 'p',
			onlineStatus: 'Online',
			detail: [
				{ Platform: 'Android', Status: 'PushOnline' },
				{ Platform: 'Mac', Status: 'Online' },
			],
		});
	});

	test('items that differ in Include Device Details do not share a call', async () => {
		sb.seedTencentAccounts(['a', 'b', 'c']);
		const items = [{ u: 'a', d: false }, { u: 'b', d: true }, { u: 'c', d: true }];
		const r = await run({ resource: 'account', operation: 'queryOnlineStatus', account: '={{ $json.u }}', options: { detail: '={{ $json.d }}' } }, { items });
		expect(calls('query_online_status')).toHaveLength(2);
		expect(itemsOf(r).map((o) => o.json.detail)).toEqual([undefined, [], []]);
	});
});

describe('validation before sending (field and item named, nothing sent)', () => {
	const long = (n: number) => 'x'.repeat(n);
	const cases: Array<[string, IDataObject, RegExp]> = [
		['import: user ID over 32 bytes', { resource: 'account', operation: 'import', account: long(33) }, /Invalid "User ID" in item 0: .* longer than 32 bytes/],
		['import: nickname over 500 bytes', { resource: 'account', operation: 'import', account: 'a', nick: long(501) }, /Invalid "Nickname" in item 0: is 501 bytes; the limit is 500 bytes/],
		['import many: empty user ID', { resource: 'account', operation: 'importMany', account: '={{ "" }}' }, /Invalid "User ID" in item 0: is required/],
		['import many: batch size 101', { resource: 'account', operation: 'importMany', account: 'a', options: { batchSize: 101 } }, /Invalid "Batch Size" in item 0: must be between 1 and 100/],
		['check: user ID as an object', { resource: 'account', operation: 'check', account: '={{ {a: 1} }}' }, /Invalid "User ID" in item 0: must be a user ID/],
		['delete: empty user ID', { resource: 'account', operation: 'delete', account: '={{ "" }}' }, /Invalid "User ID" in item 0/],
		['online status: batch size 501', { resource: 'account', operation: 'queryOnlineStatus', account: 'a', options: { batchSize: 501 } }, /Invalid "Batch Size" in item 0: must be between 1 and 500/],
	];
	test.each(cases)('%s', async (_name, params, message) => {
		const r = await run(params);
		expect(r.status).toBe('error');
		expect(r.data.resultData.error!.message).toMatch(message);
		expect(sb.state.tencent.requests).toHaveLength(0);
	});

	test('with continue-on-fail only the invalid item becomes an error; coalesced calls carry the rest', async () => {
		const items = [{ u: 'a' }, { u: long(40) }, { u: 'b' }];
		const r = await run({ resource: 'account', operation: 'importMany', account: '={{ $json.u }}' }, { items, continueOnFail: true });
		const out = itemsOf(r);
		expect(out.map((o) => o.json.status ?? 'error')).toEqual(['imported', 'error', 'imported']);
		expect(String(out[1].json.error)).toMatch(/in item 1/);
		expect(calls('multiaccount_import')).toHaveLength(1);
		expect(pairs(r)).toEqual(indexes(3));
	});
});
