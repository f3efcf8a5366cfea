/* eslint-disable */
import type { IDataObject } from 'n8n-workflow';
import { itemsOf } from './helpers/fixtures';
import { outputOf } from './helpers/n8n-engine';
import { tencentEngine, tencentWorkflow } from './helpers/tencent';
import { startSandbox, type RtcSandbox } from '../sandbox/server';
import { userSigGenerations } from '../nodes/TencentChat/transport/usersigCache';

let sb: RtcSandbox;
beforeAll(async () => {
	sb = await startSandbox();
});
afterAll(() => sb.close());
beforeEach(() => sb.reset());

const paths = (suffix: string) => sb.state.tencent.requests.filter((r) => r.path.endsWith(suffix));
const text = (t: string) => ({ messageFormat: 'text', text: t });

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
		expect(paths('send_broadcast_msg').filter((r) => r.code === 0)).toHaveLength(2);
		expect(sb.state.tencent.broadcasts).toHaveLength(1);
		expect(sb.state.tencent.groups.get('av1')!.messages).toHaveLength(1);
	});

	test('Merge Items: five items travel in one call; every item is paired to that call', async () => {
		const items = ['a', 'b', 'c', 'd', 'e'].map((t) => ({ t }));
		const wf = tencentWorkflow(bcast({ text: '={{ $json.t }}', options: { merge: true } }), { items });
		const { run } = await tencentEngine(sb.url).run(wf);
		expect(paths('send_broadcast_msg')).toHaveLength(1);
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
		expect(paths('send_broadcast_msg').map((r) => r.code)).toEqual([0, 0, 0]);
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
		for (let s = 1; s <= 20; s++) g.messages.push({ msgSeq: s, random: s, from: 'alice', msgBody: [], recalled: false, msgTime: 0, at: 0, via: 'send_group_msg' });
		g.nextSeq = 21;
		const seqs = Array.from({ length: 23 }, (_, i) => i + 1).join(',');
		const { run } = await tencentEngine(sb.url).run(tencentWorkflow({ resource: 'group', operation: 'recallMessages', groupId: 'g1', msgSeqs: seqs }));
		expect(paths('group_msg_recall')).toHaveLength(3);
		const [out] = outputOf(run, 'Node') as any[];
		expect(out.status).toBe('partial');
		expect(out.recalled).toHaveLength(20);
		expect(out.failed).toEqual([21, 22, 23].map((msgSeq) => ({ msgSeq, errorCode: 10030 })));
		expect(g.messages.every((m) => m.recalled)).toBe(true);
	});
});

describe('Message → Send to User / Send to Users / Recall', () => {
	test('send to one user, then recall it with the MsgKey from the output', async () => {
		sb.seedTencentAccounts(['alice', 'bob']);
		const { run } = await tencentEngine(sb.url).run(
			tencentWorkflow({ resource: 'message', operation: 'sendToUser', fromAccount: 'alice', toAccount: 'bob', ...text('hello bob') }),
		);
		const [sent] = outputOf(run, 'Node') as any[];
		expect(sent).toMatchObject({ status: 'sent', from: 'alice', to: 'bob' });
		expect(typeof sent.msgKey).toBe('string');
		expect(sb.state.tencent.c2c[0]).toMatchObject({ from: 'alice', to: 'bob', msgSeq: sent.msgSeq, msgRandom: sent.msgRandom });
		const recall = await tencentEngine(sb.url).run(
			tencentWorkflow({ resource: 'message', operation: 'recall', fromAccount: 'alice', toAccount: 'bob', msgKey: sent.msgKey }),
		);
		expect(outputOf(recall.run, 'Node')[0]).toMatchObject({ status: 'recalled' });
		expect(sb.state.tencent.c2c[0].recalled).toBe(true);
	});

	test('a re-run with fixed MsgSeq/MsgRandom is de-duplicated by the vendor', async () => {
		sb.seedTencentAccounts(['bob']);
		const wf = tencentWorkflow({ resource: 'message', operation: 'sendToUser', toAccount: 'bob', ...text('once'), options: { msgRandom: 5, msgSeq: 6 } });
		await tencentEngine(sb.url).run(wf);
		await tencentEngine(sb.url).run(wf);
		expect(sb.state.tencent.c2c).toHaveLength(1);
	});

	// Changed for issue 11: batchsendmsg gives no ErrorList entry for a never-imported account, so the
	// unknown u700 is found by "Check Accounts First" (account_check, 12 calls of 100) and not sent to.
	test('1,200 receivers → calls of 500/500/200; ErrorList and unknown accounts reported, all others delivered', async () => {
		const accounts = Array.from({ length: 1200 }, (_, i) => `u${i}`);
		sb.seedTencentAccounts(accounts.filter((a) => a !== 'u700'));
		sb.configure({ tencent: { failAccounts: ['u5'] } });
		const { run } = await tencentEngine(sb.url).run(
			tencentWorkflow({ resource: 'message', operation: 'sendToUsers', toAccounts: accounts.join('\n'), ...text('promo'), options: { checkAccounts: true } }),
		);
		expect(paths('account_check')).toHaveLength(12);
		expect(run.data.resultData.error).toBeUndefined();
		expect(paths('batchsendmsg')).toHaveLength(3);
		const [out] = outputOf(run, 'Node') as any[];
		expect(out).toMatchObject({ status: 'partial', receiverCount: 1200, deliveredCount: 1198, failedCount: 2, calls: 3 });
		expect(out.failedAccounts.map((f: any) => f.account).sort()).toEqual(['u5', 'u700']);
		expect(new Set(sb.state.tencent.c2c.map((m) => m.to)).size).toBe(1198);
		expect(out.msgKeys).toHaveLength(3);
	});

	test('one item per receiver output', async () => {
		sb.seedTencentAccounts(['a', 'b']);
		// Changed for issue 11: the never-imported "c" is only known as failed with Check Accounts First.
		const { run } = await tencentEngine(sb.url).run(
			tencentWorkflow({
				resource: 'message',
				operation: 'sendToUsers',
				toAccounts: '={{ ["a","b","c"] }}',
				...text('x'),
				options: { output: 'perReceiver', checkAccounts: true },
			}),
		);
		expect(itemsOf(run).map((o) => [o.json.receiver, o.json.status])).toEqual([
			['a', 'delivered'],
			['b', 'delivered'],
			['c', 'failed'],
		]);
	});
});

describe('UserSig: cached, regenerated once on 70001', () => {
	test('1,000 requests use one UserSig', async () => {
		sb.configure({ enforceLimits: false });
		sb.seedTencentAccounts(['bob']);
		const items = Array.from({ length: 1000 }, (_, i) => ({ i }));
		const before = userSigGenerations();
		const { run } = await tencentEngine(sb.url, { userSigTtl: 3600 }).run(
			tencentWorkflow({ resource: 'message', operation: 'sendToUser', toAccount: 'bob', text: '={{ "n" + $json.i }}', messageFormat: 'text' }, { items }),
		);
		expect(run.data.resultData.error).toBeUndefined();
		expect(paths('sendmsg').filter((r) => r.code === 0)).toHaveLength(1000);
		expect(userSigGenerations() - before).toBeLessThanOrEqual(1);
	});

	test('an expired UserSig (70001) is regenerated once and the call repeated with the same body', async () => {
		sb.seedTencentAccounts(['bob']);
		const wf = tencentWorkflow({ resource: 'message', operation: 'sendToUser', toAccount: 'bob', ...text('after expiry'), options: { msgRandom: 9, msgSeq: 9 } });
		await tencentEngine(sb.url, { userSigTtl: 7200 }).run(wf); // caches a UserSig
		sb.configure({ tencent: { userSigNotBefore: Math.floor(Date.now() / 1000) + 1 } });
		await new Promise((r) => setTimeout(r, 1100));
		const before = userSigGenerations();
		const { run } = await tencentEngine(sb.url, { userSigTtl: 7200 }).run(wf);
		expect(run.data.resultData.error).toBeUndefined();
		expect(userSigGenerations() - before).toBe(1);
		const codes = paths('sendmsg').map((r) => r.code);
		expect(codes).toEqual([0, 70001, 0]);
		expect(sb.state.tencent.c2c).toHaveLength(1); // same MsgSeq/MsgRandom/content: de-duplicated
	});
});

describe('Push and user attributes/tags', () => {
	test('push to users with tags', async () => {
		sb.seedTencentAccounts(['a', 'b', 'c']);
		sb.state.tencent.userTags.set('a', new Set(['vip']));
		sb.state.tencent.userTags.set('b', new Set(['basic']));
		const { run } = await tencentEngine(sb.url).run(
			tencentWorkflow({ resource: 'push', operation: 'pushToAll', target: 'tags', tagsOr: 'vip', ...text('for vips') }),
		);
		expect(run.data.resultData.error).toBeUndefined();
		expect(sb.state.tencent.pushes[0].recipients).toEqual(['a']);
		expect(outputOf(run, 'Node')[0]).toMatchObject({ status: 'accepted', condition: { TagsOr: ['vip'] } });
	});

	test('attribute names, then 150 attribute items → 2 calls; unknown users reported per item', async () => {
		const accounts = Array.from({ length: 150 }, (_, i) => `p${i}`);
		sb.seedTencentAccounts(accounts.filter((a) => a !== 'p149'));
		await tencentEngine(sb.url).run(
			tencentWorkflow({ resource: 'push', operation: 'setAttributeNames', attrNames: { pairs: [{ key: '0', value: 'city' }] } }),
		);
		const items = accounts.map((a, i) => ({ a, city: i % 2 ? 'sz' : 'bj' }));
		const { run } = await tencentEngine(sb.url).run(
			tencentWorkflow(
				{ resource: 'userAttribute', operation: 'set', account: '={{ $json.a }}', attributes: { pairs: [{ key: 'city', value: '={{ $json.city }}' }] } },
				{ items },
			),
		);
		expect(paths('im_set_attr')).toHaveLength(2);
		const out = itemsOf(run);
		expect(out).toHaveLength(150);
		expect(out[149].json).toMatchObject({ account: 'p149', status: 'failed', errorCode: 70107 });
		expect(out[1].json).toMatchObject({ account: 'p1', status: 'set', attributes: { city: 'sz' } });
		const got = await tencentEngine(sb.url).run(tencentWorkflow({ resource: 'userAttribute', operation: 'get', account: 'p1' }));
		expect(outputOf(got.run, 'Node')[0]).toMatchObject({ account: 'p1', attributes: { city: 'sz' } });
	});

	test('tags: add for 120 items in 2 calls, get, remove all', async () => {
		const accounts = Array.from({ length: 120 }, (_, i) => `t${i}`);
		sb.seedTencentAccounts(accounts);
		const items = accounts.map((a) => ({ a }));
		await tencentEngine(sb.url).run(tencentWorkflow({ resource: 'userTag', operation: 'add', account: '={{ $json.a }}', tags: 'vip, beta' }, { items }));
		expect(paths('im_add_tag')).toHaveLength(2);
		const got = await tencentEngine(sb.url).run(tencentWorkflow({ resource: 'userTag', operation: 'get', account: 't7' }));
		expect((outputOf(got.run, 'Node')[0] as any).tags.sort()).toEqual(['beta', 'vip']);
		await tencentEngine(sb.url).run(tencentWorkflow({ resource: 'userTag', operation: 'removeAll', account: 't7' }));
		expect(sb.state.tencent.userTags.get('t7')?.size ?? 0).toBe(0);
	});
});

describe('validation before sending (field and item named, nothing sent)', () => {
	const cases: Array<[string, IDataObject, RegExp]> = [
		['two custom elements in raw MsgBody', { resource: 'message', operation: 'sendToUser', toAccount: 'bob', messageFormat: 'json', msgBodyJson: '[{"MsgType":"TIMCustomElem","MsgContent":{"Data":"a"}},{"MsgType":"TIMCustomElem","MsgContent":{"Data":"b"}}]' }, /Invalid "MsgBody \(JSON\)" in item 0: a message may contain at most one TIMCustomElem/],
		['invalid raw JSON', { resource: 'message', operation: 'sendToUser', toAccount: 'bob', messageFormat: 'json', msgBodyJson: '[{"MsgType":' }, /Invalid "MsgBody \(JSON\)" in item 0: Invalid JSON/],
		['unknown element type', { resource: 'message', operation: 'sendToUser', toAccount: 'bob', messageFormat: 'json', msgBodyJson: '[{"MsgType":"TIMFooElem","MsgContent":{}}]' }, /MsgType must be one of/],
		['empty text from an expression', { resource: 'message', operation: 'sendToUser', toAccount: 'bob', messageFormat: 'text', text: '={{ "" }}' }, /Invalid "Text" in item 0: is required and cannot be empty/],
		['text as an object from an expression', { resource: 'message', operation: 'sendToUser', toAccount: 'bob', messageFormat: 'text', text: '={{ {a: 1} }}' }, /Invalid "Text" in item 0: must be text, got an object/],
		['body over 12 KB', { resource: 'message', operation: 'sendToUser', toAccount: 'bob', ...text('x'.repeat(12100)) }, /the limit is 12000 bytes/],
		['receiver over 32 bytes', { resource: 'message', operation: 'sendToUser', toAccount: 'x'.repeat(33), ...text('x') }, /Invalid "Receiver User ID" in item 0: .* longer than 32 bytes/],
		['MsgRandom above uint32', { resource: 'message', operation: 'sendToUser', toAccount: 'bob', ...text('x'), options: { msgRandom: 4294967296 } }, /Invalid "MsgRandom" in item 0: must be between 0 and 4294967295/],
		['negative Random', { resource: 'group', operation: 'sendMessage', groupId: 'g', ...text('x'), options: { random: -1 } }, /Invalid "Random" in item 0/],
		['11 tags in a push condition', { resource: 'push', operation: 'pushToAll', target: 'tags', tagsOr: 'a,b,c,d,e,f,g,h,i,j,k', ...text('x') }, /Invalid "Any of These Tags" in item 0: at most 10 tags/],
		['same tag in both lists', { resource: 'push', operation: 'pushToAll', target: 'tags', tagsOr: 'a', tagsAnd: 'a', ...text('x') }, /"a" is also in "Any of These Tags"/],
		['empty tag condition', { resource: 'push', operation: 'pushToAll', target: 'tags', ...text('x') }, /both empty in item 0/],
		['11 recall chunks fine but a zero MsgSeq', { resource: 'group', operation: 'recallMessages', groupId: 'g', msgSeqs: '1,0' }, /Invalid "Message Sequence Numbers\[1\]" in item 0/],
		['image element without a URL', { resource: 'message', operation: 'sendToUser', toAccount: 'bob', messageFormat: 'elements', elements: { image: [{ url: 'not a url', format: 1, width: 1, height: 1, size: 1 }] } }, /URL must be a URL/],
		['11 tags for one user', { resource: 'userTag', operation: 'add', account: 'a', tags: 'a,b,c,d,e,f,g,h,i,j,k' }, /at most 10 tags per user/],
		['attribute value over 50 bytes', { resource: 'userAttribute', operation: 'set', account: 'a', attributes: { pairs: [{ key: 'city', value: 'x'.repeat(51) }] } }, /over 50 bytes/],
	];
	test.each(cases)('%s', async (_name, params, message) => {
		const { run } = await tencentEngine(sb.url).run(tencentWorkflow(params));
		expect(run.status).toBe('error');
		expect(run.data.resultData.error!.message).toMatch(message);
		expect(sb.state.tencent.requests).toHaveLength(0);
	});

	test('with continue-on-fail the valid items still go out', async () => {
		sb.seedTencentAccounts(['bob']);
		const items = [{ t: 'ok' }, { t: '' }, { t: 'fine' }];
		const { run } = await tencentEngine(sb.url).run(
			tencentWorkflow({ resource: 'message', operation: 'sendToUser', toAccount: 'bob', messageFormat: 'text', text: '={{ $json.t }}' }, { items, continueOnFail: true }),
		);
		const out = itemsOf(run);
		expect(out.map((o) => o.json.status ?? 'error')).toEqual(['sent', 'error', 'sent']);
		expect(String(out[1].json.error)).toMatch(/in item 1/);
		expect(sb.state.tencent.c2c.map((m) => (m.msgBody as any)[0].MsgContent.Text)).toEqual(['ok', 'fine']);
	});
});
