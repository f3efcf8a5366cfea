/* eslint-disable */
// Volcengine RTC Trigger through the engine's webhook path (WebhookContext → WorkflowExecute) with
// real SHA-256 signatures (volcengine-rtc.md §6.2), and with the sandbox's callback sender as the
// caller: BatchSendMessage → SendMessage events, retries, duplicates, forged/stale/unsigned ones.
import { createHash } from 'node:crypto';
import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { NodeConnectionTypes, type IDataObject, type IWorkflowBase } from 'n8n-workflow';
import { PKG, triggerWorkflow as triggerFixture } from '../../harness/fixtures';
import { volcengineEngine } from '../../harness/registry';
import { startWebhookServer } from '../../harness/webhook-server';
import type { RtcSandbox } from '../../sandbox/server';
import { volcengineSign, volcengineTime } from '../../sandbox/callbacks';
import { VolcengineRtcTrigger } from '../../nodes/VolcengineRtcTrigger/VolcengineRtcTrigger.node';
import { VolcengineRtcTriggerV1 } from '../../nodes/VolcengineRtcTrigger/v1/VolcengineRtcTriggerV1.node';
import { readVolcengineEnvelope, verifyVolcengineCallback, volcengineCallbackSignature, volcengineNonceProblem } from '../../nodes/VolcengineRtcTrigger/transport/callback';
import { firstSighting, parseRfc3339 } from '../../nodes/shared/webhook';
import { VOLCENGINE_EVENTS } from '../../nodes/VolcengineRtcTrigger/v1/events';
import { messageText } from '../../nodes/VolcengineRtcTrigger/v1/output';
import { volcengineSuite } from './suite';

const SECRET = 'my-callback-secret';

let sb: RtcSandbox;
volcengineSuite((s) => (sb = s));

/** The sandbox engine; the Volcengine credential carries the callback secret. */
const engineWith = (over: IDataObject = {}) => volcengineEngine(sb.url, { callbackSecret: SECRET, ...over });

/** The trigger alone; each workflow gets its own id, so its own static data. */
const triggerWorkflow = (parameters: IDataObject = {}): IWorkflowBase =>
	triggerFixture({
		nodeType: 'volcengineRtcTrigger', credentialType: 'volcengineRtcApi', webhookId: 'b0ba0000-0000-4000-8000-000000000002',
		idPrefix: 'volc-trigger', parameters: { events: ['*'], options: {}, ...parameters },
	});

/** CB1 of volcengine-rtc.md §6.2. */
const CB1 = {
	EventType: 'SendMessage',
	EventData: '{"AppId":123456,"Sender":10001,"ConversationShortId":7000001,"MsgType":10001,"Content":"hi"}',
	EventTime: '2024-01-15T08:30:00.000000000Z',
	EventId: 'evt-0001',
	AppId: '123456',
	Version: '2020-12-01',
	Nonce: 'a1b2',
};
const CB1_SIGNATURE = 'dc90c18856a8d25f9cf40aa67a18311965c4bc83da10a3fef681ed57ed2569d2';

let idSeq = 0;
/** An envelope as Volcengine sends it, fresh unless told otherwise, signed with `secret` unless null. */
function envelope(over: Partial<typeof CB1> = {}, secret: string | null = SECRET) {
	const fields = { ...CB1, EventTime: volcengineTime(Date.now()), EventId: `evt-${Date.now()}-${++idSeq}`, ...over };
	return { ...fields, Signature: secret === null ? '' : volcengineSign(fields, secret) };
}
/** The HTTP request n8n hands the node: parsed body plus the raw bytes. */
const req = (env: object | string, o: { raw?: boolean } = {}) => {
	const text = typeof env === 'string' ? env : JSON.stringify(env);
	return { headers: { 'content-type': 'application/json' }, query: {}, body: JSON.parse(text), ...(o.raw === false ? {} : { rawBody: Buffer.from(text) }) };
};
const itemOf = (r: any) => r.run!.data.resultData.runData.Trigger[0].data!.main[0]![0].json as any;

describe('signature (volcengine-rtc.md §6.2)', () => {
	test('CB1 is reproduced, by the trigger and by the sandbox sender, from the sorted concatenation', () => {
		expect(volcengineCallbackSignature(CB1, 'my-callback-secret')).toBe(CB1_SIGNATURE);
		expect(volcengineSign(CB1, 'my-callback-secret')).toBe(CB1_SIGNATURE);
		const sorted = `1234562020-12-012024-01-15T08:30:00.000000000ZSendMessagea1b2evt-0001my-callback-secret${CB1.EventData}`;
		expect(createHash('sha256').update(sorted).digest('hex')).toBe(CB1_SIGNATURE);
	});
	test('CB1 verifies at its own time, not an hour later, and not with another secret; "Noce" spelling accepted', () => {
		const env = readVolcengineEnvelope({ ...CB1, Signature: CB1_SIGNATURE });
		const at = Date.parse('2024-01-15T08:30:00Z');
		expect(verifyVolcengineCallback({ envelope: env, secret: SECRET, acceptUnsigned: false, maxAgeSeconds: 300, nowMs: at + 1000 })).toEqual({ ok: true, signed: true, eventMs: at });
		expect(verifyVolcengineCallback({ envelope: env, secret: SECRET, acceptUnsigned: false, maxAgeSeconds: 300, nowMs: at + 3600_000 })).toMatchObject({ ok: false });
		expect(verifyVolcengineCallback({ envelope: env, secret: 'other', acceptUnsigned: false, maxAgeSeconds: 300, nowMs: at })).toMatchObject({ ok: false, reason: 'Signature does not match' });
		const { Nonce, ...rest } = CB1;
		const noce = readVolcengineEnvelope({ ...rest, Noce: Nonce, Signature: CB1_SIGNATURE.toUpperCase() });
		expect(verifyVolcengineCallback({ envelope: noce, secret: SECRET, acceptUnsigned: false, maxAgeSeconds: 300, nowMs: at })).toMatchObject({ ok: true });
	});
	test('RFC 3339 times with nanoseconds and offsets', () => {
		expect(parseRfc3339('2024-01-15T08:30:00.123456789Z')).toBe(Date.parse('2024-01-15T08:30:00.123Z'));
		expect(parseRfc3339('2024-01-15T16:30:00+08:00')).toBe(Date.parse('2024-01-15T08:30:00Z'));
		expect(parseRfc3339('2024-01-15 08:30')).toBeUndefined();
	});
});

describe('node description and lifecycle', () => {
	const d = new VolcengineRtcTriggerV1().description;
	test('a trigger with the IM and RTC events of the event reference, All Events, Other and free text', () => {
		expect(d.name).toBe('volcengineRtcTrigger');
		expect(d.group).toEqual(['trigger']);
		expect(d.inputs).toEqual([]);
		expect(d.outputs).toEqual([NodeConnectionTypes.Main]);
		expect((d as any).usableAsTool).toBeUndefined();
		expect(d.credentials).toEqual([{ name: 'volcengineRtcApi', required: true }]);
		expect(d.webhooks![0]).toMatchObject({ httpMethod: 'POST', path: 'volcengine-rtc', responseMode: 'onReceived' });
		const opts = d.properties.find((p) => p.name === 'events')!.options as Array<{ name: string; value: string; description: string }>;
		const events = opts.map((o) => o.value);
		expect(events.slice(0, 2)).toEqual(['*', 'other']);
		// Volcengine 6348/75125 (BytePlus docs-75125): recording, room management, transcoding, segment, snapshot; IM (6348/293099)
		expect(events.slice(2).sort()).toEqual([
			'BeforeSendMessage', 'InvisibleUserJoinRoom', 'InvisibleUserLeaveRoom', 'RecordStarted', 'RecordStopped', 'RoleChangeInvisible2Visible',
			'RoleChangeVisible2Invisible', 'RoomDestroy', 'SegmentRealTimeData', 'SendMessage', 'SnapshotRealTimeData', 'TranscodeStarted',
			'TranscodeStateChanged', 'TranscodeStopped', 'TranscodeUpdated', 'UserJoinRoom', 'UserLeaveRoom',
		]);
		expect(opts.map((o) => o.name)).toEqual(expect.arrayContaining(['User joined a room', 'Recording started', 'Message sent (IM)', 'Room closed', 'Other (Type the Event Name)']));
		for (const o of opts.slice(2)) expect([o.value, o.description]).toEqual([o.value, expect.stringMatching(new RegExp(`^[A-Z].*[a-z)] \\(${o.value}\\)$`))]);
		expect(opts.slice(2).map((o) => o.name)).toEqual(VOLCENGINE_EVENTS.map((e) => e[1]).sort((a, b) => a.localeCompare(b)));
		expect(d.properties.find((p) => p.name === 'otherEvents')).toBeDefined();
		expect(d.properties.find((p) => p.name === 'unsignedNotice')!.displayOptions).toEqual({ show: { acceptUnsigned: [true] } });
		expect(d.properties.find((p) => p.name === 'refusedNotice')!.displayName).toMatch(/HTTP 401.*refusedSinceLast/);
		expect(new VolcengineRtcTrigger().description.defaultVersion).toBe(1);
	});
	test('webhookMethods keep local state and the URL to paste into the console', async () => {
		const engine = engineWith();
		const wf = triggerWorkflow();
		expect(await engine.webhookMethod(wf, 'Trigger', 'checkExists')).toBe(false);
		expect(await engine.webhookMethod(wf, 'Trigger', 'create')).toBe(true);
		expect(await engine.webhookMethod(wf, 'Trigger', 'checkExists')).toBe(true);
		expect((engine.staticData(wf)['node:Trigger'] as any).callbackUrl).toBe('http://localhost:5678/webhook/b0ba0000-0000-4000-8000-000000000002/volcengine-rtc');
		expect(await engine.webhookMethod(wf, 'Trigger', 'delete')).toBe(true);
		expect(await engine.webhookMethod(wf, 'Trigger', 'checkExists')).toBe(false);
	});
});

describe('verification through WebhookContext', () => {
	test('good: 200, one item, EventData parsed with int64 ids exact, no Signature in the output', async () => {
		const engine = engineWith();
		const data = '{"AppId":123456,"Sender":10001,"Receiver":9007199254740993,"MessageId":7205759403792793601,"MsgType":10001,"Content":"hi"}';
		const env = envelope({ EventData: data });
		const r = await engine.webhook(triggerWorkflow(), 'Trigger', req(env));
		expect(r.sent).toMatchObject({ status: 200, body: { message: 'ok' } });
		expect(r.response.noWebhookResponse).toBe(true);
		expect(r.run!.status).toBe('success');
		const item = itemOf(r);
		expect(item).toEqual({
			event: 'Message sent (IM)',
			vendorEvent: 'SendMessage',
			text: 'hi',
			from: '10001',
			to: '9007199254740993',
			messageId: '7205759403792793601',
			time: new Date(parseRfc3339(env.EventTime)!).toISOString(),
			eventType: 'SendMessage',
			eventId: env.EventId,
			eventTime: new Date(parseRfc3339(env.EventTime)!).toISOString(),
			receivedEventTime: env.EventTime,
			appId: '123456',
			version: '2020-12-01',
			eventData: { AppId: 123456, Sender: 10001, Receiver: '9007199254740993', MessageId: '7205759403792793601', MsgType: 10001, Content: 'hi' },
			eventDataIsJson: true,
			signed: true,
			body: { AppId: 123456, Sender: 10001, Receiver: '9007199254740993', MessageId: '7205759403792793601', MsgType: 10001, Content: 'hi' },
		});
		expect(JSON.stringify(item)).not.toContain(env.Signature);
		expect(Object.keys(item).slice(0, 7)).toEqual(['event', 'vendorEvent', 'text', 'from', 'to', 'messageId', 'time']); // the common fields first
	});

	test('common fields of an RTC event and of a conversation message; text of the JSON text format', async () => {
		const engine = engineWith();
		const rtc = itemOf(await engine.webhook(triggerWorkflow(), 'Trigger', req(envelope({ EventType: 'UserJoinRoom', EventData: '{"AppId":"661e","RoomId":"room-1","UserId":"alice","Timestamp":1700000000}' }))));
		expect(rtc).toMatchObject({ event: 'User joined a room', vendorEvent: 'UserJoinRoom', from: 'alice', roomId: 'room-1' });
		expect(rtc.text).toBeUndefined();
		const im = itemOf(await engine.webhook(triggerWorkflow(), 'Trigger', req(envelope({ EventData: '{"Sender":10001,"ConversationShortId":7000001,"MsgType":10001,"Content":"{\\"text\\":\\"Hello\\"}"}' }))));
		expect(im).toMatchObject({ text: 'Hello', from: '10001', conversationId: '7000001' });
		const unknown = itemOf(await engine.webhook(triggerWorkflow(), 'Trigger', req(envelope({ EventType: 'RecordUploadDone', EventData: '{}' }))));
		expect(unknown).toMatchObject({ event: 'RecordUploadDone', vendorEvent: 'RecordUploadDone' });
		expect(messageText({ MsgType: 10002, Content: 'binary-ish' })).toBeUndefined();
		expect(messageText({ MsgType: 10001, Content: '' })).toBeUndefined();
	});

	test('values are verified exactly as received: raw bytes win where re-parsing would change them', async () => {
		const engine = engineWith();
		// AppId sent as a bare number above 2^53: JSON.parse rounds it, the raw body keeps it.
		const fields = { ...CB1, EventTime: volcengineTime(Date.now()), EventId: 'raw-1', AppId: '12345678901234567891' };
		const sig = volcengineSign(fields, SECRET);
		const text = `{"EventType":"SendMessage","EventData":${JSON.stringify(fields.EventData)},"EventTime":"${fields.EventTime}","EventId":"raw-1","AppId":12345678901234567891,"Version":"2020-12-01","Nonce":"a1b2","Signature":"${sig}"}`;
		const withRaw = await engine.webhook(triggerWorkflow(), 'Trigger', req(text));
		expect(withRaw.sent.status).toBe(200);
		expect(itemOf(withRaw).appId).toBe('12345678901234567891');
		const withoutRaw = await engine.webhook(triggerWorkflow(), 'Trigger', req(text, { raw: false }));
		expect(withoutRaw.sent.status).toBe(401); // the rounded number no longer matches what was signed
		// ordinary string envelopes verify the same without rawBody (re-serialised body)
		expect((await engine.webhook(triggerWorkflow(), 'Trigger', req(envelope(), { raw: false }))).sent.status).toBe(200);
	});

	test.each<[string, () => object]>([
		['bad signature', () => ({ ...envelope(), Signature: 'f'.repeat(64) })],
		['tampered EventData', () => ({ ...envelope(), EventData: '{"AppId":123456,"Content":"changed"}' })],
		['other secret', () => envelope({}, 'another-secret')],
		['missing Signature', () => envelope({}, null)],
		['stale EventTime (301 s old)', () => envelope({ EventTime: volcengineTime(Date.now() - 301_000) })],
		['future EventTime (301 s ahead)', () => envelope({ EventTime: volcengineTime(Date.now() + 301_000) })],
		['EventTime not a time', () => envelope({ EventTime: 'yesterday' })],
		['empty EventId', () => envelope({ EventId: '' })],
	])('bad signature, tampered EventData, other secret, missing Signature, stale and future EventTime: 401, nothing runs: %s', async (_label, env) => {
		const r = await engineWith().webhook(triggerWorkflow(), 'Trigger', req(env()));
		expect(r.sent.status).toBe(401);
		expect(r.response).toEqual({ noWebhookResponse: true });
		expect(r.run).toBeUndefined();
	});

	test('a body that is not JSON: 401 (the signature is inside the body: unreadable = unauthenticated), nothing runs', async () => {
		const notJson = await engineWith().webhook(triggerWorkflow(), 'Trigger', { headers: {}, query: {}, body: {}, rawBody: Buffer.from('not json') });
		expect(notJson.sent.status).toBe(401);
		expect(notJson.run).toBeUndefined();
	});

	test('Max Event Age widens or narrows the window', async () => {
		const engine = engineWith();
		const old = () => envelope({ EventTime: volcengineTime(Date.now() - 600_000) });
		expect((await engine.webhook(triggerWorkflow(), 'Trigger', req(old()))).sent.status).toBe(401);
		expect((await engine.webhook(triggerWorkflow({ options: { maxEventAge: 900 } }), 'Trigger', req(old()))).sent.status).toBe(200);
		expect((await engine.webhook(triggerWorkflow({ options: { maxEventAge: 30 } }), 'Trigger', req(envelope({ EventTime: volcengineTime(Date.now() - 60_000) })))).sent.status).toBe(401);
	});

	test('a Max Event Age outside 30 to 86400 (an import, the API) is refused with the reason, not replaced by the default', async () => {
		const engine = engineWith();
		for (const maxEventAge of [10, 86401]) {
			const r = await engine.webhook(triggerWorkflow({ options: { maxEventAge } }), 'Trigger', req(envelope()));
			expect(r.sent.status).toBe(500);
			expect((r.sent as any).body.message).toContain(`"Max Event Age (Seconds)" must be between 30 and 86400, got ${maxEventAge}`);
			expect(r.run).toBeUndefined();
		}
	});

	test('fail closed: no secret anywhere → 401; Accept Unsigned switches it off explicitly; the trigger field overrides the credential', async () => {
		const none = engineWith({ callbackSecret: '' });
		const closed = await none.webhook(triggerWorkflow(), 'Trigger', req(envelope({}, null)));
		expect(closed.sent.status).toBe(401);
		expect(JSON.stringify(closed.sent.body)).toMatch(/no callback secret key is configured/);
		const open = await none.webhook(triggerWorkflow({ acceptUnsigned: true }), 'Trigger', req(envelope({}, null)));
		expect(open.sent.status).toBe(200);
		expect(itemOf(open).signed).toBe(false);
		// Accept Unsigned does not weaken a configured secret
		expect((await engineWith().webhook(triggerWorkflow({ acceptUnsigned: true }), 'Trigger', req(envelope({}, null)))).sent.status).toBe(401);
		const override = engineWith({ callbackSecret: 'credential-secret' });
		const wf = triggerWorkflow({ callbackSecret: 'node-secret' });
		expect((await override.webhook(wf, 'Trigger', req(envelope({}, 'node-secret')))).sent.status).toBe(200);
		expect((await override.webhook(wf, 'Trigger', req(envelope({}, 'credential-secret')))).sent.status).toBe(401);
	});

	test('EventData that is not JSON is passed on as text', async () => {
		const r = await engineWith().webhook(triggerWorkflow(), 'Trigger', req(envelope({ EventData: 'plain text' })));
		expect(itemOf(r)).toMatchObject({ eventData: 'plain text', eventDataIsJson: false });
	});
});

describe('de-duplication on EventId', () => {
	test('a repeated EventId is answered 200 and starts nothing, across requests (node static data)', async () => {
		const engine = engineWith();
		const wf = triggerWorkflow();
		const env = envelope();
		const first = await engine.webhook(wf, 'Trigger', req(env));
		const retry = await engine.webhook(wf, 'Trigger', req(env));
		const resigned = await engine.webhook(wf, 'Trigger', req(envelope({ EventId: env.EventId, Nonce: 'zz99' })));
		expect(first.run?.status).toBe('success');
		for (const r of [retry, resigned]) {
			expect(r.sent).toMatchObject({ status: 200, body: { message: 'duplicate' } });
			expect(r.run).toBeUndefined();
		}
		expect((await engine.webhook(wf, 'Trigger', req(envelope()))).run?.status).toBe('success');
		// another workflow has its own memory
		expect((await engine.webhook(triggerWorkflow(), 'Trigger', req(env))).run?.status).toBe('success');
	});
	test('forged callbacks do not poison the memory', async () => {
		const engine = engineWith();
		const wf = triggerWorkflow();
		const env = envelope();
		expect((await engine.webhook(wf, 'Trigger', req({ ...env, Signature: 'f'.repeat(64) }))).sent.status).toBe(401);
		expect((await engine.webhook(wf, 'Trigger', req(env))).run?.status).toBe('success');
		const store = (engine.staticData(wf)['node:Trigger'] as any).seenIds;
		expect(Object.keys(store)).toEqual([`id:${env.EventId}`, `sig:${createHash('sha256').update(env.Signature).digest('hex')}`]);
	});
	test('the store keeps the newest ids within the ttl and at most maxEntries', () => {
		const store: IDataObject = {};
		const opts = { ttlMs: 1000, maxEntries: 3 };
		expect(['a', 'b', 'c', 'd'].map((id, i) => firstSighting(store, id, i, opts))).toEqual([true, true, true, true]);
		expect(Object.keys(store.seenIds as object)).toEqual(['id:b', 'id:c', 'id:d']);
		expect(firstSighting(store, 'd', 10, opts)).toBe(false);
		expect(firstSighting(store, 'a', 10, opts)).toBe(true); // forgotten: evicted by the bound
		expect(firstSighting(store, 'c', 2000, opts)).toBe(true); // forgotten: older than the ttl
		expect(Object.keys(store.seenIds as object)).toEqual(['id:c']);
		expect(firstSighting(store, 'x'.repeat(500), 2001, opts)).toBe(true);
		expect(Object.keys(store.seenIds as object)[1]).toMatch(/^id:[0-9a-f]{64}$/);
	});
});

describe('field-shifted replays (issue 11 §3): Nonce shape and the signature as a de-duplication key', () => {
	test('moving the Nonce into the EventId keeps the signature valid, so such a replay is refused with 401 (Nonce), and runs nothing', async () => {
		const engine = engineWith();
		const wf = triggerWorkflow();
		const original = envelope({ Nonce: 'a1b2', EventId: `evt-${Date.now()}-shift` });
		const { Signature, ...fields } = original;
		const shifted = { ...fields, Nonce: '', EventId: `a1b2${fields.EventId}`, Signature };
		// The attack is real: the sorted concatenation, hence the signature, is unchanged.
		expect(volcengineCallbackSignature({ ...shifted }, SECRET)).toBe(Signature);
		const first = await engine.webhook(wf, 'Trigger', req(original));
		expect(first.run?.status).toBe('success');
		const replay = await engine.webhook(wf, 'Trigger', req(shifted));
		expect(replay.sent).toEqual({ status: 401, body: { message: 'Callback refused: Nonce is missing or empty' }, written: true });
		expect(replay.run).toBeUndefined();
	});

	test.each([
		['empty', '', 'Nonce is missing or empty'],
		['3 characters', 'a1b', 'Nonce must be 4 characters, got 3'],
		['5 characters', 'a1b2c', 'Nonce must be 4 characters, got 5'],
		['non-ASCII', 'ä1b2', 'Nonce must be 4 visible ASCII characters'],
		['with a space', 'a1 2', 'Nonce must be 4 visible ASCII characters'],
	])('empty, 3-, 5-character and non-ASCII Nonces are refused (correctly signed), with a reason naming the Nonce: %s', async (_label, Nonce, reason) => {
		const r = await engineWith().webhook(triggerWorkflow(), 'Trigger', req(envelope({ Nonce })));
		expect([Nonce, r.sent.status, r.sent.body]).toEqual([Nonce, 401, { message: `Callback refused: ${reason}` }]);
		expect(r.run).toBeUndefined();
	});

	test('unsigned mode checks the Nonce too; four characters of any kind the docs allow run', async () => {
		const open = await engineWith({ callbackSecret: '' }).webhook(triggerWorkflow({ acceptUnsigned: true }), 'Trigger', req(envelope({ Nonce: 'abc' }, null)));
		expect(open.sent.status).toBe(401);
		// letters, digits ("4-digit random number"), symbols
		for (const Nonce of ['a1b2', '0427', 'Zz-_']) expect(volcengineNonceProblem(Nonce)).toBeUndefined();
		expect((await engineWith().webhook(triggerWorkflow(), 'Trigger', req(envelope({ Nonce: '0427' })))).run?.status).toBe('success');
	});

	test('a shift that keeps a 4-character Nonce but changes the EventId is caught by the signature key: 200 duplicate, one run', async () => {
		const engine = engineWith();
		const wf = triggerWorkflow();
		// sorted: … SendMessage, a1b2, a1b2c3d4, my-callback-secret … → "a1b2a1b2c3d4" either way
		const original = envelope({ Nonce: 'a1b2', EventId: 'a1b2c3d4' });
		const { Signature, ...fields } = original;
		const shifted = { ...fields, EventId: 'a1b2a1b2', Nonce: 'c3d4', Signature };
		expect(volcengineCallbackSignature(shifted, SECRET)).toBe(Signature);
		expect((await engine.webhook(wf, 'Trigger', req(original))).run?.status).toBe('success');
		const replay = await engine.webhook(wf, 'Trigger', req(shifted));
		expect(replay.sent).toMatchObject({ status: 200, body: { message: 'duplicate' } });
		expect(replay.run).toBeUndefined();
		// also after a restart (no process memory): the saved static data holds the signature
		const seen = (engine.staticData(wf)['node:Trigger'] as any).seenIds;
		expect(Object.keys(seen)).toEqual(['id:a1b2c3d4', `sig:${createHash('sha256').update(Signature).digest('hex')}`]);
		expect(JSON.stringify(engine.staticData(wf))).not.toContain(Signature);
	});

	test('the sandbox\'s shifted replay over HTTP: the valid copy runs (200 ok), the replay gets 401, one run', async () => {
		const engine = engineWith();
		const server = await startWebhookServer(engine, triggerWorkflow(), 'Trigger');
		sb.configure({ callbacks: { volcengine: { url: server.url, secret: SECRET, retryDelayMs: 10 } } });
		try {
			const d = await sb.callbacks.send({ vendor: 'volcengine', kind: 'shifted' });
			expect(d.bodies).toHaveLength(2);
			const [a, b] = d.bodies.map((t) => JSON.parse(t));
			expect(b).toEqual({ ...a, Nonce: '', EventId: `${a.Nonce}${a.EventId}` });
			expect(d.attempts.map((x) => [x.copy, x.status, JSON.parse(x.body).message])).toEqual([
				[0, 200, 'ok'],
				[1, 401, 'Callback refused: Nonce is missing or empty'],
			]);
			expect(server.runs()).toHaveLength(1);
		} finally {
			await server.close();
		}
	});
});

describe('refused callbacks you can see', () => {
	const withCode = (code: string, parameters: IDataObject = {}) =>
		triggerFixture({
			nodeType: 'volcengineRtcTrigger', credentialType: 'volcengineRtcApi', webhookId: 'b0ba0000-0000-4000-8000-000000000002',
			idPrefix: 'volc-trigger', parameters: { events: ['*'], options: {}, ...parameters }, code,
		});
	test('production: forged, stale, unreadable: 401, nothing runs; counted; the next accepted event says so once', async () => {
		const engine = engineWith();
		const wf = withCode('return $input.all()');
		const forged = { ...envelope(), EventData: '{"Sender":666}' };
		const stale = envelope({ EventTime: volcengineTime(Date.now() - 3600_000) });
		for (const r of [req(forged), req(stale), { ...req(envelope()), rawBody: Buffer.from('not json') }]) {
			const res = await engine.webhook(wf, 'Trigger', r);
			expect(res.sent.status).toBe(401);
			expect(res.run).toBeUndefined();
		}
		expect((engine.staticData(wf)['node:Trigger'] as any).refused).toMatchObject({ count: 3, total: 3, lastStatus: 401, lastReason: expect.stringMatching(/not JSON/) });
		const ok = itemOf(await engine.webhook(wf, 'Trigger', req(envelope())));
		expect(ok.refusedSinceLast).toEqual({ count: 3, total: 3, lastStatus: 401, lastReason: expect.stringMatching(/not JSON/), lastAt: expect.any(String) });
		expect(itemOf(await engine.webhook(wf, 'Trigger', req(envelope()))).refusedSinceLast).toBeUndefined();
	});

	test('test mode: 401 to the caller and one item with the reason; production static data untouched', async () => {
		const engine = engineWith({ callbackSecret: '' });
		const wf = withCode('return $input.all()');
		const r = await engine.webhook(wf, 'Trigger', { ...req(envelope({}, null)), mode: 'manual' });
		expect(r.sent).toMatchObject({ status: 401, body: { message: 'Callback refused: no callback secret key is configured, so the callback cannot be authenticated' } });
		expect(r.run!.mode).toBe('manual');
		expect(r.run!.data.resultData.runData.Decide[0].data!.main[0]!.map((i) => i.json)).toEqual([
			expect.objectContaining({ refused: true, reason: 'no callback secret key is configured, so the callback cannot be authenticated', status: 401, count: 1, vendorEvent: 'SendMessage' }),
		]);
		expect(engine.staticData(wf)['node:Trigger']).toBeUndefined();
	});

	test('test mode through the webhook harness: the sandbox\'s stale callback ends the listening with its reason', async () => {
		const engine = engineWith();
		const server = await startWebhookServer(engine, triggerWorkflow(), 'Trigger', { mode: 'manual' });
		sb.configure({ callbacks: { volcengine: { url: server.url, secret: SECRET, attempts: 1 } } });
		try {
			const d = await sb.callbacks.send({ vendor: 'volcengine', kind: 'stale', eventType: 'RecordStarted', eventData: { RoomId: 'r1' } });
			expect(d.status).toBe(401);
			expect(JSON.parse(d.attempts[0].body)).toEqual({ message: 'Callback refused: EventTime is more than 300 s away from now' });
			expect(server.runs().map((c) => itemOf(c.result))).toEqual([
				expect.objectContaining({ refused: true, reason: 'EventTime is more than 300 s away from now', vendorEvent: 'RecordStarted', count: 1 }),
			]);
		} finally {
			await server.close();
		}
	});
});

describe('event filter', () => {
	const deliver = (wf: IWorkflowBase, EventType: string) => engineWith().webhook(wf, 'Trigger', req(envelope({ EventType })));
	test.each(['SendMessage', 'RecordStarted', 'UserJoinRoom'])('All Events runs any type: %s', async (type) => {
		expect((await deliver(triggerWorkflow({ events: ['*'] }), type)).run?.status).toBe('success');
	});
	test('a selection runs only its types; others are answered 200 and start nothing', async () => {
		const wf = triggerWorkflow({ events: ['SendMessage', 'BeforeSendMessage'] });
		expect((await deliver(wf, 'SendMessage')).run?.status).toBe('success');
		expect((await deliver(wf, 'BeforeSendMessage')).run?.status).toBe('success');
		const other = await deliver(wf, 'RecordStarted');
		expect(other.sent).toMatchObject({ status: 200, body: { message: 'ignored' } });
		expect(other.run).toBeUndefined();
	});
	test('Other Event Types adds free text', async () => {
		const wf = triggerWorkflow({ events: ['RecordStarted'], otherEvents: 'RecordStopped, UserJoinRoom' });
		expect((await deliver(wf, 'RecordStarted')).run?.status).toBe('success');
		expect((await deliver(wf, 'UserJoinRoom')).run?.status).toBe('success');
		expect((await deliver(wf, 'RecordStopped')).run?.status).toBe('success');
		expect((await deliver(wf, 'SendMessage')).run).toBeUndefined();
	});
});

describe('the sandbox as the caller (real HTTP POSTs to an n8n-like webhook endpoint)', () => {
	const send = (receivers: string) =>
		engineWith().run({
			id: 'send', name: 'send', active: false, settings: { executionOrder: 'v1' },
			nodes: [
				{ id: '1', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
				{
					id: '2', name: 'Send', type: `${PKG}.volcengineRtc`, typeVersion: 1, position: [200, 0],
					parameters: { resource: 'message', operation: 'sendToUsers', sender: '10001', receivers, content: '{"text":"hi"}', msgType: 10001 },
					credentials: { volcengineRtcApi: { id: '1', name: 'x' } },
				},
			],
			connections: { Start: { main: [[{ node: 'Send', type: 'main', index: 0 }]] } },
		} as unknown as IWorkflowBase);

	async function serve(wf: IWorkflowBase) {
		const engine = engineWith();
		const server = await startWebhookServer(engine, wf, 'Trigger');
		sb.configure({ callbacks: { volcengine: { url: server.url, secret: SECRET, retryDelayMs: 10 } } });
		return server;
	}

	test('BatchSendMessage → one signed SendMessage event per delivered message; ids exact', async () => {
		const server = await serve(triggerWorkflow({ events: ['SendMessage'] }));
		try {
			const { run } = await send('20001,20002,9007199254740993');
			expect(run.status).toBe('success');
			await sb.callbacks.settled();
			expect(sb.callbacks.deliveries.map((d) => [d.event, d.status, d.attempts.length])).toEqual([
				['SendMessage', 200, 1],
				['SendMessage', 200, 1],
				['SendMessage', 200, 1],
			]);
			const items = server.runs().map((c) => (c.result.run!.data.resultData.runData.Trigger[0].data!.main[0]![0].json as any).eventData);
			const messages = sb.state.volcengine.messages;
			expect(items.map((e) => e.Receiver).sort()).toEqual([20001, 20002, '9007199254740993'].sort());
			expect(items.map((e) => e.MessageId).sort()).toEqual(messages.map((m) => String(m.messageId)).sort());
			expect(items[0]).toMatchObject({ AppId: 123456, Sender: 10001, MsgType: 10001, Content: '{"text":"hi"}' });
		} finally {
			await server.close();
		}
	});

	test.each(['forged', 'stale', 'unsigned'] as const)('forged, stale and unsigned callbacks: 401, no retry, nothing starts: %s', async (kind) => {
		const server = await serve(triggerWorkflow());
		try {
			const d = await sb.callbacks.send({ vendor: 'volcengine', kind });
			expect([kind, d.attempts.map((a) => a.status)]).toEqual([kind, [401]]);
			expect(server.runs()).toHaveLength(0);
		} finally {
			await server.close();
		}
	});

	test('a duplicate starts nothing the second time', async () => {
		const server = await serve(triggerWorkflow());
		try {
			const dup = await sb.callbacks.send({ vendor: 'volcengine', kind: 'duplicate' });
			expect(dup.attempts.map((a) => [a.status, JSON.parse(a.body).message])).toEqual([
				[200, 'ok'],
				[200, 'duplicate'],
			]);
			expect(server.runs()).toHaveLength(1);
		} finally {
			await server.close();
		}
	});

	test('Volcengine retries when the answer is lost; the retry with the same EventId starts nothing', async () => {
		// A proxy in front of n8n: it forwards the first delivery, then drops the answer (504), as a
		// slow network would; the sandbox retries (up to 3 deliveries) and the trigger dedupes.
		const server = await serve(triggerWorkflow());
		let forwarded = 0;
		const proxy = createServer((inReq, inRes) => {
			const chunks: Buffer[] = [];
			inReq.on('data', (c) => chunks.push(c));
			inReq.on('end', () => {
				const out = request(server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, agent: false }, (r) => {
					const body: Buffer[] = [];
					r.on('data', (c) => body.push(c));
					r.on('end', () => {
						forwarded++;
						inRes.writeHead(forwarded === 1 ? 504 : (r.statusCode ?? 500), { 'content-type': 'application/json' });
						inRes.end(Buffer.concat(body));
					});
				});
				out.end(Buffer.concat(chunks));
			});
		});
		await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
		sb.configure({ callbacks: { volcengine: { url: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}/` } } });
		try {
			const d = await sb.callbacks.send({ vendor: 'volcengine', kind: 'valid' });
			expect(d.attempts.map((a) => a.status)).toEqual([504, 200]);
			expect(JSON.parse(d.attempts[1].body)).toEqual({ message: 'duplicate' });
			expect(server.runs()).toHaveLength(1);
		} finally {
			await server.close();
			await new Promise((r) => proxy.close(r));
		}
	});

	test('no answer at all: three deliveries, then the sandbox gives up', async () => {
		sb.configure({ callbacks: { volcengine: { url: 'http://127.0.0.1:1/', secret: SECRET, retryDelayMs: 1 } } });
		const d = await sb.callbacks.send({ vendor: 'volcengine', kind: 'valid' });
		expect(d.attempts).toHaveLength(3);
		expect(d.status).toBeNull();
	});
});
