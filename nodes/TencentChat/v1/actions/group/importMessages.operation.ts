import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';
import { coalesce } from '../../../../shared/engine/callShapes';
import type { PreparedItem } from '../../../../shared/router';
import { intInRange } from '../../../../shared/schemas';
import { tencentApi } from '../../../transport/request';
import { messageFields } from '../../descriptions/message.description';
import { requestIdOf, tencentOperation } from '../../helpers/common';
import { drawUint32, groupIdField, groupIdSchema, optionalUint32, randomOption, userId } from '../../helpers/fields';
import { readMessage } from '../../helpers/readMessage';
import { readTopic, topicOptions } from './groupMessage';

/**
 * import_group_msg — import historical group messages, one message per input item; consecutive
 * items of the same group (and topic and conversation flag) share a call of up to 7 messages, the
 * documented maximum of MsgList (trtc.io/document/34968; doocs/qcloud-im-server-sdk-java
 * ImportGroupMsgRequest.java / GroupMsgItem.java: From_Account, SendTime, Random, MsgBody;
 * RecentContactFlag, TopicId; ImportGroupMsgResult.java / ImportMsgResultItem.java: MsgSeq,
 * MsgTime, Result per message, in MsgList order). Result 0 is imported; otherwise the item fails
 * with that code (dobyte/tencent-im group/types.go: 10004 invalid send time, 80001 dirty words,
 * 80002 body too long).
 */

export const MAX_IMPORT_PER_CALL = 7;

const RESULT_REASONS: Record<number, string> = {
	10004: 'the send time is not valid',
	80001: 'the message contains blocked words',
	80002: 'the message body is too long',
};

interface Plan {
	GroupId: string;
	topic: string | undefined;
	recentContact: boolean;
	msg: { From_Account: string; SendTime: number; Random: number } & Record<string, unknown>;
}

export const importMessages = tencentOperation<Plan>({
	resource: 'group',
	operation: 'importMessages',
	option: { name: 'Import Messages', description: 'Import historical messages into a group, up to 7 per call (import_group_msg)', action: 'Import group messages' },
	properties: [
		groupIdField,
		{ displayName: 'Sender User ID', name: 'fromAccount', type: 'string', default: '', required: true, placeholder: 'user_1001', description: 'Who sent the message (From_Account)' },
		{
			displayName: 'Send Time',
			name: 'sendTime',
			type: 'number',
			default: '',
			required: true,
			typeOptions: { minValue: 1, maxValue: 4294967295, numberPrecision: 0 },
			placeholder: '1620892800',
			description: 'When the message was sent, UNIX seconds, 1 to 4294967295 (SendTime)',
		},
		...messageFields,
		topicOptions([
			randomOption('random', 'De-duplication Number (Random)', 'Random value of the message (Random).'),
			{ displayName: 'Update Conversations', name: 'recentContactFlag', type: 'boolean', default: false, description: "Whether the import updates the members' conversation lists (RecentContactFlag 1)" },
		]),
	],
	read(r) {
		const { MsgBody } = readMessage(r.ctx, r.itemIndex, 'import');
		return {
			GroupId: r.param('groupId', groupIdSchema, 'Group ID'),
			topic: readTopic(r),
			recentContact: r.option('options', 'recentContactFlag', z.boolean({ invalid_type_error: 'must be true or false' }), 'Update Conversations', false),
			msg: {
				From_Account: r.param('fromAccount', userId, 'Sender User ID'),
				SendTime: r.param('sendTime', intInRange(1, 4294967295), 'Send Time'),
				Random: r.option('options', 'random', optionalUint32, 'De-duplication Number (Random)', '') ?? drawUint32(),
				MsgBody,
			},
		};
	},
	shape: coalesce({
		max: () => MAX_IMPORT_PER_CALL,
		sameCallKey: (p) => `${p.GroupId}\u0000${p.topic ?? ''}\u0000${p.recentContact}`,
		run: async (call: Array<PreparedItem<Plan>>, send) => {
			const head = call[0].plan;
			const body: Record<string, unknown> = { GroupId: head.GroupId, MsgList: call.map((c) => c.plan.msg) };
			if (head.recentContact) body.RecentContactFlag = 1;
			if (head.topic) body.TopicId = head.topic;
			// Not repeated blindly: whether Tencent drops a re-imported message is not documented.
			const answer = await send(tencentApi('group_open_http_svc/import_group_msg'), body);
			const results = (answer.result.ImportMsgResult ?? []) as IDataObject[];
			return call.map(({ plan }, k): IDataObject => {
				const res = results[k] ?? {};
				const code = Number(res.Result ?? -1);
				const common = { groupId: plan.GroupId, from: plan.msg.From_Account, sendTime: plan.msg.SendTime, random: String(plan.msg.Random), messagesInCall: call.length, requestId: requestIdOf(answer) };
				if (code === 0) return { status: 'imported', ...common, msgSeq: String(res.MsgSeq), msgTime: res.MsgTime as number };
				return { status: res.Result === undefined ? 'unknown' : 'failed', ...common, code: String(res.Result ?? ''), reason: RESULT_REASONS[code] ?? (res.Result === undefined ? 'Tencent did not answer for this message' : 'refused by Tencent Chat') };
			});
		},
	}),
	doc: {
		api: '`group_open_http_svc/import_group_msg`',
		limits:
			'One message per item; consecutive items of the same group share a call of up to 7 (MsgList maximum). Each item answers with its own Result (imported with MsgSeq, or failed with code and reason). Not repeated after a lost answer. Sources: trtc.io/document/34968; doocs `ImportGroupMsgRequest.java`, `ImportMsgResultItem.java`; dobyte/tencent-im `group/types.go`.',
	},
});
