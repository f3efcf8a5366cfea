/* eslint-disable */
// Contract fixtures, Tencent Chat (issue 11 §4). Each case runs the node through n8n's engine with
// inputs that match a documented example (test/fixtures/vendor/tencent/*.json, cited there), and
// checks (1) the request the sandbox received has the documented shape — same keys and JSON types
// at every level, and the values the example fixes — and the sandbox accepted it; (2) the vendor's
// documented answer, served verbatim (sandbox respondNext), parses to the expected node output.
import type { IDataObject } from 'n8n-workflow';
import { outputOf } from '../../harness/engine';
import { tencentWorkflow } from '../../harness/fixtures';
import { tencentEngine } from '../../harness/registry';
import { startSandbox, type RtcSandbox } from '../../sandbox/server';
import { readJson } from '../../sandbox/json';
import { loadFixture, shapeDiff } from '../fixtures/vendor/shape';

let sb: RtcSandbox;
beforeAll(async () => {
	sb = await startSandbox();
});
afterAll(() => sb.close());
beforeEach(() => sb.reset());

const text = (t: string) => ({ messageFormat: 'text', text: t });

/** Runs the node once with `respondNext` armed; returns the node output, the body it sent and the sandbox's own answer. */
async function contract(api: string, served: unknown, parameters: IDataObject) {
	sb.respondNext('tencent', api, served);
	const { run } = await tencentEngine(sb.url).run(tencentWorkflow(parameters));
	const hits = sb.verbatim.filter((v) => v.api === api);
	expect(hits).toHaveLength(1);
	const sent = readJson(hits[0].request.body.toString('utf8'), 'bigint') as Record<string, any>;
	const own = readJson(hits[0].own.body, 'bigint') as Record<string, any>;
	return { run, out: outputOf(run, 'Node') as any[], sent, own, error: run.data.resultData.error };
}

describe('openim/sendmsg (1047/34919)', () => {
	const fx = loadFixture('tencent', 'openim.sendmsg');
	test('request shape and values of the "sync to sender" sample; the OK sample parses to sent with its MsgKey and MsgTime', async () => {
		sb.seedTencentAccounts(['lumotuwe1', 'lumotuwe2']);
		const req = fx.request as any;
		const { out, sent, own, error } = await contract(fx.api, fx.responses!.ok, {
			resource: 'message',
			operation: 'sendToUser',
			fromAccount: 'lumotuwe1',
			toAccount: 'lumotuwe2',
			...text('hi, beauty'),
			options: { syncOtherMachine: 'sync', msgRandom: req.MsgRandom, msgSeq: req.MsgSeq },
			messageOptions: { cloudCustomData: 'your cloud custom data' },
		});
		expect(error).toBeUndefined();
		expect(own.ErrorCode).toBe(0);
		// MsgLifeTime is always sent (default 604800 s), a documented optional field (the page's other samples carry 60 and 3600);
		// MsgTimeStamp is optional and not sent by the node (the server stamps the message)
		expect(shapeDiff(req, sent, ['MsgLifeTime', 'MsgTimeStamp'])).toEqual([]);
		expect(typeof sent.MsgLifeTime).toBe('number');
		const { MsgLifeTime, ...rest } = sent;
		const { MsgTimeStamp, ...documented } = req;
		expect(rest).toEqual(documented);
		expect(out[0]).toMatchObject({ status: 'sent', msgKey: '89541_2574206_1572870301', msgTime: 1572870301 });
	});
});

describe('documented FAIL answers become item errors with the vendor code', () => {
	for (const [name, params] of [
		['openim.sendmsg', { resource: 'message', operation: 'sendToUser', toAccount: 'lumotuwe2', ...text('hi, beauty') }],
		['openim.admin_msgwithdraw', { resource: 'message', operation: 'recall', fromAccount: 'vinson', toAccount: 'dramon', msgKey: '31906_833502_1572869830' }],
	] as const) {
		const fx = loadFixture('tencent', name);
		test(`${fx.api}: FAIL 90001 (the page's failure sample) fails the item, continue-on-fail keeps the code`, async () => {
			sb.seedTencentAccounts(['lumotuwe2', 'vinson', 'dramon']);
			sb.respondNext('tencent', fx.api, fx.responses!.fail);
			const { run } = await tencentEngine(sb.url).run(tencentWorkflow(params as unknown as IDataObject));
			expect(run.status).toBe('error');
			expect(run.data.resultData.error!.message).toMatch(/90001/);
			sb.respondNext('tencent', fx.api, fx.responses!.fail);
			const soft = await tencentEngine(sb.url).run(tencentWorkflow(params as unknown as IDataObject, { continueOnFail: true }));
			expect(JSON.stringify(outputOf(soft.run, 'Node'))).toMatch(/90001/);
		});
	}
});

describe('openim/batchsendmsg (1047/34920)', () => {
	const fx = loadFixture('tencent', 'openim.batchsendmsg');
	const params = (req: any) => ({
		resource: 'message',
		operation: 'sendToUsers',
		toAccounts: 'bonnie\nrong',
		...text('hi, beauty'),
		options: { syncOtherMachine: 'noSync', msgRandom: req.MsgRandom, msgSeq: req.MsgSeq },
		messageOptions: { cloudCustomData: 'your cloud custom data' },
	});
	beforeEach(() => sb.seedTencentAccounts(['bonnie', 'rong']));

	test('request shape and values of the first sample; the all-sent sample parses to delivered', async () => {
		const req = fx.request as any;
		const { out, sent, own, error } = await contract(fx.api, fx.responses!.allSent, params(req));
		expect(error).toBeUndefined();
		expect(own.ErrorCode).toBe(0);
		// MsgLifeTime: documented optional field (see sendmsg); OnlineOnlyFlag: on the CN page 269/1612 only
		expect(shapeDiff(req, sent, ['MsgLifeTime', 'OnlineOnlyFlag'])).toEqual([]);
		expect(sent).toMatchObject(req);
		expect(out[0]).toMatchObject({ status: 'sent', msgKeys: ['128493_903762_1572870301'] });
	});

	test('"SomeError" with ErrorCode 0 and an ErrorList: rong failed (70107), bonnie delivered — partial, not sent', async () => {
		const { out, error } = await contract(fx.api, fx.responses!.someFailed, params(fx.request));
		expect(error).toBeUndefined();
		expect(out[0]).toMatchObject({ status: 'partial', failedCount: 1 });
		expect(JSON.stringify(out[0])).toContain('rong');
		expect(JSON.stringify(out[0])).toContain('70107');
	});

	test('FAIL 90012 (sent to none): the item fails with the vendor code', async () => {
		const { run, error } = await contract(fx.api, fx.responses!.noneSent, params(fx.request));
		const msg = error?.message ?? JSON.stringify(outputOf(run, 'Node'));
		expect(msg).toMatch(/90012/);
	});
});

describe('group_open_http_svc/send_group_msg (1047/34959)', () => {
	const fx = loadFixture('tencent', 'group_open_http_svc.send_group_msg');
	test('request shape and values of the "specify the sender" sample; the sample answer parses to sent with MsgSeq', async () => {
		const req = fx.request as any;
		sb.seedTencentGroup({ groupId: req.GroupId, type: 'Public', members: ['leckie'] } as any);
		const { out, sent, own, error } = await contract(fx.api, fx.response, {
			resource: 'group',
			operation: 'sendMessage',
			groupId: req.GroupId,
			fromAccount: 'leckie',
			...text('red packet'),
			options: { random: req.Random },
		});
		expect(error).toBeUndefined();
		expect(own.ErrorCode).toBe(0);
		expect(shapeDiff(req, sent)).toEqual([]);
		expect(sent).toEqual(req);
		expect(out[0]).toMatchObject({ status: 'sent', msgSeq: 1, msgTime: 1497249503 });
	});
});

describe('group_open_http_svc/get_appid_group_list (1047/34886, CN 269/1614)', () => {
	const fx = loadFixture('tencent', 'group_open_http_svc.get_appid_group_list');
	test('request shape of the ALL IN ONE sample; the sample page parses to its two group ids and a Next that round-trips', async () => {
		const req = fx.request as any;
		// one page only: the documented answer's Next is non-zero, so ask for exactly as many as it holds
		const { out, sent, own } = await contract(fx.api, fx.response, { resource: 'group', operation: 'listAll', returnAll: false, limit: 2, options: { groupType: 'Public' } });
		expect(own.ErrorCode).toBe(0);
		expect(shapeDiff(req, sent)).toEqual([]);
		expect(sent).toMatchObject({ Next: 0, GroupType: 'Public' });
		expect(out.map((o) => o.groupId)).toEqual(['@TGS#2J4SZEAEL', '@TGS#2C5SZEAEF']);
	});
});

describe('get_appid_group_list paging: Next goes back exactly as the vendor returned it', () => {
	const fx = loadFixture('tencent', 'group_open_http_svc.get_appid_group_list');
	const lastPage = { ActionStatus: 'OK', ErrorInfo: '', ErrorCode: 0, TotalCount: 3, GroupIdList: [{ GroupId: '@TGS#3LASTPAGE' }], Next: 0 };
	async function pages(first: unknown) {
		sb.respondNext('tencent', fx.api, first);
		sb.respondNext('tencent', fx.api, lastPage);
		const { run } = await tencentEngine(sb.url).run(tencentWorkflow({ resource: 'group', operation: 'listAll', returnAll: true }));
		const hits = sb.verbatim.filter((v) => v.api === fx.api);
		return { run, hits, sent: hits.map((h) => readJson(h.request.body.toString('utf8'), 'bigint') as any) };
	}

	test('the documented Next (4454685361, above 2^32) is sent back on the second call; both pages are listed', async () => {
		const { run, hits, sent } = await pages(fx.response);
		expect(hits).toHaveLength(2);
		// The sandbox's own handler took the first call, and did not throttle the second (it enforces the
		// documented 1 call/s: an unpaced second call would get 60007). It refuses that second call's cursor
		// with 10004 only because the Next came from the served example, not from its own state.
		expect(hits.map((h) => (readJson(h.own.body) as any).ErrorCode)).toEqual([0, 10004]);
		expect(sent[0].Next).toBe(0);
		expect(sent[1].Next).toBe(4454685361);
		expect((outputOf(run, 'Node') as any[]).map((o) => o.groupId)).toEqual(['@TGS#2J4SZEAEL', '@TGS#2C5SZEAEF', '@TGS#3LASTPAGE']);
	});

	// CN page 269/1614 types Next as uint64: it must go back byte-exact (issue 11 §1).
	test('a Next above 2^53 goes back byte-exact', async () => {
		const big = { ...(fx.response as any), Next: 18446744073709551557n };
		const { sent } = await pages(big);
		expect(sent[1].Next).toBe(18446744073709551557n);
	});
});

describe('im_open_login_svc/account_check (1047/34956)', () => {
	const fx = loadFixture('tencent', 'im_open_login_svc.account_check');
	test('request shape; the sample answer parses to one Imported and one NotImported account', async () => {
		const req = fx.request as any;
		sb.respondNext('tencent', fx.api, fx.response);
		const { run } = await tencentEngine(sb.url).run(
			tencentWorkflow({ resource: 'account', operation: 'check', account: '={{ $json.u }}' }, { items: [{ u: 'UserID_1' }, { u: 'UserID_2' }] }),
		);
		const hit = sb.verbatim.find((v) => v.api === fx.api)!;
		const sent = readJson(hit.request.body.toString('utf8'), 'bigint');
		expect(shapeDiff(req, sent)).toEqual([]);
		expect(sent).toEqual(req);
		const out = outputOf(run, 'Node') as any[];
		expect(out.map((o) => [o.account ?? o.userId, o.imported ?? o.accountStatus])).toEqual([
			['UserID_1', expect.anything()],
			['UserID_2', expect.anything()],
		]);
		expect(JSON.stringify(out[0])).toMatch(/Imported|true/);
		expect(JSON.stringify(out[1])).toMatch(/NotImported|false/);
	});
});

describe('im_open_login_svc/multiaccount_import (1047/34954)', () => {
	const fx = loadFixture('tencent', 'im_open_login_svc.multiaccount_import');
	test('the node sends the newer AccountList form (not the page\'s legacy Accounts array) for the same accounts; FailAccounts test3 and test4 fail those two items only', async () => {
		const req = fx.request as any;
		sb.respondNext('tencent', fx.api, fx.response);
		const { run } = await tencentEngine(sb.url).run(
			tencentWorkflow({ resource: 'account', operation: 'importMany', account: '={{ $json.u }}' }, { items: req.Accounts.map((u: string) => ({ u })), continueOnFail: true }),
		);
		const hit = sb.verbatim.find((v) => v.api === fx.api)!;
		expect((readJson(hit.own.body) as any).ErrorCode).toBe(0);
		const sent = readJson(hit.request.body.toString('utf8'), 'bigint') as any;
		// The English page documents only {"Accounts": [..]} and says nick/avatar cannot be imported; the
		// doocs server SDK (MultiAccountImportNewRequest, 2024-12-19) and tencent-chat.md give the newer
		// {"AccountList": [{"UserID", "Nick"?, "FaceUrl"?}]} that the node uses. Exactly that difference, nothing else:
		expect(shapeDiff(req, sent)).toEqual(['Accounts: documented, not sent', 'AccountList: sent, not in the documented example']);
		expect(sent.AccountList.map((a: any) => a.UserID)).toEqual(req.Accounts);
		expect(sent.AccountList.every((a: any) => Object.keys(a).every((k) => ['UserID', 'Nick', 'FaceUrl'].includes(k)))).toBe(true);
		const out = outputOf(run, 'Node') as any[];
		expect(out.map((o) => [o.account, o.status])).toEqual([
			['test1', expect.not.stringMatching(/failed/)],
			['test2', expect.not.stringMatching(/failed/)],
			['test3', 'failed'],
			['test4', 'failed'],
			['test5', expect.not.stringMatching(/failed/)],
		]);
	});
});

describe('openim/admin_msgwithdraw (1047/35015)', () => {
	const fx = loadFixture('tencent', 'openim.admin_msgwithdraw');
	test('request shape and values of the sample; the OK sample parses to recalled', async () => {
		const req = fx.request as any;
		sb.seedTencentAccounts(['vinson', 'dramon']);
		const { out, sent } = await contract(fx.api, fx.responses!.ok, { resource: 'message', operation: 'recall', fromAccount: req.From_Account, toAccount: req.To_Account, msgKey: req.MsgKey });
		expect(shapeDiff(req, sent)).toEqual([]);
		expect(sent).toEqual(req);
		expect(JSON.stringify(out[0])).toMatch(/recalled|"status":"(ok|sent)"/);
	});
});

describe('group_open_http_svc/group_msg_recall (1047/34965)', () => {
	const fx = loadFixture('tencent', 'group_open_http_svc.group_msg_recall');
	test('request shape and values of the sample; RetCode 10030 for 100 fails that message only', async () => {
		const req = fx.request as any;
		sb.seedTencentGroup({ groupId: req.GroupId, type: 'Public' } as any);
		const { out, sent } = await contract(fx.api, fx.response, { resource: 'group', operation: 'recallMessages', groupId: req.GroupId, msgSeqs: '100,101' });
		expect(shapeDiff(req, sent)).toEqual([]);
		expect(sent).toEqual(req);
		const s = JSON.stringify(out);
		expect(s).toContain('10030');
		expect(out[0].status).toBe('partial');
	});
});

describe('group_open_http_svc/add_group_member (1047/34921)', () => {
	const fx = loadFixture('tencent', 'group_open_http_svc.add_group_member');
	test('request shape and values of the "add silently" sample; Result 1 for both parses to two added members', async () => {
		const req = fx.request as any;
		sb.seedTencentGroup({ groupId: req.GroupId, type: 'Public', owner: 'boss' } as any);
		sb.seedTencentAccounts(['tommy', 'jared']);
		const { out, sent, own, error } = await contract(fx.api, fx.response, { resource: 'groupMember', operation: 'add', groupId: req.GroupId, members: 'tommy\njared', options: { silence: true } });
		expect(error).toBeUndefined();
		expect(own.ErrorCode).toBe(0);
		expect(shapeDiff(req, sent)).toEqual([]);
		expect(sent).toEqual(req);
		expect(out[0]).toMatchObject({ status: 'added', memberCount: 2, addedCount: 2, failedCount: 0 });
	});
});

describe('im_open_login_svc/account_import (1047/34953)', () => {
	const fx = loadFixture('tencent', 'im_open_login_svc.account_import');
	test('request shape and values of the sample; the OK sample parses to imported', async () => {
		const req = fx.request as any;
		const { out, sent, own, error } = await contract(fx.api, fx.response, { resource: 'account', operation: 'import', account: req.UserID, nick: req.Nick, faceUrl: req.FaceUrl });
		expect(error).toBeUndefined();
		expect(own.ErrorCode).toBe(0);
		expect(shapeDiff(req, sent)).toEqual([]);
		expect(sent).toEqual(req);
		expect(out[0]).toMatchObject({ account: 'test' });
		expect(out[0].status).not.toBe('failed');
	});
});

describe('group_open_http_svc/send_broadcast_msg (1047/49440)', () => {
	const fx = loadFixture('tencent', 'group_open_http_svc.send_broadcast_msg');
	test('request shape and values of the sample (one custom element, From_Account, CloudCustomData); MsgSeq 1283 comes out', async () => {
		const req = fx.request as any;
		sb.seedTencentAccounts(['test']);
		sb.seedTencentGroup({ groupId: 'av1', type: 'AVChatRoom' } as any);
		const { out, sent, own, error } = await contract(fx.api, fx.response, {
			resource: 'group',
			operation: 'broadcastToAvGroups',
			fromAccount: 'test',
			messageFormat: 'custom',
			customData: req.MsgBody[0].MsgContent.Data,
			options: { random: req.Random },
			messageOptions: { cloudCustomData: req.CloudCustomData },
		});
		expect(error).toBeUndefined();
		expect(own.ErrorCode).toBe(0);
		expect(shapeDiff(req, sent)).toEqual([]);
		expect(sent).toEqual(req);
		expect(out[0]).toMatchObject({ status: 'sent', msgSeq: 1283, random: req.Random });
	});
});

describe('all_member_push/im_push (1047/37166)', () => {
	const fx = loadFixture('tencent', 'all_member_push.im_push');
	test('request shape and values of the "push by user tag" sample (plain tags with spaces); the sample TaskId comes out', async () => {
		const req = fx.request as any;
		sb.seedTencentAccounts(['admin']); // the page's sender; the sandbox's own admin has another name
		const { out, sent, own, error } = await contract(fx.api, fx.response, {
			resource: 'push',
			operation: 'pushToAll',
			fromAccount: 'admin',
			target: 'tags',
			tagsAnd: 'A shares,B shares',
			...text('hi, beauty'),
			options: { msgRandom: req.MsgRandom, msgLifeTime: req.MsgLifeTime },
		});
		expect(error).toBeUndefined();
		expect(own.ErrorCode).toBe(0);
		expect(shapeDiff(req, sent)).toEqual([]);
		expect(sent).toEqual(req);
		expect(out[0]).toMatchObject({ status: 'accepted', taskId: '1400123456_144115212910570789_4155518400_15723514' });
	});
});

describe('group_open_http_svc/create_group (1047/34895)', () => {
	const fx = loadFixture('tencent', 'group_open_http_svc.create_group');
	test('request shape and values of the "custom group ID" sample; the sample GroupId comes out', async () => {
		const req = fx.request as any;
		sb.seedTencentAccounts(['leckie']);
		const { out, sent, own, error } = await contract(fx.api, fx.response, { resource: 'group', operation: 'create', groupType: 'Public', name: req.Name, options: { groupId: req.GroupId, owner: req.Owner_Account } });
		expect(error).toBeUndefined();
		expect(own.ErrorCode).toBe(0);
		expect(shapeDiff(req, sent)).toEqual([]);
		expect(sent).toEqual(req);
		expect(out[0]).toMatchObject({ groupId: 'MyFirstGroup' });
	});
});
