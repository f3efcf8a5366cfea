/* eslint-disable */
// Volcengine RTC → Room control: Ban User (BanRoomUser), Update Ban (UpdateBanRoomUserRule), Remove
// User (KickUser), Dismiss Room (DismissRoom), Ban Stream (BanUserStream), Unban Stream
// (UnbanUserStream). Bodies: Go SDK volc-sdk-golang service/rtc/v20231101 and v20201201 model.go.
// Real n8n engine against the sandbox.
if (!process.env.N8N_LOG_LEVEL) process.env.N8N_LOG_LEVEL = 'silent'; // the engine would log every expected error
import type { IDataObject } from 'n8n-workflow';
import type { RtcSandbox } from '../../sandbox/server';
import { SANDBOX_RTC_APP_ID } from '../../sandbox/volcengine';
import { roomControlOf } from '../../sandbox/volcengine/roomControl';
import { itemsOf, volcengineSuite, type RefusedCase } from './suite';

let sb: RtcSandbox;
const { run, expectRefused, urls, sent } = volcengineSuite((s) => (sb = s));

const op = (operation: string, extra: IDataObject = {}) => ({ resource: 'room', operation, rtcAppId: SANDBOX_RTC_APP_ID, roomId: 'room-1', userId: 'user-7', ...extra });
const state = () => roomControlOf(sb.state.volcengine);
const body = (action: string) => JSON.parse(sent(action)[0]);

describe('Room control (RTC OpenAPI)', () => {
	test('Ban User: one user in one room for 10 minutes (Version 2023-11-01); a repeat says "Room has been banned"', async () => {
		const { run: r } = await run(op('banUser', { forbiddenInterval: 600 }));
		expect(r.data.resultData.error).toBeUndefined();
		expect(urls()[0]).toContain('Action=BanRoomUser&Version=2023-11-01');
		expect(body('BanRoomUser')).toEqual({ AppId: SANDBOX_RTC_APP_ID, RoomId: 'room-1', UserId: 'user-7', ForbiddenInterval: 600 });
		expect(itemsOf(r)[0].json).toMatchObject({ status: 'banned', rtcAppId: SANDBOX_RTC_APP_ID, roomId: 'room-1', userId: 'user-7', forbiddenInterval: 600, vendorMessage: 'success' });
		expect(state().bans.has('room-1|user-7')).toBe(true);
		const again = await run(op('banUser', { forbiddenInterval: 600 }));
		expect(itemsOf(again.run)[0].json).toMatchObject({ status: 'banned', vendorMessage: 'Room has been banned' });
	});

	test('Ban User scopes: a whole room sends RoomId only, a user everywhere UserId only; Update Ban 0 lifts it', async () => {
		await run(op('banUser', { scope: 'room', forbiddenInterval: 60 }));
		await run(op('banUser', { scope: 'userEverywhere', forbiddenInterval: 60 }));
		expect(sent('BanRoomUser').map((b) => JSON.parse(b))).toEqual([
			{ AppId: SANDBOX_RTC_APP_ID, RoomId: 'room-1', ForbiddenInterval: 60 },
			{ AppId: SANDBOX_RTC_APP_ID, UserId: 'user-7', ForbiddenInterval: 60 },
		]);
		expect([...state().bans.keys()]).toEqual(['room-1|*', '*|user-7']);
		const lift = await run(op('updateBan', { scope: 'room', forbiddenInterval: 0 }));
		expect(itemsOf(lift.run)[0].json).toMatchObject({ status: 'updated', roomId: 'room-1', forbiddenInterval: 0 });
		expect(urls().at(-1)).toContain('Action=UpdateBanRoomUserRule&Version=2023-11-01');
		expect([...state().bans.keys()]).toEqual(['*|user-7']);
	});

	test('Remove User (KickUser) and Dismiss Room (DismissRoom) use Version 2020-12-01; the answer\'s lowercase "message" is passed on', async () => {
		const kick = await run(op('removeUser'));
		expect(itemsOf(kick.run)[0].json).toMatchObject({ status: 'removed', roomId: 'room-1', userId: 'user-7', vendorMessage: 'success' });
		const dismiss = await run(op('dismiss', { roomId: 'room-2' }));
		expect(itemsOf(dismiss.run)[0].json).toMatchObject({ status: 'dismissed', roomId: 'room-2' });
		expect(urls().map((u) => u.replace(/^.*\?/, ''))).toEqual(['Action=KickUser&Version=2020-12-01', 'Action=DismissRoom&Version=2020-12-01']);
		expect(body('DismissRoom')).toEqual({ AppId: SANDBOX_RTC_APP_ID, RoomId: 'room-2' });
		expect(state().removed).toEqual([
			{ action: 'KickUser', roomId: 'room-1', userId: 'user-7' },
			{ action: 'DismissRoom', roomId: 'room-2' },
		]);
	});

	test('Ban Stream audio only, then Unban Stream: true means ban / unban (doc pages 1188354, 80655)', async () => {
		const ban = await run(op('banStream', { video: false, forbiddenInterval: 0 }));
		expect(body('BanUserStream')).toEqual({ AppId: SANDBOX_RTC_APP_ID, RoomId: 'room-1', UserId: 'user-7', Audio: true, Video: false, ForbiddenInterval: 0 });
		expect(itemsOf(ban.run)[0].json).toMatchObject({ status: 'banned', audio: true, video: false });
		expect(state().streamBans.get('room-1|user-7')).toEqual({ audio: true, video: false, until: 0 });
		const unban = await run(op('unbanStream', { video: false }));
		expect(itemsOf(unban.run)[0].json).toMatchObject({ status: 'unbanned', audio: true });
		expect(state().streamBans.size).toBe(0);
	});

	test('Limit Publishing: the token goes to Volcengine, the output has the end time and never the token', async () => {
		const token = '001661e0d3c2b1a5f00e9a543cfSECRETTOKEN';
		const { run: r } = await run(op('limitPublishing', { token, forbiddenInterval: 120 }));
		expect(r.data.resultData.error).toBeUndefined();
		expect(body('LimitTokenPrivilege')).toEqual({ AppId: SANDBOX_RTC_APP_ID, RoomId: 'room-1', UserId: 'user-7', Token: token, ForbiddenInterval: 120 });
		expect(urls()[0]).toContain('Action=LimitTokenPrivilege&Version=2023-11-01');
		const [out] = itemsOf(r);
		expect(out.json).toMatchObject({ status: 'limited', roomId: 'room-1', userId: 'user-7', forbiddenInterval: 120, endTime: expect.any(Number), vendorMessage: 'Success' });
		expect(JSON.stringify(out.json)).not.toContain('SECRETTOKEN');
		expect(state().limitedTokens.get('room-1|user-7')).toBe(out.json.endTime);
	});

	test.each<[string, IDataObject]>([
		['limitPublishing', { token: 't0k', forbiddenInterval: 60 }],
		['banUser', { forbiddenInterval: 60 }],
		['updateBan', { forbiddenInterval: 60 }],
		['removeUser', {}],
		['dismiss', {}],
		['banStream', {}],
		['unbanStream', {}],
	])('%s: an unknown RTC App ID is a vendor error; with continue-on-fail only its item fails', async (operation, extra) => {
		const params = op(operation, { ...extra, rtcAppId: '={{ $json.app }}' });
		expect((await run(params, { items: [{ app: 'unknownapp' }] })).run.status).toBe('error');
		const { run: r } = await run(params, { items: [{ app: 'unknownapp' }, { app: SANDBOX_RTC_APP_ID }], continueOnFail: true });
		const out = itemsOf(r);
		expect(out[0].json).toMatchObject({ code: 'InvalidParameter.NotExistAppId' });
		expect(out[0].pairedItem).toEqual({ item: 0 });
		expect(out[1].json.status).toBeDefined();
		expect(out[1].json.code).toBeUndefined();
	});

	test.each<RefusedCase>([
		['Duration above 7 days', () => op('banUser', { forbiddenInterval: 604801 }), 'Duration (Seconds)', /between 0 and 604800/],
		['Room ID with a space', () => op('removeUser', { roomId: 'room 1' }), 'Room ID', undefined],
		['User ID too long', () => op('banStream', { userId: 'u'.repeat(129) }), 'User ID', undefined],
		['Limit Publishing under a minute', () => op('limitPublishing', { token: 't0k', forbiddenInterval: 59 }), 'Duration (Seconds)', /between 60 and 259200/],
		['neither audio nor video', () => op('unbanStream', { audio: false, video: false }), 'Audio', /both off/],
		['an integer IM App ID as RTC App ID', () => op('dismiss', { rtcAppId: 123456 }), 'RTC App ID', undefined],
	])('bad inputs are refused before anything is sent: %s', async (_label, params, field, reason) => {
		await expectRefused(params(), field, reason);
	});
});
