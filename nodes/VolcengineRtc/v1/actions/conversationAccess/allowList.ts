import { memberListPair } from '../../helpers/members';
import { LIVE_ONLY } from './common';

/**
 * BatchAddWhitelistParticipant / BatchRemoveWhitelistParticipant — Go SDK volc-sdk-golang
 * service/im/model.go `BatchAddWhitelistParticipantBody` / `BatchRemoveWhitelistParticipantBody`
 * (Operator, ParticipantUserIds) and their results (FailedUserIds); docs 6348/1051345 and
 * 6348/1051346: live groups only, the users who may still post while everyone is muted, QPS 50.
 */

const PAGES: Record<string, string> = { BatchAddWhitelistParticipant: '1051345', BatchRemoveWhitelistParticipant: '1051346' };

export const [addToAllowList, removeFromAllowList] = memberListPair(
	{
		resource: 'conversationAccess',
		operator: true,
		max: 200,
		dflt: 20,
		failedKey: 'FailedUserIds',
		limits: (api) =>
			`${LIVE_ONLY} Any number of users per item, in calls of Batch Size (default 20, at most 200; no documented per-call maximum), one after the other. QPS 50 ([6348/${PAGES[api]}](https://www.volcengine.com/docs/6348/${PAGES[api]})). A user in \`FailedUserIds\` fails.`,
	},
	[
		['addToAllowList', 'Add to Allow List', 'Let users post in a live group while everyone is muted', 'Add users to the allow list', 'BatchAddWhitelistParticipant', 'Users who may post while everyone is muted', 'allowed', 'not added to the allow list'],
		['removeFromAllowList', 'Remove From Allow List', 'Take users off the allow list of a live group', 'Remove users from the allow list', 'BatchRemoveWhitelistParticipant', 'Users to take off the allow list', 'disallowed', 'not removed from the allow list'],
	],
);
