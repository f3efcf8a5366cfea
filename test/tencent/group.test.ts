/* eslint-disable */
// Tencent Chat → Group: Broadcast to All Audio-Video Groups (send_broadcast_msg), Send Message
// (send_group_msg), System Notification, Recall (group_msg_recall), Create / Destroy, List All
// (get_appid_group_list) (tencent-chat.md §4.4–§4.7, §6). Real n8n engine against the sandbox; the
// blocks that check the sandbox configured as the real vendor behaves (issue 11) name their source.
if (!process.env.N8N_LOG_LEVEL) process.env.N8N_LOG_LEVEL = 'silent'; // the engine would log every expected error
import type { IDataObject } from 'n8n-workflow';
import { outputOf } from '../../harness/engine';
import { tencentCredentials } from '../../harness/credentials';
import { tencentWorkflow } from '../../harness/fixtures';
import { tencentEngine } from '../../harness/registry';
import type { RtcSandbox } from '../../sandbox/server';
import { TencentChatApi } from '../../credentials/TencentChatApi.credentials';
import { ids, indexes, itemsOf, pairs, tencentSuite, text, textOf } from './suite';

let sb: RtcSandbox;
const { run: execute, calls } = tencentSuite((s) => (sb = s));
/** The run alone (status, data) of one engine run. */
const run = async (...args: Parameters<typeof execute>) => (await execute(...args)).run;

/** A signed call with a literal body text (unsafe integers stay as written). */
async function rawCall(path: string, body: string) {
	const cred = new TencentChatApi();
	const o = await cred.authenticate(tencentCredentials(sb.url) as any, { method: 'POST', url: `/v4/${path}`, body });
	const url = new URL(o.url);
	for (const [k, v] of Object.entries(o.qs ?? {})) url.searchParams.set(k, String(v));
	const text = await fetch(url, { method: 'POST', headers: o.headers as Record<string, string>, body: o.body as string }).then((r) => r.text());
	return { text, json: JSON.parse(text) };
}

describe('Group → Broadcast to All Audio-Video Groups (send_broadcast_msg)', () => {
	beforeEach(() => {
		for (const g of ['av1', 'av2', 'av3']) sb.seedTencentGroup({ groupId: g, type: 'AVChatRoom' });
		sb.seedTencentGroup({ groupId: 'pub', type: 'Public' });
	});
	const bcast = (extra: Record<string, unknown> = {}) => ({ resource: 'group', operation: 'broadcastToAvGroups', ...text('live now'), ...extra });

	test('one message lands in every AVChatRoom, none elsewhere; output carries MsgSeq and Random', async () => {
		const { run } = await tencentEngine(sb.url).run(tencentWorkflow(bcast()));
		expect(run.data.resultData.error).toBeUndefined();
		const b = sb.state.tencent.broadcasts;
		expect(b).toHaveLength(1);
		expect(b[0].groups.map((g) => g.groupId).sort()).toEqual(['av1', 'av2', 'av3']);
		expect(sb.state.tencent.groups.get('pub')!.messages).toHaveLength(0);
		const [out] = outputOf(run, 'Node') as any[];
		expect(out).toMatchObject({ status: 'sent', msgSeq: b[0].msgSeq, random: b[0].random, call: 1, itemsInCall: 1 });
		expect(out.random).toBeGreaterThanOrEqual(0);
		expect(out.random).toBeLessThanOrEqual(4294967295);
	});

	test('a retried broadcast with the same Random is delivered once', async () => {
		const wf = tencentWorkflow(bcast({ options: { random: 4294967295 } }));
		await tencentEngine(sb.url).run(wf);
		await new Promise((r) => setTimeout(r, 1100)); // the 1 call/s quota
		const again = await tencentEngine(sb.url).run(wf);
		expect(again.run.data.resultData.error).toBeUndefined();
		expect(calls('send_broadcast_msg').filter((r) => r.code === 0)).toHaveLength(2);
		expect(sb.state.tencent.broadcasts).toHaveLength(1);
		expect(sb.state.tencent.groups.get('av1')!.messages).toHaveLength(1);
	});

	test('Merge Items: five items travel in one call; every item is paired to that call', async () => {
		const items = ['a', 'b', 'c', 'd', 'e'].map((t) => ({ t }));
		const wf = tencentWorkflow(bcast({ text: '={{ $json.t }}', options: { merge: true } }), { items });
		const { run } = await tencentEngine(sb.url).run(wf);
		expect(calls('send_broadcast_msg')).toHaveLength(1);
		const out = itemsOf(run);
		expect(out.map((o) => o.pairedItem)).toEqual([0, 1, 2, 3, 4].map((item) => ({ item })));
		expect(out.every((o) => o.json.call === 1 && o.json.itemsInCall === 5 && o.json.elements === 5)).toBe(true);
		const body = sb.state.tencent.broadcasts[0].msgBody as any[];
		expect(body.map((e) => e.MsgContent.Text)).toEqual(['a', 'b', 'c', 'd', 'e']);
	});

	test('Merge Items splits at the one-custom-element rule; calls are paced to 1/s, so nothing is throttled or lost', async () => {
		const items = [{ d: 'x' }, { d: 'y' }, { d: 'z' }];
		const wf = tencentWorkflow(
			{ resource: 'group', operation: 'broadcastToAvGroups', messageFormat: 'custom', customData: '={{ $json.d }}', options: { merge: true } },
			{ items },
		);
		const t0 = Date.now();
		const { run } = await tencentEngine(sb.url).run(wf);
		expect(run.data.resultData.error).toBeUndefined();
		expect(calls('send_broadcast_msg').map((r) => r.code)).toEqual([0, 0, 0]);
		expect(Date.now() - t0).toBeGreaterThanOrEqual(1900);
		expect(itemsOf(run).map((o) => o.json.call)).toEqual([1, 2, 3]);
		expect(sb.state.tencent.broadcasts).toHaveLength(3);
	}, 20000);
});

describe('Group → Send Message / System Notification / Recall', () => {
	beforeEach(() => {
		sb.seedTencentAccounts(['alice', 'bob']);
		sb.seedTencentGroup({ groupId: 'g1', type: 'Public', members: ['alice', 'bob'] });
	});

	test('send, then a re-run with the same Random is dropped by the vendor', async () => {
		const wf = tencentWorkflow({ resource: 'group', operation: 'sendMessage', groupId: 'g1', fromAccount: 'alice', ...text('hi all'), options: { random: 77 } });
		const first = await tencentEngine(sb.url).run(wf);
		const [out] = outputOf(first.run, 'Node') as any[];
		expect(out).toMatchObject({ status: 'sent', groupId: 'g1', msgSeq: 1, random: 77 });
		await tencentEngine(sb.url).run(wf);
		expect(sb.state.tencent.groups.get('g1')!.messages).toHaveLength(1);
	});

	test('unknown group: error without continue-on-fail, error item with it', async () => {
		const params = { resource: 'group', operation: 'sendMessage', groupId: '={{ $json.g }}', ...text('x') };
		const off = await tencentEngine(sb.url).run(tencentWorkflow(params, { items: [{ g: 'nope' }] }));
		expect(off.run.status).toBe('error');
		expect(off.run.data.resultData.error!.message).toMatch(/^Tencent Chat error 10010/);
		const on = await tencentEngine(sb.url).run(tencentWorkflow(params, { items: [{ g: 'g1' }, { g: 'nope' }], continueOnFail: true }));
		const out = itemsOf(on.run);
		expect(out[0].json.status).toBe('sent');
		expect(out[1].json).toMatchObject({ code: '10010' });
		expect(out[1].pairedItem).toEqual({ item: 1 });
		expect(JSON.stringify(on.run)).not.toMatch(/usersig=(?!\*\*\*)/i);
	});

	test('system notification to some members', async () => {
		const { run } = await tencentEngine(sb.url).run(
			tencentWorkflow({ resource: 'group', operation: 'sendSystemNotification', groupId: 'g1', content: 'maintenance at 2am', members: 'alice' }),
		);
		expect(outputOf(run, 'Node')[0]).toMatchObject({ status: 'sent', members: ['alice'] });
		expect(sb.state.tencent.groups.get('g1')!.notifications[0]).toMatchObject({ content: 'maintenance at 2am', toMembers: ['alice'] });
	});

	test('recall 23 messages → 3 calls of ≤10; unknown ones are reported per MsgSeq', async () => {
		const g = sb.state.tencent.groups.get('g1')!;
		sb.seedTencentGroupMessages('g1', 20); // MsgSeq 1–20
		const seqs = Array.from({ length: 23 }, (_, i) => i + 1).join(',');
		const { run } = await tencentEngine(sb.url).run(tencentWorkflow({ resource: 'group', operation: 'recallMessages', groupId: 'g1', msgSeqs: seqs }));
		expect(calls('group_msg_recall')).toHaveLength(3);
		const [out] = outputOf(run, 'Node') as any[];
		expect(out.status).toBe('partial');
		expect(out.recalled).toHaveLength(20);
		expect(out.failed).toEqual([21, 22, 23].map((msgSeq) => ({ msgSeq, errorCode: 10030, reason: 'the message to recall was not found' })));
		expect(g.messages.every((m) => m.recalled)).toBe(true);
	});
});

describe('Group → Create / Destroy', () => {
	test('create with custom ID, owner, texts, join option and initial members', async () => {
		sb.seedTencentAccounts(['owner', 'm1', 'm2']);
		const r = await run({
			resource: 'group',
			operation: 'create',
			groupType: 'Public',
			name: '项目组',
			options: {
				groupId: 'proj-1',
				owner: 'owner',
				introduction: 'About us',
				notification: 'Be nice',
				applyJoinOption: 'FreeAccess',
				maxMemberCount: 50,
				members: 'm1, m2, owner, m1',
			},
		});
		expect(r.data.resultData.error).toBeUndefined();
		expect(outputOf(r, 'Node')[0]).toMatchObject({ status: 'created', groupId: 'proj-1', type: 'Public', owner: 'owner', initialMembers: ['m1', 'm2'] });
		const g = sb.state.tencent.groups.get('proj-1')!;
		expect(g).toMatchObject({ name: '项目组', owner: 'owner', introduction: 'About us', notification: 'Be nice', applyJoinOption: 'FreeAccess', maxMemberCount: 50 });
		expect([...g.members].sort()).toEqual(['m1', 'm2', 'owner']);
	});

	test('without a custom ID Tencent generates an @TGS# ID; a Community may enable topics', async () => {
		const r = await run({ resource: 'group', operation: 'create', groupType: 'Community', name: 'fans', options: { supportTopic: true } });
		const [out] = outputOf(r, 'Node') as any[];
		expect(out.groupId).toMatch(/^@TGS#/);
		expect(sb.state.tencent.groups.get(out.groupId)).toMatchObject({ type: 'Community', supportTopic: true });
	});

	test('a taken ID (10021): error without continue-on-fail, error item with it; the others are created', async () => {
		sb.seedTencentGroup({ groupId: 'taken', type: 'Public' });
		const params = { resource: 'group', operation: 'create', groupType: 'Private', name: '={{ $json.id }}', options: { groupId: '={{ $json.id }}' } };
		const off = await run(params, { items: [{ id: 'taken' }] });
		expect(off.data.resultData.error!.message).toMatch(/^Tencent Chat error 10021/);
		const on = await run(params, { items: [{ id: 'new1' }, { id: 'taken' }, { id: 'new2' }], continueOnFail: true });
		expect(itemsOf(on).map((o) => o.json.status ?? o.json.code)).toEqual(['created', '10021', 'created']);
		expect(pairs(on)).toEqual(indexes(3));
	});

	test('destroy; an unknown group is 10010', async () => {
		sb.seedTencentGroup({ groupId: 'd1', type: 'Public' });
		const items = [{ g: 'd1' }, { g: 'd1' }];
		const r = await run({ resource: 'group', operation: 'destroy', groupId: '={{ $json.g }}' }, { items, continueOnFail: true });
		expect(itemsOf(r).map((o) => o.json.status ?? o.json.code)).toEqual(['destroyed', '10010']);
		expect(sb.state.tencent.groups.has('d1')).toBe(false);
		const off = await run({ resource: 'group', operation: 'destroy', groupId: 'd1' });
		expect(off.data.resultData.error!.message).toMatch(/^Tencent Chat error 10010/);
	});
});

describe('Group → List All (get_appid_group_list)', () => {
	beforeEach(() => {
		for (let i = 0; i < 25; i++) sb.seedTencentGroup({ groupId: `g${String(i).padStart(2, '0')}`, type: i % 5 === 0 ? 'AVChatRoom' : 'Public' });
	});

	test('Return All walks every page with Next; one item per group, all paired to the input item', async () => {
		const r = await run({ resource: 'group', operation: 'listAll', returnAll: true, options: { pageSize: 10 } });
		expect(calls('get_appid_group_list')).toHaveLength(3);
		const out = itemsOf(r);
		expect(out.map((o) => o.json.groupId)).toEqual(Array.from({ length: 25 }, (_, i) => `g${String(i).padStart(2, '0')}`));
		expect(out.every((o) => (o.pairedItem as any).item === 0)).toBe(true);
		expect(out[0].json).toMatchObject({ totalCount: 25, page: 1 });
		expect(out[24].json).toMatchObject({ page: 3 });
	});

	test('Limit stops early and never asks for more than it needs', async () => {
		const r = await run({ resource: 'group', operation: 'listAll', returnAll: false, limit: 12, options: { pageSize: 10 } });
		expect(calls('get_appid_group_list')).toHaveLength(2);
		expect(itemsOf(r)).toHaveLength(12);
		const one = await run({ resource: 'group', operation: 'listAll', returnAll: false, limit: 3 });
		expect(outputOf(one, 'Node').map((o: any) => o.groupId)).toEqual(['g00', 'g01', 'g02']);
	});

	test('Group Type filter; every input item gets its own listing', async () => {
		const r = await run({ resource: 'group', operation: 'listAll', returnAll: true, options: { groupType: 'AVChatRoom' } }, { items: [{}, {}] });
		const out = itemsOf(r);
		expect(out).toHaveLength(10);
		expect(out.slice(0, 5).map((o) => o.json.groupId)).toEqual(['g00', 'g05', 'g10', 'g15', 'g20']);
		expect(out.map((o) => (o.pairedItem as any).item)).toEqual([0, 0, 0, 0, 0, 1, 1, 1, 1, 1]);
		expect(out[0].json.totalCount).toBe(5);
	});
});

describe('get_appid_group_list: 1 call/s and a uint64 cursor sent back byte-exact (269/1614)', () => {
	beforeEach(() => sb.configure({ tencent: { logBodies: true } })); // request bodies in sb.state.tencent.requests
	test('cursors above 2^53 go back with the same digits; pages are 1 s apart; nothing refused', async () => {
		// 18446744073709551000 + n: far above 2^53, any trip through a double loses the last digits.
		sb.configure({ tencent: { groupListCursorBase: '18446744073709551000' } });
		for (let g = 1; g <= 5; g++) sb.seedTencentGroup({ groupId: `g${g}`, type: 'Public' });
		const t0 = Date.now();
		const { run } = await tencentEngine(sb.url).run(
			tencentWorkflow({ resource: 'group', operation: 'listAll', returnAll: true, options: { pageSize: 2 } }),
		);
		expect(run.data.resultData.error).toBeUndefined();
		expect(itemsOf(run).map((o) => o.json.groupId)).toEqual(['g1', 'g2', 'g3', 'g4', 'g5']);
		const pages = calls('get_appid_group_list');
		expect(pages.map((r) => r.code)).toEqual([0, 0, 0]);
		// What arrived: 0, then exactly the cursors the sandbox issued (it refuses any other value).
		expect(pages.map((r) => String(r.body!.Next))).toEqual(['0', '18446744073709551002', '18446744073709551004']);
		expect(typeof pages[1].body!.Next).toBe('bigint'); // a bare JSON number, not a string
		expect(pages[2].at - pages[1].at).toBeGreaterThanOrEqual(950);
		expect(Date.now() - t0).toBeGreaterThanOrEqual(1900);
	}, 20000);

	test('the vendor-like sandbox refuses a cursor that lost digits (what Number() would send back)', async () => {
		sb.configure({ tencent: { groupListCursorBase: '18446744073709551000' } });
		for (let g = 1; g <= 3; g++) sb.seedTencentGroup({ groupId: `g${g}`, type: 'Public' });
		const first = await rawCall('group_open_http_svc/get_appid_group_list', '{"Limit":2,"Next":0}');
		expect(first.text).toContain('"Next":18446744073709551002'); // a bare JSON number with every digit
		await new Promise((r) => setTimeout(r, 1100));
		const rounded = String(Number('18446744073709551002')); // "18446744073709552000"
		const again = await rawCall('group_open_http_svc/get_appid_group_list', `{"Limit":2,"Next":${rounded}}`);
		expect(again.json).toMatchObject({ ErrorCode: 10004 });
	}, 20000);
});

describe('send_group_msg: MsgDropReason is a drop, not a delivery (269/1629, trtc.io 38173)', () => {
	beforeEach(() => sb.configure({ tencent: { logBodies: true } })); // request bodies in sb.state.tencent.requests
	beforeEach(() => sb.seedTencentGroup({ groupId: 'live', type: 'AVChatRoom' }));
	const items = Array.from({ length: 60 }, (_, k) => ({ t: `m${k}` }));

	test('a live group over 40/s drops messages with ErrorCode 0 + MsgFreqCtrl: without pacing they are reported dropped', async () => {
		const { run } = await tencentEngine(sb.url).run(
			tencentWorkflow({ resource: 'group', operation: 'sendMessage', groupId: 'live', ...text('={{ $json.t }}'), options: { groupRate: 0 } }, { items }),
		);
		expect(run.data.resultData.error).toBeUndefined();
		const out = outputOf(run, 'Node') as any[];
		const stored = sb.state.tencent.groups.get('live')!.messages.length;
		const dropped = out.filter((o) => o.status === 'dropped');
		expect(dropped.length).toBeGreaterThan(0);
		expect(dropped[0]).toMatchObject({ msgDropReason: 'MsgFreqCtrl' });
		expect(String(dropped[0].error)).toMatch(/dropped/);
		expect(out.filter((o) => o.status === 'sent')).toHaveLength(stored); // every "sent" is in the group, nothing more
		expect(stored + dropped.length).toBe(60);
	}, 20000);

	test('paced per group by default (40/s): nothing is dropped and order is kept', async () => {
		const t0 = Date.now();
		const { run } = await tencentEngine(sb.url).run(
			tencentWorkflow({ resource: 'group', operation: 'sendMessage', groupId: 'live', ...text('={{ $json.t }}') }, { items }),
		);
		expect(run.data.resultData.error).toBeUndefined();
		expect((outputOf(run, 'Node') as any[]).every((o) => o.status === 'sent')).toBe(true);
		const g = sb.state.tencent.groups.get('live')!;
		expect(g.messages.map((m) => textOf(m))).toEqual(items.map((i) => i.t));
		expect(Date.now() - t0).toBeGreaterThanOrEqual(900);
	}, 20000);

	test('Retry Dropped Messages sends a dropped message again with back-off until it is stored', async () => {
		sb.configure({ tencent: { avGroupMessagesPerSecond: 5 } });
		const few = items.slice(0, 8);
		const { run } = await tencentEngine(sb.url).run(
			tencentWorkflow(
				{ resource: 'group', operation: 'sendMessage', groupId: 'live', ...text('={{ $json.t }}'), options: { groupRate: 0, retryDropped: true } },
				{ items: few },
			),
		);
		expect(run.data.resultData.error).toBeUndefined();
		const out = outputOf(run, 'Node') as any[];
		expect(out.every((o) => o.status === 'sent')).toBe(true);
		expect(out.some((o) => o.attempts > 1)).toBe(true);
		expect(sb.state.tencent.groups.get('live')!.messages.map((m) => textOf(m))).toEqual(few.map((i) => i.t));
	}, 30000);
});

describe('validation before sending (field and item named, nothing sent)', () => {
	const long = (n: number) => 'x'.repeat(n);
	const cases: Array<[string, IDataObject, RegExp]> = [
		['negative Random', { resource: 'group', operation: 'sendMessage', groupId: 'g', ...text('x'), options: { random: -1 } }, /Invalid "De-duplication Number \(Random\)" in item 0/],
		['11 recall chunks fine but a zero MsgSeq', { resource: 'group', operation: 'recallMessages', groupId: 'g', msgSeqs: '1,0' }, /Invalid "Message Sequence Numbers\[1\]" in item 0/],
		['create: name over 30 bytes', { resource: 'group', operation: 'create', groupType: 'Public', name: '一二三四五六七八九十一' }, /Invalid "Name" in item 0: is 33 bytes; the limit is 30 bytes/],
		['create: empty name', { resource: 'group', operation: 'create', groupType: 'Public', name: '={{ "  " }}' }, /Invalid "Name" in item 0: is required/],
		['create: introduction over 240 bytes', { resource: 'group', operation: 'create', groupType: 'Public', name: 'n', options: { introduction: long(241) } }, /Invalid "Introduction" in item 0: is 241 bytes/],
		['create: notification over 300 bytes', { resource: 'group', operation: 'create', groupType: 'Public', name: 'n', options: { notification: long(301) } }, /Invalid "Notification" in item 0: is 301 bytes/],
		['create: custom ID starting with @TGS#', { resource: 'group', operation: 'create', groupType: 'Public', name: 'n', options: { groupId: '@TGS#abc' } }, /Invalid "Custom Group ID" in item 0: must not start with @TGS#/],
		['create: custom ID over 48 bytes', { resource: 'group', operation: 'create', groupType: 'Public', name: 'n', options: { groupId: long(49) } }, /Invalid "Custom Group ID" in item 0: is 49 bytes/],
		['create: custom ID with a space', { resource: 'group', operation: 'create', groupType: 'Public', name: 'n', options: { groupId: 'a b' } }, /printable ASCII without spaces/],
		['create: members for an AVChatRoom', { resource: 'group', operation: 'create', groupType: 'AVChatRoom', name: 'n', options: { members: 'a' } }, /Invalid "Initial Member User IDs" in item 0: audio-video groups/],
		['create: topics outside a Community', { resource: 'group', operation: 'create', groupType: 'Public', name: 'n', options: { supportTopic: true } }, /Invalid "Enable Topics" in item 0/],
		['create: 501 initial members', { resource: 'group', operation: 'create', groupType: 'Public', name: 'n', options: { members: `={{ ${JSON.stringify(ids('k', 501))} }}` } }, /at most 500 members/],
		['create: unknown type from an expression', { resource: 'group', operation: 'create', groupType: '={{ "Secret" }}', name: 'n' }, /Invalid "Group Type" in item 0: must be one of/],
		['destroy: empty group ID', { resource: 'group', operation: 'destroy', groupId: '={{ "" }}' }, /Invalid "Group ID" in item 0/],
		['list all: limit 0', { resource: 'group', operation: 'listAll', returnAll: false, limit: '={{ 0 }}' }, /Invalid "Limit" in item 0: must be between 1/],
		['list all: page size over 10,000', { resource: 'group', operation: 'listAll', returnAll: true, options: { pageSize: 10001 } }, /Invalid "Page Size" in item 0/],
	];
	test.each(cases)('%s', async (_name, params, message) => {
		const r = await run(params);
		expect(r.status).toBe('error');
		expect(r.data.resultData.error!.message).toMatch(message);
		expect(sb.state.tencent.requests).toHaveLength(0);
	});
});
