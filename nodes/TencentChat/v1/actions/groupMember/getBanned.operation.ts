import type { IDataObject } from 'n8n-workflow';
import { paginate } from '../../../../shared/engine/callShapes';
import { tencentApi } from '../../../transport/request';
import { tencentOperation } from '../../helpers/common';
import { groupLocatorField } from '../../helpers/groupLocator';
import { listOf, readGroup, readLimit, returnAllFields } from '../../helpers/groupOps';

/**
 * get_group_ban_member — tencentcloud.com/document/product/1047/50295: audio-video groups
 * (AVChatRoom); GroupId, Limit ≤ 100, Offset; the answer's BannedAccountList holds
 * { Member_Account, BannedUntil } and NextOffset is the next Offset (0 when done) (menu §1.3;
 * doocs/qcloud-im-server-sdk-java GetGroupBanMemberRequest.java, GetGroupBanMemberResult.java,
 * BannedAccountItem.java). One output item per banned member.
 */
export const PAGE = 100;

export const getBanned = tencentOperation<{ groupId: string; limit: number | undefined }>({
	resource: 'groupMember',
	operation: 'getBanned',
	option: { name: 'Get Banned', description: 'Get the banned members of an audio-video group, page by page (get_group_ban_member)', action: 'Get the banned members of a group' },
	properties: [groupLocatorField, ...returnAllFields()],
	read: (r) => ({ groupId: readGroup(r), limit: readLimit(r) }),
	shape: paginate({
		api: tencentApi('group_open_http_svc/get_group_ban_member', true),
		vendor: 'Tencent Chat',
		noun: 'banned members',
		start: () => 0,
		limit: (plan) => plan.limit,
		pageSize: () => PAGE,
		body: (plan, offset, want) => ({ GroupId: plan.groupId, Limit: want, Offset: offset }),
		page(result) {
			const next = Number(result.NextOffset ?? 0);
			const entries = listOf(result, 'BannedAccountList');
			return { entries, hasMore: next > 0 && entries.length > 0, next: Number.isSafeInteger(next) ? next : undefined, nextText: String(result.NextOffset ?? '') };
		},
		map: (m): IDataObject => ({ member: String(m.Member_Account), bannedUntil: m.BannedUntil as IDataObject[string] }),
	}),
	doc: { api: '`group_open_http_svc/get_group_ban_member`', limits: 'Audio-video groups only, Pro edition and up with the console switch "Audio-video group member banning". Pages of 100 (the documented maximum, trtc.io 50295) by NextOffset; Return All or Limit. One item per banned member. Sources: tencentcloud.com 1047/50295; doocs `GetGroupBanMemberResult.java`.' },
});
