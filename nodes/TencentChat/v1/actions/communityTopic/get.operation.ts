import type { IDataObject } from 'n8n-workflow';
import { vendorApiError } from '../../../../shared/errors';
import { collection } from '../../../../shared/schemas';
import { tencentApi } from '../../../transport/request';
import { requestIdOf, tencentOperation, type Body } from '../../helpers/common';
import { userId } from '../../helpers/fields';
import { groupLocatorField } from '../../helpers/groupLocator';
import { camelKeys, listOf, readGroup } from '../../helpers/groupOps';
import { topicDoc, topicIdList } from './common';

/**
 * get_topic — 1047/49469: GroupId, From_Account (required: the topic's SelfInfo is that member's),
 * TopicIdList (empty: every topic), ResponseFilter; the answer's TopicAndSelfInfo holds { ErrorCode,
 * ErrorInfo, TopicInfo, SelfInfo } per topic (doocs GetGroupTopicRequest.java, TopicAndSelfInfoItem.java,
 * TopicInfo.java). One output item per topic; a topic the answer refuses comes out with its code.
 */
export const get = tencentOperation<{ body: Body }>({
	resource: 'communityTopic',
	operation: 'get',
	option: { name: 'Get Many', description: 'Get the profiles of the topics of a community (get_topic)', action: 'Get community topics' },
	properties: [
		groupLocatorField,
		{ displayName: 'As User ID', name: 'fromAccount', type: 'string', default: '', required: true, placeholder: 'user_1001', description: 'A member of the community: their own topic settings come back too (From_Account)' },
		collection([{ displayName: 'Topic IDs', name: 'topicIds', type: 'string', default: '', placeholder: '@TGS#_@TGS#cQVLVHIM62CJ@TOPIC#_news', description: 'Only these topics, separated by commas (TopicIdList). Empty: all topics.' }]),
	],
	read(r) {
		const body: Body = { GroupId: readGroup(r), From_Account: r.param('fromAccount', userId, 'As User ID') };
		const ids = r.option('options', 'topicIds', topicIdList, 'Topic IDs', []);
		if (ids.length) body.TopicIdList = ids;
		return { body };
	},
	shape: {
		kind: 'item',
		async run({ body }, send, itemIndex, ctx) {
			const answer = await send(tencentApi('million_group_open_http_svc/get_topic', true), body);
			const topics = listOf(answer.result, 'TopicAndSelfInfo');
			// One topic asked for and refused: the item fails with its code, as a single read does.
			const only = topics.length === 1 && Number(topics[0].ErrorCode ?? 0) !== 0 ? topics[0] : undefined;
			if (only) throw vendorApiError(ctx.getNode(), { vendor: 'Tencent Chat', code: String(only.ErrorCode), message: String(only.ErrorInfo ?? ''), requestId: answer.requestId }, itemIndex);
			return topics.map((t): IDataObject => {
				const code = Number(t.ErrorCode ?? 0);
				const info = camelKeys(t.TopicInfo ?? {}) as IDataObject;
				return { groupId: String(body.GroupId), ...info, selfInfo: camelKeys(t.SelfInfo ?? null) as IDataObject, ...(code ? { errorCode: code, errorInfo: String(t.ErrorInfo ?? '') } : {}), requestId: requestIdOf(answer) };
			});
		},
	},
	doc: topicDoc('million_group_open_http_svc/get_topic', 'One call per item; one output item per topic (all topics when no IDs are given).', '49469'),
});
