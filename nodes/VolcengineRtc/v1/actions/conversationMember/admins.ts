import { int64Id } from '../../../../shared/schemas';
import { memberListWrite, operatorField } from '../../helpers/members';

/**
 * BatchAddManager / BatchRemoveManager — Go SDK volc-sdk-golang service/im/model.go
 * `BatchAddManagerBody` (Operator, ManagerUserIds; result FailedManagerUserIds) and
 * `BatchRemoveManagerBody` (Operator, RemoveManagerUserIds; result FailedManagerUserIds); doc
 * 6348/1051343: live groups only, QPS 50, no per-call maximum.
 */

const limits = (api: string) =>
	`Live groups only. Any number of users per item, in calls of Batch Size (default 20, at most 200; Volcengine documents no per-call maximum), one after the other. QPS 50 ([6348/1051343](https://www.volcengine.com/docs/6348/1051343); ${api}'s own page is not in our sources, its QPS is assumed the same). A user in \`FailedManagerUserIds\` fails.`;

function adminWrite(operation: 'addAdmins' | 'removeAdmins') {
	const adding = operation === 'addAdmins';
	const api = adding ? 'BatchAddManager' : 'BatchRemoveManager';
	const listKey = adding ? 'ManagerUserIds' : 'RemoveManagerUserIds';
	return memberListWrite({
		resource: 'conversationMember',
		operation,
		option: adding
			? { name: 'Add Admins', description: 'Make members admins of a live group (BatchAddManager)', action: 'Add admins to a live group' }
			: { name: 'Remove Admins', description: 'Take the admin role from members of a live group (BatchRemoveManager)', action: 'Remove admins from a live group' },
		doc: { api, limits: limits(api) },
		api,
		fields: [operatorField],
		users: `Members to ${adding ? 'make admins' : 'take the admin role from'}, separated by commas or new lines, or an array from an expression`,
		max: 200,
		dflt: 20,
		read: (r) => ({ extra: { Operator: r.param('operator', int64Id, 'Operator User ID') } }),
		body: (plan, chunk) => ({ AppId: plan.appId, ConversationShortId: plan.conversationShortId, Operator: plan.extra.Operator, [listKey]: chunk }),
		failedKey: 'FailedManagerUserIds',
		done: adding ? 'promoted' : 'demoted',
		reason: `Volcengine listed this user in FailedManagerUserIds: ${adding ? 'not made an admin' : 'still an admin'}`,
	});
}

export const addAdmins = adminWrite('addAdmins');
export const removeAdmins = adminWrite('removeAdmins');
