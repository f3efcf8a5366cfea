import { z } from 'zod';
import { text } from '../../../../shared/schemas';
import type { Body } from '../../helpers/common';
import { memberPagesOperation, pageSizeOption, readPages } from '../../helpers/members';

/**
 * ScanConversationParticipantList — Go SDK volc-sdk-golang service/im/model.go
 * `ScanConversationParticipantListBody` (Cursor, Limit, Reverse, OnlyUserIds,
 * ScanOnlineParticipant, MarkType) and `…ResResult` (Participants, HasMore, NextCursor: negative
 * when there is no more); doc 6348/336993: at most 20 members per call with details, 50 with user
 * IDs only; QPS 100. On a live group, without Online Members Only only the owner and admins are
 * listed (the doc's wording).
 */

export const MAX_DETAILED = 20;
export const MAX_IDS_ONLY = 50;
const flag = z.boolean({ invalid_type_error: 'must be true or false' });

export const getMany = memberPagesOperation({
	resource: 'conversationMember',
	operation: 'getMany',
	option: {
		name: 'Get Many',
		description: 'Page through the members of a conversation (ScanConversationParticipantList)',
		action: 'Get many conversation members',
	},
	doc: {
		api: 'ScanConversationParticipantList',
		limits:
			'Return All or Limit; pages of at most 20 members with details, 50 with user IDs only (the documented maxima), following `NextCursor` while `HasMore`. QPS 100 ([6348/336993](https://www.volcengine.com/docs/6348/336993)). Live groups: Online Members Only lists who is online (optionally with one mark); otherwise only the owner and admins.',
	},
	api: 'ScanConversationParticipantList',
	options: [
		{
			displayName: 'Mark',
			name: 'markType',
			type: 'string',
			default: '',
			placeholder: 'vip',
			description: 'Live groups with Online Members Only: only online members with this mark (MarkType)',
		},
		{
			displayName: 'Newest Members First',
			name: 'reverse',
			type: 'boolean',
			default: false,
			description: 'Whether to list the latest joiners first (Reverse); off lists in joining order',
		},
		{
			displayName: 'Online Members Only',
			name: 'online',
			type: 'boolean',
			default: false,
			description: 'Whether to list the online members of a live group, newest first (ScanOnlineParticipant); other conversations return nobody',
		},
		{
			displayName: 'Only User IDs',
			name: 'onlyUserIds',
			type: 'boolean',
			default: false,
			description: 'Whether to return only the user IDs (OnlyUserIds), up to 50 per call instead of 20',
		},
		pageSizeOption(MAX_IDS_ONLY, ' (at most 20 unless Only User IDs)'),
	],
	async read(r) {
		const extra: Body = {};
		const onlyUserIds = r.option('options', 'onlyUserIds', flag, 'Only User IDs', false);
		if (r.option('options', 'reverse', flag, 'Newest Members First', false)) extra.Reverse = true;
		if (onlyUserIds) extra.OnlyUserIds = true;
		if (r.option('options', 'online', flag, 'Online Members Only', false)) extra.ScanOnlineParticipant = true;
		const mark = r.option('options', 'markType', text({ allowEmpty: true }), 'Mark', '').trim();
		if (mark !== '') extra.MarkType = mark;
		return await readPages(r, onlyUserIds ? MAX_IDS_ONLY : MAX_DETAILED, extra);
	},
});
