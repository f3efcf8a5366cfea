/* eslint-disable */
// Tencent Chat → Community Topic: Create (create_topic), Import (import_topic), Get Many
// (get_topic), Update (modify_topic), Delete (destroy_topic). Real n8n engine against the sandbox.
if (!process.env.N8N_LOG_LEVEL) process.env.N8N_LOG_LEVEL = 'silent';
import { outputOf } from '../../harness/engine';
import type { RtcSandbox } from '../../sandbox/server';
import { extraOf } from '../../sandbox/tencent/groupExtra';
import { bodiesOf, rl } from './groupLists';
import { indexes, itemsOf, pairs, tencentSuite } from './suite';

let sb: RtcSandbox;
const { run: execute, expectRefused } = tencentSuite((s) => (sb = s));
const run = async (...args: Parameters<typeof execute>) => (await execute(...args)).run;
const C = '@TGS#_@TGS#cQVLVHIM62CJ';
const topics = () => extraOf(sb.state.tencent.groups.get(C)!).topics;
beforeEach(() => {
	sb.configure({ tencent: { logBodies: true } });
	sb.seedTencentGroup({ groupId: C, type: 'Community', owner: 'boss', members: ['m'] }).supportTopic = true;
});

test('Create with a custom ID and profile; Import keeps CreateTime; Get Many lists both; Update; Delete', async () => {
	const created = await run({ resource: 'communityTopic', operation: 'create', group: rl(C), topicName: 'News', options: { topicId: `${C}@TOPIC#_news`, customString: '{"c":1}', notification: 'Rules' } });
	expect(outputOf(created, 'Node')[0]).toMatchObject({ status: 'created', groupId: C, topicId: `${C}@TOPIC#_news` });
	expect(bodiesOf(sb, 'create_topic')[0]).toEqual({ GroupId: C, TopicName: 'News', TopicId: `${C}@TOPIC#_news`, CustomString: '{"c":1}', Notification: 'Rules' });
	const imported = await run({ resource: 'communityTopic', operation: 'import', group: rl(C), topicName: 'Old', options: { createTime: 1600000000 } });
	const oldId = (outputOf(imported, 'Node')[0] as any).topicId;
	expect(topics().get(oldId)!.createTime).toBe(1600000000);
	const got = await run({ resource: 'communityTopic', operation: 'get', group: rl(C), fromAccount: 'm' });
	expect(itemsOf(got).map((o) => [o.json.topicId, o.json.topicName])).toEqual([[`${C}@TOPIC#_news`, 'News'], [oldId, 'Old']]);
	expect(itemsOf(got)[0].json).toMatchObject({ groupId: C, customString: '{"c":1}', selfInfo: { msgFlag: 'AcceptAndNotify' } });
	const upd = await run({ resource: 'communityTopic', operation: 'update', group: rl(C), topicId: `${C}@TOPIC#_news`, updateFields: { topicName: 'Announcements', muteAll: 'On' } });
	expect(outputOf(upd, 'Node')[0]).toMatchObject({ status: 'updated', topicId: `${C}@TOPIC#_news` });
	expect(topics().get(`${C}@TOPIC#_news`)).toMatchObject({ name: 'Announcements', muteAll: true });
	const del = await run({ resource: 'communityTopic', operation: 'delete', group: rl(C), topicIds: `${C}@TOPIC#_news, ${C}@TOPIC#_gone` });
	expect(outputOf(del, 'Node')[0]).toMatchObject({ status: 'partial', deleted: [`${C}@TOPIC#_news`], failed: [{ topicId: `${C}@TOPIC#_gone`, code: 10010 }] });
	expect(bodiesOf(sb, 'destroy_topic')[0]).toEqual({ GroupId: C, TopicIdList: [`${C}@TOPIC#_news`, `${C}@TOPIC#_gone`] });
	expect([...topics().keys()]).toEqual([oldId]);
});

test('a group without topics (10007): error item with continue-on-fail, paired; run error without', async () => {
	sb.seedTencentGroup({ groupId: 'pub', type: 'Public' });
	const params = { resource: 'communityTopic', operation: 'create', group: rl('={{ $json.g }}'), topicName: 'T' };
	const on = await run(params, { items: [{ g: 'pub' }, { g: C }], continueOnFail: true });
	expect(itemsOf(on).map((o) => o.json.code ?? o.json.status)).toEqual(['10007', 'created']);
	expect(pairs(on)).toEqual(indexes(2));
	const off = await run(params, { items: [{ g: 'pub' }] });
	expect(off.data.resultData.error!.message).toMatch(/^Tencent Chat error 10007/);
});

test('Get Many of one unknown topic fails the item (10010); bad input is refused before sending', async () => {
	const r = await run({ resource: 'communityTopic', operation: 'get', group: rl(C), fromAccount: 'm', options: { topicIds: `${C}@TOPIC#_x` } }, { continueOnFail: true });
	expect(itemsOf(r)[0].json.code).toBe('10010');
	sb.state.tencent.requests.splice(0);
	await expectRefused({ resource: 'communityTopic', operation: 'create', group: rl(C), topicName: 'T', options: { customString: 'x'.repeat(3001) } }, 'Custom String', /limit is 3000 bytes/);
	await expectRefused({ resource: 'communityTopic', operation: 'update', group: rl(C), topicId: 't', updateFields: {} }, 'Update Fields');
});
