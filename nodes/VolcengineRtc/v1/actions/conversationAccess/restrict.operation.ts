import { intInRange } from '../../../../shared/schemas';
import { memberListWrite } from '../../helpers/members';
import { LIVE_ONLY, readRestriction, restrictionField } from './common';

/**
 * BatchAddBlockParticipants — Go SDK volc-sdk-golang service/im/model.go
 * `BatchAddBlockParticipantsBody` (ParticipantBlockInfos: user id as text → seconds; BlockAction 0
 * mute, 1 ban) and `…ResResult` (FailedParticipantUserIds); doc 6348/788462: live groups only,
 * QPS 50, no per-call maximum.
 */

export const MAX_DURATION = 2147483647;

export const restrict = memberListWrite({
	resource: 'conversationAccess',
	operation: 'restrict',
	option: { name: 'Restrict', description: 'Mute or ban users in a live group for a time (BatchAddBlockParticipants)', action: 'Mute or ban users in a live group' },
	doc: {
		api: 'BatchAddBlockParticipants',
		limits: `${LIVE_ONLY} Any number of users per item with one duration, in calls of Batch Size (default 20, at most 200; no documented per-call maximum), one after the other. QPS 50 ([6348/788462](https://www.volcengine.com/docs/6348/788462)). A user in \`FailedParticipantUserIds\` fails.`,
	},
	api: 'BatchAddBlockParticipants',
	fields: [
		restrictionField('What the users can no longer do'),
		{
			displayName: 'Duration (Seconds)',
			name: 'duration',
			type: 'number',
			default: 3600,
			required: true,
			typeOptions: { minValue: 1, maxValue: MAX_DURATION, numberPrecision: 0 },
			description: `How long the restriction lasts, 1 to ${MAX_DURATION} seconds`,
		},
	],
	users: 'Users to restrict, separated by commas or new lines, or an array from an expression',
	max: 200,
	dflt: 20,
	read(r) {
		const { restriction, BlockAction } = readRestriction(r);
		const duration = r.param('duration', intInRange(1, MAX_DURATION), 'Duration (Seconds)');
		return { extra: { BlockAction, duration }, echo: { restriction, durationSeconds: duration } };
	},
	// The map's keys are user ids as text ("只能传userId"), so an int64 stays exact.
	body: (plan, chunk) => ({
		AppId: plan.appId,
		ConversationShortId: plan.conversationShortId,
		ParticipantBlockInfos: Object.fromEntries(chunk.map((id) => [String(id), plan.extra.duration])),
		BlockAction: plan.extra.BlockAction,
	}),
	failedKey: 'FailedParticipantUserIds',
	done: 'restricted',
	reason: 'Volcengine listed this user in FailedParticipantUserIds: not restricted',
});
