import { memberPagesOperation, pageSizeOption, readPages } from '../../helpers/members';
import { LIVE_ONLY } from './common';

/**
 * BatchGetWhitelistParticipant — Go SDK volc-sdk-golang service/im/model.go
 * `BatchGetWhitelistParticipantBody` (Cursor, Limit ≤ 20) and `…ResResult` (Participants:
 * ParticipantUserId, CreateTime, Operator, NickName, AvatarUrl, Ext, Marks; HasMore, NextCursor -1
 * when there is no more); doc 6348/1051347: live groups only, QPS 100.
 */

export const MAX_PAGE = 20;

export const getAllowList = memberPagesOperation({
	resource: 'conversationAccess',
	operation: 'getAllowList',
	option: { name: 'Get Allow List', description: 'Page through the users who may post while a live group is muted (BatchGetWhitelistParticipant)', action: 'Get the allow list of a live group' },
	doc: {
		api: 'BatchGetWhitelistParticipant',
		limits: `${LIVE_ONLY} Return All or Limit; pages of at most 20 (the documented maximum), following \`NextCursor\` while \`HasMore\` (-1: no more). QPS 100 ([6348/1051347](https://www.volcengine.com/docs/6348/1051347)).`,
	},
	api: 'BatchGetWhitelistParticipant',
	options: [pageSizeOption(MAX_PAGE)],
	read: async (r) => await readPages(r, MAX_PAGE),
});
