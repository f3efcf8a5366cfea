/* eslint-disable */
// Volcengine RTC → Conversation Access (live groups): Restrict (BatchAddBlockParticipants), Lift
// Restriction (BatchDeleteBlockParticipants), Get Restricted (BatchGetBlockParticipants), Add to /
// Remove From Allow List (BatchAddWhitelistParticipant / BatchRemoveWhitelistParticipant), Get Allow
// List (BatchGetWhitelistParticipant). Fields: Go SDK volc-sdk-golang service/im/model.go. Real n8n
// engine against the sandbox.
if (!process.env.N8N_LOG_LEVEL) process.env.N8N_LOG_LEVEL = 'silent'; // the engine would log every expected error
import type { IDataObject } from 'n8n-workflow';
import { detailsOf } from '../../sandbox/volcengine/memberState';
import type { RtcSandbox } from '../../sandbox/server';
import { BIG_CONV, BIG_USER, itemsOf, volcengineSuite, type RefusedCase } from './suite';

let sb: RtcSandbox;
const { run, calls, conv, expectRefused, sent } = volcengineSuite((s) => (sb = s));

const bodies = (action: string) => sent(action).map((b) => JSON.parse(b.replace(/([:\[,])\s*(\d{16,})/g, '$1"$2"')));
const ids = (n: number, from = 20001) => Array.from({ length: n }, (_, i) => String(from + i));
const LIVE = '77';
const op = (operation: string, extra: IDataObject = {}) => ({ resource: 'conversationAccess', operation, conversationShortId: LIVE, ...extra });

beforeEach(() => {
	sb.seedVolcengineConversation({ conversationShortId: LIVE, type: 100, owner: '1', members: ids(45) });
	sb.seedVolcengineConversation({ conversationShortId: BIG_CONV, owner: '1', members: ['2'] });
});

describe('Conversation Access → Restrict / Lift Restriction / Get Restricted', () => {
	test('Restrict: 46 users muted for an hour → calls of 20, 20, 6; user ids as map keys (int64 exact); the owner fails', async () => {
		const { run: r } = await run(op('restrict', { restriction: 'mute', duration: 3600, participantUserIds: [...ids(45), BIG_USER, '1'].slice(1).join('\n') }));
		expect(r.data.resultData.error).toBeUndefined();
		expect(sent('BatchAddBlockParticipants')).toHaveLength(3);
		const [first, , last] = bodies('BatchAddBlockParticipants');
		expect(first).toMatchObject({ ConversationShortId: 77, BlockAction: 0 });
		expect(Object.keys(first.ParticipantBlockInfos)).toEqual(ids(20, 20002));
		expect(last.ParticipantBlockInfos).toEqual({ [BIG_USER]: 3600, '1': 3600, ...Object.fromEntries(ids(4, 20042).map((id) => [id, 3600])) });
		const [out] = itemsOf(r);
		expect(out.json).toMatchObject({ status: 'partial', restriction: 'mute', durationSeconds: 3600, userCount: 46, deliveredCount: 45, failedCount: 1, calls: 3 });
		expect(out.json.failed).toEqual([{ userId: '1', code: 'FailedParticipantUserIds', reason: 'Volcengine listed this user in FailedParticipantUserIds: not restricted' }]);
		const muted = detailsOf(conv(LIVE)).restricted[0];
		expect(muted.has(BigInt(BIG_USER))).toBe(true);
		expect(muted.get(20002n)!.until - muted.get(20002n)!.createTime).toBe(3600);
	});

	test('Ban, read back the ban list page by page (cursor = next user id), lift it', async () => {
		await run(op('restrict', { restriction: 'ban', duration: 600, participantUserIds: ids(45).join(',') }));
		expect(detailsOf(conv(LIVE)).restricted[1].size).toBe(45);
		const list = await run(op('getRestricted', { restriction: 'ban', returnAll: true }));
		expect(itemsOf(list.run).map((o) => o.json.participantUserId)).toEqual(ids(45));
		expect(bodies('BatchGetBlockParticipants').map((b) => [b.Cursor, b.Limit, b.BlockAction])).toEqual([
			[0, 20, 1],
			[20021, 20, 1],
			[20041, 20, 1],
		]);
		expect(itemsOf(list.run)[0].json).toMatchObject({ blockTime: expect.any(Number), createTime: expect.any(Number), nickName: '' });
		const limited = await run(op('getRestricted', { restriction: 'ban', limit: 5, options: { pageSize: 3 } }));
		expect(itemsOf(limited.run)).toHaveLength(5);
		const lift = await run(op('liftRestriction', { restriction: 'ban', participantUserIds: ids(45).join(',') }));
		expect(itemsOf(lift.run)[0].json).toMatchObject({ status: 'lifted', restriction: 'ban', deliveredCount: 45, calls: 3 });
		expect(bodies('BatchDeleteBlockParticipants')[0]).toMatchObject({ BlockAction: 1, ParticipantUserIds: ids(20).map(Number) });
		expect(detailsOf(conv(LIVE)).restricted[1].size).toBe(0);
	});
});

describe('Conversation Access → allow list', () => {
	test('Add to Allow List: a non-member fails; Get Allow List pages until NextCursor -1; Remove From Allow List', async () => {
		const add = await run(op('addToAllowList', { operator: '1', participantUserIds: [...ids(25), '99'].join(',') }));
		expect(itemsOf(add.run)[0].json).toMatchObject({ status: 'partial', deliveredCount: 25, failed: [{ userId: '99', code: 'FailedUserIds' }], calls: 2 });
		expect(bodies('BatchAddWhitelistParticipant')[0]).toMatchObject({ Operator: 1, ConversationShortId: 77 });
		const list = await run(op('getAllowList', { returnAll: true }));
		expect(itemsOf(list.run).map((o) => o.json.participantUserId)).toEqual(ids(25));
		expect(itemsOf(list.run)[0].json).toMatchObject({ operator: '1' });
		expect(calls('BatchGetWhitelistParticipant')).toHaveLength(2);
		const remove = await run(op('removeFromAllowList', { operator: '1', participantUserIds: ids(25).join(',') }));
		expect(itemsOf(remove.run)[0].json).toMatchObject({ status: 'disallowed', deliveredCount: 25 });
		expect(detailsOf(conv(LIVE)).allowed.size).toBe(0);
	});

	// Every action of this resource is for live groups only: an ordinary group is refused by the vendor.
	test.each<[string, IDataObject]>([
		['restrict', { participantUserIds: '2', duration: 60 }],
		['liftRestriction', { participantUserIds: '2' }],
		['getRestricted', { returnAll: true }],
		['addToAllowList', { operator: '1', participantUserIds: '2' }],
		['removeFromAllowList', { operator: '1', participantUserIds: '2' }],
		['getAllowList', { returnAll: true }],
	])('%s: a vendor error fails only its item with continue-on-fail', async (operation, extra) => {
		const params = op(operation, { ...extra, conversationShortId: '={{ $json.c }}' });
		expect((await run(params, { items: [{ c: BIG_CONV }] })).run.status).toBe('error');
		const { run: r } = await run(params, { items: [{ c: BIG_CONV }, { c: LIVE }], continueOnFail: true });
		const out = itemsOf(r);
		expect(out[0].json).toMatchObject({ code: 'InvalidParameter' });
		expect(out[0].pairedItem).toEqual({ item: 0 });
		expect(out.slice(1).every((o) => o.json.code === undefined && (o.pairedItem as any).item === 1)).toBe(true);
	});

	test.each<RefusedCase>([
		['Duration 0', () => op('restrict', { duration: 0, participantUserIds: '2' }), 'Duration (Seconds)', undefined],
		['unknown restriction', () => op('restrict', { restriction: 'kick', duration: 60, participantUserIds: '2' }), 'Restriction', undefined],
		['user id as a word', () => op('liftRestriction', { participantUserIds: '2, alice' }), 'Member User IDs[1]', /positive int64/],
		['Operator as a word', () => op('addToAllowList', { operator: 'admin', participantUserIds: '2' }), 'Operator User ID', undefined],
		['Page Size 21', () => op('getAllowList', { options: { pageSize: 21 } }), 'Page Size', undefined],
		['Limit 0', () => op('getRestricted', { limit: 0 }), 'Limit', undefined],
	])('bad inputs are refused before anything is sent: %s', async (_label, params, field, reason) => {
		await expectRefused(params(), field, reason);
	});
});
