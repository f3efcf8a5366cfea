import { memberListPair } from '../../helpers/members';

/**
 * BatchAddManager / BatchRemoveManager — Go SDK volc-sdk-golang service/im/model.go
 * `BatchAddManagerBody` (Operator, ManagerUserIds; result FailedManagerUserIds) and
 * `BatchRemoveManagerBody` (Operator, RemoveManagerUserIds; result FailedManagerUserIds); doc
 * 6348/1051343: live groups only, QPS 50, no per-call maximum. BatchRemoveManager's own page is not
 * in our sources: its QPS is assumed the same.
 */

export const [addAdmins, removeAdmins] = memberListPair(
	{
		resource: 'conversationMember',
		operator: true,
		max: 200,
		dflt: 20,
		failedKey: 'FailedManagerUserIds',
		limits: (api) =>
			`Live groups only. Any number of users per item, in calls of Batch Size (default 20, at most 200; Volcengine documents no per-call maximum), one after the other. QPS 50 ([6348/1051343](https://www.volcengine.com/docs/6348/1051343); assumed for ${api} too). A user in \`FailedManagerUserIds\` fails.`,
	},
	[
		['addAdmins', 'Add Admins', 'Make members admins of a live group', 'Add admins to a live group', 'BatchAddManager', 'Members to make admins', 'promoted', 'not made an admin', 'ManagerUserIds'],
		['removeAdmins', 'Remove Admins', 'Take the admin role from members of a live group', 'Remove admins from a live group', 'BatchRemoveManager', 'Admins to make ordinary members again', 'demoted', 'still an admin', 'RemoveManagerUserIds'],
	],
);
