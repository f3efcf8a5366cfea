import { memberPagesOperation, pageSizeOption, readPages } from '../../helpers/members';
import { LIVE_ONLY, readRestriction, restrictionField } from './common';

/**
 * BatchGetBlockParticipants — Go SDK volc-sdk-golang service/im/model.go
 * `BatchGetBlockParticipantsBody` (Cursor, Limit ≤ 20, BlockAction) and `…ResResult`
 * (Participants: ParticipantUserId, BlockTime, CreateTime, NickName, AvatarUrl, Ext, Marks;
 * HasMore, NextCursor); doc 6348/788464: live groups only, sorted by user id, QPS 100.
 */

export const MAX_PAGE = 20;

export const getRestricted = memberPagesOperation({
	resource: 'conversationAccess',
	operation: 'getRestricted',
	option: { name: 'Get Restricted', description: 'Page through the muted or banned users of a live group (BatchGetBlockParticipants)', action: 'Get the restricted users of a live group' },
	doc: {
		api: 'BatchGetBlockParticipants',
		limits: `${LIVE_ONLY} Return All or Limit; pages of at most 20 (the documented maximum), following \`NextCursor\` while \`HasMore\`, sorted by user ID. QPS 100 ([6348/788464](https://www.volcengine.com/docs/6348/788464)).`,
	},
	api: 'BatchGetBlockParticipants',
	fields: [restrictionField('Which list to read')],
	options: [pageSizeOption(MAX_PAGE)],
	read: async (r) => await readPages(r, MAX_PAGE, { BlockAction: readRestriction(r).BlockAction }),
});
