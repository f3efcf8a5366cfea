/* eslint-disable */
// Volcengine RTC → Room: real-time signalling (RTS, Version 2023-07-20, string RTC App ID):
// SendUnicast, SendRoomUnicast, SendBroadcast, BatchSendRoomUnicast, and what counts as success
// (Go SDK volcengine/volc-sdk-golang service/rtc/v20230720). Real n8n engine against the sandbox.
if (!process.env.N8N_LOG_LEVEL) process.env.N8N_LOG_LEVEL = 'silent'; // the engine would log every expected error
import type { IDataObject } from 'n8n-workflow';
import type { RtcSandbox } from '../../sandbox/server';
import { SANDBOX_RTC_APP_ID } from '../../sandbox/volcengine';
import { APP, itemsOf, volcengineSuite, type RefusedCase } from './suite';

let sb: RtcSandbox;
const { run, calls, errorOf, expectRefused, urls } = volcengineSuite((s) => (sb = s));

describe('Room: real-time signalling (RTS, Version 2023-07-20, string RTC App ID)', () => {
	const room = (operation: string, extra: IDataObject = {}) => ({
		resource: 'room',
		operation,
		rtcAppId: SANDBOX_RTC_APP_ID,
		from: 'server-notice',
		message: '{"type":"notice"}',
		...extra,
	});
	const rts = () => sb.state.volcengine.rts.messages;

	test('Send to User outside Room (SendUnicast) with Version 2023-07-20 and the string AppId', async () => {
		const { run: r } = await run(room('sendToUser', { to: 'user_1@web' }));
		expect(r.data.resultData.error).toBeUndefined();
		expect(itemsOf(r)[0].json).toMatchObject({ status: 'sent', rtcAppId: SANDBOX_RTC_APP_ID, to: 'user_1@web', binary: false });
		expect(rts()).toMatchObject([{ action: 'SendUnicast', appId: SANDBOX_RTC_APP_ID, from: 'server-notice', to: ['user_1@web'], binary: false }]);
		expect(urls()[0]).toContain('Action=SendUnicast&Version=2023-07-20');
	});

	test('Send to User in Room and Broadcast in Room; a binary (base64) message', async () => {
		const b64 = Buffer.from([0, 1, 2, 250, 255]).toString('base64');
		await run(room('sendToUserInRoom', { roomId: 'room-1', to: 'u-2' }));
		await run(room('broadcast', { roomId: 'room-1', binary: true, message: b64 }));
		expect(rts().map((m) => [m.action, m.roomId, m.to ?? null, m.binary, m.message])).toEqual([
			['SendRoomUnicast', 'room-1', ['u-2'], false, '{"type":"notice"}'],
			['SendBroadcast', 'room-1', null, true, b64],
		]);
		expect(sb.state.volcengine.rts.rooms.get(`${SANDBOX_RTC_APP_ID}|room-1`)!.messages).toBe(2);
	});

	test('Send to Users in Room: 1,300 receivers → 3 calls of ≤600, duplicates removed', async () => {
		const to = Array.from({ length: 1300 }, (_, i) => `u${i}`);
		const { run: r } = await run(room('sendToUsersInRoom', { roomId: 'hall', to: [...to, 'u5'].join('\n') }));
		expect(r.data.resultData.error).toBeUndefined();
		expect(calls('BatchSendRoomUnicast').map((c) => c.receivers)).toEqual([600, 600, 100]);
		expect(itemsOf(r)[0].json).toMatchObject({ status: 'sent', receiverCount: 1300, sentCount: 1300, calls: 3, duplicatesRemoved: 1 });
		expect(rts().flatMap((m) => m.to)).toEqual(to);
	});

	test('many items share the RTS budget; every output paired', async () => {
		const items = Array.from({ length: 40 }, (_, i) => ({ u: `user-${i}` }));
		const { run: r } = await run(room('sendToUser', { to: '={{ $json.u }}' }), { items });
		const out = itemsOf(r);
		out.forEach((o, i) => expect(o.pairedItem).toEqual({ item: i }));
		expect(rts()).toHaveLength(40);
	});

	test('an unknown RTC App ID: vendor error with and without continue-on-fail', async () => {
		const res = await run(room('sendToUser', { rtcAppId: String(APP), to: 'u1' }));
		expect(res.run.status).toBe('error');
		expect(errorOf(res).message).toContain('InvalidParameter.NotExistAppId');
		const { run: r } = await run(room('broadcast', { rtcAppId: '={{ $json.app }}', roomId: 'r1' }), {
			items: [{ app: 'nope' }, { app: SANDBOX_RTC_APP_ID }],
			continueOnFail: true,
		});
		expect(itemsOf(r).map((o) => [o.json.code ?? o.json.status, o.pairedItem])).toEqual([
			['InvalidParameter.NotExistAppId', { item: 0 }],
			['sent', { item: 1 }],
		]);
	});

	test('an answer other than "Success" is a failure even without an error envelope', async () => {
		sb.configure({ volcengine: { rtsAnswer: 'user not online' } });
		const res = await run(room('sendToUser', { to: 'u1' }));
		expect(res.run.status).toBe('error');
		expect(errorOf(res).message).toContain('NotSuccess');
		expect(errorOf(res).message).toContain('user not online');
	});

	test('size limits are bytes of the Message: 64 KB single, 20 KB batch', async () => {
		const { run: ok } = await run(room('sendToUser', { to: 'u1', message: 'x'.repeat(65536) }));
		expect(ok.data.resultData.error).toBeUndefined();
		sb.reset();
		await expectRefused(room('sendToUser', { to: 'u1', message: '中'.repeat(21846) }), 'Message', /65538 bytes; the limit is 65536/);
		await expectRefused(room('sendToUsersInRoom', { roomId: 'r', to: 'a,b', message: 'x'.repeat(20481) }), 'Message', /limit is 20480/);
	});

	test.each<RefusedCase>([
		['Receiver User ID with a space', () => room('sendToUser', { to: 'has space' }), 'Receiver User ID', /not allowed/],
		['Sender ID over 128 characters', () => room('sendToUser', { to: 'u1', from: 'x'.repeat(129) }), 'Sender ID', undefined],
		['empty RTC App ID', () => room('sendToUser', { to: 'u1', rtcAppId: '={{ "" }}' }), 'RTC App ID', /is required/],
		['Room ID with #', () => room('broadcast', { roomId: 'room#1' }), 'Room ID', undefined],
		['binary Message not base64', () => room('broadcast', { roomId: 'r', binary: true, message: 'not base64!' }), 'Message', /not base64/],
		['a Receiver User ID with /', () => room('sendToUsersInRoom', { roomId: 'r', to: 'ok, bad/id' }), 'Receiver User IDs[1]', undefined],
		['Batch Size 601', () => room('sendToUsersInRoom', { roomId: 'r', to: 'a', options: { batchSize: 601 } }), 'Batch Size', /between 1 and 600/],
		['empty Message', () => room('sendToUserInRoom', { roomId: 'r', to: 'u', message: '={{ "" }}' }), 'Message', /cannot be empty/],
	])('bad inputs are refused before anything is sent: %s', async (_label, params, field, reason) => {
		await expectRefused(params(), field, reason);
	});
});

describe('Room: RTS answers', () => {
	const room = { resource: 'room', operation: 'sendToUser', rtcAppId: SANDBOX_RTC_APP_ID, from: 'server-notice', to: 'u1', message: 'hi' };
	test.each([['success'], ['SUCCESS'], [null]])('Result.Message %p is a success', async (answer) => {
		sb.configure({ volcengine: { rtsAnswer: answer } });
		const { run: r } = await run(room);
		expect(r.data.resultData.error).toBeUndefined();
		expect(itemsOf(r)[0].json.status).toBe('sent');
		expect(sb.state.volcengine.rts.messages).toHaveLength(1);
	});
});
