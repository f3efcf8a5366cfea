import { int64Id } from '../../../../shared/schemas';
import { memberListWrite, operatorField } from '../../helpers/members';
import { LIVE_ONLY } from './common';

/**
 * BatchAddWhitelistParticipant / BatchRemoveWhitelistParticipant — Go SDK volc-sdk-golang
 * service/im/model.go `BatchAddWhitelistParticipantBody` / `BatchRemoveWhitelistParticipantBody`
 * (Operator, ParticipantUserIds) and their results (FailedUserIds); docs 6348/1051345 and
 * 6348/1051346: live groups only, the users who may still post while everyone is muted, QPS 50.
 */

function allowListWrite(operation: 'addToAllowList' | 'removeFromAllowList') {
	const adding = operation === 'addToAllowList';
	const api = adding ? 'BatchAddWhitelistParticipant' : 'BatchRemoveWhitelistParticipant';
	const page = adding ? '1051345' : '1051346';
	return memberListWrite({
		resource: 'conversationAccess',
		operation,
		option: adding
			? { name: 'Add to Allow List', description: 'Let users post in a live group while everyone is muted (BatchAddWhitelistParticipant)', action: 'Add users to the allow list' }
			: { name: 'Remove From Allow List', description: 'Take users off the allow list of a live group (BatchRemoveWhitelistParticipant)', action: 'Remove users from the allow list' },
		doc: {
			api,
			limits: `${LIVE_ONLY} Any number of users per item, in calls of Batch Size (default 20, at most 200; no documented per-call maximum), one after the other. QPS 50 ([6348/${page}](https://www.volcengine.com/docs/6348/${page})). A user in \`FailedUserIds\` fails.`,
		},
		api,
		fields: [operatorField],
		users: `Users to ${adding ? 'allow' : 'take off the allow list'}, separated by commas or new lines, or an array from an expression`,
		max: 200,
		dflt: 20,
		read: (r) => ({ extra: { Operator: r.param('operator', int64Id, 'Operator User ID') } }),
		body: (plan, chunk) => ({ AppId: plan.appId, ConversationShortId: plan.conversationShortId, Operator: plan.extra.Operator, ParticipantUserIds: chunk }),
		failedKey: 'FailedUserIds',
		done: adding ? 'allowed' : 'disallowed',
		reason: `Volcengine listed this user in FailedUserIds: ${adding ? 'not added to' : 'not removed from'} the allow list`,
	});
}

export const addToAllowList = allowListWrite('addToAllowList');
export const removeFromAllowList = allowListWrite('removeFromAllowList');
