import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';
import { tencentApi } from '../../../transport/request';
import { requestIdOf, tencentOperation } from '../../helpers/common';
import { groupLocatorField } from '../../helpers/groupLocator';
import { listOf, readGroup } from '../../helpers/groupOps';
import { topicDoc, topicIdList } from './common';

/**
 * destroy_topic — 1047/49470: GroupId, TopicIdList; the answer's DestroyResultItem holds { TopicId,
 * ErrorCode, ErrorInfo } per topic (doocs DestroyGroupTopicRequest.java, DestroyGroupTopicResultItem.java).
 * The pages read state no maximum per call: the list is sent in one call. Deleting a deleted topic
 * only reports it: safe to repeat.
 */
const ids = topicIdList.pipe(z.array(z.string()).min(1, 'needs at least one topic ID'));

export const deleteTopics = tencentOperation<{ groupId: string; topicIds: string[] }>({
	resource: 'communityTopic',
	operation: 'delete',
	option: { name: 'Delete', description: 'Delete topics of a community (destroy_topic)', action: 'Delete community topics' },
	properties: [
		groupLocatorField,
		{ displayName: 'Topic IDs', name: 'topicIds', type: 'string', default: '', required: true, placeholder: '@TGS#_@TGS#cQVLVHIM62CJ@TOPIC#_news', description: 'Topics to delete, separated by commas, or an array from an expression (TopicIdList)' },
	],
	read: (r) => ({ groupId: readGroup(r), topicIds: [...new Set(r.param<string[]>('topicIds', ids, 'Topic IDs'))] }),
	shape: {
		kind: 'item',
		async run(plan, send) {
			const answer = await send(tencentApi('million_group_open_http_svc/destroy_topic', true), { GroupId: plan.groupId, TopicIdList: plan.topicIds });
			const codes = new Map(listOf(answer.result, 'DestroyResultItem').map((t) => [String(t.TopicId), t]));
			const failed = plan.topicIds
				.map((topicId) => ({ topicId, item: codes.get(topicId) }))
				.filter(({ item }) => item && Number(item.ErrorCode ?? 0) !== 0)
				.map(({ topicId, item }): IDataObject => ({ topicId, code: Number(item!.ErrorCode), reason: String(item!.ErrorInfo ?? '') }));
			const deleted = plan.topicIds.filter((t) => !failed.some((f) => f.topicId === t));
			const status = failed.length === 0 ? 'deleted' : deleted.length === 0 ? 'failed' : 'partial';
			return { status, groupId: plan.groupId, deleted, failed, requestId: requestIdOf(answer) };
		},
	},
	doc: topicDoc('million_group_open_http_svc/destroy_topic', 'All given topics in one call (no maximum stated); each topic Tencent refuses is listed with its code and reason.', '49470'),
});
