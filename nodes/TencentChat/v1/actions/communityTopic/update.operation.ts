import { z } from 'zod';
import { collection, emptyAs, text } from '../../../../shared/schemas';
import { tencentApi } from '../../../transport/request';
import { tencentOperation, type Body } from '../../helpers/common';
import { groupLocatorField } from '../../helpers/groupLocator';
import { groupCall, put, readGroup } from '../../helpers/groupOps';
import { readTopicProfile, topicDoc, topicIdField, topicIdSchema, topicProfileFields } from './common';

/** modify_topic — 1047/49468: GroupId, TopicId, TopicName, MuteAllMember ("On" / "Off") and the profile fields (doocs ModifyGroupTopicRequest.java). Safe to repeat. */
export const update = tencentOperation<{ body: Body }>({
	resource: 'communityTopic',
	operation: 'update',
	option: { name: 'Update', description: 'Change the name, notice or settings of a topic (modify_topic)', action: 'Update a community topic' },
	properties: [
		groupLocatorField,
		topicIdField,
		collection(
			[
				...topicProfileFields,
				{ displayName: 'Mute All Members', name: 'muteAll', type: 'options', default: 'On', options: [{ name: 'On', value: 'On' }, { name: 'Off', value: 'Off' }], description: 'Whether only the owner and admins can speak in the topic (MuteAllMember)' },
				{ displayName: 'Topic Name', name: 'topicName', type: 'string', default: '', placeholder: 'Announcements', description: 'New name (TopicName)' },
			],
			'Update Fields',
			'updateFields',
		),
	],
	read(r) {
		const body: Body = { GroupId: readGroup(r), TopicId: r.param('topicId', topicIdSchema, 'Topic ID') };
		put(body, 'TopicName', r.option('updateFields', 'topicName', emptyAs(text()), 'Topic Name', ''));
		readTopicProfile(r, 'updateFields', body);
		if (r.has('updateFields', 'muteAll')) body.MuteAllMember = r.option('updateFields', 'muteAll', z.enum(['On', 'Off']), 'Mute All Members', 'On');
		if (Object.keys(body).filter((k) => k !== 'From_Account').length === 2) r.fail(`Invalid "Update Fields" in item ${r.itemIndex}: add at least one field to change`);
		return { body };
	},
	orderKey: ({ body }) => `topic:${String(body.TopicId)}`,
	shape: groupCall({ api: tencentApi('million_group_open_http_svc/modify_topic', true), status: 'updated', extra: ({ body }) => ({ topicId: String(body.TopicId) }) }),
	doc: topicDoc('million_group_open_http_svc/modify_topic', 'One call per item; changes to one topic go out in input order.', '49468'),
});
