import type { IDataObject } from 'n8n-workflow';
import { collection } from '../../../../shared/schemas';
import { tencentApi } from '../../../transport/request';
import { requestIdOf, tencentOperation, type Body } from '../../helpers/common';
import { groupLocatorField } from '../../helpers/groupLocator';
import { listOf, put, readGroup } from '../../helpers/groupOps';
import { readTopic, topicOption } from './shared';

/**
 * get_group_muted_account — tencentcloud.com/document/product/1047/34964 (current name; the older
 * get_group_shutted_uin / ShuttedUinList of dobyte/tencent-im is not used): GroupId, TopicId; the
 * answer's MutedAccountList holds { Member_Account, MutedUntil } (Unix seconds; doocs/qcloud-im-server-sdk-java
 * GetGroupMutedAccountRequest.java, MutedAccountItem.java). One output item per muted member.
 */
export const getMuted = tencentOperation<{ body: Body }>({
	resource: 'groupMember',
	operation: 'getMuted',
	option: { name: 'Get Muted', description: 'Get the muted members of a group and until when (get_group_muted_account)', action: 'Get the muted members of a group' },
	properties: [groupLocatorField, collection([topicOption])],
	read: (r) => ({ body: put({ GroupId: readGroup(r) }, 'TopicId', readTopic(r)) }),
	shape: {
		kind: 'item',
		async run({ body }, send) {
			const answer = await send(tencentApi('group_open_http_svc/get_group_muted_account', true), body);
			return listOf(answer.result, 'MutedAccountList').map(
				(m): IDataObject => ({ groupId: String(body.GroupId), member: String(m.Member_Account), mutedUntil: m.MutedUntil as IDataObject[string], requestId: requestIdOf(answer) }),
			);
		},
	},
	doc: { api: '`group_open_http_svc/get_group_muted_account`', limits: 'One call per item; one output item per muted member (until when, Unix seconds). Optional topic of a community. Sources: tencentcloud.com 1047/34964; doocs `GetGroupMutedAccountRequest.java`.' },
});
