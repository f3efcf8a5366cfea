import { z } from 'zod';
import { failedInfosByUser } from '../../helpers/im';
import { infoCollection, memberItemWrite, readInfo, type InfoKey } from '../../helpers/memberInfo';

/**
 * BatchUpdateLiveParticipants — Go SDK volc-sdk-golang service/im/model.go
 * `BatchUpdateLiveParticipantsBody` (ParticipantInfos: UserId, AvatarUrl, NickName, Ext, Marks;
 * MarkAction 1 add / 2 remove) and `…ResResultFailedInfosItem` (UserId, Code, Message); doc
 * 6348/1162951: live groups only, at most 10 members per call, at least one of AvatarUrl, NickName
 * and Ext per member, QPS 50.
 */

export const MAX_LIVE_PER_CALL = 10;
const KEYS: InfoKey[] = ['nickName', 'avatarUrl', 'ext', 'marks'];
const MARK_ACTIONS = { add: 1, remove: 2 } as const;

export const updateLive = memberItemWrite({
	resource: 'conversationMember',
	operation: 'updateLive',
	option: {
		name: 'Update Live Group Member',
		description: 'Change the nickname, picture, Ext or marks of a live group member (BatchUpdateLiveParticipants)',
		action: 'Update a live group member',
	},
	doc: {
		api: 'BatchUpdateLiveParticipants',
		limits:
			'Live groups only. One member per input item; consecutive items of one group with the same marks action share a call of at most 10 (the documented maximum, [6348/1162951](https://www.volcengine.com/docs/6348/1162951)). Each member needs a nickname, picture or Ext. A member in `FailedInfos` fails on its own item with the vendor code and message. QPS 50.',
	},
	api: 'BatchUpdateLiveParticipants',
	member: 'Live group member to change',
	fields: [
		infoCollection(KEYS, 'Update Fields', 'updateFields'),
		{
			displayName: 'Marks Action',
			name: 'markAction',
			type: 'options',
			default: 'add',
			description: 'What happens to the Marks given (MarkAction)',
			options: [
				{ name: 'Add', value: 'add', description: 'Give the member these marks (MarkAction 1)' },
				{ name: 'Remove', value: 'remove', description: 'Take these marks away (MarkAction 2)' },
			],
		},
	],
	max: MAX_LIVE_PER_CALL,
	dflt: MAX_LIVE_PER_CALL,
	userKey: 'UserId',
	read(r) {
		const info = readInfo(r, 'updateFields', KEYS);
		if (info.NickName === undefined && info.AvatarUrl === undefined && info.Ext === undefined) {
			r.fail(`"Update Fields" needs a Nickname, Avatar URL or Extra Fields (Ext) in item ${r.itemIndex}`, 'Volcengine refuses a member without one of them. Nothing was sent.');
		}
		const markAction = r.param('markAction', z.enum(['add', 'remove']), 'Marks Action', 'add');
		return { head: { MarkAction: MARK_ACTIONS[markAction] }, info };
	},
	failures: (result) => new Map([...failedInfosByUser(result)].map(([id, f]) => [id, { code: f.code, reason: f.message || 'Volcengine listed this member in FailedInfos' }])),
	done: 'updated',
});
