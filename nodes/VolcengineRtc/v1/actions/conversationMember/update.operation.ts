import { int64Id } from '../../../../shared/schemas';
import { failedUserIds, infoCollection, memberItemWrite, readInfo, type InfoKey } from '../../helpers/memberInfo';
import { operatorField } from '../../helpers/members';

/**
 * BatchModifyConversationParticipant — Go SDK volc-sdk-golang service/im/model.go
 * `BatchModifyConversationParticipantBody` (ParticipantInfos: ParticipantUserId, NickName, Level,
 * Role, Ext, BlockTime) and `…ResResult` (FailedUserIds); doc 6348/336995: QPS 50, a member who
 * left cannot be changed. Only the fields given are sent (the SDK's fields are all `omitempty`).
 */

const KEYS: InfoKey[] = ['nickName', 'level', 'role', 'ext', 'blockTime'];

export const update = memberItemWrite({
	resource: 'conversationMember',
	operation: 'update',
	option: { name: 'Update', description: 'Change the nickname, level, role, Ext or mute of a member (BatchModifyConversationParticipant)', action: 'Update a conversation member' },
	doc: {
		api: 'BatchModifyConversationParticipant',
		limits:
			'One member per input item; consecutive items of one conversation and operator share a call (Batch Size, default 50, at most 200; no documented per-call maximum). Only the fields given are sent. QPS 50 ([6348/336995](https://www.volcengine.com/docs/6348/336995)). A member who left fails on its own item (`FailedUserIds`).',
	},
	api: 'BatchModifyConversationParticipant',
	member: 'Member to change',
	fields: [operatorField, infoCollection(KEYS, 'Update Fields', 'updateFields')],
	max: 200,
	dflt: 50,
	userKey: 'ParticipantUserId',
	read(r) {
		const info = readInfo(r, 'updateFields', KEYS);
		if (Object.keys(info).length === 0) r.fail(`"Update Fields" is empty in item ${r.itemIndex}`, 'Add a field to change. Nothing was sent.');
		return { head: { Operator: r.param('operator', int64Id, 'Operator User ID') }, info };
	},
	failures: failedUserIds('Volcengine listed this user in FailedUserIds: not changed (a member who left cannot be changed)'),
	done: 'updated',
});
