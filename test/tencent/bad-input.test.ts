/* eslint-disable */
// Bad input never reaches Tencent: each row is one operation's parameters with exactly one bad
// value. The run fails with an error naming the field and the item; the sandbox receives nothing.
// With continue-on-fail, the bad item becomes an error item and the good ones go through.
// (The Volcengine half of the corpus is test/volcengine-bad-input.test.ts.)
import type { IDataObject } from 'n8n-workflow';
import { itemsOf } from '../../harness/fixtures';
import { tencentWorkflow } from '../../harness/fixtures';
import { tencentEngine } from '../../harness/registry';
import { startSandbox, type RtcSandbox } from '../../sandbox/server';

let sb: RtcSandbox;
beforeAll(async () => {
	sb = await startSandbox();
});
afterAll(() => sb.close());
beforeEach(() => sb.reset());

const c2c = (extra: IDataObject = {}): IDataObject => ({ resource: 'message', operation: 'sendToUser', toAccount: 'bob', messageFormat: 'text', text: 'hi', ...extra });
const batch = (extra: IDataObject = {}): IDataObject => ({ resource: 'message', operation: 'sendToUsers', toAccounts: 'a,b', messageFormat: 'text', text: 'hi', ...extra });
const gsend = (extra: IDataObject = {}): IDataObject => ({ resource: 'group', operation: 'sendMessage', groupId: 'g1', messageFormat: 'text', text: 'hi', ...extra });
const bcast = (extra: IDataObject = {}): IDataObject => ({ resource: 'group', operation: 'broadcastToAvGroups', messageFormat: 'text', text: 'hi', ...extra });
const push = (extra: IDataObject = {}): IDataObject => ({ resource: 'push', operation: 'pushToAll', target: 'tags', tagsOr: 'vip', messageFormat: 'text', text: 'hi', ...extra });
const json = (body: unknown) => c2c({ messageFormat: 'json', msgBodyJson: typeof body === 'string' ? body : JSON.stringify(body) });
const emoji8 = '😀'.repeat(8); // 32 bytes: allowed
const emoji9 = '😀'.repeat(9); // 36 bytes

const rows: Array<[string, IDataObject, RegExp]> = [
	// user IDs: wrong types from expressions, length in bytes (emoji count 4)
	['receiver as an object', c2c({ toAccount: '={{ {id: 1} }}' }), /"Receiver User ID" in item 0: must be a user ID \(text\), got object/],
	['receiver as an array', c2c({ toAccount: '={{ ["a","b"] }}' }), /"Receiver User ID" in item 0: .*an array/],
	['receiver null', c2c({ toAccount: '={{ null }}' }), /"Receiver User ID" in item 0: .*null/],
	['receiver boolean', c2c({ toAccount: '={{ true }}' }), /"Receiver User ID" in item 0: .*boolean/],
	['receiver NaN', c2c({ toAccount: '={{ NaN }}' }), /"Receiver User ID" in item 0/],
	['receiver of 9 emoji (36 bytes)', c2c({ toAccount: emoji9 }), /"Receiver User ID" in item 0: .*longer than 32 bytes/],
	['receiver empty from an expression', c2c({ toAccount: '={{ "" }}' }), /"Receiver User ID" in item 0: is required/],
	['sender over 32 bytes', c2c({ fromAccount: 'x'.repeat(33) }), /"Sender User ID" in item 0: .*longer than 32 bytes/],
	['batch receivers: one of them too long', batch({ toAccounts: `a,${'y'.repeat(40)}` }), /"Receiver User IDs\[1\]" in item 0: .*longer than 32 bytes/],
	['batch receivers: an object', batch({ toAccounts: '={{ {a: 1} }}' }), /"Receiver User IDs" in item 0: must be a list/],
	['batch receivers: empty list', batch({ toAccounts: '={{ [] }}' }), /"Receiver User IDs" in item 0: needs at least one user ID/],
	['batch size 0', batch({ options: { batchSize: 0 } }), /"Batch Size" in item 0: must be between 1 and 500/],
	['batch size 501', batch({ options: { batchSize: 501 } }), /"Batch Size" in item 0: must be between 1 and 500/],
	// de-duplication values: uint32 only
	['MsgRandom 2^32', c2c({ options: { msgRandom: 4294967296 } }), /\(MsgRandom\)" in item 0: must be between 0 and 4294967295/],
	['MsgRandom negative', c2c({ options: { msgRandom: -1 } }), /\(MsgRandom\)" in item 0/],
	['MsgRandom 1.5', c2c({ options: { msgRandom: 1.5 } }), /\(MsgRandom\)" in item 0: must be a whole number/],
	['MsgSeq as text', c2c({ options: { msgSeq: '={{ "abc" }}' } }), /\(MsgSeq\)" in item 0/],
	['group Random 2^32', gsend({ options: { random: 4294967296 } }), /\(Random\)" in item 0/],
	['group rate negative', gsend({ options: { groupRate: -1 } }), /"Messages per Second per Group" in item 0/],
	['retry dropped as text', gsend({ options: { retryDropped: '={{ "yes" }}' } }), /"Retry Dropped Messages" in item 0/],
	['check accounts as text', batch({ options: { checkAccounts: '={{ "yes" }}' } }), /"Check Accounts First" in item 0/],
	['online only as a number', batch({ options: { onlineOnly: '={{ 1 }}' } }), /"Online Users Only" in item 0/],
	['broadcast Random as object', bcast({ options: { random: '={{ {a:1} }}' } }), /\(Random\)" in item 0/],
	['message lifetime 604801', c2c({ options: { msgLifeTime: 604801 } }), /"Message Lifetime \(Seconds\)" in item 0: must be between 0 and 604800/],
	['message lifetime negative', c2c({ options: { msgLifeTime: -1 } }), /"Message Lifetime \(Seconds\)" in item 0/],
	// message content
	['text empty', c2c({ text: '={{ "" }}' }), /"Text" in item 0: is required/],
	['text as array', c2c({ text: '={{ [1,2] }}' }), /"Text" in item 0: must be text, got an array/],
	['text null', c2c({ text: '={{ null }}' }), /"Text" in item 0: must be text, got null/],
	['text over 12 KB', c2c({ text: 'x'.repeat(12001) }), /the limit is 12000 bytes/],
	['text of 3,001 emoji (12,004 bytes)', c2c({ text: '😀'.repeat(3001) }), /the limit is 12000 bytes/],
	['invalid raw JSON', json('[{"MsgType":"TIMTextElem",'), /"Message Body \(JSON\)" in item 0: Invalid JSON/],
	['raw MsgBody not an array', json({ MsgType: 'TIMTextElem' }), /"Message Body \(JSON\)" in item 0: MsgBody must be an array/],
	['raw MsgBody empty', json([]), /"Message Body \(JSON\)" in item 0: MsgBody needs at least one element/],
	['raw MsgBody with two custom elements', json([{ MsgType: 'TIMCustomElem', MsgContent: { Data: 'a' } }, { MsgType: 'TIMCustomElem', MsgContent: { Data: 'b' } }]), /at most one TIMCustomElem/],
	['raw element with unknown type', json([{ MsgType: 'TIMGiftElem', MsgContent: {} }]), /MsgType must be one of/],
	['raw text element without Text', json([{ MsgType: 'TIMTextElem', MsgContent: {} }]), /TIMTextElem: /],
	['raw face element without Index', json([{ MsgType: 'TIMFaceElem', MsgContent: {} }]), /TIMFaceElem: Index is required/],
	['raw location with latitude 91', json([{ MsgType: 'TIMLocationElem', MsgContent: { Latitude: 91, Longitude: 0 } }]), /TIMLocationElem/],
	['raw image with format 9', json([{ MsgType: 'TIMImageElem', MsgContent: { UUID: 'u', ImageFormat: 9, ImageInfoArray: [{ Type: 1, Size: 1, Width: 1, Height: 1, URL: 'https://e.com/a.jpg' }] } }]), /TIMImageElem/],
	['raw sound with a bad URL', json([{ MsgType: 'TIMSoundElem', MsgContent: { Url: 'nope', UUID: 'u', Size: 1, Second: 1 } }]), /Url must be a URL/],
	['raw file without a name', json([{ MsgType: 'TIMFileElem', MsgContent: { Url: 'https://e.com/f', UUID: 'u', FileSize: 1 } }]), /TIMFileElem/],
	['raw MsgContent not an object', json([{ MsgType: 'TIMTextElem', MsgContent: 'hi' }]), /MsgContent must be an object/],
	['element builder: video without a URL', c2c({ messageFormat: 'elements', elements: { video: [{ videoUrl: '', thumbUrl: '' }] } }), /VideoUrl must be a URL/],
	['element builder: two custom elements', c2c({ messageFormat: 'elements', elements: { custom: [{ data: 'a' }, { data: 'b' }] } }), /at most one TIMCustomElem/],
	['element builder: nothing', c2c({ messageFormat: 'elements', elements: {} }), /"Elements" in item 0: MsgBody needs at least one element/],
	['cloud custom data as object', c2c({ messageOptions: { cloudCustomData: '={{ {a:1} }}' } }), /"Cloud Custom Data" in item 0: must be text/],
	// groups
	['group ID empty from an expression', gsend({ groupId: '={{ "" }}' }), /"Group ID" in item 0/],
	['group ID over 48 bytes', gsend({ groupId: 'g'.repeat(49) }), /"Group ID" in item 0: is longer than 48 bytes/],
	['group ID as number', gsend({ groupId: '={{ 42 }}' }), /"Group ID" in item 0/],
	['recall: MsgSeq 0', { resource: 'group', operation: 'recallMessages', groupId: 'g1', msgSeqs: '0' }, /"Message Sequence Numbers\[0\]" in item 0/],
	['recall: MsgSeq text', { resource: 'group', operation: 'recallMessages', groupId: 'g1', msgSeqs: '1,x' }, /"Message Sequence Numbers\[1\]" in item 0/],
	['recall: nothing', { resource: 'group', operation: 'recallMessages', groupId: 'g1', msgSeqs: '={{ [] }}' }, /"Message Sequence Numbers" in item 0: needs at least one MsgSeq/],
	['notification to 51 members', { resource: 'group', operation: 'sendSystemNotification', groupId: 'g1', content: 'x', members: Array.from({ length: 51 }, (_, i) => `m${i}`).join(',') }, /"Member User IDs" in item 0: at most 50 members/],
	['notification content empty', { resource: 'group', operation: 'sendSystemNotification', groupId: 'g1', content: '={{ "  " }}' }, /"Content" in item 0: is required/],
	['C2C recall: MsgKey over 50 bytes', { resource: 'message', operation: 'recall', fromAccount: 'a', toAccount: 'b', msgKey: 'k'.repeat(51) }, /"Message Key" in item 0: is 51 bytes; the limit is 50 bytes/],
	// push conditions
	['push: 11 tags in TagsOr', push({ tagsOr: 'a,b,c,d,e,f,g,h,i,j,k' }), /"Any of These Tags" in item 0: at most 10 tags/],
	['push: 11 tags in TagsAnd', push({ tagsOr: '', tagsAnd: 'a,b,c,d,e,f,g,h,i,j,k' }), /"All of These Tags" in item 0: at most 10 tags/],
	['push: tag over 50 bytes', push({ tagsOr: 't'.repeat(51) }), /a tag is longer than 50 bytes/],
	['push: same tag in both lists', push({ tagsOr: 'vip', tagsAnd: 'vip' }), /"vip" is also in "Any of These Tags"/],
	['push: no tags', push({ tagsOr: '' }), /both empty in item 0/],
	['push: no attributes', push({ target: 'attributes' }), /"Any of These Attributes" and "All of These Attributes" are both empty in item 0/],
	['push: attribute value over 50 bytes', push({ target: 'attributes', attrsOr: { pairs: [{ key: 'city', value: 'c'.repeat(51) }] } }), /value of "city" is over 50 bytes/],
	['push: receivers choice unknown', push({ target: '={{ "everyone" }}' }), /"Receivers" in item 0/],
	['push: lifetime 604801', push({ options: { msgLifeTime: 604801 } }), /"Message Lifetime \(Seconds\)" in item 0/],
	['push: request over 10 KB', push({ messageFormat: 'json', msgBodyJson: JSON.stringify(Array.from({ length: 6 }, () => ({ MsgType: 'TIMTextElem', MsgContent: { Text: 'z'.repeat(1900) } }))) }), /the limit is 10240 bytes/],
	['attribute names: number 10', { resource: 'push', operation: 'setAttributeNames', attrNames: { pairs: [{ key: '10', value: 'x' }] } }, /attribute number "10" must be 0 to 9/],
	['attribute names: empty name', { resource: 'push', operation: 'setAttributeNames', attrNames: { pairs: [{ key: '1', value: '' }] } }, /name of attribute 1 must be 1 to 50 bytes/],
	// per-user attribute and tag APIs
	['user attributes: none', { resource: 'userAttribute', operation: 'set', account: 'a', attributes: {} }, /"Attributes" in item 0: needs at least one attribute/],
	['user attributes: key twice', { resource: 'userAttribute', operation: 'set', account: 'a', attributes: { pairs: [{ key: 'c', value: '1' }, { key: 'c', value: '2' }] } }, /key "c" is given twice/],
	['user tags: 11 tags', { resource: 'userTag', operation: 'add', account: 'a', tags: 'a,b,c,d,e,f,g,h,i,j,k' }, /at most 10 tags per user/],
	['user tags: user over 32 bytes', { resource: 'userTag', operation: 'get', account: 'u'.repeat(33) }, /"User ID" in item 0: .*longer than 32 bytes/],
	// history, receipts, extensions, conversations
	['history: page size 101', { resource: 'message', operation: 'getHistory', operatorAccount: 'a', peerAccount: 'b', minTime: 0, maxTime: 10, options: { pageSize: 101 } }, /"Page Size" in item 0: must be between 1 and 100/],
	['group history: MsgSeq rounded above 2^53', { resource: 'group', operation: 'getMessages', groupId: 'g1', options: { reqMsgSeq: '={{ 9007199254740993 }}' } }, /"Before Sequence Number" in item 0: .*lost precision/],
	['group import: send time 0', { resource: 'group', operation: 'importMessages', groupId: 'g1', fromAccount: 'a', sendTime: 0, messageFormat: 'text', text: 'x' }, /"Send Time" in item 0: must be between 1 and 4294967295/],
	['receipt details: page size 201', { resource: 'group', operation: 'getReadReceiptDetails', groupId: 'g1', msgSeq: '1', options: { pageSize: 201 } }, /"Page Size" in item 0: must be between 1 and 200/],
	['extensions: value over 1,000 bytes', { resource: 'group', operation: 'setMessageExtensions', groupId: 'g1', msgSeq: '1', extensions: { pairs: [{ key: 'k', value: 'v'.repeat(1001) }] } }, /"Extensions\[0\]" in item 0: value is 1001 bytes/],
	['extensions: Seq not a number', { resource: 'message', operation: 'setExtensions', toAccount: 'b', msgKey: '1_2_3', extensions: { pairs: [{ key: 'k', value: 'v', seq: 'x' }] } }, /"Extensions\[0\]\.Seq" in item 0/],
	['conversation: custom mark over 256 bytes', { resource: 'conversation', operation: 'mark', fromAccount: 'a', peerAccount: 'b', customMark: 'm'.repeat(257) }, /"Custom Mark" in item 0: is 257 bytes/],
	['conversation: group unread count negative', { resource: 'conversation', operation: 'setGroupUnreadCount', groupId: 'g1', memberAccount: 'a', unreadMsgNum: -1 }, /"Unread Count" in item 0: must be between 0 and 4294967295/],
	['user tags: batch size 101', { resource: 'userTag', operation: 'get', account: 'a', options: { batchSize: 101 } }, /"Batch Size" in item 0: must be between 1 and 100/],
];

describe('Tencent Chat bad-input corpus (nothing is sent)', () => {
	test.each(rows)('%s', async (_name, params, message) => {
		const { run } = await tencentEngine(sb.url).run(tencentWorkflow(params));
		expect(run.status).toBe('error');
		expect(run.data.resultData.error!.message).toMatch(message);
		expect(run.data.resultData.error!.message).toMatch(/item 0/);
		expect(sb.state.tencent.requests).toHaveLength(0);
	});

	test('8 emoji (32 bytes) is a valid user ID', async () => {
		sb.seedTencentAccounts([emoji8]);
		const { run } = await tencentEngine(sb.url).run(tencentWorkflow(c2c({ toAccount: emoji8, text: '你好 👋' })));
		expect(run.data.resultData.error).toBeUndefined();
		expect((sb.state.tencent.c2c[0].msgBody as any)[0].MsgContent.Text).toBe('你好 👋');
	});

	test('with continue-on-fail a bad item is an error item paired to it, and the others are sent', async () => {
		sb.seedTencentAccounts(['a', 'b']);
		const items = [{ to: 'a' }, { to: emoji9 }, { to: 'b' }];
		const { run } = await tencentEngine(sb.url).run(tencentWorkflow(c2c({ toAccount: '={{ $json.to }}' }), { items, continueOnFail: true }));
		const out = itemsOf(run);
		expect(out.map((o) => o.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(out[1].json.error).toMatch(/"Receiver User ID" in item 1/);
		expect(sb.state.tencent.c2c.map((m) => m.to)).toEqual(['a', 'b']);
	});
});

describe('Tencent Chat credential corpus', () => {
	test.each([
		['an unknown region', { region: 'mars' }, /Region must be one of/],
		['a custom endpoint that is not a URL', { customEndpoint: 'not a url' }, /Custom Endpoint URL is not a valid URL/],
		['an empty secret', { secretKey: '   ' }, /Secret Key is empty/],
		['a non-numeric SDKAppID', { sdkAppId: '14oo' }, /SDKAppID must be a positive whole number/],
		['an admin over 32 bytes', { adminUserId: 'a'.repeat(33) }, /Admin User ID is longer than 32 bytes/],
		['a UserSig lifetime of 10 s', { userSigTtl: 10 }, /UserSig Lifetime must be 300 to 15552000 seconds/],
	])('refuses %s before any request', async (_n, over, message) => {
		const { run } = await tencentEngine(sb.url, over as any).run(tencentWorkflow(c2c()));
		expect(run.status).toBe('error');
		expect(run.data.resultData.error!.message).toMatch(message);
		expect(sb.state.tencent.requests).toHaveLength(0);
	});
});
