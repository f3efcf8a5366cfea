import { z } from 'zod';
import { int64Id } from '../../../../shared/schemas';
import { failedUserIds, infoCollection, memberItemWrite, readInfo, type InfoKey } from '../../helpers/memberInfo';
import { operatorField } from '../../helpers/members';

/**
 * BatchAddConversationParticipant — Go SDK volc-sdk-golang service/im/model.go
 * `BatchAddConversationParticipantBody` (AppId, ConversationShortId, Operator, ParticipantInfos,
 * Barrier) and `…ResResult` (FailedUserIds); doc 6348/336991: QPS 50, not for one-to-one chats, no
 * per-call maximum (a group holds at most 200 members: FAQ 6348/914736), an existing member is
 * overwritten.
 */

export const MAX_ADD_PER_CALL = 200;
const KEYS: InfoKey[] = ['nickName', 'level', 'role', 'ext', 'readIndex'];

export const add = memberItemWrite({
	resource: 'conversationMember',
	operation: 'add',
	option: { name: 'Add', description: 'Add a member to a group conversation, many items per call (BatchAddConversationParticipant)', action: 'Add a member to a conversation' },
	doc: {
		api: 'BatchAddConversationParticipant',
		limits:
			'One member per input item; consecutive items of one conversation and operator share a call (Batch Size, default 50, at most 200: Volcengine documents no per-call maximum, a group holds at most 200 members, [FAQ 6348/914736](https://www.volcengine.com/docs/6348/914736)). QPS 50 ([6348/336991](https://www.volcengine.com/docs/6348/336991)). A user in `FailedUserIds` fails on its own item. Not for one-to-one chats.',
	},
	api: 'BatchAddConversationParticipant',
	member: 'User to add',
	fields: [operatorField, infoCollection(KEYS, 'Member Fields', 'memberFields')],
	options: [
		{
			displayName: 'Hide Earlier Messages',
			name: 'barrier',
			type: 'boolean',
			default: false,
			description: 'Whether new members cannot see the messages sent before they joined (Barrier)',
		},
	],
	max: MAX_ADD_PER_CALL,
	dflt: 50,
	userKey: 'ParticipantUserId',
	read(r) {
		const head: Record<string, unknown> = { Operator: r.param('operator', int64Id, 'Operator User ID') };
		if (r.option('options', 'barrier', z.boolean({ invalid_type_error: 'must be true or false' }), 'Hide Earlier Messages', false)) head.Barrier = true;
		return { head, info: readInfo(r, 'memberFields', KEYS) };
	},
	failures: failedUserIds('Volcengine listed this user in FailedUserIds: not added'),
	done: 'added',
});
