/* eslint-disable */
// Tencent Chat → Profile: Get (portrait_get, ≤ 100 users per call), Set (portrait_set).
// Real n8n engine against the sandbox.
if (!process.env.N8N_LOG_LEVEL) process.env.N8N_LOG_LEVEL = 'silent';
import { ids, indexes, pairs } from './suite';
import { userSuite } from './userSuite';

const { sandbox, run, json, calls, expectRefused } = userSuite();

describe('Profile → Set (portrait_set)', () => {
	test('standard and custom fields become ProfileItem entries; Get reads them back', async () => {
		sandbox().seedTencentAccounts(['alice']);
		const r = await run({
			resource: 'profile',
			operation: 'set',
			account: 'alice',
			profileFields: { nickname: 'Alice', gender: 'Gender_Type_Female', birthday: 19900101, allowType: 'AllowType_Type_DenyAny', level: 7 },
			customFields: { pairs: [{ key: 'vip', value: 'gold' }] },
		});
		expect(r.data.resultData.error).toBeUndefined();
		expect(json(r)[0]).toMatchObject({
			account: 'alice',
			status: 'updated',
			fields: expect.arrayContaining(['Tag_Profile_IM_Nick', 'Tag_Profile_Custom_vip']),
		});
		const [sent] = calls('portrait_set');
		expect(sent.body).toEqual({
			From_Account: 'alice',
			ProfileItem: [
				{ Tag: 'Tag_Profile_IM_Nick', Value: 'Alice' },
				{ Tag: 'Tag_Profile_IM_Gender', Value: 'Gender_Type_Female' },
				{ Tag: 'Tag_Profile_IM_BirthDay', Value: 19900101 },
				{ Tag: 'Tag_Profile_IM_AllowType', Value: 'AllowType_Type_DenyAny' },
				{ Tag: 'Tag_Profile_IM_Level', Value: 7 },
				{ Tag: 'Tag_Profile_Custom_vip', Value: 'gold' },
			],
		});
		const g = await run({
			resource: 'profile',
			operation: 'get',
			account: 'alice',
			tags: ['Tag_Profile_IM_Nick', 'Tag_Profile_IM_Level'],
			options: { customFields: 'vip' },
		});
		expect(json(g)[0]).toMatchObject({ account: 'alice', nickname: 'Alice', level: 7, custom: { vip: 'gold' } });
	});

	test('unknown account (40003) with continue-on-fail: error item paired to its input; without it the run fails', async () => {
		sandbox().seedTencentAccounts(['bob']);
		const params = { resource: 'profile', operation: 'set', account: '={{ $json.a }}', profileFields: { signature: 'hi' } };
		const on = await run(params, { items: [{ a: 'bob' }, { a: 'ghost' }], continueOnFail: true });
		expect(json(on).map((o) => o.status ?? o.code)).toEqual(['updated', '40003']);
		expect(pairs(on)).toEqual(indexes(2));
		const off = await run(params, { items: [{ a: 'ghost' }] });
		expect(off.data.resultData.error!.message).toMatch(/^Tencent Chat error 40003/);
	});

	test('bad input: nothing to set, a value over 500 bytes, a bad custom name — nothing sent', async () => {
		await expectRefused({ resource: 'profile', operation: 'set', account: 'a' }, 'Profile Fields', /nothing to set/);
		await expectRefused({ resource: 'profile', operation: 'set', account: 'a', profileFields: { nickname: 'x'.repeat(501) } }, 'Nickname', /500 bytes/);
		await expectRefused(
			{ resource: 'profile', operation: 'set', account: 'a', customFields: { pairs: [{ key: 'much-too-long', value: '1' }] } },
			'Custom Fields',
		);
	});
});

describe('Profile → Get (portrait_get)', () => {
	test('150 users → calls of 100 and 50; an unknown user fails on its own item', async () => {
		const users = ids('p', 150);
		sandbox().seedTencentAccounts(users.filter((u) => u !== 'p7'));
		const r = await run(
			{ resource: 'profile', operation: 'get', account: '={{ $json.u }}', tags: ['Tag_Profile_IM_Nick'] },
			{ items: users.map((u) => ({ u })) },
		);
		expect(r.data.resultData.error).toBeUndefined();
		expect(calls('portrait_get')).toHaveLength(2);
		const out = json(r);
		expect(out).toHaveLength(150);
		expect(out[7]).toMatchObject({ account: 'p7', status: 'failed', code: '40003' });
		expect(out[8]).toMatchObject({ account: 'p8', usersInCall: 100 });
		expect(out[149]).toMatchObject({ usersInCall: 50 });
		expect(pairs(r)).toEqual(indexes(150));
	});

	test('the nickname given at import is the profile nickname', async () => {
		await run({ resource: 'account', operation: 'import', account: 'carol', nick: 'Carol' });
		const r = await run({ resource: 'profile', operation: 'get', account: 'carol' });
		expect((calls('portrait_get')[0].body as any).TagList).toHaveLength(12); // no Fields chosen = every standard field
		expect(json(r)[0]).toMatchObject({ account: 'carol', nickname: 'Carol' });
	});
});
