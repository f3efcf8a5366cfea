/* eslint-disable */
// Volcengine RTC: tags are free strings (Go SDK `Tags []string`; doc examples `["age","level"]`),
// one rule for every operation that takes tags (Register, Broadcast, User → Update, User Tag →
// Update). Real n8n engine against the sandbox, configured as the real vendor behaves (issue 11).
if (!process.env.N8N_LOG_LEVEL) process.env.N8N_LOG_LEVEL = 'silent'; // the engine would log every expected error
import type { RtcSandbox } from '../../sandbox/server';
import { APP, itemsOf, volcengineSuite } from './suite';

let sb: RtcSandbox;
const { run, errorOf, sent, tagsOf } = volcengineSuite((s) => (sb = s));

describe('plain tags are sent as written ("vip", never "vip:") everywhere tags are taken', () => {
	test('Register: the key/value list with an empty value and the Tag List', async () => {
		const { run: r } = await run({
			resource: 'user',
			operation: 'register',
			userId: '11',
			additionalFields: { tags: { pairs: [{ key: 'beta', value: '' }, { key: 'level', value: 'gold' }] }, tagList: 'vip, level:gold' },
		});
		expect(r.data.resultData.error).toBeUndefined();
		expect(sent('RegisterUsers')).toEqual([`{"AppId":${APP},"Users":[{"UserId":11,"Tags":["beta","level:gold","vip"]}]}`]);
		expect(tagsOf('11')).toEqual(['beta', 'level:gold', 'vip']);
	});

	test('Broadcast: a plain filter tag reaches the users who have that plain tag', async () => {
		sb.seedVolcengineUsers(APP, [{ userId: '1', tags: ['vip'] }, { userId: '2', tags: { vip: 'yes' } }, { userId: '3' }]);
		const { run: r } = await run({ resource: 'message', operation: 'broadcast', sender: '10001', content: 'hi', msgType: 10001, tagList: '={{ ["vip"] }}' });
		expect(r.data.resultData.error).toBeUndefined();
		expect(sent('UserBroadcast')[0]).toContain('"Tags":["vip"]');
		expect(sb.state.volcengine.broadcasts[0].recipients.map(String)).toEqual(['1']);
		expect(itemsOf(r)[0].json).toMatchObject({ status: 'accepted', tags: ['vip'] });
	});

	test('User → Update: plain tags replace the tag list as written', async () => {
		sb.seedVolcengineUsers(APP, [{ userId: '5', tags: { level: 'vip' } }]);
		const { run: r } = await run({ resource: 'user', operation: 'update', userId: '5', updateFields: { tagList: 'vip' }, options: { unsetFields: 'clear' } });
		expect(r.data.resultData.error).toBeUndefined();
		expect(sent('BatchUpdateUser')[0]).toContain('"Tags":["vip"]');
		expect(tagsOf('5')).toEqual(['vip']);
	});

	test('User Tag → Update: a pair with an empty value is the plain tag', async () => {
		sb.seedVolcengineUsers(APP, [{ userId: '6' }]);
		const { run: r } = await run({ resource: 'userTag', operation: 'update', userId: '6', mode: 'set', tags: { pairs: [{ key: 'vip', value: '' }] } });
		expect(r.data.resultData.error).toBeUndefined();
		expect(sent('BatchUpdateUserTags')[0]).toContain('"Tags":["vip"]');
		expect(tagsOf('6')).toEqual(['vip']);
	});

	test('a tag that is not text is refused naming the field; nothing is sent', async () => {
		const { run: r } = await run({ resource: 'message', operation: 'broadcast', sender: '10001', content: 'hi', msgType: 10001, tagList: '={{ ["vip", { "a": 1 }] }}' });
		expect(errorOf({ run: r } as any).message).toMatch(/^Invalid "Tag List\[1\]" in item 0: a tag must be text/);
		expect(sb.state.volcengine.requests).toHaveLength(0);
	});
});
