import type { INodeProperties } from 'n8n-workflow';
import { z } from 'zod';
import type { ItemReader } from '../../../../shared/engine/reader';
import { emptyAs, listInput, text } from '../../../../shared/schemas';
import type { Body } from '../../helpers/common';
import { fromAccountField, optionalUserId } from '../../helpers/fields';
import { optionalText, put } from '../../helpers/groupOps';

/**
 * Topics of a topic-enabled Community — tencentcloud.com/document/product/1047/49471 (create_topic),
 * 49470 (destroy_topic), 49469 (get_topic), 49468 (modify_topic), 53448 (import_topic, on
 * group_open_http_svc; the others on million_group_open_http_svc). Fields as in
 * doocs/qcloud-im-server-sdk-java Create/Destroy/Get/Modify/ImportGroupTopicRequest.java; a custom
 * TopicId is "<GroupId>@TOPIC#_<your part>" (49471). CustomString ≤ 3,000 bytes (menu §1.3); the
 * pages read state no byte limit for the name, notice, introduction or avatar: Tencent checks them.
 */

export const topicIdField: INodeProperties = {
	displayName: 'Topic ID',
	name: 'topicId',
	type: 'string',
	default: '',
	required: true,
	placeholder: '@TGS#_@TGS#cQVLVHIM62CJ@TOPIC#_TestTopic',
	description: 'ID of the topic (TopicId)',
};

export const topicIdSchema = text({ maxBytes: 150 });
export const topicIdList = listInput.pipe(z.array(z.string().trim().min(1)));

/** The optional profile fields of create, modify and import. */
export const topicProfileFields: INodeProperties[] = [
	{ displayName: 'Avatar URL', name: 'faceUrl', type: 'string', default: '', placeholder: 'https://example.com/topic.png', description: 'Topic avatar (FaceUrl)' },
	{ displayName: 'Custom String', name: 'customString', type: 'string', default: '', placeholder: '{"color":"blue"}', description: 'Your own data for the topic, at most 3,000 bytes (CustomString)' },
	{ ...fromAccountField, description: 'Act as this member (From_Account). Empty: as the app admin.' },
	{ displayName: 'Introduction', name: 'introduction', type: 'string', default: '', placeholder: 'Release notes and questions', description: 'Topic introduction (Introduction)' },
	{ displayName: 'Notice', name: 'notification', type: 'string', default: '', placeholder: 'Read the rules first', description: 'Topic notice (Notification)' },
];

const freeText = emptyAs(text());

export function readTopicProfile(r: ItemReader, from: string, body: Body): Body {
	put(body, 'From_Account', r.option(from, 'fromAccount', optionalUserId, 'Sender User ID', ''));
	put(body, 'CustomString', r.option(from, 'customString', optionalText(3000), 'Custom String', ''));
	put(body, 'FaceUrl', r.option(from, 'faceUrl', freeText, 'Avatar URL', ''));
	put(body, 'Notification', r.option(from, 'notification', freeText, 'Notice', ''));
	put(body, 'Introduction', r.option(from, 'introduction', freeText, 'Introduction', ''));
	return body;
}

export const topicDoc = (api: string, what: string, page: string) => ({
	api: `\`${api}\``,
	limits: `Topic-enabled communities only. ${what} Sources: tencentcloud.com 1047/${page}; doocs \`*GroupTopicRequest.java\`.`,
});
