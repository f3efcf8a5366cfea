import { memberListWrite } from '../../helpers/members';
import { LIVE_ONLY, readRestriction, restrictionField } from './common';

/**
 * BatchDeleteBlockParticipants — Go SDK volc-sdk-golang service/im/model.go
 * `BatchDeleteBlockParticipantsBody` (ParticipantUserIds, BlockAction 0 unmute / 1 unban) and
 * `…ResResult` (FailedParticipantUserIds); doc 6348/788463: live groups only, QPS 50.
 */

export const liftRestriction = memberListWrite({
	resource: 'conversationAccess',
	operation: 'liftRestriction',
	option: { name: 'Lift Restriction', description: 'Unmute or unban users in a live group (BatchDeleteBlockParticipants)', action: 'Unmute or unban users in a live group' },
	doc: {
		api: 'BatchDeleteBlockParticipants',
		limits: `${LIVE_ONLY} Any number of users per item, in calls of Batch Size (default 20, at most 200; no documented per-call maximum), one after the other. QPS 50 ([6348/788463](https://www.volcengine.com/docs/6348/788463)). A user in \`FailedParticipantUserIds\` fails.`,
	},
	api: 'BatchDeleteBlockParticipants',
	fields: [restrictionField('Which restriction to lift')],
	users: 'Users to unmute or unban, separated by commas or new lines, or an array from an expression',
	max: 200,
	dflt: 20,
	read(r) {
		const { restriction, BlockAction } = readRestriction(r);
		return { extra: { BlockAction }, echo: { restriction } };
	},
	failedKey: 'FailedParticipantUserIds',
	done: 'lifted',
	reason: 'Volcengine listed this user in FailedParticipantUserIds: still restricted',
});
