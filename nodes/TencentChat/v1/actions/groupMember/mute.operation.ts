import { collection, intInRange } from '../../../../shared/schemas';
import { tencentApi } from '../../../transport/request';
import { tencentOperation } from '../../helpers/common';
import { groupLocatorField } from '../../helpers/groupLocator';
import { membersField } from './common';
import { memberCalls, readMembers, readTopic, topicOption, type MembersPlan } from './shared';

/**
 * forbid_send_msg — tencentcloud.com/document/product/1047/34951: GroupId, Members_Account (≤ 500
 * per call), MuteTime in seconds (0 = unmute; 4294967295 = for good, dobyte/tencent-im group/types.go
 * forbidSendMessageReq), TopicId (doocs/qcloud-im-server-sdk-java ForbidSendMsgRequest.java; dobyte
 * still names it ShutUpTime, the current page and doocs MuteTime). Setting the same mute again is
 * harmless: safe to repeat. Mute and Unmute are this one API.
 */
export const MAX_MUTE_PER_CALL = 500;
const api = tencentApi('group_open_http_svc/forbid_send_msg', true);
const doc = (what: string) => ({
	api: '`group_open_http_svc/forbid_send_msg`',
	limits: `${what} Calls of up to 500 members, one after the other; a refused call leaves the rest not sent. Optional topic of a community. Sources: tencentcloud.com 1047/34951; doocs \`ForbidSendMsgRequest.java\`; dobyte \`group/types.go\`.`,
});
const shape = memberCalls({ api, max: MAX_MUTE_PER_CALL, listName: 'Members_Account', done: 'muted' });

export const mute = tencentOperation<MembersPlan>({
	resource: 'groupMember',
	operation: 'mute',
	option: { name: 'Mute', description: 'Stop members from sending messages in a group for a time, in calls of 500 (forbid_send_msg)', action: 'Mute group members' },
	properties: [
		groupLocatorField,
		membersField('Members to mute, separated by commas or new lines, or an array from an expression'),
		{ displayName: 'Duration (Seconds)', name: 'muteTime', type: 'number', default: 3600, required: true, typeOptions: { minValue: 1, maxValue: 4294967295, numberPrecision: 0 }, description: 'How long, 1 to 4294967295 seconds; 4294967295 mutes for good (MuteTime)' },
		collection([topicOption]),
	],
	read: (r) => readMembers(r, { MuteTime: r.param('muteTime', intInRange(1, 4294967295), 'Duration (Seconds)'), ...withTopic(readTopic(r)) }),
	orderKey: (plan) => `group:${plan.groupId}`,
	shape,
	doc: doc('MuteTime in seconds (4294967295: for good).'),
});

export const unmute = tencentOperation<MembersPlan>({
	resource: 'groupMember',
	operation: 'unmute',
	option: { name: 'Unmute', description: 'Let muted members send messages in a group again, in calls of 500 (forbid_send_msg)', action: 'Unmute group members' },
	properties: [groupLocatorField, membersField('Members to unmute, separated by commas or new lines, or an array from an expression'), collection([topicOption])],
	read: (r) => readMembers(r, { MuteTime: 0, ...withTopic(readTopic(r)) }),
	orderKey: (plan) => `group:${plan.groupId}`,
	shape: memberCalls({ api, max: MAX_MUTE_PER_CALL, listName: 'Members_Account', done: 'unmuted' }),
	doc: doc('Sent with MuteTime 0.'),
});

const withTopic = (topicId: string | undefined) => (topicId === undefined ? {} : { TopicId: topicId });
