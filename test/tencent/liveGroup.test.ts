/* eslint-disable */
// Tencent Chat → Live Group: Get Online Members (get_members), Set Member Marks (modify_user_info).
// Real n8n engine against the sandbox.
if (!process.env.N8N_LOG_LEVEL) process.env.N8N_LOG_LEVEL = 'silent';
import { outputOf } from '../../harness/engine';
import type { RtcSandbox } from '../../sandbox/server';
import { bodiesOf, rl } from './groupLists';
import { ids, itemsOf, tencentSuite } from './suite';

let sb: RtcSandbox;
const { run: execute, expectRefused } = tencentSuite((s) => (sb = s));
const run = async (...args: Parameters<typeof execute>) => (await execute(...args)).run;
beforeEach(() => sb.configure({ tencent: { logBodies: true } }));

function liveGroup(n: number) {
	const members = ids('v', n);
	sb.seedTencentGroup({ groupId: 'live', type: 'AVChatRoom', members });
	for (const m of members) sb.seedTencentOnline(m, 'Online');
	return members;
}

test('1,200 online members → 3 pages following the int64 NextTimestamp exactly; Limit stops early', async () => {
	liveGroup(1200);
	const r = await run({ resource: 'liveGroup', operation: 'getOnlineMembers', group: rl('live'), returnAll: true });
	expect(itemsOf(r)).toHaveLength(1200);
	expect(itemsOf(r)[0].json).toMatchObject({ memberAccount: 'v0', nickName: '', avatar: '' });
	const sent = bodiesOf(sb, 'get_members');
	expect(sent.map((b) => String(b.Timestamp))).toEqual(['0', '1700000000000000500', '1700000000000001000']);
	expect(typeof sent[1].Timestamp).toBe('bigint'); // a bare JSON number with every digit
	sb.state.tencent.requests.splice(0);
	const some = await run({ resource: 'liveGroup', operation: 'getOnlineMembers', group: rl('live'), limit: 10 });
	expect(itemsOf(some)).toHaveLength(10);
	expect(bodiesOf(sb, 'get_members')).toHaveLength(1);
});

test('Set Member Marks: calls of 500 with CommandType 1; the Mark filter lists them; Delete sends 2', async () => {
	const members = liveGroup(600);
	const r = await run({ resource: 'liveGroup', operation: 'setMemberMarks', group: rl('live'), members: members.join(','), marks: '1001, 1002', command: 'set' });
	expect(outputOf(r, 'Node')[0]).toMatchObject({ status: 'processed', memberCount: 600, calls: 2 });
	const sent = bodiesOf(sb, 'modify_user_info');
	expect(sent.map((b) => [b.CommandType, b.MemberList.length])).toEqual([[1, 500], [1, 100]]);
	expect(sent[0].MemberList[0]).toEqual({ Member_Account: 'v0', Marks: [1001, 1002] });
	const marked = await run({ resource: 'liveGroup', operation: 'getOnlineMembers', group: rl('live'), returnAll: true, options: { mark: 1001 } });
	expect(itemsOf(marked)).toHaveLength(600);
	expect(bodiesOf(sb, 'get_members')[0]).toEqual({ GroupId: 'live', Timestamp: 0, Mark: 1001 });
	await run({ resource: 'liveGroup', operation: 'setMemberMarks', group: rl('live'), members: 'v0', marks: '1001', command: 'delete' });
	expect(bodiesOf(sb, 'modify_user_info')[2]).toEqual({ GroupId: 'live', CommandType: 2, MemberList: [{ Member_Account: 'v0', Marks: [1001] }] });
});

test('not an audio-video group (10007): error item with continue-on-fail; 11 marks refused before sending', async () => {
	sb.seedTencentGroup({ groupId: 'pub', type: 'Public', members: ['a'] });
	const r = await run({ resource: 'liveGroup', operation: 'getOnlineMembers', group: rl('pub'), returnAll: true }, { continueOnFail: true });
	expect(itemsOf(r)[0].json.code).toBe('10007');
	const m = await run({ resource: 'liveGroup', operation: 'setMemberMarks', group: rl('pub'), members: 'a', marks: '1', command: 'set' }, { continueOnFail: true });
	expect(itemsOf(m)[0].json).toMatchObject({ code: '10007' });
	sb.state.tencent.requests.splice(0);
	await expectRefused({ resource: 'liveGroup', operation: 'setMemberMarks', group: rl('live'), members: 'a', marks: ids('', 11).join(','), command: 'set' }, 'Marks', /more than 10/);
});
