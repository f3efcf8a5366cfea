import { collection, intInRange } from '../../../../shared/schemas';
import { tencentApi } from '../../../transport/request';
import { tencentOperation } from '../../helpers/common';
import { groupLocatorField } from '../../helpers/groupLocator';
import { optionalText, put } from '../../helpers/groupOps';
import { membersField } from './common';
import { memberCalls, readMembers, type MembersPlan } from './shared';

/**
 * ban_group_member / unban_group_member — tencentcloud.com/document/product/1047/50296, 50297:
 * audio-video groups (AVChatRoom) only; Members_Account ≤ 20 per call, Duration in seconds,
 * Description ≤ 1,000 bytes (menu §1.3; doocs/qcloud-im-server-sdk-java BanGroupMemberRequest.java,
 * UnbanGroupMemberRequest.java). A banned member is removed and cannot join again until the ban
 * ends. Needs the Premium (Pro+) edition and the console switch "Audio-video group member banning"
 * (trtc.io/document/50295). Banning or unbanning again is harmless: safe to repeat.
 */
export const MAX_BAN_PER_CALL = 20;
const sources = 'Sources: tencentcloud.com 1047/50296, 1047/50297; doocs `BanGroupMemberRequest.java`, `UnbanGroupMemberRequest.java`.';

export const ban = tencentOperation<MembersPlan>({
	resource: 'groupMember',
	operation: 'ban',
	option: { name: 'Ban', description: 'Remove members from an audio-video group and keep them out for a time, in calls of 20 (ban_group_member)', action: 'Ban group members' },
	properties: [
		groupLocatorField,
		membersField('Members to ban, separated by commas or new lines, or an array from an expression'),
		{ displayName: 'Duration (Seconds)', name: 'duration', type: 'number', default: 86400, required: true, typeOptions: { minValue: 1, maxValue: 4294967295, numberPrecision: 0 }, description: 'How long the ban lasts, 1 to 4294967295 seconds (Duration)' },
		collection([{ displayName: 'Reason', name: 'description', type: 'string', default: '', placeholder: 'Spam', description: 'Why, at most 1,000 bytes (Description)' }]),
	],
	read: (r) => readMembers(r, put({ Duration: r.param('duration', intInRange(1, 4294967295), 'Duration (Seconds)') }, 'Description', r.option('options', 'description', optionalText(1000), 'Reason', ''))),
	orderKey: (plan) => `group:${plan.groupId}`,
	shape: memberCalls({ api: tencentApi('group_open_http_svc/ban_group_member', true), max: MAX_BAN_PER_CALL, listName: 'Members_Account', done: 'banned' }),
	doc: { api: '`group_open_http_svc/ban_group_member`', limits: `Audio-video groups only, Pro edition and up with the console switch "Audio-video group member banning". Calls of up to 20 members, one after the other; Duration in seconds, Reason ≤ 1,000 bytes. ${sources}` },
});

export const unban = tencentOperation<MembersPlan>({
	resource: 'groupMember',
	operation: 'unban',
	option: { name: 'Unban', description: 'Lift the ban of members of an audio-video group, in calls of 20 (unban_group_member)', action: 'Unban group members' },
	properties: [groupLocatorField, membersField('Members to unban, separated by commas or new lines, or an array from an expression')],
	read: (r) => readMembers(r),
	orderKey: (plan) => `group:${plan.groupId}`,
	shape: memberCalls({ api: tencentApi('group_open_http_svc/unban_group_member', true), max: MAX_BAN_PER_CALL, listName: 'Members_Account', done: 'unbanned' }),
	doc: { api: '`group_open_http_svc/unban_group_member`', limits: `Audio-video groups only. Calls of up to 20 members, one after the other. ${sources}` },
});
