/* eslint-disable */
// The EXPECTATIONS of `npm run demo` (scripts/demo.ts) and `npm run test:e2e`: what every
// examples/*.json workflow must do, as seen by the engine and by the sandbox, and `compare`.
import type { IRun } from 'n8n-workflow';
import { SANDBOX_TENCENT, SANDBOX_VOLCENGINE } from '../sandbox/demo-credentials';
import type { RtcSandbox } from '../sandbox/server';

const APP = SANDBOX_VOLCENGINE.appId;

/** What one run did, as seen by the engine and by the sandbox. */
export interface Facts {
	status: string;
	error?: string;
	ms: number;
	/** node name → items produced (first output, all runs). */
	outputs: Record<string, number>;
	/** node name → items that are error items (continue-on-fail). */
	errorItems: Record<string, number>;
	/** node name → count of each `status` field in its output items. */
	statuses: Record<string, Record<string, number>>;
	/** Requests per action (accepted or not). */
	calls: Record<string, number>;
	rejected: Array<{ action: string; code: string }>;
	delivered: number;
	distinctReceivers: number;
	broadcasts: Array<{ tags: string[]; tagOp: number; recipients: string[] }>;
	/** Users whose tags differ from before the run. */
	usersTagged: number;
	throttled: number;
	run: IRun;
	sb: RtcSandbox;
}

type Want<T> = T | ((f: Facts) => T);

export interface Expectation {
	/** Registered users and tags this example needs, seeded on a freshly reset sandbox. */
	seed?: (sb: RtcSandbox) => void;
	calls?: Want<Record<string, number>>;
	delivered?: Want<number>;
	distinctReceivers?: Want<number>;
	broadcastRecipients?: Want<number[]>;
	usersTagged?: Want<number>;
	rejected?: Want<number>;
	outputs?: Want<Record<string, number>>;
	/** Extra checks; each returned string is a failure. */
	check?: (f: Facts) => string[];
}

const range = (from: number, n: number) => Array.from({ length: n }, (_, i) => String(from + i));

/** Examples started by a vendor callback; the demo plays the vendor (harness/scenarios/trigger-demo.ts). */
export const TRIGGER_EXAMPLES = new Set(['tencent-group-reply.json']);

/** One entry per examples/*.json file. An example without an entry fails the demo. */
export const EXPECTATIONS: Record<string, Expectation> = {
	'volcengine-tag-broadcast.json': {
		seed: (sb) =>
			sb.seedVolcengineUsers(APP, [
				{ userId: '11001', tags: { level: 'vip', city: 'sh' } },
				{ userId: '11002', tags: { level: 'vip', city: 'bj' } },
				{ userId: '11003', tags: { level: 'vip' } },
				{ userId: '11004', tags: { level: 'gold', city: 'sh' } },
				{ userId: '11005', tags: { level: 'basic' } },
				{ userId: '11006' },
			]),
		calls: { UserBroadcast: 1 },
		delivered: 3, // the sandbox records one message per broadcast recipient
		distinctReceivers: 3,
		broadcastRecipients: [3],
		usersTagged: 0,
		rejected: 0,
		outputs: { 'Every Day at 10:00': 1, 'Broadcast to VIP Users': 1 },
		check: (f) => {
			const b = f.broadcasts[0];
			const out: string[] = [];
			if (!b || JSON.stringify(b.tags) !== '["level:vip"]' || b.tagOp !== 0) out.push(`broadcast filter ${JSON.stringify(b)}; want tags ["level:vip"], tagOp 0 (any)`);
			if (b && b.recipients.slice().sort().join() !== '11001,11002,11003') out.push(`recipients ${b.recipients.join(',')}; want 11001,11002,11003`);
			if (f.statuses['Broadcast to VIP Users']?.accepted !== 1) out.push('node output status is not "accepted"');
			return out;
		},
	},
	'volcengine-send-1200.json': {
		calls: { BatchSendMessage: 3 },
		delivered: 1200,
		distinctReceivers: 1200,
		broadcastRecipients: [],
		rejected: 0,
		outputs: { "When clicking 'Execute workflow'": 1, 'Send to 1,200 Users': 1 },
		check: (f) => {
			const out: string[] = [];
			const sizes = f.sb.state.volcengine.requests.filter((r) => r.action === 'BatchSendMessage').map((r) => r.receivers);
			if (sizes.join() !== '500,500,200') out.push(`receivers per call ${sizes.join(',')}; want 500,500,200`);
			const got = f.sb.state.volcengine.messages.map((m) => String(m.receiver)).sort().join();
			if (got !== range(20001, 1200).sort().join()) out.push('delivered receivers are not exactly 20001..21200');
			const [summary] = outputJson(f.run, 'Send to 1,200 Users');
			if (summary?.status !== 'sent' || summary?.deliveredCount !== 1200 || summary?.calls !== 3) {
				out.push(`node summary ${JSON.stringify({ status: summary?.status, deliveredCount: summary?.deliveredCount, calls: summary?.calls })}`);
			}
			return out;
		},
	},
	'volcengine-tag-sync.json': {
		seed: (sb) => sb.seedVolcengineUsers(APP, range(30001, 120).map((userId) => ({ userId }))),
		// coalesced: users with the same level share calls of ≤ 50 (current form: one tag list per call)
		calls: (f) => {
			const perLevel = new Map<string, number>();
			for (const u of outputJson(f.run, 'Users from CRM')) perLevel.set(String(u.level), (perLevel.get(String(u.level)) ?? 0) + 1);
			return { BatchUpdateUserTags: [...perLevel.values()].reduce((n, c) => n + Math.ceil(c / 50), 0) };
		},
		usersTagged: (f) => f.outputs['Users from CRM'] ?? 0,
		delivered: 0,
		rejected: 0,
		outputs: { "When clicking 'Execute workflow'": 1, 'Users from CRM': 120, 'Update Level Tag': 120 },
		check: (f) => {
			const out: string[] = [];
			const users = f.sb.state.volcengine.users.get(APP);
			const wrong = outputJson(f.run, 'Users from CRM').filter(
				(u) => users?.get(BigInt(String(u.userId)))?.tags.get('level') !== u.level,
			);
			if (wrong.length) out.push(`${wrong.length} users do not carry the level the Code node gave them`);
			if (f.statuses['Update Level Tag']?.updated !== 120) out.push(`node statuses ${JSON.stringify(f.statuses['Update Level Tag'])}; want 120 updated`);
			return out;
		},
	},
	// ---- Tencent Chat examples: `calls`/`delivered` count Tencent paths and messages too; `check`
	// looks closer through tencentFacts().
	'tencent-av-broadcast.json': {
		seed: (sb) => {
			for (const groupId of ['@TGS#live-room-1', '@TGS#live-room-2', '@TGS#live-room-3']) sb.seedTencentGroup({ groupId, type: 'AVChatRoom' });
			sb.seedTencentGroup({ groupId: 'staff', type: 'Public', owner: 'alice', members: ['bob'] }); // not an AV group: gets nothing
		},
		calls: { 'group_open_http_svc/send_broadcast_msg': 1 },
		delivered: 3, // one message in each of the 3 audio-video groups
		outputs: { 'Every Day at 09:00': 1, Announcements: 3, 'Broadcast to All AV Groups': 3 },
		check: (f) => {
			const t = tencentFacts(f);
			const out: string[] = [];
			if (JSON.stringify(t.calls) !== '{"group_open_http_svc/send_broadcast_msg":1}') out.push(`Tencent calls ${JSON.stringify(t.calls)}; want one send_broadcast_msg (3 items merged)`);
			if (t.rejected.length) out.push(`Tencent rejected ${JSON.stringify(t.rejected)}`);
			const b = f.sb.state.tencent.broadcasts;
			if (b.length !== 1 || b[0].msgBody.length !== 3) out.push(`broadcasts ${b.map((x) => x.msgBody.length).join(',') || 'none'}; want one with 3 elements`);
			const groups = [...f.sb.state.tencent.groups.values()];
			const got = groups.map((g) => `${g.groupId}:${g.messages.length}`).join(',');
			if (got !== '@TGS#live-room-1:1,@TGS#live-room-2:1,@TGS#live-room-3:1,staff:0') out.push(`messages per group ${got}; want 1 in each AVChatRoom, 0 in staff`);
			const texts = (b[0]?.msgBody ?? []).map((e: any) => String(e?.MsgContent?.Text ?? ''));
			if (!/^Good morning!/.test(texts[0] ?? '') || !/Keynote/.test(texts[1] ?? '') || !/Q&A/.test(texts[2] ?? '')) out.push(`broadcast texts ${JSON.stringify(texts)}`);
			const outs = outputJson(f.run, 'Broadcast to All AV Groups');
			if (outs.some((o) => o.status !== 'sent' || o.call !== 1 || o.itemsInCall !== 3 || o.elements !== 3)) out.push(`node output ${JSON.stringify(outs[0])}; want status sent, call 1, itemsInCall 3, elements 3`);
			return out;
		},
	},
	'tencent-batch-1200.json': {
		seed: (sb) => sb.seedTencentAccounts(tencentUsers(1200)),
		calls: { 'openim/batchsendmsg': 3 },
		delivered: 1200,
		outputs: { "When clicking 'Execute workflow'": 1, 'Send to 1,200 Users': 1 },
		check: (f) => {
			const t = tencentFacts(f);
			const out: string[] = [];
			if (JSON.stringify(t.calls) !== '{"openim/batchsendmsg":3}') out.push(`Tencent calls ${JSON.stringify(t.calls)}; want openim/batchsendmsg ×3 (500 + 500 + 200)`);
			if (t.rejected.length) out.push(`Tencent rejected ${JSON.stringify(t.rejected)}`);
			const c2c = f.sb.state.tencent.c2c;
			const to = c2c.map((m) => m.to).sort().join();
			if (c2c.length !== 1200 || to !== tencentUsers(1200).sort().join()) out.push(`${c2c.length} one-to-one messages delivered; want exactly user_0001..user_1200 once each`);
			if (c2c.some((m) => m.from !== SANDBOX_TENCENT.adminUserId || (m.msgBody as any[])[0]?.MsgContent?.Text !== 'Your order has shipped')) out.push('a message has the wrong sender or text');
			const [summary] = outputJson(f.run, 'Send to 1,200 Users');
			if (summary?.status !== 'sent' || summary?.deliveredCount !== 1200 || summary?.calls !== 3 || summary?.failedCount !== 0) {
				out.push(`node summary ${JSON.stringify({ status: summary?.status, deliveredCount: summary?.deliveredCount, failedCount: summary?.failedCount, calls: summary?.calls })}`);
			}
			return out;
		},
	},
	'tencent-tag-push.json': {
		seed: (sb) => {
			const tags: Record<string, string[]> = { vip_1: ['vip'], vip_2: ['vip', 'android'], beta_1: ['beta'], both_1: ['vip', 'beta'], plain_1: ['android'], plain_2: [] };
			sb.seedTencentAccounts(Object.keys(tags));
			for (const [account, list] of Object.entries(tags)) if (list.length) sb.state.tencent.userTags.set(account, new Set(list));
		},
		calls: { 'all_member_push/im_push': 1 },
		delivered: 4, // the push reached the 4 users tagged vip or beta
		outputs: { "When clicking 'Execute workflow'": 1, 'Push to VIP and Beta Users': 1 },
		check: (f) => {
			const t = tencentFacts(f);
			const out: string[] = [];
			if (JSON.stringify(t.calls) !== '{"all_member_push/im_push":1}') out.push(`Tencent calls ${JSON.stringify(t.calls)}; want all_member_push/im_push ×1`);
			if (t.rejected.length) out.push(`Tencent rejected ${JSON.stringify(t.rejected)}`);
			const p = f.sb.state.tencent.pushes;
			if (p.length !== 1 || JSON.stringify(p[0].condition) !== '{"TagsOr":["vip","beta"]}') out.push(`push condition ${JSON.stringify(p[0]?.condition)}; want {"TagsOr":["vip","beta"]}`);
			if (p[0] && p[0].recipients.slice().sort().join() !== 'beta_1,both_1,vip_1,vip_2') out.push(`push recipients ${p[0].recipients.join(',')}; want beta_1,both_1,vip_1,vip_2`);
			if (p[0] && p[0].msgLifeTime !== 86400) out.push(`MsgLifeTime ${p[0].msgLifeTime}; want 86400`);
			const [res] = outputJson(f.run, 'Push to VIP and Beta Users');
			if (res?.status !== 'accepted' || typeof res?.taskId !== 'string' || res.taskId !== p[0]?.taskId) out.push(`node output ${JSON.stringify(res)}; want status accepted with the sandbox's TaskId`);
			return out;
		},
	},
};

/** user_0001 … user_NNNN */
function tencentUsers(n: number): string[] {
	return Array.from({ length: n }, (_, i) => `user_${String(i + 1).padStart(4, '0')}`);
}

/** Tencent Chat REST calls the sandbox received in this run, by path, and the rejected ones. */
function tencentFacts(f: Facts) {
	const calls: Record<string, number> = {};
	for (const r of f.sb.state.tencent.requests) calls[r.path] = (calls[r.path] ?? 0) + 1;
	return { calls, rejected: f.sb.state.tencent.requests.filter((r) => r.code !== 0) };
}

export function outputJson(run: IRun, node: string): Array<Record<string, any>> {
	return (run.data.resultData.runData[node] ?? []).flatMap((r) => (r.data?.main?.[0] ?? []).map((i) => i.json as Record<string, any>));
}

export function compare(e: Expectation, f: Facts): string[] {
	const out: string[] = [];
	const want = <T>(w: Want<T> | undefined): T | undefined => (typeof w === 'function' ? (w as (f: Facts) => T)(f) : w);
	const eq = (label: string, w: unknown, got: unknown) => {
		if (w !== undefined && JSON.stringify(w) !== JSON.stringify(got)) out.push(`${label}: got ${JSON.stringify(got)}, want ${JSON.stringify(w)}`);
	};
	eq('calls per action', want(e.calls), f.calls);
	eq('messages delivered', want(e.delivered), f.delivered);
	eq('distinct receivers', want(e.distinctReceivers), f.distinctReceivers);
	eq('broadcast recipients', want(e.broadcastRecipients), f.broadcasts.map((b) => b.recipients.length));
	eq('users tagged', want(e.usersTagged), f.usersTagged);
	eq('rejected requests', want(e.rejected), f.rejected.length);
	eq('node output items', want(e.outputs), f.outputs);
	if (e.check) out.push(...e.check(f));
	return out;
}
