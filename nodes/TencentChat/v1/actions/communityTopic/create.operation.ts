import type { INodeProperties } from 'n8n-workflow';
import type { CallShape } from '../../../../shared/engine/callShapes';
import type { ItemReader } from '../../../../shared/engine/reader';
import { collection, emptyAs, intInRange, text } from '../../../../shared/schemas';
import { tencentApi, type TencentApi } from '../../../transport/request';
import { requestIdOf, tencentOperation, type Body } from '../../helpers/common';
import { groupLocatorField } from '../../helpers/groupLocator';
import { put, readGroup } from '../../helpers/groupOps';
import { readTopicProfile, topicDoc, topicIdSchema, topicProfileFields } from './common';

/**
 * create_topic (49471) and import_topic (53448: with CreateTime, for migration, no notifications
 * or webhooks). Not repeated after a lost answer: without a custom Topic ID a repeat would create a
 * second topic.
 */
const nameField: INodeProperties = { displayName: 'Topic Name', name: 'topicName', type: 'string', default: '', required: true, placeholder: 'Announcements', description: 'Name of the topic (TopicName)' };
const customIdField: INodeProperties = {
	displayName: 'Topic ID',
	name: 'topicId',
	type: 'string',
	default: '',
	placeholder: '@TGS#_@TGS#cQVLVHIM62CJ@TOPIC#_news',
	description: 'Custom topic ID: the group ID, then "@TOPIC#_", then your part (TopicId). Empty: Tencent assigns one.',
};

function readTopic(r: ItemReader): Body {
	const body: Body = { GroupId: readGroup(r), TopicName: r.param('topicName', text(), 'Topic Name') };
	put(body, 'TopicId', r.option('options', 'topicId', emptyAs(topicIdSchema), 'Topic ID', ''));
	return readTopicProfile(r, 'options', body);
}

const topicShape = (command: string, status: string): CallShape<{ body: Body }, TencentApi> => ({
	kind: 'item',
	async run({ body }, send) {
		const answer = await send(tencentApi(command), body);
		return { status, groupId: String(body.GroupId), topicId: String(answer.result.TopicId ?? body.TopicId ?? ''), requestId: requestIdOf(answer) };
	},
});

export const create = tencentOperation<{ body: Body }>({
	resource: 'communityTopic',
	operation: 'create',
	option: { name: 'Create', description: 'Create a topic in a community (create_topic)', action: 'Create a community topic' },
	properties: [groupLocatorField, nameField, collection([customIdField, ...topicProfileFields])],
	read: (r) => ({ body: readTopic(r) }),
	shape: topicShape('million_group_open_http_svc/create_topic', 'created'),
	doc: topicDoc('million_group_open_http_svc/create_topic', 'One call per item; not repeated after a lost answer (a repeat could create a second topic).', '49471'),
});

export const importTopic = tencentOperation<{ body: Body }>({
	resource: 'communityTopic',
	operation: 'import',
	option: { name: 'Import', description: 'Create a topic with its creation time, for migration, without notifications (import_topic)', action: 'Import a community topic' },
	properties: [
		groupLocatorField,
		nameField,
		collection([
			{ displayName: 'Created At', name: 'createTime', type: 'number', default: '', typeOptions: { minValue: 0, maxValue: 4294967295, numberPrecision: 0 }, placeholder: '1700000000', description: 'Creation time in Unix seconds, 0 to 4294967295 (CreateTime). Empty: now.' },
			customIdField,
			...topicProfileFields,
		]),
	],
	read: (r) => ({ body: put(readTopic(r), 'CreateTime', r.option('options', 'createTime', emptyAs(intInRange(0, 4294967295)), 'Created At', '')) }),
	shape: topicShape('group_open_http_svc/import_topic', 'imported'),
	doc: topicDoc('group_open_http_svc/import_topic', 'One call per item, with the creation time; no notifications or webhooks. Not repeated after a lost answer.', '53448'),
});
